/// The factored forms of totals ∂t/∂s between nodes of one ``ScalarGraph``, found from the graph's
/// structure in polynomial time and shared between questions (one value serves every ∂L/∂p of a file).
///
/// A problem is the set of paths from s to t, inside an optional set of allowed nodes. Each is solved
/// once, by the first rule that applies:
///
/// 1. **Articulation chain**: nodes on every s–t path (the dominators of t from s, by the iterative
///    algorithm of Cooper, Harvey and Kennedy in topological order) cut the paths into segments whose
///    forms multiply: ∂t/∂s = (∂t/∂d_k)…(∂d_1/∂s).
/// 2. **Parallel**: the nodes between s and t fall apart into several connected pieces (or a piece and
///    the direct edge) — a sum, one term group per piece. Rules 2 and 3 are series–parallel reduction:
///    on a series–parallel graph every edge is written once, the smallest possible.
/// 3. **Small**: at most ``Factorizer/exhaustiveLimit`` nodes between s and t — the exhaustive
///    search, whose result is the smallest node-splitting form of that piece (unless the search
///    would pass ``Factorizer/stateBudget`` states; then rule 4).
/// 4. **Cut**: nodes at the same longest distance from s form an antichain; when one such level meets
///    every path (a layer of a layered network), ∂t/∂s = Σ_c (∂t/∂c)(∂c/∂s) over its nodes. The level
///    that gives the smallest result is chosen (the nested layer-by-layer form when that is smallest).
///    When no level meets every path, the level that the most paths cross is split off and the paths
///    that avoid it are solved as a problem of their own.
///
/// Any problem whose expanded sum of paths is no larger than the form found is written expanded, so
/// no result is larger than ``Derivation/expanded(limit:)``. Problems are solved with an explicit
/// stack (no recursion that grows with the graph), each once; the cost is polynomial: O(V) levels per
/// problem, O(V + E) per level, and at most O(V²) problems of full regions (pairs of nodes).
public struct FactoredForms: Sendable {
    /// The graph whose totals are factored.
    public let graph: ScalarGraph
    private var consumers: [[Int]]
    private var plans: [Problem: Plan] = [:]
    private var forms: [Problem: Factorizer.Form] = [:]

    /// A cache of factored forms on `graph`, empty until asked.
    public init(graph: ScalarGraph) {
        self.graph = graph
        var consumers = Array(repeating: [Int](), count: graph.nodes.count)
        for (q, node) in graph.nodes.enumerated() {
            for u in node.inputs { consumers[u].append(q) }
        }
        self.consumers = consumers
    }

    /// The factored form of ∂t/∂s (node indices): 1 when t is s, 0 when no path leads from s to t.
    public mutating func form(of t: Int, wrt s: Int) -> Expr {
        if s == t { return .one }
        guard graph.nodes.indices.contains(s), graph.nodes.indices.contains(t), s < t else { return .zero }
        return solution(Problem(s: s, t: t, allowed: nil))?.expr ?? .zero
    }

    /// The size of the factored form of ∂t/∂s in partial symbols (saturating).
    mutating func size(of t: Int, wrt s: Int) -> Int {
        guard s < t, graph.nodes.indices.contains(t) else { return s == t ? 0 : 0 }
        let problem = Problem(s: s, t: t, allowed: nil)
        plan(problem)
        return plans[problem]?.size ?? 0
    }

    // MARK: Problems and plans

    /// The paths from s to t whose inner nodes are in `allowed` (every node when `nil`); without the
    /// direct edge s → t when `skipsEdge` (a piece of a parallel composition).
    struct Problem: Hashable, Sendable {
        var s: Int
        var t: Int
        var allowed: [Int]?
        var skipsEdge = false
    }

    /// How a problem is written, and the size that gives.
    enum Plan: Sendable {
        case none
        case edge
        case small(Factorizer.Form)
        case expanded(size: Int)
        case alias(Problem)
        case product([Problem], size: Int)
        case sum([Problem], edge: Bool, size: Int)
        /// Σ_c (∂t/∂c)(∂c/∂s): the problems (c, t) and (s, c) of each cut node c, alternating; and the rest.
        case cut([Problem], rest: Problem?, size: Int)

        var size: Int {
            switch self {
            case .none: 0
            case .edge: 1
            case .small(let form): form.size
            case .expanded(let size), .product(_, let size), .sum(_, _, let size), .cut(_, _, let size): size
            case .alias: 0
            }
        }
    }

    /// The options a problem chooses from once its sub-problems are planned.
    private struct Options {
        var region: PathRegion?
        var plan: Plan?
        var children: [Problem] = []
        var isProduct = false
        var cuts: [[Problem]] = []
        var rest: Problem?
    }

    /// Plans `root` and everything it needs, with an explicit stack.
    private mutating func plan(_ root: Problem) {
        guard plans[root] == nil else { return }
        var pending: [Problem: Options] = [:]
        var stack = [root]
        while let problem = stack.last {
            if plans[problem] != nil { stack.removeLast(); continue }
            let options = pending[problem] ?? self.options(problem)
            let missing = options.children.filter { plans[$0] == nil }
            if missing.isEmpty {
                plans[problem] = finish(problem, options)
                pending[problem] = nil
                stack.removeLast()
            } else {
                pending[problem] = options
                stack.append(contentsOf: missing)
            }
        }
    }

    /// The size of an already planned problem, following aliases.
    private func plannedSize(_ problem: Problem) -> Int {
        if case .alias(let full)? = plans[problem] { return plans[full]?.size ?? 0 }
        return plans[problem]?.size ?? 0
    }

    /// What can be decided before the sub-problems are known.
    private func options(_ problem: Problem) -> Options {
        guard let region = PathRegion(problem, graph: graph, consumers: consumers) else { return Options(plan: Plan.none) }
        var options = Options(region: region)
        let n = region.nodes.count
        if n == 2 { options.plan = .edge; return options }
        if problem.allowed != nil, !problem.skipsEdge, let full = PathRegion(Problem(s: problem.s, t: problem.t, allowed: nil), graph: graph, consumers: consumers),
           full.nodes.count == n {
            options.plan = .alias(Problem(s: problem.s, t: problem.t, allowed: nil))
            options.children = [Problem(s: problem.s, t: problem.t, allowed: nil)]
            return options
        }
        let chain = region.articulationChain()
        if chain.count > 2 {
            options.isProduct = true
            options.children = zip(chain.dropFirst(), chain).map { t, s in sub(problem, region, s, t) }.reversed()
            return options
        }
        let pieces = region.pieces()
        if pieces.count > 1 || region.inputs[n - 1].contains(0) {
            options.children = pieces.map { Problem(s: problem.s, t: problem.t, allowed: $0, skipsEdge: true) }
            return options
        }
        if n - 2 <= Factorizer.exhaustiveLimit {
            var search = Factorizer(inputs: region.inputs, names: region.nodes.map { graph.nodes[$0].name })
            if var form = search.form() {
                for k in form.terms.indices { form.terms[k].key = form.terms[k].key.map { region.nodes[$0] } }
                options.plan = .small(form)
                return options
            }
        }
        var exact: [[Int]] = [], crossing: (level: [Int], paths: Int)?
        for level in region.levels() {
            if region.isCut(level) {
                exact.append(level)
            } else if exact.isEmpty {
                let paths = level.reduce(0) { PathRegion.add($0, region.through[$1]) }
                if crossing.map({ paths > $0.paths }) ?? true { crossing = (level, paths) }
            }
        }
        let levels = exact.isEmpty ? crossing.map { [$0.level] } ?? [] : exact
        options.cuts = levels.map { level in
            level.flatMap { c in [sub(problem, region, region.nodes[c], problem.t), sub(problem, region, problem.s, region.nodes[c])] }
        }
        options.children = options.cuts.flatMap { $0 }
        if exact.isEmpty, let level = crossing?.level {
            let removed = Set(level.map { region.nodes[$0] })
            let rest = Problem(s: problem.s, t: problem.t, allowed: region.nodes.dropFirst().dropLast().filter { !removed.contains($0) },
                               skipsEdge: problem.skipsEdge)
            options.rest = rest
            options.children.append(rest)
        }
        return options
    }

    /// The sub-problem from s to t inside `problem`: every path when the problem has every path,
    /// else restricted to the problem's nodes.
    private func sub(_ problem: Problem, _ region: PathRegion, _ s: Int, _ t: Int) -> Problem {
        guard problem.allowed != nil else { return Problem(s: s, t: t, allowed: nil) }
        return Problem(s: s, t: t, allowed: region.nodes.filter { $0 > s && $0 < t })
    }

    /// The plan once the sub-problems are planned: the smallest option, or the expanded sum when no larger.
    private func finish(_ problem: Problem, _ options: Options) -> Plan {
        if let plan = options.plan { return plan }
        guard let region = options.region else { return Plan.none }
        var plan: Plan
        if options.cuts.isEmpty {
            let size = options.children.reduce(0) { PathRegion.add($0, plannedSize($1)) }
            if options.isProduct {
                plan = .product(options.children, size: size)
            } else {
                let edge = region.inputs[region.nodes.count - 1].contains(0)
                plan = .sum(options.children, edge: edge, size: PathRegion.add(size, edge ? 1 : 0))
            }
        } else {
            var best: (pairs: [Problem], size: Int)?
            for pairs in options.cuts {
                let size = pairs.reduce(options.rest.map { plannedSize($0) } ?? 0) { PathRegion.add($0, plannedSize($1)) }
                if best.map({ size < $0.size }) ?? true { best = (pairs, size) }
            }
            plan = .cut(best?.pairs ?? [], rest: options.rest, size: best?.size ?? 0)
        }
        if region.paths <= Derivation.pathLimit, region.pathLength <= plan.size { plan = .expanded(size: region.pathLength) }
        return plan
    }

    // MARK: Writing the forms

    /// The form of a problem, built from the plans with an explicit stack; `nil` when there is no path.
    private mutating func solution(_ root: Problem) -> Factorizer.Form? {
        plan(root)
        var stack = [root]
        while let problem = stack.last {
            if forms[problem] != nil || plans[problem].map({ if case .none = $0 { true } else { false } }) ?? true {
                stack.removeLast(); continue
            }
            let children = self.children(problem)
            let missing = children.filter { forms[$0] == nil && !isEmpty($0) }
            if !missing.isEmpty { stack.append(contentsOf: missing); continue }
            forms[problem] = build(problem)
            stack.removeLast()
        }
        return forms[root]
    }

    private func isEmpty(_ problem: Problem) -> Bool {
        if case .none? = plans[problem] { return true }
        return false
    }

    /// The sub-problems whose forms a problem's form is made of.
    private func children(_ problem: Problem) -> [Problem] {
        switch plans[problem] {
        case .alias(let full)?: [full]
        case .product(let parts, _)?: parts
        case .sum(let parts, _, _)?: parts
        case .cut(let pairs, let rest, _)?: pairs + (rest.map { [$0] } ?? [])
        default: []
        }
    }

    /// One problem's form from its children's.
    private func build(_ problem: Problem) -> Factorizer.Form? {
        let edge = Factorizer.Term(factors: [.partial(of: graph.nodes[problem.t].name, wrt: graph.nodes[problem.s].name)],
                                   key: [problem.t, problem.s])
        switch plans[problem] {
        case .none?, nil: return nil
        case .edge?: return Factorizer.Form(terms: [edge], size: 1)
        case .small(let form)?: return form
        case .alias(let full)?: return forms[full]
        case .expanded?:
            return PathRegion(problem, graph: graph, consumers: consumers)?.expanded(graph)
        case .product(let parts, let size)?:
            let segments = parts.compactMap { forms[$0] }
            let factors = segments.flatMap(\.factors)
            let key = segments.enumerated().flatMap { k, form in k == 0 ? form.terms[0].key : Array(form.terms[0].key.dropFirst()) }
            return Factorizer.Form(terms: [Factorizer.Term(factors: factors, key: key)], size: size)
        case .sum(let parts, let hasEdge, let size)?:
            let terms = parts.flatMap { forms[$0]?.terms ?? [] } + (hasEdge ? [edge] : [])
            return Factorizer.Form(terms: sorted(terms), size: size)
        case .cut(let pairs, let rest, let size)?:
            var terms: [Factorizer.Term] = []
            for k in stride(from: 0, to: pairs.count - 1, by: 2) {
                if let head = forms[pairs[k]], let tail = forms[pairs[k + 1]] {
                    terms.append(Factorizer.Term(factors: head.factors + tail.factors,
                                                 key: head.terms[0].key + tail.terms[0].key.dropFirst()))
                }
            }
            if let rest, let form = forms[rest] { terms += form.terms }
            return Factorizer.Form(terms: sorted(terms), size: size)
        }
    }

    /// Terms in graph order (see ``Factorizer``).
    private func sorted(_ terms: [Factorizer.Term]) -> [Factorizer.Term] {
        Factorizer.sorted(terms) { q, u in graph.nodes[q].inputs.firstIndex(of: u) ?? 0 }
    }
}
