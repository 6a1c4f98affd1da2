/// Prints a ``GraphLayout`` as a Graphviz digraph: left to right, one `rank=same` group per layer in
/// the layout's order, HTML-like labels with `<SUB>` subscripts, the SVG's colours and ids.
public struct DOTDrawing {
    /// The layout to print.
    public var layout: GraphLayout

    /// Creates a printer for `layout`.
    public init(layout: GraphLayout) { self.layout = layout }

    /// The digraph.
    public var text: String {
        let graph = layout.graph
        let ids = graph.identifiers(separator: ".")
        var lines = ["// " + (graph.title ?? "Network"), "// " + layout.summary,
                     "digraph network {",
                     "  rankdir=LR;",
                     "  graph [label=\(DOTDrawing.quoted(graph.title ?? "")), labelloc=t, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.6];",
                     "  node [shape=circle, style=filled, fontname=\"Times-Italic\", fontcolor=\"\(SVGDrawing.ink)\", margin=0.02];",
                     "  edge [color=\"\(SVGDrawing.edgeColour)\", arrowsize=0.7, fontname=\"Times\", fontsize=10];"]
        for (l, layer) in layout.layers.enumerated() where !layer.isEmpty {
            lines.append("  { rank=same; // layer \(l + 1)")
            for i in layer {
                let n = graph.nodes[i], colours = SVGDrawing.palette[n.kind] ?? ("#ffffff", SVGDrawing.ink)
                var label = DOTDrawing.html(n.label)
                if let caption = n.caption { label += "<BR/><FONT POINT-SIZE=\"10\">" + DOTDrawing.html(caption) + "</FONT>" }
                let shape = layout.nodes[i].isRound ? "" : ", shape=box, style=\"filled,rounded\""
                lines.append("    \(DOTDrawing.quoted(ids[i])) [id=\"node-\(ids[i])\", label=<\(label)>, fillcolor=\"\(colours.fill)\", color=\"\(colours.stroke)\"\(shape)];")
            }
            lines.append("  }")
        }
        for e in graph.edges {
            let label = e.label.map { ", label=<" + DOTDrawing.html($0) + ">" } ?? ""
            lines.append("  \(DOTDrawing.quoted(ids[e.from])) -> \(DOTDrawing.quoted(ids[e.to])) [id=\"edge-\(ids[e.from])-\(ids[e.to])\"\(label)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An HTML-like label: subscripts in `<SUB>`, superscripts in `<SUP>`.
    static func html(_ text: DrawText) -> String {
        text.runs.map { run in
            let body = HTMLText.escaped(run.text)
            switch run.level {
            case .base: return body
            case .sub: return "<SUB>" + body + "</SUB>"
            case .sup: return "<SUP>" + body + "</SUP>"
            }
        }.joined()
    }

    /// A DOT string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
