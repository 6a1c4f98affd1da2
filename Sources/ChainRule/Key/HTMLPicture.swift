/// The network picture of one problem on a page: ``SVGDrawing``'s drawing inline, its ids prefixed
/// so that several problems share a page, nodes focusable, forward values on the nodes and the
/// gradient of each weight under (or over) its label where it covers no other label (as micrograd's
/// graph shows data and grad; every gradient is also in the node table); and the
/// element ids of the picture's nodes and edges, by the scalar names of the graph derived on.
struct HTMLPicture {
    /// The `<svg>` element, in a box that scrolls sideways when the page is too narrow for it.
    let svg: String
    /// The least size in CSS pixels of the smallest text (weights, matrices, gradients) on any screen.
    static let leastLabelSize = 10.0
    /// The id prefix of every element of the picture (`quiz-problem-3-`).
    let prefix: String
    private let drawing: DrawingGraph
    private let ids: [String]
    private let nodeIndex: [String: Int]

    /// The picture of `network`, with `values` (forward values by scalar name) as node captions and
    /// `gradients` (∂L/∂w by parameter name) under the weight labels, rounded to `digits`.
    init(network: Network, prefix: String, values: [String: Double] = [:], gradients: [String: Double] = [:], digits: Int) {
        var drawing = DrawingGraph(network: network)
        for i in drawing.nodes.indices where drawing.nodes[i].kind != .input && drawing.isScalar {
            drawing.nodes[i].value = values[drawing.nodes[i].name].map { HTMLPicture.rounded($0, digits) }
        }
        let layout = GraphLayout(graph: drawing)
        drawing = layout.graph  // edges of a layer whose weights are shown as a matrix lose their labels
        let ids = drawing.identifiers(separator: ".")
        var svg = SVGDrawing(layout: layout).text
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        for (i, node) in drawing.nodes.enumerated() {
            let name = node.label.unicode + (node.caption.map { " " + $0.unicode } ?? "")
            svg = svg.replacingOccurrences(of: "<g id=\"node-\(ids[i])\" class=",
                                           with: "<g id=\"node-\(ids[i])\" tabindex=\"0\" aria-label=\"\(HTMLText.escaped(name))\" class=")
        }
        // Each gradient goes under its weight label, else over it, wherever it covers no other label.
        var marks: [String] = []
        // A line of small text takes about 1.5 em in a browser (DejaVu's ascent and descent), more than its box.
        let m = layout.metrics, h = m.smallFontSize * 1.25, line = m.smallFontSize * 1.5
        var taken: [(x: Double, y: Double, w: Double)] = drawing.edges.indices.compactMap { i in
            guard let at = layout.edges[i].label, let label = drawing.edges[i].label else { return nil }
            return (at.x, at.y, label.width * m.smallFontSize + 6)
        }
        for (i, edge) in drawing.edges.enumerated() {
            guard let weight = edge.weight, let at = layout.edges[i].label, let g = gradients[weight] else { continue }
            let text = "grad " + TextPrinter(digits: digits).number(.real(g))
            let w = Double(text.count) * m.smallFontSize * 0.55 + 6
            let free = { (y: Double) in
                !taken.contains { abs($0.x - at.x) * 2 < $0.w + w && abs($0.y - y) < line }
                    && !layout.nodes.contains { abs($0.center.x - at.x) * 2 < $0.width + w && abs($0.center.y - y) * 2 < $0.height + line }
            }
            guard let y = [at.y + line, at.y - line].first(where: free) else { continue }
            taken.append((at.x, y, w))
            marks.append("<g class=\"grad\"><rect x=\"\(SVGDrawing.number(at.x - w / 2))\" y=\"\(SVGDrawing.number(y - h / 2))\" width=\"\(SVGDrawing.number(w))\" height=\"\(SVGDrawing.number(h))\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>"
                         + "<text x=\"\(SVGDrawing.number(at.x))\" y=\"\(SVGDrawing.number(y + m.smallFontSize * 0.35))\">\(HTMLText.escaped(text))</text></g>")
        }
        if !marks.isEmpty {
            let open = "<g id=\"grads\" font-size=\"\(SVGDrawing.number(m.smallFontSize))\" text-anchor=\"middle\" fill=\"\(HTMLAssets.gradient)\">"
            svg = svg.replacingOccurrences(of: "</svg>", with: open + "\n" + marks.joined(separator: "\n") + "\n</g>\n</svg>")
        }
        // Shown a third larger than drawn (the viewBox scales it; CSS caps it at the page's width), but
        // never so small that the labels fall under 10 px: a narrower page scrolls the picture instead.
        let size = "width=\"\(SVGDrawing.number(layout.width))\" height=\"\(SVGDrawing.number(layout.height))\""
        let least = layout.width * HTMLPicture.leastLabelSize / m.smallFontSize
        svg = svg.replacingOccurrences(of: size, with: "width=\"\(SVGDrawing.number(layout.width * 4 / 3))\" height=\"\(SVGDrawing.number(layout.height * 4 / 3))\" style=\"min-width:\(SVGDrawing.number(least.rounded(.up)))px\"")
        // Arrowheads sized in the drawing's units, so that a highlighted (thicker) edge keeps its arrowhead.
        svg = svg.replacingOccurrences(of: "markerWidth=\"7\" markerHeight=\"7\"", with: "markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\"")
            .replacingOccurrences(of: " id=\"", with: " id=\"" + prefix)
            .replacingOccurrences(of: "url(#", with: "url(#" + prefix)
            .replacingOccurrences(of: "aria-labelledby=\"title desc\"", with: "aria-labelledby=\"\(prefix)title \(prefix)desc\"")
        self.svg = "<div class=\"picture\" style=\"overflow-x:auto\">" + svg.trimmingCharacters(in: .whitespacesAndNewlines) + "</div>"
        self.prefix = prefix
        self.drawing = drawing
        self.ids = ids
        nodeIndex = Dictionary(drawing.nodes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The drawn nodes' names, in drawing order.
    var nodeNames: [String] { drawing.nodes.map(\.name) }

    /// Whether the picture is drawn neuron by neuron.
    var isScalar: Bool { drawing.isScalar }

    /// The element id of the drawn node called `name`.
    func nodeID(_ name: String) -> String? { nodeIndex[name].map { prefix + "node-" + ids[$0] } }

    /// The elements a path lights up, from its input end: drawn nodes, the edges between them, and the
    /// weight label of an edge from a parameter. A folded pre-activation `z_q` stands for its node q;
    /// a vector drawing's node stands for its components.
    func elements(_ path: [HTMLTermPaths.Edge], in graph: ScalarGraph) -> [String] {
        var result: [String] = []
        func add(_ id: String?) { if let id, !result.contains(id) { result.append(id) } }
        for edge in path {
            let u = drawn(edge.from, graph), q = drawn(edge.to, graph)
            if let u, let q, u != q {
                add(prefix + "node-" + ids[u])
                add(drawing.edges.contains { $0.from == u && $0.to == q } ? prefix + "edge-" + ids[u] + "-" + ids[q] : nil)
                add(prefix + "node-" + ids[q])
            } else if u == nil, let q, graph.nodes[edge.from].kind == .parameter {
                let name = graph.nodes[edge.from].name, base = HTMLPicture.base(name)
                if let e = drawing.edges.first(where: { $0.to == q && ($0.weight == name || (!drawing.isScalar && $0.weight == base)) }),
                   e.label != nil {
                    add(prefix + "label-" + ids[e.from] + "-" + ids[q])
                }
                add(prefix + "node-" + ids[q])
            } else if let q {
                add(prefix + "node-" + ids[q])
            }
        }
        return result
    }

    /// The drawn node standing for the graph's node `index`: the same name, the activation a folded
    /// pre-activation belongs to, or in a vector drawing the whole vector.
    private func drawn(_ index: Int, _ graph: ScalarGraph) -> Int? {
        let node = graph.nodes[index]
        if let i = nodeIndex[node.name] { return i }
        if node.kind == .preactivation,
           let user = graph.nodes.indices.first(where: { graph.nodes[$0].inputs == [index] && nodeIndex[graph.nodes[$0].name] != nil }) {
            return nodeIndex[graph.nodes[user].name]
        }
        if !drawing.isScalar, let i = nodeIndex[HTMLPicture.base(node.name)] { return i }
        if !drawing.isScalar, node.name.hasPrefix("z_"), let i = nodeIndex[HTMLPicture.base(String(node.name.dropFirst(2)))] { return i }
        return nil
    }

    /// `W1[1,2]` → `W1`.
    static func base(_ name: String) -> String { String(name.prefix { $0 != "[" }) }

    /// A computed value as an exact decimal of `digits` places, so that captions show it rounded.
    static func rounded(_ value: Double, _ digits: Int) -> Number {
        let scale = (0..<min(max(digits, 0), 12)).reduce(1) { r, _ in r * 10 }
        let scaled = (value * Double(scale)).rounded()
        guard value.isFinite, abs(scaled) < 1e15, let r = Rational(Int(scaled), scale) else { return .real(value) }
        return .exact(r)
    }
}
