import ChainRule

/// `chainrule draw FILE --format svg|tikz|dot|mermaid [-o FILE]`: the network as a picture.
enum DrawCommand {
    static let spec = CommandSpec(
        name: "draw", summary: "draw the neuron graph as SVG, TikZ, Graphviz DOT or Mermaid",
        synopsis: "FILE [--format svg|tikz|dot|mermaid] [-o FILE [--force]]",
        options: [("format", DrawingFormat.allCases.map(\.rawValue), "output format (default svg)"),
                  ("output", [], "write to this file (atomically) instead of standard output")],
        flags: [("force", "with -o: replace the file if it exists")],
        aliases: ["o": "output"],
        details: """
            Inputs on the left, the loss on the right, layers by depth. Small networks are drawn neuron
            by neuron with weights on the edges; larger ones one box per vector.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let network = try Files.network(arguments.positional[0])
        let format = DrawingFormat(rawValue: arguments.value("format", default: "svg") ?? "svg") ?? .svg
        let text = format.text(GraphLayout(network: network))
        if let path = arguments.value("output") {
            try OutputFile.write(text, to: path, force: arguments.flags.contains("force"))
        } else {
            Console.out(text)
        }
        return .success
    }
}
