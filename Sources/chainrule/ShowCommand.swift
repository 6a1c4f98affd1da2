import ChainRule

/// `chainrule show FILE`: the network as the tool understood it.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show", summary: "print a network: nodes, edges, parameters, shapes, questions",
        synopsis: "FILE [--format text|json]",
        options: [("format", ["text", "json"], "output format (default text)")])

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let network = try Files.network(arguments.positional[0])
        switch arguments.value("format", default: "text") {
        case "json": Console.out(NetworkJSON(network: network).json.serialized(pretty: true))
        default: Console.out(NetworkSummary(network: network).text)
        }
        return .success
    }
}
