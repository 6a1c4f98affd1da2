extension Network {
    /// The node and row-major offset of a scalar name (`x1`, `a1[2]`, `W1[1,2]`).
    public func scalarLocation(_ name: String) -> (node: Int, offset: Int)? {
        if let index = index(of: name), nodes[index].shape.count == 1 { return (index, 0) }
        for (index, node) in nodes.enumerated() where name.hasPrefix(node.name + "[") {
            if let offset = node.componentNames.firstIndex(of: name) { return (index, offset) }
        }
        return nil
    }
}
