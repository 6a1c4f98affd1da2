extension Network {
    /// The network with these leaf values set (by node index), other values kept.
    public func settingValues(_ values: [Int: Tensor]) -> Network {
        var copy = self
        for (index, value) in values where copy.nodes[index].kind.isLeaf { copy.nodes[index].value = value }
        return copy
    }

    /// Whether some node applies an unspecified activation such as the quiz's `g`.
    public var usesUnspecifiedActivation: Bool {
        nodes.contains { node in
            var found = false
            _ = node.formula?.rewritten {
                if case .apply(.unspecified, _) = $0 { found = true }
                return nil
            }
            return found
        }
    }

    /// The network with every unspecified activation (`g`) replaced by a concrete one, so that it can
    /// be evaluated numerically (the chain-rule structure does not depend on the choice).
    public func replacingUnspecifiedActivations(with function: Function) -> Network {
        var copy = self
        for index in copy.nodes.indices {
            copy.nodes[index].formula = copy.nodes[index].formula?.rewritten {
                if case .apply(.unspecified, let arguments) = $0 { return .apply(function, arguments) }
                return nil
            }
        }
        return copy
    }

    /// The network with node `index` turned into an input holding `value`: what is upstream of it no
    /// longer reaches its consumers. Differentiating with respect to the new input gives the total
    /// derivative with respect to the node (the way to take finite differences at an inner node).
    public func cutting(at index: Int, value: Tensor) -> Network {
        var copy = self
        copy.nodes[index].kind = .input
        copy.nodes[index].formula = nil
        copy.nodes[index].preactivation = nil
        copy.nodes[index].value = value
        return copy
    }
}
