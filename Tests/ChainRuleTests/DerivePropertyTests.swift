import Testing
@testable import ChainRule

/// The four forms agree on random DAGs: same multiset of paths, factored never larger than expanded.
@Suite struct DerivePropertyTests {
    /// A random DAG of `count` nodes; each node takes each earlier node as input with probability 2/5.
    static func randomGraph(_ rng: inout SplitMix64, count: Int) -> ScalarGraph {
        var nodes: [ScalarGraph.Node] = []
        for i in 0..<count {
            let inputs = (0..<i).filter { _ in Int.random(in: 0..<5, using: &rng) < 2 }.shuffled(using: &rng)
            let definition: Expr? = inputs.isEmpty ? nil : .sum(inputs.map { .symbol("n\($0)") })
            nodes.append(ScalarGraph.Node(name: "n\(i)", kind: inputs.isEmpty ? .input : .computed,
                                          inputs: inputs, definition: definition))
        }
        return ScalarGraph(nodes: nodes)
    }

    /// Paths counted by brute force, independently of the library's count.
    static func paths(_ graph: ScalarGraph, from b: Int, to a: Int) -> Int {
        a == b ? 1 : graph.nodes[a].inputs.reduce(0) { $0 + paths(graph, from: b, to: $1) }
    }

    @Test func formsAgreeOn500RandomDAGs() throws {
        var rng = SplitMix64(seed: 2024)
        var nontrivial = 0
        for _ in 0..<500 {
            let graph = Self.randomGraph(&rng, count: Int.random(in: 3...10, using: &rng))
            let a = graph.nodes.count - 1, b = Int.random(in: 0..<a, using: &rng)
            let derivation = Derivation(graph: graph, of: a, wrt: b)
            let count = Self.paths(graph, from: b, to: a)
            #expect(derivation.pathCount == count)
            let expanded = try derivation.expanded()
            let factored = derivation.factored()
            guard count > 0 else {
                #expect(expanded == .zero && factored == .zero && derivation.zeroReason != nil)
                continue
            }
            nontrivial += 1
            let paths = expanded.monomialMultiset()
            #expect(paths.values.reduce(0, +) == count)
            #expect(expanded.partialCount == expanded.monomials().reduce(0) { $0 + $1.partialCount })
            #expect(factored.expanded().monomialMultiset() == paths)
            #expect(factored.partialCount <= expanded.partialCount)
            let steps = derivation.steps()
            #expect(steps.last == factored)
            let adjoint = derivation.adjoint()
            #expect(adjoint.substituted()[0].expanded().monomialMultiset() == paths)
        }
        #expect(nontrivial > 200)
    }

    @Test func adjointSizeIsLinearInEdges() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let graph = Self.randomGraph(&rng, count: 40)
            let a = graph.nodes.count - 1
            let adjoint = Adjoint(graph: graph, of: a, wrt: [0, 1, 2])
            #expect(adjoint.partialCount <= 2 * graph.edges.count)
        }
    }
}
