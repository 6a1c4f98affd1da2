/// Prints a ``GraphLayout`` as a Mermaid `flowchart LR` for Markdown answer keys: circles for
/// neurons, a box for the loss, names with Unicode subscripts (or `<sub>` where Unicode has none),
/// weights on the edges, colours by role.
public struct MermaidDrawing {
    /// The layout to print.
    public var layout: GraphLayout

    /// Creates a printer for `layout`.
    public init(layout: GraphLayout) { self.layout = layout }

    /// The flowchart.
    public var text: String {
        let graph = layout.graph
        let ids = graph.identifiers(separator: "_").map { $0.lowercased() == "end" ? "n_" + $0 : $0 }
        var lines = ["%% " + (graph.title ?? "Network").replacingOccurrences(of: "\n", with: " "), "flowchart LR"]
        for layer in layout.layers {
            for i in layer {
                let n = graph.nodes[i]
                var label = MermaidDrawing.label(n.label)
                if let caption = n.caption { label += "<br/>" + MermaidDrawing.label(caption) }
                let shape = layout.nodes[i].isRound ? ("((\"", "\"))") : n.kind == .loss ? ("[\"", "\"]") : ("(\"", "\")")
                lines.append("  \(ids[i])\(shape.0)\(label)\(shape.1)")
            }
        }
        for e in graph.edges {
            let label = e.label.map { "|\"" + MermaidDrawing.label($0) + "\"|" } ?? ""
            lines.append("  \(ids[e.from]) -->\(label) \(ids[e.to])")
        }
        for kind in [NodeKind.input, .computed, .preactivation, .loss] {
            let members = graph.nodes.indices.filter { graph.nodes[$0].kind == kind }.map { ids[$0] }
            guard !members.isEmpty, let colours = SVGDrawing.palette[kind] else { continue }
            lines.append("  classDef \(kind.rawValue) fill:\(colours.fill),stroke:\(colours.stroke),color:\(SVGDrawing.ink)")
            lines.append("  class \(members.joined(separator: ",")) \(kind.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Unicode when every subscript has a Unicode form, else `<sub>`/`<sup>`; quotes as `#quot;`.
    static func label(_ text: DrawText) -> String {
        let body = text.isPlainUnicode ? text.unicode : text.runs.map { run in
            switch run.level {
            case .base: run.text
            case .sub: "<sub>" + run.text + "</sub>"
            case .sup: "<sup>" + run.text + "</sup>"
            }
        }.joined()
        return body.replacingOccurrences(of: "\"", with: "#quot;")
    }
}
