extension Network {
    /// The component names of each target that feeds a cross-entropy: their values sum to 1 (a
    /// one-hot or probability target), which normalization needs to turn softmax with cross-entropy
    /// into p − t.
    public var unitSums: [[String]] {
        var groups: [[String]] = []
        func visit(_ formula: Formula) {
            if case .crossEntropy(_, let t) = formula {
                for i in t.references where nodes[i].kind == .target && nodes[i].shape.count > 1 {
                    groups.append(nodes[i].componentNames)
                }
            }
            formula.children.forEach(visit)
        }
        nodes.compactMap(\.formula).forEach(visit)
        return groups
    }
}
