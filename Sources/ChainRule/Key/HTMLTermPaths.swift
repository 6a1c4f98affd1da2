/// The paths of a graph that one term of a chain-rule form stands for, for linking a page's terms to
/// its picture.
///
/// A product of local partials along a path is that path; a product of sums stands for every
/// combination of one path piece per factor (the factored term (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x₁ +
/// ∂d/∂b ∂b/∂x₁) for the four paths through d); a sum for the paths of each of its terms; a total
/// ∂A/∂v, or a partial between two nodes with no edge between them, for every path from v to A.
/// Numbers stand for no edge.
struct HTMLTermPaths: Sendable {
    /// An edge of the graph: `from` is a direct input of `to` (indices into the graph's nodes).
    struct Edge: Hashable, Sendable {
        /// The input.
        var from: Int
        /// The node that uses it.
        var to: Int

        /// Creates an edge.
        init(from: Int, to: Int) { (self.from, self.to) = (from, to) }
    }

    /// The graph the partials live on.
    let graph: ScalarGraph
    /// The most paths one term may stand for; beyond, the term is not linked.
    let limit: Int

    /// Paths on `graph`, at most `limit` per term.
    init(graph: ScalarGraph, limit: Int = 256) {
        self.graph = graph
        self.limit = limit
    }

    /// The paths `term` stands for, each as its edges from the input end to the output end; `nil`
    /// when the term holds something other than partials, totals and numbers, names a node the graph
    /// does not have, or stands for more than ``limit`` paths.
    func paths(_ term: Expr) -> [[Edge]]? {
        switch term {
        case .number: return [[]]
        case .partial(let q, let u):
            guard let qi = graph.index(of: q), let ui = graph.index(of: u) else { return nil }
            return graph.nodes[qi].inputs.contains(ui) ? [[Edge(from: ui, to: qi)]] : between(ui, qi)
        case .total(let a, let v):
            guard let ai = graph.index(of: a), let vi = graph.index(of: v) else { return nil }
            return between(vi, ai)
        case .product(let factors):
            var result: [[Edge]] = [[]]
            for factor in factors {
                guard let pieces = paths(factor), result.count * pieces.count <= limit else { return nil }
                result = result.flatMap { head in pieces.map { head + $0 } }
            }
            return result.map(sorted)
        case .sum(let terms):
            var result: [[Edge]] = []
            for term in terms {
                guard let more = paths(term), result.count + more.count <= limit else { return nil }
                result += more
            }
            return result
        default: return nil
        }
    }

    /// Every path from node `from` to node `to` (one empty path when they are the same node).
    private func between(_ from: Int, _ to: Int) -> [[Edge]]? {
        guard from <= to else { return [] }
        var reaches = Set([from])
        for i in from...to where graph.nodes[i].inputs.contains(where: reaches.contains) { reaches.insert(i) }
        var result: [[Edge]] = [], path: [Edge] = []
        func walk(_ q: Int) -> Bool {
            if q == from { result.append(path.reversed()); return result.count <= limit }
            for u in graph.nodes[q].inputs where reaches.contains(u) {
                path.append(Edge(from: u, to: q))
                defer { path.removeLast() }
                if !walk(u) { return false }
            }
            return true
        }
        guard reaches.contains(to) else { return [] }
        return walk(to) ? result : nil
    }

    /// A path's edges in graph order (input end first), as products list them from the output.
    private func sorted(_ edges: [Edge]) -> [Edge] {
        edges.sorted { ($0.to, $0.from) < ($1.to, $1.from) }
    }
}
