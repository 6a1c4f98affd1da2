import Testing
@testable import ChainRule

/// Factoring beyond the exhaustive search's reach, shared forms, and graphs far larger than the
/// course's: every form is checked against paths enumerated here, by brute force.
@Suite struct DeriveScaleTests {
    /// The paths from b to a, each as the sorted list of its edges "q<u", by brute force.
    static func paths(_ graph: ScalarGraph, from b: Int, to a: Int) -> [[String]: Int] {
        var result: [[String]: Int] = [:]
        func walk(_ q: Int, _ edges: [String]) {
            if q == b { result[edges.sorted(), default: 0] += 1; return }
            for u in graph.nodes[q].inputs where u >= b { walk(u, edges + ["\(graph.nodes[q].name)<\(graph.nodes[u].name)"]) }
        }
        walk(a, [])
        return result
    }

    /// An expression of partials multiplied out the same way (products of sums distributed).
    static func multipliedOut(_ expr: Expr) -> [[String]: Int] {
        switch expr {
        case .partial(let q, let u): return [["\(q)<\(u)"]: 1]
        case .number(let n) where n.isOne: return [[]: 1]
        case .sum(let terms):
            return terms.map(multipliedOut).reduce(into: [:]) { total, part in total.merge(part, uniquingKeysWith: +) }
        case .product(let factors):
            return factors.map(multipliedOut).reduce([[]: 1]) { product, factor in
                var next: [[String]: Int] = [:]
                for (a, ca) in product { for (b, cb) in factor { next[(a + b).sorted(), default: 0] += ca * cb } }
                return next
            }
        default: return [["?"]: 1]
        }
    }

    /// Edges on some path from b to a.
    static func relevantEdges(_ graph: ScalarGraph, from b: Int, to a: Int) -> Int {
        Set(paths(graph, from: b, to: a).keys.flatMap { $0 }).count
    }

    /// A dense layered graph: one input, `layers` layers of `width`, one output.
    static func layered(layers: Int, width: Int) -> ScalarGraph {
        var nodes = [ScalarGraph.Node(name: "x", kind: .input)]
        var previous = [0]
        for l in 1...layers {
            let start = nodes.count
            for j in 1...width {
                nodes.append(ScalarGraph.Node(name: "h\(l)_\(j)", kind: .computed, inputs: previous,
                                              definition: .sum(previous.map { .symbol(nodes[$0].name) })))
            }
            previous = Array(start..<nodes.count)
        }
        nodes.append(ScalarGraph.Node(name: "y", kind: .computed, inputs: previous, definition: .sum(previous.map { .symbol(nodes[$0].name) })))
        return ScalarGraph(nodes: nodes)
    }

    /// x → h1 → … → hn.
    static func chain(_ n: Int) -> ScalarGraph {
        ScalarGraph(nodes: [ScalarGraph.Node(name: "x", kind: .input)] + (1...n).map { k in
            ScalarGraph.Node(name: "h\(k)", kind: .computed, inputs: [k - 1], definition: .apply(.tanh, [.symbol(k == 1 ? "x" : "h\(k - 1)")]))
        })
    }

    /// d0 → (a_k, b_k) → d_k, n diamonds.
    static func ladder(_ n: Int) -> ScalarGraph {
        var nodes = [ScalarGraph.Node(name: "d0", kind: .input)]
        for k in 1...n {
            let d = nodes.count - 1
            nodes.append(ScalarGraph.Node(name: "a\(k)", kind: .computed, inputs: [d], definition: .symbol("d\(k - 1)")))
            nodes.append(ScalarGraph.Node(name: "b\(k)", kind: .computed, inputs: [d], definition: .symbol("d\(k - 1)")))
            nodes.append(ScalarGraph.Node(name: "d\(k)", kind: .computed, inputs: [d + 1, d + 2], definition: .sum([.symbol("a\(k)"), .symbol("b\(k)")])))
        }
        return ScalarGraph(nodes: nodes)
    }

    @Test func structuralFormsAreTheSumOfPathsOnLargerRandomDAGs() throws {
        var rng = SplitMix64(seed: 16)
        var structural = 0
        for _ in 0..<150 {
            let graph = DerivePropertyTests.randomGraph(&rng, count: Int.random(in: 14...22, using: &rng))
            let a = graph.nodes.count - 1
            let derivation = Derivation(graph: graph, of: a, wrt: 0)
            guard derivation.relevant.count > Factorizer.exhaustiveLimit + 2 else { continue }
            let expected = Self.paths(graph, from: 0, to: a)
            guard expected.values.reduce(0, +) <= 3_000 else { continue }
            let factored = derivation.factored()
            #expect(Self.multipliedOut(factored) == expected, "\(graph.nodes.map(\.inputs))")
            #expect(factored.partialCount <= (try derivation.expanded()).partialCount)
            structural += 1
        }
        #expect(structural > 20, "the sample reaches beyond the exhaustive search")
    }

    @Test func layeredNetworksGetTheNestedFormLinearInEdges() throws {
        let graph = Self.layered(layers: 6, width: 4)
        let derivation = Derivation(graph: graph, of: graph.nodes.count - 1, wrt: 0)
        let factored = derivation.factored()
        #expect(Self.multipliedOut(factored) == Self.paths(graph, from: 0, to: graph.nodes.count - 1))
        // Expanded: 4⁶ paths of 7 edges. Layer cuts write each path's edges far fewer times.
        #expect(derivation.pathCount == 4096)
        #expect(factored.partialCount < 4096 * 7 / 10)
    }

    @Test func seriesParallelGraphsWriteEveryEdgeOnce() {
        for n in [1, 5, 40] {
            let graph = Self.ladder(n)
            let derivation = Derivation(graph: graph, of: graph.nodes.count - 1, wrt: 0)
            #expect(derivation.factored().partialCount == 4 * n, "ladder of \(n): 4 edges per diamond")
        }
        // Two hundred diamonds: 2²⁰⁰ paths, saturating the count, output linear, no trap.
        let big = Derivation(graph: Self.ladder(200), of: 600, wrt: 0)
        #expect(big.pathCount == Int.max)
        #expect(Derivation.describe(paths: big.pathCount) == "more than 10¹⁸")
        #expect(big.factored().partialCount == 800)
        #expect(throws: DerivationError.self) { try big.expanded() }
        #expect(DerivationError.tooManyPaths(count: big.pathCount, limit: 10_000).description.contains("more than 10¹⁸ paths"))
    }

    @Test func sharedFormsGiveTheSameAnswersAsFreshOnes() {
        let graph = Self.layered(layers: 4, width: 3)
        var shared = FactoredForms(graph: graph)
        let a = graph.nodes.count - 1
        for b in 0..<a {
            let derivation = Derivation(graph: graph, of: a, wrt: b)
            #expect(derivation.factored(sharing: &shared) == derivation.factored())
            #expect(derivation.steps(sharing: &shared) == derivation.steps())
        }
    }

    @Test func aChainOf20000NodesWithoutRecursion() throws {
        let n = 20_000
        let graph = Self.chain(n)
        let derivation = Derivation(graph: graph, of: n, wrt: 0)
        #expect(derivation.pathCount == 1)
        let factored = derivation.factored()
        #expect(factored.partialCount == n)
        #expect(factored.factors.first == .partial(of: "h\(n)", wrt: "h\(n - 1)"))
        let steps = derivation.steps()
        #expect(steps.last == factored)
        #expect(steps.reduce(0) { $0 + $1.partialCount } <= Derivation.stepsBudget + 2 * n)
        #expect(derivation.adjoint().definitions.count == n - 1)
        #expect(try derivation.expanded() == factored, "one path: the expanded form is the same product")
    }

    @Test func iterativeWalksVisitInTheRecursiveOrder() {
        let expr = Expr.sum([.product([.symbol("a"), .power(.symbol("b"), .integer(2))]), .apply(.tanh, [.symbol("c")])])
        var seen: [Expr] = []
        expr.visit { seen.append($0) }
        func recursive(_ e: Expr) -> [Expr] { [e] + e.children.flatMap(recursive) }
        #expect(seen == recursive(expr))
        var order: [Expr] = []
        let rewritten = expr.rewritten { e in order.append(e); return e == .symbol("b") ? .symbol("B") : nil }
        func postorder(_ e: Expr) -> [Expr] { e.children.flatMap(postorder) + [e] }
        #expect(order.count == postorder(expr).count)
        #expect(rewritten == .sum([.product([.symbol("a"), .power(.symbol("B"), .integer(2))]), .apply(.tanh, [.symbol("c")])]))
    }
}
