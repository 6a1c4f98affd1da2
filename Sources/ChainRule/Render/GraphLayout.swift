/// Where everything of a ``DrawingGraph`` goes, computed once and shared by every drawing format.
///
/// Layers by depth (the longest path from the inputs; nodes nobody uses sit in the last layer before
/// the loss, the loss last) run left to right; within a layer, an order with as few crossings as the
/// search finds (``LayerOrdering``). An edge that skips layers passes through one virtual point per
/// layer between, which takes part in the ordering and gives the edge its route. Coordinates are in
/// abstract units (about one pixel each at the default metrics), y growing downwards.
public struct GraphLayout: Hashable, Sendable {
    /// A point in layout units.
    public struct Point: Hashable, Sendable {
        /// Left to right.
        public var x: Double
        /// Top to bottom.
        public var y: Double

        /// Creates a point.
        public init(x: Double, y: Double) { (self.x, self.y) = (x, y) }
    }

    /// Sizes of text, nodes and gaps.
    public struct Metrics: Hashable, Sendable {
        /// Node labels.
        public var fontSize = 16.0
        /// Edge labels and captions.
        public var smallFontSize = 11.0
        /// The radius of a round node.
        public var radius = 19.0
        /// The least vertical gap between two nodes of a layer.
        public var nodeGap = 22.0
        /// The least horizontal gap between layers.
        public var layerGap = 80.0
        /// The room around the drawing.
        public var margin = 12.0

        /// The default metrics.
        public init() {}
    }

    /// A placed node.
    public struct Node: Hashable, Sendable {
        /// Its layer, 0 for the inputs.
        public var layer: Int
        /// The centre.
        public var center: Point
        /// The width of its box (the diameter of a round node).
        public var width: Double
        /// The height of its box.
        public var height: Double
        /// Whether it is drawn as a circle (else a rounded box).
        public var isRound: Bool
    }

    /// A routed edge.
    public struct Edge: Hashable, Sendable {
        /// From the border of the source through the virtual points to the border of the target.
        public var route: [Point]
        /// The centre of the weight label, when the edge has one.
        public var label: Point?
    }

    /// What is drawn.
    public var graph: DrawingGraph
    /// The sizes used.
    public var metrics: Metrics
    /// The placed nodes, indexed like ``DrawingGraph/nodes``.
    public var nodes: [Node]
    /// The routed edges, indexed like ``DrawingGraph/edges``.
    public var edges: [Edge]
    /// Real nodes per layer, top to bottom.
    public var layers: [[Int]]
    /// How many pairs of edges cross (counted between consecutive layers along the routes).
    public var crossings: Int
    /// Parameter matrices shown beside their layer instead of on its edges (whose labels collided).
    public var matrices: [Matrix]
    /// The width of the drawing.
    public var width: Double
    /// The height of the drawing.
    public var height: Double

    /// Lays out `graph`. When the weight labels of a dense layer (the entries of one parameter
    /// matrix) would overlap a node or another label, that layer's edges go unlabelled and the
    /// matrix is shown beside the layer instead (``matrices``); what this leaves is laid out again.
    public init(graph: DrawingGraph, metrics: Metrics = Metrics()) {
        var layout = GraphLayout(placing: graph, metrics: metrics)
        var moved = Set<String>()
        for _ in 0..<4 {
            let crowded = layout.crowdedMatrices().subtracting(moved)
            guard !crowded.isEmpty else { break }
            moved.formUnion(crowded)
            var bare = graph
            for i in bare.edges.indices where bare.edges[i].weight.map({ moved.contains(GraphLayout.matrixName($0) ?? "") }) == true {
                (bare.edges[i].weight, bare.edges[i].value) = (nil, nil)
            }
            layout = GraphLayout(placing: bare, metrics: metrics)
        }
        layout.placeMatrices(moved, of: graph)
        self = layout
    }

    /// Lays out `graph` with every weight label on its edge.
    private init(placing graph: DrawingGraph, metrics: Metrics) {
        self.graph = graph
        matrices = []
        self.metrics = metrics
        let layerOf = GraphLayout.layers(graph)
        let layerCount = (layerOf.max() ?? 0) + 1

        // The proper layered graph: real nodes, then one virtual vertex per skipped layer of an edge.
        var vertexLayer = layerOf
        var chains: [[Int]] = []
        for edge in graph.edges {
            var chain = [edge.from]
            for l in (layerOf[edge.from] + 1)..<max(layerOf[edge.to], layerOf[edge.from] + 1) {
                chain.append(vertexLayer.count)
                vertexLayer.append(l)
            }
            chains.append(chain + [edge.to])
        }
        var down = Array(repeating: [Int](), count: vertexLayer.count), up = down
        for chain in chains {
            for (u, v) in zip(chain, chain.dropFirst()) where !down[u].contains(v) {
                down[u].append(v)
                up[v].append(u)
            }
        }
        var initial = Array(repeating: [Int](), count: layerCount)
        for (v, l) in vertexLayer.enumerated() { initial[l].append(v) }
        let ordering = LayerOrdering(initial: initial, down: down, up: up)
        let order = ordering.ordered()
        crossings = ordering.crossings(order)
        layers = order.map { $0.filter { $0 < graph.nodes.count } }

        // Sizes, then coordinates.
        var sizes = graph.nodes.map { GraphLayout.size($0, metrics) }
        sizes += Array(repeating: (0.0, 0.0), count: vertexLayer.count - graph.nodes.count)
        let labelled = graph.edges.contains { $0.label != nil }
        var x = Array(repeating: 0.0, count: layerCount)
        let layerWidths = order.map { $0.map { sizes[$0].0 }.max() ?? 0 }
        let labelWidths = graph.edges.map { ($0.label?.width ?? 0) * metrics.smallFontSize }
        for l in 1..<max(layerCount, 1) {
            let widest = graph.edges.indices.filter { layerOf[graph.edges[$0].from] == l - 1 }.map { labelWidths[$0] }.max() ?? 0
            let gap = max(metrics.layerGap, widest * 2 + 30)
            x[l] = x[l - 1] + layerWidths[l - 1] / 2 + gap + layerWidths[l] / 2
        }
        let gap = labelled ? metrics.nodeGap * 2 : metrics.nodeGap
        let y = GraphLayout.heights(order: order, sizes: sizes, down: down, up: up, gap: gap, real: graph.nodes.count)

        nodes = graph.nodes.indices.map { i in
            Node(layer: layerOf[i], center: Point(x: x[layerOf[i]], y: y[i]), width: sizes[i].0, height: sizes[i].1,
                 isRound: graph.nodes[i].caption == nil && sizes[i].0 <= 2 * metrics.radius + 0.5)
        }
        let placed = nodes
        (width, height) = (0, 0)
        edges = chains.map { chain in
            var points = chain.map { v in Point(x: x[vertexLayer[v]], y: y[v]) }
            if points.count >= 2 {
                points[0] = placed[chain[0]].border(toward: points[1])
                points[points.count - 1] = placed[chain[chain.count - 1]].border(toward: points[points.count - 2])
            }
            return Edge(route: points, label: nil)
        }
        placeLabels(widths: labelWidths)
        fit()
    }

    /// Lays out the drawing of `network` (see ``DrawingGraph/init(network:maxScalarNodes:)``).
    public init(network: Network) { self.init(graph: DrawingGraph(network: network)) }
}

extension GraphLayout.Edge {
    /// The route as cubic Bézier pieces through its points (Catmull-Rom), each `(c1, c2, end)`,
    /// starting at `route[0]`; a two-point route is one straight piece.
    public var curve: [(c1: GraphLayout.Point, c2: GraphLayout.Point, end: GraphLayout.Point)] {
        let p = route
        guard p.count > 2 else { return p.count == 2 ? [(p[0], p[1], p[1])] : [] }
        return (0..<(p.count - 1)).map { i in
            let before = p[max(i - 1, 0)], after = p[min(i + 2, p.count - 1)]
            let c1 = GraphLayout.Point(x: p[i].x + (p[i + 1].x - before.x) / 6, y: p[i].y + (p[i + 1].y - before.y) / 6)
            let c2 = GraphLayout.Point(x: p[i + 1].x - (after.x - p[i].x) / 6, y: p[i + 1].y - (after.y - p[i].y) / 6)
            return (c1, c2, p[i + 1])
        }
    }
}

extension GraphLayout.Node {
    /// The point where the segment from the centre toward `p` leaves the node.
    func border(toward p: GraphLayout.Point) -> GraphLayout.Point {
        let dx = p.x - center.x, dy = p.y - center.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return center }
        if isRound {
            let r = width / 2
            return GraphLayout.Point(x: center.x + dx / length * r, y: center.y + dy / length * r)
        }
        let t = min(dx == 0 ? .infinity : width / 2 / abs(dx), dy == 0 ? .infinity : height / 2 / abs(dy))
        return GraphLayout.Point(x: center.x + dx * t, y: center.y + dy * t)
    }
}

extension GraphLayout {
    /// The layer of each node: longest path from a source; nodes nobody but the loss uses in the
    /// last layer before the loss; the loss after everything.
    static func layers(_ graph: DrawingGraph) -> [Int] {
        var layer = Array(repeating: 0, count: graph.nodes.count)
        for _ in graph.nodes.indices {
            var changed = false
            for edge in graph.edges where layer[edge.to] < layer[edge.from] + 1 {
                layer[edge.to] = layer[edge.from] + 1
                changed = true
            }
            if !changed { break }
        }
        let isLoss = graph.nodes.map { $0.kind == .loss }
        let last = graph.nodes.indices.filter { !isLoss[$0] }.map { layer[$0] }.max() ?? 0
        let used = Set(graph.edges.filter { !isLoss[$0.to] }.map(\.from))
        for i in graph.nodes.indices where graph.nodes[i].kind == .computed && !used.contains(i) { layer[i] = last }
        for i in graph.nodes.indices where isLoss[i] { layer[i] = last + 1 }
        return layer
    }

    /// Width and height of a node's box.
    static func size(_ node: DrawingGraph.Node, _ metrics: Metrics) -> (Double, Double) {
        let text = node.label.width * metrics.fontSize
        let caption = (node.caption?.width ?? 0) * metrics.smallFontSize
        let width = max(2 * metrics.radius, max(text, caption) + 14)
        let height = 2 * metrics.radius + (node.caption == nil ? 0 : metrics.smallFontSize * 1.6)
        return (width, height)
    }
}
