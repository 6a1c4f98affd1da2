/// Finds the smallest node-splitting form of the paths between two nodes of a small DAG, by
/// exhaustive search (see ``FactoredForms`` for graphs of any size).
///
/// The paths from s to t through an intermediate node v factor as (∂t/∂v)(∂v/∂s); the rest avoid v.
/// A form is either the expanded sum of paths or such a split, recursively:
/// `F(s, t, S) = F(v, t, S′)·F(s, v, S″) + F(s, t, S ∖ {v})`, where S is the set of nodes paths may
/// pass through. Size is the number of partial symbols written. Every split is tried, memoized on
/// (s, t, S) with S reduced to the nodes on some s–t path inside it, so the result is the exact
/// minimum; ``FactoredForms`` calls it only when at most ``exhaustiveLimit`` nodes lie between.
///
/// Ties between forms of equal size go to the expanded sum, then to the split at the latest node
/// (the one nearest the output). Terms are ordered as the output lists its inputs (by each term's
/// first path in graph order) and products run from the output toward the input.
struct Factorizer {
    /// Nodes between s and t up to which the search is exhaustive.
    static let exhaustiveLimit = 8
    /// The most memoized states a search may reach; beyond, it gives up (``form()`` returns `nil`).
    static let stateBudget = 3_000

    /// One term of a sum: its factors, and its first path (nodes from t down to s).
    struct Term {
        let factors: [Expr]
        var key: [Int]
        /// The product, built once: every form that uses this term shares its storage.
        let expr: Expr

        init(factors: [Expr], key: [Int]) {
            self.factors = factors
            self.key = key
            expr = factors.count == 1 ? factors[0] : .product(factors)
        }
    }

    /// A form: its terms (sorted) and size.
    struct Form {
        var terms: [Term] { didSet { expr = Form.expr(terms) } }
        var size: Int
        /// The sum, built once: every form that uses this one shares its storage (so memoized walks
        /// over a deep network's nested form meet each sub-form once).
        private(set) var expr: Expr
        /// The form as the factors of a product.
        var factors: [Expr] { terms.count == 1 ? terms[0].factors : [expr] }

        init(terms: [Term], size: Int) {
            self.terms = terms
            self.size = size
            expr = Form.expr(terms)
        }

        private static func expr(_ terms: [Term]) -> Expr {
            terms.count == 1 ? terms[0].expr : .sum(terms.map(\.expr))
        }
    }

    /// A set of positions.
    struct NodeSet: Hashable {
        var words: [UInt64]
        init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }
        func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
        mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    }

    private struct Key: Hashable {
        var s: Int, t: Int, allowed: NodeSet
    }

    /// For each position (topological order, s first, t last), its inputs (positions) in written order.
    private let inputs: [[Int]]
    /// The node names, by position.
    private let names: [String]
    private let consumers: [[Int]]
    private var memo: [Key: Form?] = [:]
    private var exceeded = false

    /// A search over the DAG with these inputs and names; position 0 is s, the last position t.
    init(inputs: [[Int]], names: [String]) {
        self.inputs = inputs
        self.names = names
        var consumers = Array(repeating: [Int](), count: inputs.count)
        for (q, list) in inputs.enumerated() {
            for u in list { consumers[u].append(q) }
        }
        self.consumers = consumers
    }

    /// The smallest form of the paths from the first position to the last, keys in positions;
    /// `nil` when there is no path or the search would take more than ``stateBudget`` states.
    mutating func form() -> Form? {
        let n = inputs.count
        guard n >= 2 else { return nil }
        var all = NodeSet(count: n)
        for i in 1..<n - 1 { all.insert(i) }
        let result = search(0, n - 1, all)
        return exceeded ? nil : result
    }

    private func edge(_ q: Int, _ u: Int) -> Expr { .partial(of: names[q], wrt: names[u]) }

    /// The smallest form of the paths from s to t through nodes of `allowed`; `nil` when there is none.
    private mutating func search(_ s: Int, _ t: Int, _ allowed: NodeSet) -> Form? {
        guard let nodes = reduced(s, t, allowed) else { return nil }
        let key = Key(s: s, t: t, allowed: nodes)
        if let known = memo[key] { return known }
        guard !exceeded, memo.count < Factorizer.stateBudget else { exceeded = true; return nil }
        var best: Form? = expanded(s, t, nodes)
        for v in (s + 1..<t).reversed() where nodes.contains(v) {
            guard best.map({ $0.size > 1 }) ?? true else { break }
            var inner = nodes
            inner.remove(v)
            guard let head = search(v, t, inner), let tail = search(s, v, inner) else { continue }
            let rest = search(s, t, inner)
            let size = head.size + tail.size + (rest?.size ?? 0)
            if let current = best, current.size <= size { continue }
            let product = Term(factors: head.factors + tail.factors, key: head.terms[0].key + tail.terms[0].key.dropFirst())
            best = Form(terms: sorted([product] + (rest?.terms ?? [])), size: size)
        }
        memo[key] = best
        return best
    }

    /// `allowed` reduced to the nodes on some s–t path inside it; `nil` when there is no path.
    private func reduced(_ s: Int, _ t: Int, _ allowed: NodeSet) -> NodeSet? {
        var from = NodeSet(count: inputs.count)
        from.insert(s)
        for i in s + 1...t where i == t || allowed.contains(i) {
            if inputs[i].contains(where: { from.contains($0) }) { from.insert(i) }
        }
        guard from.contains(t) else { return nil }
        var to = NodeSet(count: inputs.count)
        to.insert(t)
        var nodes = NodeSet(count: inputs.count)
        for i in stride(from: t - 1, to: s, by: -1) where from.contains(i) {
            if consumers[i].contains(where: { to.contains($0) }) { to.insert(i); nodes.insert(i) }
        }
        return nodes
    }

    /// Every path from s to t through `nodes`, in graph order.
    private func expanded(_ s: Int, _ t: Int, _ nodes: NodeSet) -> Form {
        var terms: [Term] = []
        var factors: [Expr] = [], key = [t]
        func walk(_ q: Int) {
            if q == s { terms.append(Term(factors: factors, key: key)); return }
            for u in inputs[q] where u == s || (u > s && nodes.contains(u)) {
                factors.append(edge(q, u)); key.append(u)
                walk(u)
                factors.removeLast(); key.removeLast()
            }
        }
        walk(t)
        return Form(terms: terms, size: terms.reduce(0) { $0 + $1.factors.count })
    }

    /// Terms ordered by their first paths: at the first node where two paths part, the one that
    /// continues to the earlier-written input comes first.
    private func sorted(_ terms: [Term]) -> [Term] {
        Factorizer.sorted(terms) { q, u in inputs[q].firstIndex(of: u) ?? 0 }
    }

    /// Terms ordered by their first paths, `rank(q, u)` being the place of input u in q's inputs.
    static func sorted(_ terms: [Term], rank: (Int, Int) -> Int) -> [Term] {
        terms.sorted { a, b in
            for i in 1..<min(a.key.count, b.key.count) where a.key[i] != b.key[i] {
                return rank(a.key[i - 1], a.key[i]) < rank(a.key[i - 1], b.key[i])
            }
            return a.key.count < b.key.count
        }
    }
}
