extension Network {
    /// Parses and builds a network from `.nn` source text: the whole front end in one call.
    public static func parse(_ source: String) -> Result<Network, Diagnostics> {
        let file = Parser.parse(source)
        if file.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(Diagnostics(file.diagnostics))
        }
        return NetworkBuilder.build(title: file.title, statements: file.statements, warnings: file.diagnostics)
    }
}
