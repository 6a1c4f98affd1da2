extension Network {
    /// ∂of/∂wrt on this network's scalar graph: the contracted view (pre-activations folded into
    /// their neurons), or the uncontracted one when either name is a pre-activation (∂E/∂z_h1).
    ///
    /// Names are scalars or components (`x1`, `W1[1,2]`); a whole vector or matrix is an error.
    public func derivation(of: String, wrt: String) throws(DerivationError) -> Derivation {
        try Derivation(graph: scalarGraph(contractingPreactivations: contractsPreactivations(of: of, wrt: wrt)), of: of, wrt: wrt)
    }

    /// Which scalar graph ∂of/∂wrt is taken on (see ``derivation(of:wrt:)``): the contracted view
    /// unless either name is a pre-activation. Throws when a name is unknown or not a scalar.
    public func contractsPreactivations(of: String, wrt: String) throws(DerivationError) -> Bool {
        var preactivation = false
        for name in [of, wrt] {
            let base = name.split(separator: "[", maxSplits: 1).first.map(String.init) ?? name
            guard let node = self[base] else { throw .unknownName(name) }
            if base == name, !node.shape.isScalar {
                throw .notScalar(name, example: Node.componentName(name, node.shape.dimensions.map { min($0, 2) }))
            }
            if node.kind == .preactivation { preactivation = true }
        }
        return !preactivation
    }

    /// The quantity `--of` defaults to: the loss when there is one, else the only output.
    public var defaultOutput: String? {
        if let loss { return nodes[loss].name }
        let outputs = self.outputs
        guard outputs.count == 1 else { return nil }
        return nodes[outputs[0]].shape.isScalar ? nodes[outputs[0]].name : nil
    }
}
