import Foundation

/// Prints a ``GraphLayout`` as a TikZ `tikzpicture` (needs `\usepackage{tikz}` with
/// `\usetikzlibrary{arrows.meta}`; drawings of whole vectors also `amssymb` for ℝ): the same
/// positions as the SVG, names in math mode (`$x_1$`, `$\hat{y}$`).
public struct TikZDrawing {
    /// The layout to print.
    public var layout: GraphLayout

    /// Creates a printer for `layout`.
    public init(layout: GraphLayout) { self.layout = layout }

    /// Centimetres per layout unit.
    static let scale = 0.02

    /// Fill and draw colours per role, as `xcolor` mixes (the SVG's palette in spirit).
    static let styles: [NodeKind: String] = [
        .input: "fill=blue!12, draw=blue!70!black",
        .computed: "fill=yellow!20, draw=orange!70!black",
        .preactivation: "fill=yellow!20, draw=orange!70!black",
        .loss: "fill=red!12, draw=red!70!black",
    ]

    /// The picture.
    public var text: String {
        let graph = layout.graph, m = layout.metrics
        let ids = graph.identifiers(separator: "-")
        let unit = TikZDrawing.number(TikZDrawing.scale) + "cm"
        var lines = ["% " + (graph.title ?? "Network"), "% " + layout.summary,
                     "% Needs \\usepackage{tikz} and \\usetikzlibrary{arrows.meta}" + (graph.isScalar ? "." : "; also \\usepackage{amssymb}."),
                     "\\begin{tikzpicture}[x=\(unit), y=-\(unit), >={Stealth[length=2.2mm]},",
                     "  every node/.style={inner sep=1pt, font=\\small},",
                     "  edge/.style={->, draw=black!70, line width=0.5pt, shorten >=0.3pt},",
                     "  weight/.style={font=\\scriptsize, fill=white, inner sep=0.5pt, text=black}]"]
        for (i, node) in layout.nodes.enumerated() {
            let n = graph.nodes[i]
            let size = "minimum width=\(TikZDrawing.number(node.width * TikZDrawing.scale))cm, minimum height=\(TikZDrawing.number(node.height * TikZDrawing.scale))cm"
            let shape = node.isRound ? "circle, " + "minimum size=\(TikZDrawing.number(node.width * TikZDrawing.scale))cm"
                : "rectangle, rounded corners=\(n.kind == .loss ? "2pt" : "\(TikZDrawing.number(min(node.height / 2, m.radius) * TikZDrawing.scale))cm"), " + size
            let style = (TikZDrawing.styles[n.kind] ?? "draw") + ", line width=0.6pt, " + shape
            var label = "$" + n.label.latex + "$"
            if let caption = n.caption { label = "\\begin{tabular}{@{}c@{}}" + label + "\\\\[-1pt]{\\scriptsize $" + caption.latex + "$}\\end{tabular}" }
            lines.append("\\node[\(style)] (\(ids[i])) at (\(TikZDrawing.point(node.center))) {\(label)};")
        }
        for (i, edge) in layout.edges.enumerated() {
            let e = graph.edges[i]
            var path = "(\(ids[e.from]))"
            let pieces = edge.curve
            for (k, piece) in pieces.enumerated() {
                let end = k == pieces.count - 1 ? "(\(ids[e.to]))" : "(\(TikZDrawing.point(piece.end)))"
                path += pieces.count == 1 ? " -- " + end
                    : " .. controls (\(TikZDrawing.point(piece.c1))) and (\(TikZDrawing.point(piece.c2))) .. " + end
            }
            lines.append("\\draw[edge] \(path);")
        }
        for (i, edge) in layout.edges.enumerated() {
            guard let at = edge.label, let label = graph.edges[i].label else { continue }
            lines.append("\\node[weight] at (\(TikZDrawing.point(at))) {$\(label.latex)$};")
        }
        for matrix in layout.matrices {
            let rows = matrix.rows.map { $0.map { $0 == "·" ? "\\cdot" : $0 }.joined(separator: " & ") }.joined(separator: " \\\\ ")
            let columns = String(repeating: "c", count: matrix.rows.first?.count ?? 1)
            lines.append("\\node[weight] at (\(TikZDrawing.point(matrix.center))) {$\\setlength{\\arraycolsep}{2pt}\(matrix.name.latex) \\left[\\begin{array}{\(columns)}\(rows)\\end{array}\\right]$};")
        }
        lines.append("\\end{tikzpicture}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func point(_ p: GraphLayout.Point) -> String { SVGDrawing.number(p.x) + "," + SVGDrawing.number(p.y) }

    static func number(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return text.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
