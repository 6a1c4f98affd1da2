/// Finds the smallest node-splitting form of a ``Derivation``.
///
/// The paths from s to t through an intermediate node v factor as (∂t/∂v)(∂v/∂s); the rest avoid v.
/// A form is either the expanded sum of paths or such a split, recursively:
/// `F(s, t, S) = F(v, t, S′)·F(s, v, S″) + F(s, t, S ∖ {v})`, where S is the set of nodes paths may
/// pass through. Size is the number of partial symbols written.
///
/// - Exhaustive: when at most ``exhaustiveLimit`` nodes lie between s and t, every split is tried,
///   memoized on (s, t, S) with S reduced to the nodes on some s–t path inside it.
/// - Heuristic beyond: split at the node that the most paths pass through (ties: the latest node),
///   recursively, and keep the expanded sum instead when it is no larger. A split is never larger
///   than the expanded sum of the same paths, so neither is the result.
///
/// Ties between forms of equal size go to the expanded sum, then to the split at the latest node
/// (the one nearest the output). Terms are ordered as the output lists its inputs (by each term's
/// first path in graph order) and products run from the output toward the input.
struct Factorizer {
    /// Nodes between s and t up to which the search is exhaustive.
    static let exhaustiveLimit = 12

    /// One term of a sum: its factors, and its first path (relevant positions from t down to s).
    struct Term {
        var factors: [Expr]
        var key: [Int]
        var expr: Expr { factors.count == 1 ? factors[0] : .product(factors) }
    }

    /// A form: its terms (sorted) and size.
    struct Form {
        var terms: [Term]
        var size: Int
        var expr: Expr { terms.count == 1 ? terms[0].expr : .sum(terms.map(\.expr)) }
        /// The form as the factors of a product.
        var factors: [Expr] { terms.count == 1 ? terms[0].factors : [expr] }
    }

    /// A set of relevant positions.
    struct NodeSet: Hashable {
        var words: [UInt64]
        init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }
        func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
        mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    }

    private struct Key: Hashable {
        var s: Int, t: Int, allowed: NodeSet
    }

    let derivation: Derivation
    private let consumers: [[Int]]
    private let rank: [[Int: Int]]
    private var memo: [Key: Form?] = [:]

    init(derivation: Derivation) {
        self.derivation = derivation
        var consumers = Array(repeating: [Int](), count: derivation.relevant.count)
        for (q, inputs) in derivation.localInputs.enumerated() {
            for u in inputs { consumers[u].append(q) }
        }
        self.consumers = consumers
        rank = derivation.localInputs.map { Dictionary($0.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
    }

    /// The form for B → A over every relevant node.
    mutating func form() -> Expr {
        let n = derivation.relevant.count
        var all = NodeSet(count: n)
        for i in 1..<max(n - 1, 1) { all.insert(i) }
        return search(0, n - 1, all)?.expr ?? .zero
    }

    /// The smallest form of the paths from s to t through nodes of `allowed`; `nil` when there is none.
    private mutating func search(_ s: Int, _ t: Int, _ allowed: NodeSet) -> Form? {
        let region = reduced(s, t, allowed)
        guard let region else { return nil }
        let key = Key(s: s, t: t, allowed: region.nodes)
        if let known = memo[key] { return known }
        let between = (s + 1..<t).filter { region.nodes.contains($0) }
        let exhaustive = between.count <= Factorizer.exhaustiveLimit
        var best: Form?
        if exhaustive, region.paths <= Derivation.pathLimit { best = expanded(s, t, region.nodes) }
        let candidates = exhaustive ? Array(between.reversed())
            : [between.max { (region.through[$0] ?? 0, $0) < (region.through[$1] ?? 0, $1) }].compactMap { $0 }
        for v in candidates {
            guard best.map({ $0.size > 1 }) ?? true else { break }
            var inner = region.nodes
            inner.remove(v)
            guard let head = search(v, t, inner), let tail = search(s, v, inner) else { continue }
            let rest = search(s, t, inner)
            let size = head.size + tail.size + (rest?.size ?? 0)
            if let current = best, current.size <= size { continue }
            let product = Term(factors: head.factors + tail.factors, key: head.terms[0].key + tail.terms[0].key.dropFirst())
            best = Form(terms: sorted([product] + (rest?.terms ?? [])), size: size)
        }
        if !exhaustive, region.paths <= Derivation.pathLimit, region.pathLength <= best?.size ?? Int.max {
            best = expanded(s, t, region.nodes)
        }
        memo[key] = best
        return best
    }

    /// What the search needs to know about the paths from s to t inside `allowed`.
    private struct Region {
        var nodes: NodeSet
        var paths: Int
        var pathLength: Int
        var through: [Int: Int]
    }

    /// `allowed` reduced to the nodes on some s–t path inside it, with path counts; `nil` when no path.
    private func reduced(_ s: Int, _ t: Int, _ allowed: NodeSet) -> Region? {
        let inputs = derivation.localInputs
        var from = [s: 1], length = [s: 0]
        for i in s + 1...t where i == t || allowed.contains(i) {
            var count = 0, total = 0
            for j in inputs[i] {
                guard let c = from[j], let l = length[j] else { continue }
                count = Self.add(count, c)
                total = Self.add(total, Self.add(l, c))
            }
            if count > 0 { from[i] = count; length[i] = total }
        }
        guard let paths = from[t], let pathLength = length[t] else { return nil }
        var to = [t: 1]
        var nodes = NodeSet(count: allowed.words.count * 64)
        for i in stride(from: t - 1, to: s, by: -1) where from[i] != nil {
            var count = 0
            for r in consumers[i] { if let c = to[r] { count = Self.add(count, c) } }
            if count > 0 { to[i] = count; nodes.insert(i) }
        }
        var through: [Int: Int] = [:]
        for (i, c) in to where i != t { through[i] = Self.multiply(c, from[i] ?? 0) }
        return Region(nodes: nodes, paths: paths, pathLength: pathLength, through: through)
    }

    /// Every path from s to t through `nodes`, in graph order.
    private func expanded(_ s: Int, _ t: Int, _ nodes: NodeSet) -> Form {
        var terms: [Term] = []
        var factors: [Expr] = [], key = [t]
        func walk(_ q: Int) {
            if q == s { terms.append(Term(factors: factors, key: key)); return }
            for u in derivation.localInputs[q] where u == s || (u > s && nodes.contains(u)) {
                factors.append(derivation.edge(q, u)); key.append(u)
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
        terms.sorted { a, b in
            for i in 1..<min(a.key.count, b.key.count) where a.key[i] != b.key[i] {
                let at = rank[a.key[i - 1]]
                return (at[a.key[i]] ?? 0) < (at[b.key[i]] ?? 0)
            }
            return a.key.count < b.key.count
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? Int.max : r
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max : r
    }
}
