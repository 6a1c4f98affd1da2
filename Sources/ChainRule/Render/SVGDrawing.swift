import Foundation

/// Prints a ``GraphLayout`` as a standalone SVG 1.1 document: a `<title>` and a `<desc>` in words,
/// nodes as circles or rounded boxes coloured by role, edges with arrowheads, names typeset with
/// subscripts, and stable ids (`node-a`, `edge-a-c`, `label-a-c`) for interactive pages.
public struct SVGDrawing {
    /// The layout to print.
    public var layout: GraphLayout

    /// Creates a printer for `layout`.
    public init(layout: GraphLayout) { self.layout = layout }

    /// Fill, stroke and text colours per role (text contrast ≥ 4.5:1 on its fill, WCAG AA).
    static let palette: [NodeKind: (fill: String, stroke: String)] = [
        .input: ("#dbeafe", "#1d4ed8"),
        .computed: ("#fef3c7", "#a16207"),
        .preactivation: ("#fef3c7", "#a16207"),
        .loss: ("#fee2e2", "#b91c1c"),
    ]
    /// The one font family of every text in the drawing (set once, on the `<svg>` element).
    static let fontFamily = "DejaVu Serif, Times New Roman, serif"
    /// Text colour (contrast ≥ 13:1 on every fill).
    static let ink = "#111827"
    /// Edges and arrowheads (contrast 7.6:1 on white).
    static let edgeColour = "#4b5563"

    /// The document.
    public var text: String {
        let m = layout.metrics, graph = layout.graph
        let ids = graph.identifiers(separator: ".")
        let w = SVGDrawing.number(layout.width), h = SVGDrawing.number(layout.height)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(w)" height="\#(h)" viewBox="0 0 \#(w) \#(h)" font-family="\#(SVGDrawing.fontFamily)" role="img" aria-labelledby="title desc">"#,
            "<title id=\"title\">\(HTMLText.escaped(graph.title ?? "Network"))</title>",
            "<desc id=\"desc\">\(HTMLText.escaped(layout.summary))</desc>",
            "<defs>",
            #"<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="\#(SVGDrawing.edgeColour)"/></marker>"#,
            "</defs>",
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
            "<g id=\"edges\" fill=\"none\" stroke=\"\(SVGDrawing.edgeColour)\" stroke-width=\"1.4\">",
        ]
        for (i, edge) in layout.edges.enumerated() {
            let e = graph.edges[i], id = ids[e.from] + "-" + ids[e.to]
            guard let start = edge.route.first else { continue }
            let d = "M" + SVGDrawing.point(start) + edge.curve.map { piece in
                edge.route.count == 2 ? " L" + SVGDrawing.point(piece.end)
                    : " C" + [piece.c1, piece.c2, piece.end].map(SVGDrawing.point).joined(separator: " ")
            }.joined()
            lines.append("<path id=\"edge-\(id)\" class=\"edge\" d=\"\(d)\" marker-end=\"url(#arrow)\"/>")
        }
        lines.append("</g>")
        let labels = layout.edges.indices.compactMap { i -> String? in
            guard let at = layout.edges[i].label, let label = graph.edges[i].label else { return nil }
            let e = graph.edges[i], w = label.width * m.smallFontSize + 6, h = m.smallFontSize * 1.25
            return "<g id=\"label-\(ids[e.from])-\(ids[e.to])\">"
                + "<rect x=\"\(SVGDrawing.number(at.x - w / 2))\" y=\"\(SVGDrawing.number(at.y - h / 2))\" width=\"\(SVGDrawing.number(w))\" height=\"\(SVGDrawing.number(h))\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>"
                + "<text x=\"\(SVGDrawing.number(at.x))\" y=\"\(SVGDrawing.number(at.y + m.smallFontSize * 0.35))\">"
                + SVGDrawing.runs(label, size: m.smallFontSize) + "</text></g>"
        }
        if !labels.isEmpty {
            lines.append("<g id=\"weights\" font-size=\"\(SVGDrawing.number(m.smallFontSize))\" text-anchor=\"middle\" fill=\"\(SVGDrawing.ink)\">")
            lines += labels
            lines.append("</g>")
        }
        lines += matrices
        lines.append("<g id=\"nodes\" font-size=\"\(SVGDrawing.number(m.fontSize))\" text-anchor=\"middle\" stroke-width=\"1.6\">")
        for (i, node) in layout.nodes.enumerated() {
            let n = graph.nodes[i], colours = SVGDrawing.palette[n.kind] ?? ("#ffffff", SVGDrawing.ink)
            let c = node.center
            lines.append("<g id=\"node-\(ids[i])\" class=\"node \(n.kind.rawValue)\">")
            let paint = "fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\""
            if node.isRound {
                lines.append("<circle cx=\"\(SVGDrawing.number(c.x))\" cy=\"\(SVGDrawing.number(c.y))\" r=\"\(SVGDrawing.number(node.width / 2))\" \(paint)/>")
            } else {
                let radius = n.kind == .loss ? 6 : min(node.height / 2, m.radius)
                lines.append("<rect x=\"\(SVGDrawing.number(c.x - node.width / 2))\" y=\"\(SVGDrawing.number(c.y - node.height / 2))\" width=\"\(SVGDrawing.number(node.width))\" height=\"\(SVGDrawing.number(node.height))\" rx=\"\(SVGDrawing.number(radius))\" \(paint)/>")
            }
            let captionLift = n.caption == nil ? 0 : m.smallFontSize * 0.9
            lines.append("<text x=\"\(SVGDrawing.number(c.x))\" y=\"\(SVGDrawing.number(c.y + m.fontSize * 0.35 - captionLift))\" fill=\"\(SVGDrawing.ink)\">"
                         + SVGDrawing.runs(n.label, size: m.fontSize) + "</text>")
            if let caption = n.caption {
                lines.append("<text x=\"\(SVGDrawing.number(c.x))\" y=\"\(SVGDrawing.number(c.y + m.fontSize * 0.35 + captionLift))\" font-size=\"\(SVGDrawing.number(m.smallFontSize))\" fill=\"\(SVGDrawing.ink)\">"
                             + SVGDrawing.runs(caption, size: m.smallFontSize) + "</text>")
            }
            lines.append("</g>")
        }
        lines += ["</g>", "</svg>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The matrices shown beside their layers: the name, brackets, and the entries in a grid.
    private var matrices: [String] {
        let m = layout.metrics, ink = SVGDrawing.ink
        guard !layout.matrices.isEmpty else { return [] }
        var lines = ["<g id=\"matrices\" font-size=\"\(SVGDrawing.number(m.smallFontSize))\" text-anchor=\"middle\" fill=\"\(ink)\">"]
        for (k, matrix) in layout.matrices.enumerated() {
            let id = String(matrix.parameter.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            let top = matrix.top + 1, bottom = matrix.top + matrix.height - 1
            let left = matrix.bracket, right = matrix.left + matrix.width - 2
            let n = SVGDrawing.number
            lines.append("<g id=\"matrix-\(id.isEmpty ? String(k) : id)\" class=\"matrix\">")
            lines.append("<rect x=\"\(n(matrix.left))\" y=\"\(n(matrix.top))\" width=\"\(n(matrix.width))\" height=\"\(n(matrix.height))\" rx=\"3\" fill=\"#ffffff\"/>")
            lines.append("<text x=\"\(n(matrix.left + 2))\" y=\"\(n(matrix.center.y + m.smallFontSize * 0.35))\" text-anchor=\"start\">"
                         + SVGDrawing.runs(matrix.name, size: m.smallFontSize) + "</text>")
            lines.append("<path d=\"M\(n(left + 4)),\(n(top)) L\(n(left)),\(n(top)) L\(n(left)),\(n(bottom)) L\(n(left + 4)),\(n(bottom)) M\(n(right - 4)),\(n(top)) L\(n(right)),\(n(top)) L\(n(right)),\(n(bottom)) L\(n(right - 4)),\(n(bottom))\" fill=\"none\" stroke=\"\(ink)\" stroke-width=\"1\"/>")
            for (i, row) in matrix.rows.enumerated() {
                for (j, entry) in row.enumerated() {
                    let at = matrix.cell(i, j)
                    lines.append("<text x=\"\(n(at.x))\" y=\"\(n(at.y + m.smallFontSize * 0.35))\">"
                                 + HTMLText.escaped(entry.replacingOccurrences(of: "-", with: "−")) + "</text>")
                }
            }
            lines.append("</g>")
        }
        return lines + ["</g>"]
    }

    /// The runs of a label as `<tspan>`s: subscripts and superscripts shifted with `dy` and smaller,
    /// letters in italic as in mathematics; spaces as no-break spaces, and leading ones as `dx` (renderers
    /// drop them at a `<tspan>` boundary).
    static func runs(_ text: DrawText, size: Double) -> String {
        var shift = 0.0, result = ""
        for run in text.runs {
            let target = run.level == .sub ? size * 0.3 : run.level == .sup ? -size * 0.4 : 0
            var attributes = "", text = Substring(run.text)
            let lead = text.prefix { $0 == " " }.count
            if lead > 0 && !result.isEmpty {
                text = text.dropFirst(lead)
                attributes += " dx=\"\(number(Double(lead) * size * 0.32))\""
            }
            if target != shift { attributes += " dy=\"\(number(target - shift))\"" }
            shift = target
            if run.level != .base { attributes += " font-size=\"\(number(size * 0.7))\"" }
            if text.contains(where: { $0.isLetter && $0 != "ℝ" }) { attributes += " font-style=\"italic\"" }
            let body = HTMLText.escaped(String(text)).replacingOccurrences(of: " ", with: "\u{00A0}")
            result += attributes.isEmpty ? body : "<tspan\(attributes)>\(body)</tspan>"
        }
        return result
    }

    /// A coordinate with at most two decimals, never `-0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    static func point(_ p: GraphLayout.Point) -> String { number(p.x) + "," + number(p.y) }
}
