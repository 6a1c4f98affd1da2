import ChainRule

/// Checking the names given on the command line (`--of`, `--wrt`, `--perturb`) against a network: a name
/// the network does not have is a command-line mistake (exit 2), with the closest names suggested.
enum NameOptions {
    /// Stops with a usage error unless `name` is a node of `network` or a component of one (`W1[1,2]`).
    static func check(_ name: String, option: String, in network: Network, spec: CommandSpec) throws(Stop) {
        guard network.index(of: name) == nil, network.scalarLocation(name) == nil else { return }
        throw spec.usageError("--\(option): the network has no '\(name)'" + hint(name, network))
    }

    /// Stops with a usage error unless `of` and `wrt` name an edge of the graph: `wrt` a direct input of
    /// `of` in the scalar graph, with pre-activations folded into their neurons (∂h1/∂w11) or not (∂h1/∂z_h1).
    static func checkEdge(of: String, wrt: String, in network: Network, spec: CommandSpec) throws(Stop) {
        try check(of, option: "perturb", in: network, spec: spec)
        try check(wrt, option: "perturb", in: network, spec: spec)
        var inputs: [String] = []
        for contracting in [true, false] {
            let graph = network.scalarGraph(contractingPreactivations: contracting)
            guard let q = graph.index(of: of) else { continue }
            let names = graph.nodes[q].inputs.map { graph.nodes[$0].name }
            if names.contains(wrt) { return }
            inputs += names.filter { !inputs.contains($0) }
        }
        let known = inputs.isEmpty ? "'\(of)' has no inputs" : "the inputs of '\(of)' are " + inputs.map { "'\($0)'" }.joined(separator: ", ")
        throw spec.usageError("--perturb \(of),\(wrt): '\(wrt)' is not a direct input of '\(of)', so ∂\(of)/∂\(wrt) is not a local partial (\(known))")
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
