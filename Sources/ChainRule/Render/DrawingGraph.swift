/// What a drawing of a network shows: inputs, computed nodes and the loss, with the edges between
/// them (parameters and targets are not nodes; implicit pre-activations are folded into their
/// activation node).
///
/// Small networks are drawn neuron by neuron (`x[1]`, `a1[2]`), an edge labelled with the
/// parameter that multiplies it in the node's weighted sum when that parameter has a value
/// (`w11 = 0.2`) or is a scalar written in the file (`v1`); symbolic matrix entries and the implicit
/// weights of neurons such as `g(a, x2)` stay unlabelled, to keep the picture readable. Larger
/// networks are drawn one node per vector, labelled with its shape. ``GraphLayout`` places it; the drawing printers
/// (``SVGDrawing``, ``TikZDrawing``, ``DOTDrawing``, ``MermaidDrawing``) print it.
public struct DrawingGraph: Hashable, Sendable {
    /// One drawn quantity.
    public struct Node: Hashable, Sendable {
        /// The name as in the file (`x1`, `a1[2]`, `yhat`).
        public var name: String
        /// Input, computed or loss.
        public var kind: NodeKind
        /// The shape, when the node stands for a whole vector or matrix (vector drawings only).
        public var shape: Shape?
        /// The given value of an input.
        public var value: Number?
    }

    /// One drawn edge: `from` is used by `to`.
    public struct Edge: Hashable, Sendable {
        /// Index into ``DrawingGraph/nodes``.
        public var from: Int
        /// Index into ``DrawingGraph/nodes``.
        public var to: Int
        /// The parameter labelling the edge (`w11`, `W1[2,1]`, `W1`), if any.
        public var weight: String?
        /// The weight's value, when given.
        public var value: Number?
    }

    /// The problem's title.
    public var title: String?
    /// Nodes in topological order.
    public var nodes: [Node]
    /// Edges, grouped by target in topological order, inputs in written order.
    public var edges: [Edge]
    /// Whether nodes are scalars (neuron by neuron) rather than whole vectors.
    public var isScalar: Bool

    /// Creates a graph from parts (tests); use ``init(network:maxScalarNodes:)`` for a network.
    public init(title: String? = nil, nodes: [Node], edges: [Edge], isScalar: Bool = true) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
        self.isScalar = isScalar
    }

    /// The drawing of `network`: neuron by neuron when it has at most `maxScalarNodes` drawn scalar
    /// nodes, otherwise one node per vector.
    public init(network: Network, maxScalarNodes: Int = 60) {
        let scalars = network.scalarGraph()
        let drawnCount = scalars.nodes.count { DrawingGraph.isDrawn($0.kind) }
        self = drawnCount <= maxScalarNodes
            ? DrawingGraph(scalars: scalars, network: network)
            : DrawingGraph(vectors: network)
        title = network.title
    }

    /// The most weight labels a drawing shows; with more, edges go unlabelled.
    static let maxLabels = 40

    /// Inputs, computed nodes (explicit pre-activations included) and the loss are drawn.
    static func isDrawn(_ kind: NodeKind) -> Bool {
        kind == .input || kind == .computed || kind == .loss || kind == .preactivation
    }
}

extension DrawingGraph {
    /// Neuron by neuron.
    private init(scalars: ScalarGraph, network: Network) {
        var position: [Int: Int] = [:]
        var nodes: [Node] = [], edges: [Edge] = []
        for (index, node) in scalars.nodes.enumerated() where DrawingGraph.isDrawn(node.kind) {
            position[index] = nodes.count
            nodes.append(Node(name: node.name, kind: node.kind, value: node.kind == .input ? node.value : nil))
            let sum = (node.preactivation?.definition ?? node.definition).map(DrawingGraph.weights) ?? [:]
            for input in node.inputs {
                guard let from = position[input] else { continue }
                var edge = Edge(from: from, to: nodes.count - 1)
                if let weight = sum[scalars.nodes[input].name],
                   let w = scalars.index(of: weight), scalars.nodes[w].kind == .parameter {
                    let value = scalars.nodes[w].value
                    let written = network[weight].map { !$0.isImplicit } ?? false
                    if value != nil || written { (edge.weight, edge.value) = (weight, value) }
                }
                edges.append(edge)
            }
        }
        if edges.count(where: { $0.weight != nil }) > DrawingGraph.maxLabels {
            for i in edges.indices { (edges[i].weight, edges[i].value) = (nil, nil) }
        }
        self.init(nodes: nodes, edges: edges, isScalar: true)
    }

    /// The weight on each input of a weighted sum: for every term `w · u` (two symbols) of the
    /// flattened sum, `u → w`; inputs appearing in two such terms are left out (ambiguous).
    static func weights(_ definition: Expr) -> [String: String] {
        var result: [String: String] = [:], ambiguous = Set<String>()
        func terms(_ e: Expr) -> [Expr] {
            switch e {
            case .sum(let items): items.flatMap(terms)
            case .apply(let f, let args) where f.isActivation && args.count == 1: terms(args[0])
            default: [e]
            }
        }
        for term in terms(definition) {
            guard case .product(let factors) = term, factors.count == 2,
                  case .symbol(let w) = factors[0], case .symbol(let u) = factors[1] else { continue }
            for (weight, input) in [(w, u), (u, w)] {
                if result[input] != nil { ambiguous.insert(input) }
                result[input] = weight
            }
        }
        ambiguous.forEach { result[$0] = nil }
        return result
    }

    /// One node per network node.
    private init(vectors network: Network) {
        var position: [Int: Int] = [:]
        var nodes: [Node] = [], edges: [Edge] = []
        let folded = Set(network.nodes.compactMap(\.preactivation))
        let allInputs = network.inputs  // computed: once, not once per node
        for (index, node) in network.nodes.enumerated() where DrawingGraph.isDrawn(node.kind) && !folded.contains(index) {
            position[index] = nodes.count
            let value = node.kind == .input && node.shape.isScalar ? node.value?.entries.first : nil
            nodes.append(Node(name: node.name, kind: node.kind, shape: node.shape, value: value))
            let formula = node.preactivation.flatMap { network.nodes[$0].formula } ?? node.formula
            let matrices = formula.map { DrawingGraph.matrices($0, network) } ?? [:]
            let inputs = node.preactivation.map { allInputs[$0] } ?? allInputs[index]
            for input in inputs {
                guard let from = position[input] else { continue }
                edges.append(Edge(from: from, to: nodes.count - 1, weight: matrices[input]))
            }
        }
        self.init(nodes: nodes, edges: edges, isScalar: false)
    }

    /// For each product `P u` or `Pᵀ u` of a parameter matrix and a node, `u → P`.
    static func matrices(_ formula: Formula, _ network: Network) -> [Int: String] {
        var result: [Int: String] = [:]
        func visit(_ f: Formula) {
            if case .matmul(let a, .node(let u)) = f {
                var matrix = a
                if case .transpose(let inner) = a { matrix = inner }
                if case .node(let p) = matrix, network.nodes[p].kind == .parameter { result[u] = network.nodes[p].name }
            }
            f.children.forEach(visit)
        }
        visit(formula)
        return result
    }
}

extension DrawingGraph.Node {
    /// The name as the course writes it.
    public var label: DrawText { DrawText(name: name) }

    /// The line under the name: the shape of a vector node (`∈ ℝ³`) or the value of an input (`= 0.5`).
    public var caption: DrawText? {
        if let shape, !shape.isScalar { return DrawText.space(shape) }
        return value.map { DrawText(plain: "= " + DisplayNumber.string($0)) }
    }
}

extension DrawingGraph.Edge {
    /// The weight label: `w₁₁ = 0.2`, `w₁₁`, `W₁`; `nil` when the edge has no weight to show.
    public var label: DrawText? {
        guard let weight else { return nil }
        let name = DrawText(name: weight)
        return value.map { name + DrawText(plain: " = " + DisplayNumber.string($0)) } ?? name
    }
}

extension DrawingGraph {
    /// A unique identifier per node built from its name with only letters, digits, `_` and
    /// `separator`: `a1[2]` → `a1.2` for `.`; a clash gets the node's index appended.
    public func identifiers(separator: Character) -> [String] {
        var seen = Set<String>()
        return nodes.enumerated().map { i, node in
            var id = ""
            for c in node.name {
                if c.isASCII && (c.isLetter || c.isNumber || c == "_") { id.append(c) }
                else if c == "[" || c == "," { id.append(separator) }
            }
            if id.isEmpty || !seen.insert(id).inserted {
                id += String(separator) + String(i)
                seen.insert(id)
            }
            return id
        }
    }
}
