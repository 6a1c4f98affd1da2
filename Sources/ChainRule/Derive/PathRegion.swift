/// The nodes on the paths of one ``FactoredForms/Problem`` (from s to t inside an optional set of
/// allowed nodes), as a small DAG of its own, with path counts and the structure factoring uses.
///
/// Every walk is a loop over positions in topological order: nothing recurses with the graph's size.
/// Counts saturate at `Int.max` instead of overflowing.
struct PathRegion {
    /// The nodes (graph indices, ascending): s first, t last.
    var nodes: [Int]
    /// For each position, its inputs inside the region (positions), in written order.
    var inputs: [[Int]]
    /// The number of paths from s to t.
    var paths: Int
    /// The total number of edges over all paths (the size of the expanded sum).
    var pathLength: Int
    /// For each position, the number of s–t paths through it.
    var through: [Int]

    /// The region of `problem`; `nil` when no path leads from s to t inside it.
    init?(_ problem: FactoredForms.Problem, graph: ScalarGraph, consumers: [[Int]]) {
        let s = problem.s, t = problem.t
        guard s < t else { return nil }
        let candidates = problem.allowed.map { [s] + $0.filter { $0 > s && $0 < t } + [t] } ?? Array(s...t)
        let lookup = problem.allowed == nil ? [:] : Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        let full = problem.allowed == nil
        func position(_ node: Int) -> Int? {
            if full { return node >= s && node <= t ? node - s : nil }
            return lookup[node]
        }
        let m = candidates.count
        var from = Array(repeating: 0, count: m), length = Array(repeating: 0, count: m)
        from[0] = 1
        for k in 1..<m {
            for u in graph.nodes[candidates[k]].inputs {
                guard let j = position(u), j < k, from[j] > 0, !(problem.skipsEdge && j == 0 && k == m - 1) else { continue }
                from[k] = Self.add(from[k], from[j])
                length[k] = Self.add(length[k], Self.add(length[j], from[j]))
            }
        }
        guard from[m - 1] > 0 else { return nil }
        var to = Array(repeating: 0, count: m)
        to[m - 1] = 1
        for k in stride(from: m - 2, through: 0, by: -1) where from[k] > 0 {
            for r in consumers[candidates[k]] {
                guard let j = position(r), j > k, to[j] > 0, !(problem.skipsEdge && k == 0 && j == m - 1) else { continue }
                to[k] = Self.add(to[k], to[j])
            }
        }
        var local = Array(repeating: -1, count: m)
        var nodes: [Int] = [], through: [Int] = []
        for k in 0..<m where from[k] > 0 && to[k] > 0 {
            local[k] = nodes.count
            nodes.append(candidates[k])
            through.append(Self.multiply(from[k], to[k]))
        }
        self.nodes = nodes
        self.through = through
        inputs = nodes.map { node in
            graph.nodes[node].inputs.compactMap { u in
                guard !(problem.skipsEdge && node == t && u == s) else { return nil }
                return position(u).flatMap { local[$0] >= 0 && u < node ? local[$0] : nil }
            }
        }
        paths = from[m - 1]
        pathLength = length[m - 1]
    }

    /// The nodes on every path, s and t included (graph indices, ascending): the dominators of t from
    /// s, by Cooper, Harvey and Kennedy's iteration, which on positions in topological order takes one pass.
    func articulationChain() -> [Int] {
        let n = nodes.count
        var dominator = Array(repeating: 0, count: n)
        for k in 1..<n {
            var d = inputs[k][0]
            for u in inputs[k].dropFirst() {
                var a = d, b = u
                while a != b {
                    while a > b { a = dominator[a] }
                    while b > a { b = dominator[b] }
                }
                d = a
            }
            dominator[k] = d
        }
        var chain = [n - 1]
        while let last = chain.last, last != 0 { chain.append(dominator[last]) }
        return chain.reversed().map { nodes[$0] }
    }

    /// The inner nodes split into connected pieces (graph indices, ascending within each piece).
    func pieces() -> [[Int]] {
        let n = nodes.count
        var parent = Array(0..<n)
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k] != k { parent[k] = parent[parent[k]]; k = parent[k] }
            return k
        }
        for k in 1..<n - 1 {
            for u in inputs[k] where u > 0 { parent[root(u)] = root(k) }
        }
        var groups: [Int: [Int]] = [:], order: [Int] = []
        for k in 1..<n - 1 {
            let r = root(k)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(nodes[k])
        }
        return order.compactMap { groups[$0] }
    }

    /// The inner positions grouped by their longest distance from s, nearest first. Each group is an
    /// antichain: no path passes through two of its nodes.
    func levels() -> [[Int]] {
        let n = nodes.count
        var depth = Array(repeating: 0, count: n)
        for k in 1..<n { depth[k] = (inputs[k].map { depth[$0] }.max() ?? 0) + 1 }
        var groups = Array(repeating: [Int](), count: depth[n - 1])
        for k in 1..<n - 1 { groups[depth[k]].append(k) }
        return groups.filter { !$0.isEmpty }
    }

    /// Whether every path from s to t passes through one of `level` (positions).
    func isCut(_ level: [Int]) -> Bool {
        let n = nodes.count
        var blocked = Array(repeating: false, count: n)
        for k in level { blocked[k] = true }
        var reached = Array(repeating: false, count: n)
        reached[0] = true
        for k in 1..<n where !blocked[k] {
            reached[k] = inputs[k].contains { reached[$0] }
        }
        return !reached[n - 1]
    }

    /// Every path as a term, in graph order (from t, each node's inputs in written order), each product
    /// from t toward s; keys are graph indices. Walked with an explicit stack.
    func expanded(_ graph: ScalarGraph) -> Factorizer.Form {
        let n = nodes.count
        var terms: [Factorizer.Term] = []
        var path = [n - 1], next = [0]
        while let q = path.last {
            if q == 0 {
                let factors = zip(path, path.dropFirst()).map { Expr.partial(of: graph.nodes[nodes[$0]].name, wrt: graph.nodes[nodes[$1]].name) }
                terms.append(Factorizer.Term(factors: factors, key: path.map { nodes[$0] }))
            }
            let k = next[next.count - 1]
            if q == 0 || k >= inputs[q].count {
                path.removeLast(); next.removeLast()
                continue
            }
            next[next.count - 1] = k + 1
            path.append(inputs[q][k]); next.append(0)
        }
        return Factorizer.Form(terms: terms, size: terms.reduce(0) { $0 + $1.factors.count })
    }

    /// a + b, saturating at `Int.max`.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? Int.max : r
    }

    /// a · b, saturating at `Int.max`.
    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max : r
    }
}
