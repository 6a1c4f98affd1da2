extension Network {
    /// Parses and builds a network from `.nn` source text: the whole front end in one call.
    public static func parse(_ source: String) -> Result<Network, Diagnostics> {
        let file = Parser.parse(source)
        if file.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(Diagnostics(file.diagnostics))
        }
        return NetworkBuilder.build(title: file.title, statements: file.statements, warnings: file.diagnostics).flatMap { network in
            var network = network
            return network.declare(file.notations).map { network }
        }
    }

    /// Attaches `notation` statements, each target checked to be a name of the network (a node or a
    /// component), with the closest names when it is not.
    mutating func declare(_ notations: [Notation]) -> Result<Void, Diagnostics> {
        let names = nodes.flatMap { $0.shape.isScalar ? [$0.name] : [$0.name] + $0.componentNames }
        let known = Set(names)
        var errors: [Diagnostic] = []
        for notation in notations {
            for target in notation.targets where !known.contains(target) {
                let closest = AnswerNameMatcher(names).closest(to: AnswerNameMatcher.key(target))
                let hint = closest.isEmpty ? "" : "; did you mean \(closest.joined(separator: ", "))?"
                errors.append(Diagnostic(at: notation.location, "notation: '\(target)' is not a name of the network\(hint)"))
            }
        }
        guard errors.isEmpty else { return .failure(Diagnostics(errors)) }
        notation = notations
        return .success(())
    }
}
