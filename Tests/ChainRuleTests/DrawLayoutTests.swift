import Testing
@testable import ChainRule

/// What is drawn (``DrawingGraph``) and where (``GraphLayout``): layers left to right, few crossings,
/// weights on edges, deterministic output.
@Suite("Draw: graph and layout")
struct DrawLayoutTests {
    static let problems = ["quiz-problem-3.nn", "sigmoid-4-2-3-1.nn", "example-3-bce.nn", "regression-1-5-1.nn",
                           "relu-4-3-2-1-classification.nn", "relu-4-3-2-1-regression.nn", "perceptron.nn"]

    /// The quiz's edges as its printed solution uses them.
    static let quizEdges: Set<String> = ["x1→a", "x1→b", "x2→c", "x2→d", "a→c", "a→d", "b→d", "d→e", "c→y", "d→y", "e→y"]

    @Test func quizDrawsItsNeuronsAndEdgesOnly() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let graph = DrawingGraph(network: network)
        #expect(graph.isScalar)
        #expect(Set(graph.nodes.map(\.name)) == ["x1", "x2", "a", "b", "c", "d", "e", "y"])
        #expect(Set(graph.edges.map { graph.nodes[$0.from].name + "→" + graph.nodes[$0.to].name }) == DrawLayoutTests.quizEdges)
        #expect(graph.edges.allSatisfy { $0.weight == nil }, "implicit symbolic weights stay unlabelled")
    }

    @Test(arguments: problems)
    func layersRunLeftToRight(_ name: String) throws {
        let network = try #require(Package.network(name))
        let layout = GraphLayout(network: network)
        let graph = layout.graph
        for (i, edge) in graph.edges.enumerated() {
            #expect(layout.nodes[edge.from].layer < layout.nodes[edge.to].layer, "\(name): edge \(i)")
            let xs = layout.edges[i].route.map(\.x)
            #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 }, "\(name): edge \(i) goes left to right")
        }
        for (i, node) in graph.nodes.enumerated() {
            if node.kind == .input { #expect(layout.nodes[i].layer == 0, "\(name): \(node.name)") }
            if node.kind == .loss { #expect(layout.layers.last == [i], "\(name): the loss alone in the last layer") }
        }
        // Outputs (used by nothing but the loss) sit in the last layer before the loss.
        let lastComputed = layout.layers.count - (graph.nodes.contains { $0.kind == .loss } ? 2 : 1)
        let usedByNodes = Set(graph.edges.filter { graph.nodes[$0.to].kind != .loss }.map(\.from))
        for i in graph.nodes.indices where graph.nodes[i].kind == .computed && !usedByNodes.contains(i) {
            #expect(layout.nodes[i].layer == lastComputed, "\(name): output \(graph.nodes[i].name)")
        }
        // Layers are longest paths: every non-source node has an input in the layer just before it.
        for i in graph.nodes.indices where graph.nodes[i].kind != .input && graph.edges.contains(where: { $0.to == i }) {
            let depth = graph.edges.filter { $0.to == i }.map { layout.nodes[$0.from].layer }.max() ?? -1
            let isOutputOrLoss = graph.nodes[i].kind == .loss || !usedByNodes.contains(i)
            #expect(isOutputOrLoss ? depth < layout.nodes[i].layer : depth == layout.nodes[i].layer - 1,
                    "\(name): \(graph.nodes[i].name)")
        }
        // Boxes stay apart within a layer and inside the drawing.
        for layer in layout.layers {
            let boxes = layer.map { layout.nodes[$0] }
            for (a, b) in zip(boxes, boxes.dropFirst()) {
                #expect(b.center.y - b.height / 2 > a.center.y + a.height / 2, "\(name): boxes overlap")
            }
        }
        for node in layout.nodes {
            #expect(node.center.x - node.width / 2 >= 0 && node.center.x + node.width / 2 <= layout.width)
            #expect(node.center.y - node.height / 2 >= 0 && node.center.y + node.height / 2 <= layout.height)
        }
    }

    @Test func quizHasTheFewestCrossingsItsLayeringAllows() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let layout = GraphLayout(network: network)
        let graph = layout.graph
        let best = DrawLayoutTests.fewestCrossings(graph, layers: graph.nodes.indices.map { layout.nodes[$0].layer })
        let drawn = DrawLayoutTests.geometricCrossings(layout)
        #expect(drawn == best)
        #expect(layout.crossings == drawn)
        // With virtual points on skip edges, x2's edges to c and d cannot both avoid a's edges: the
        // layering admits no drawing without a crossing, so the best is one.
        #expect(best == 1)
    }

    @Test func aCrossingThatOrderingRemovesIsRemoved() throws {
        // Written order puts p above q, but r (from q) above s (from p): swapping one layer uncrosses.
        let network = try Network.parse("input p, q\nr = tanh(q)\ns = tanh(p)\nt = r * s\n").get()
        let layout = GraphLayout(network: network)
        #expect(layout.crossings == 0)
        #expect(DrawLayoutTests.geometricCrossings(layout) == 0)
    }

    @Test(arguments: problems)
    func layoutIsDeterministic(_ name: String) throws {
        let network = try #require(Package.network(name))
        for format in DrawingFormat.allCases {
            #expect(format.text(GraphLayout(network: network)) == format.text(GraphLayout(network: network)), "\(name) \(format)")
        }
    }

    @Test func valuedWeightsLabelTheirEdges() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let graph = DrawingGraph(network: network)
        func edge(_ from: String, _ to: String) -> DrawingGraph.Edge? {
            graph.edges.first { graph.nodes[$0.from].name == from && graph.nodes[$0.to].name == to }
        }
        // h1 = sigmoid(w11 x1 + w12 x2 + b1), yhat = sigmoid(v1 h1 + v2 h2 + c), as the file writes.
        #expect(edge("x1", "h1")?.weight == "w11" && edge("x1", "h1")?.value == Number.exact(Rational(1, 5)!))
        #expect(edge("x2", "h1")?.weight == "w12")
        #expect(edge("h2", "yhat")?.weight == "v2")
        #expect(edge("x1", "h1")?.label?.unicode == "w₁₁ = 0.2")
        #expect(edge("yhat", "L")?.weight == nil)
        #expect(graph.nodes.first { $0.name == "x1" }?.caption?.unicode == "= 0.5")
    }

    @Test func matrixWeightsFollowTheTranspose() throws {
        // a1 = sigmoid(W1^T x + b1): the weight from x[k] into a1[j] is W1[k,j].
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let graph = DrawingGraph(network: network)
        let w1 = try #require(network["W1"]?.value)
        var checked = 0
        for edge in graph.edges {
            let from = graph.nodes[edge.from].name, to = graph.nodes[edge.to].name
            guard from.hasPrefix("x["), to.hasPrefix("a1[") else { continue }
            let k = Int(from.dropFirst(2).dropLast()) ?? 0, j = Int(to.dropFirst(3).dropLast()) ?? 0
            #expect(edge.weight == "W1[\(k),\(j)]")
            #expect(edge.value == w1[[k, j]])
            checked += 1
        }
        #expect(checked == 8)
        #expect(graph.nodes.map(\.name) == ["x[1]", "x[2]", "x[3]", "x[4]", "a1[1]", "a1[2]", "a2[1]", "a2[2]", "a2[3]", "a3[1]", "L"])
    }

    @Test func symbolicMatrixEntriesStayUnlabelled() throws {
        let network = try #require(Package.network("relu-4-3-2-1-classification.nn"))
        let graph = DrawingGraph(network: network)
        #expect(graph.isScalar && graph.edges.count == 4 * 3 + 3 * 2 + 2 + 1)
        #expect(graph.edges.allSatisfy { $0.weight == nil })
    }

    @Test func largeNetworksDrawOneBoxPerVector() throws {
        let source = """
            input x[20]
            param W1[30,20], W2[12,30], w3[1,12]
            a1 = sigmoid(W1 x + b1)
            a2 = relu(W2 a1)
            yhat = sigmoid(w3 a2 + c)
            target y
            loss L = bce(yhat, y)
            """
        let network = try Network.parse(source).get()
        let layout = GraphLayout(network: network)
        let graph = layout.graph
        #expect(!graph.isScalar)
        #expect(graph.nodes.map(\.name) == ["x", "a1", "a2", "yhat", "L"])
        #expect(graph.edges.map { graph.nodes[$0.from].name + "→" + graph.nodes[$0.to].name } == ["x→a1", "a1→a2", "a2→yhat", "yhat→L"])
        #expect(graph.edges.map(\.weight) == ["W1", "W2", "w3", nil])
        #expect(graph.nodes[1].caption?.unicode == "∈ ℝ³⁰")
        #expect(layout.layers == [[0], [1], [2], [3], [4]])
        let svg = SVGDrawing(layout: layout).text
        #expect(svg.contains("id=\"node-a1\"") && svg.contains("id=\"edge-x-a1\""))
    }

    @Test func wideLayersAreOrderedWithoutExhaustiveSearch() throws {
        // 40 × 15 neurons: far too many orders to try; barycenter sweeps keep the written order here.
        let network = try Network.parse("input x[40]\nparam W1[15,40]\na1 = sigmoid(W1 x + b1)\n").get()
        let layout = GraphLayout(network: network)
        #expect(layout.graph.isScalar && layout.layers.map(\.count) == [40, 15])
        #expect(layout.layers[0] == Array(0..<40))
        #expect(layout.summary.contains("x[1], x[2], x[3], …, x[40] (40 nodes)") && layout.summary.contains("600 edges."))
    }

    @Test func projectionKeepsRoomAndStaysClose() {
        // Desired heights all equal: the result spreads them by exactly the room, centred on them.
        let y = GraphLayout.project([10, 10, 10], weights: [1, 1, 1], room: [4, 6])
        #expect(zip(zip(y, y.dropFirst()).map { $1 - $0 }, [4.0, 6.0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(abs(y.reduce(0, +) / 3 - 10) < 1e-9)
        // Already far enough apart: unchanged.
        #expect(GraphLayout.project([0, 50, 100], weights: [1, 1, 1], room: [10, 10]) == [0, 50, 100])
    }

    // MARK: Independent recomputation

    /// The fewest crossings over every order of every layer, with one virtual vertex per skipped layer
    /// (built here from the edges and layers alone).
    static func fewestCrossings(_ graph: DrawingGraph, layers: [Int]) -> Int {
        var layerOf = layers
        var links: [(Int, Int)] = []
        for edge in graph.edges {
            var previous = edge.from
            for l in (layers[edge.from] + 1)..<layers[edge.to] {
                layerOf.append(l)
                links.append((previous, layerOf.count - 1))
                previous = layerOf.count - 1
            }
            links.append((previous, edge.to))
        }
        let count = (layerOf.max() ?? 0) + 1
        let members = (0..<count).map { l in layerOf.indices.filter { layerOf[$0] == l } }
        func orders(_ items: [Int]) -> [[Int]] {
            items.count <= 1 ? [items] : items.indices.flatMap { i in
                orders(items.enumerated().filter { $0.offset != i }.map(\.element)).map { [items[i]] + $0 }
            }
        }
        var best = Int.max
        func search(_ l: Int, _ position: [Int: Int]) {
            if l == count {
                var crossings = 0
                for (i, a) in links.enumerated() {
                    for b in links[(i + 1)...] where layerOf[a.0] == layerOf[b.0] {
                        let (p, q, r, s) = (position[a.0] ?? 0, position[b.0] ?? 0, position[a.1] ?? 0, position[b.1] ?? 0)
                        if (p - q) * (r - s) < 0 { crossings += 1 }
                    }
                }
                best = min(best, crossings)
                return
            }
            for order in orders(members[l]) {
                var next = position
                for (i, v) in order.enumerated() { next[v] = i }
                search(l + 1, next)
            }
        }
        search(0, [:])
        return best
    }

    /// Pairs of route segments of different edges that cross properly (shared end points do not count).
    static func geometricCrossings(_ layout: GraphLayout) -> Int {
        typealias P = GraphLayout.Point
        let segments = layout.edges.enumerated().flatMap { i, e in zip(e.route, e.route.dropFirst()).map { (i, $0, $1) } }
        func side(_ a: P, _ b: P, _ c: P) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        var count = 0
        for (i, s) in segments.enumerated() {
            for t in segments[(i + 1)...] where s.0 != t.0 {
                let d1 = side(s.1, s.2, t.1), d2 = side(s.1, s.2, t.2), d3 = side(t.1, t.2, s.1), d4 = side(t.1, t.2, s.2)
                if d1 * d2 < -1e-9 && d3 * d4 < -1e-9 { count += 1 }
            }
        }
        return count
    }
}
