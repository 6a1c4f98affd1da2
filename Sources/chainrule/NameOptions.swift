import ChainRule

/// Checking the names given on the command line (`--of`, `--wrt`, `--perturb`) against a network: a name
/// the network does not have is a command-line mistake (exit 2), with the closest names suggested.
enum NameOptions {
    /// Stops with a usage error unless `name` is a node of `network` or a component of one (`W1[1,2]`).
    static func check(_ name: String, option: String, in network: Network, spec: CommandSpec) throws(Stop) {
        guard network.index(of: name) == nil, network.scalarLocation(name) == nil else { return }
        throw spec.usageError("--\(option): the network has no '\(name)'" + hint(name, network))
    }

    /// Stops with a usage error unless `of` and `wrt` name an edge of the graph: `wrt` a direct input of `of`.
    static func checkEdge(of: String, wrt: String, in network: Network, spec: CommandSpec) throws(Stop) {
        try check(of, option: "perturb", in: network, spec: spec)
        try check(wrt, option: "perturb", in: network, spec: spec)
        let q = network.index(of: of) ?? network.scalarLocation(of)?.node
        let u = network.index(of: wrt) ?? network.scalarLocation(wrt)?.node
        guard let q, let u, network.nodes[q].formula?.references.contains(u) == true else {
            let inputs = q.map { network.nodes[$0].formula?.references.map { network.nodes[$0].name } ?? [] } ?? []
            let known = inputs.isEmpty ? "'\(of)' has no inputs" : "the inputs of '\(of)' are " + inputs.map { "'\($0)'" }.joined(separator: ", ")
            throw spec.usageError("--perturb \(of),\(wrt): '\(wrt)' is not a direct input of '\(of)', so ∂\(of)/∂\(wrt) is not a local partial (\(known))")
        }
    }

    /// `; did you mean …?` among the node names and, when the name has brackets, the component names.
    private static func hint(_ name: String, _ network: Network) -> String {
        let nodes = network.nodes
        var candidates = nodes.map(\.name)
        if name.contains("[") {
            candidates += nodes.filter { $0.shape.count <= 10_000 && !$0.shape.isScalar }.flatMap(\.componentNames)
        }
        return Suggestions.hint(for: name, among: candidates)
    }
}
