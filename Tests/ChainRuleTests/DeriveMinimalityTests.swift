import Testing
@testable import ChainRule

/// The factored form is the smallest node-splitting form, checked against a plain recursive search
/// written here from the definition (no memo, no pruning):
/// F(s, t, S) = min( expanded paths s → t through S,
///                   min over v ∈ S on such a path: F(v, t, S ∩ (v, t)) + F(s, v, S ∩ (s, v)) + F(s, t, S ∖ {v}) ),
/// sizes counted in partial symbols.
@Suite struct DeriveMinimalityTests {
    /// Σ over the paths from s to t whose inner nodes are in `allowed`, of their lengths; `nil` when none.
    static func expandedSize(_ graph: ScalarGraph, _ s: Int, _ t: Int, _ allowed: Set<Int>) -> (paths: Int, size: Int)? {
        var paths = 0, size = 0
        func walk(_ node: Int, _ length: Int) {
            for input in graph.nodes[node].inputs {
                if input == s { paths += 1; size += length + 1 }
                else if allowed.contains(input) { walk(input, length + 1) }
            }
        }
        walk(t, 0)
        return paths == 0 ? nil : (paths, size)
    }

    static func smallest(_ graph: ScalarGraph, _ s: Int, _ t: Int, _ allowed: Set<Int>) -> Int? {
        guard let expanded = expandedSize(graph, s, t, allowed) else { return nil }
        var best = expanded.size
        for v in allowed.sorted() {
            let upper = allowed.filter { $0 > v && $0 < t }, lower = allowed.filter { $0 > s && $0 < v }
            guard let left = smallest(graph, v, t, upper), let right = smallest(graph, s, v, lower) else { continue }
            var without = allowed
            without.remove(v)
            best = min(best, left + right + (smallest(graph, s, t, without) ?? 0))
        }
        return best
    }

    @Test func factoredIsTheSmallestSplitOn200RandomDAGs() {
        var rng = SplitMix64(seed: 77)
        var checked = 0, smallerThanExpanded = 0
        for _ in 0..<200 {
            let graph = DerivePropertyTests.randomGraph(&rng, count: Int.random(in: 4...8, using: &rng))
            let a = graph.nodes.count - 1
            let between = Set(1..<a)
            guard let expected = Self.smallest(graph, 0, a, between) else { continue }
            let derivation = Derivation(graph: graph, of: a, wrt: 0)
            #expect(derivation.factored().partialCount == expected, "\(graph.nodes.map(\.inputs))")
            checked += 1
            if expected < (Self.expandedSize(graph, 0, a, between)?.size ?? 0) { smallerThanExpanded += 1 }
        }
        #expect(checked > 100 && smallerThanExpanded > 20, "the sample has graphs where factoring pays")
    }

    @Test func theQuizFiguresOfTheDesignNote() throws {
        let network = try #require(Package.network("quiz-problem-3.nn"))
        for (wrt, size) in [("x1", 10), ("x2", 6)] {
            let derivation = try network.derivation(of: "y", wrt: wrt)
            let graph = derivation.graph
            let s = try #require(graph.index(of: wrt)), t = try #require(graph.index(of: "y"))
            let inner = Set(derivation.relevant.filter { $0 != s && $0 != t })
            #expect(Self.smallest(graph, s, t, inner) == size)
            #expect(derivation.factored().partialCount == size)
        }
    }
}
