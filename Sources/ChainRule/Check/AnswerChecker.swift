/// Checks students' answers for one derivative ∂A/∂B of a network: the library entry point of
/// `chainrule check`.
///
/// ```swift
/// let checker = try AnswerChecker(network: network, of: "y", wrt: "x2")
/// let result = try checker.check("∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2")   // or check(answer) for a parsed Answer
/// result.correct       // false: the path x2 → d → e → y is missing
/// ```
///
/// The verdict is exact: both sides are multiplied out into their multisets of paths (no tolerance,
/// no sampling). A symbol ∂q/∂u means the local partial along the edge u → q when u is a direct input of
/// q in the derivation's scalar graph, and otherwise the total derivative, which stands for the sum of
/// its paths (the quiz's convention). Every path missing, repeated or with a wrong coefficient, every
/// product that is not a path, every symbol that is neither an edge nor a possible total, and every
/// unknown name becomes a ``CheckFinding``. A chain of equalities is checked side by side.
///
/// With ``plugIn``, answers written out in the network's terms (σ′, h(1 − h), g′(z) w, weights) are
/// compared with the plugged-in derivative: by algebra where ``Expr/isEquivalent(to:unitSums:)`` can
/// show it, else by evaluation at ``points`` random points from ``seed``.
///
/// Everything that does not depend on the answer (the expected paths, which symbols are edges, the
/// totals between nodes of the derivation) is computed once, in `init`.
public struct AnswerChecker: Sendable {
    /// An edge u → q by node indices.
    struct Edge: Hashable, Sendable {
        var q: Int
        var u: Int
    }

    /// What a written ∂q/∂u stands for.
    enum Meaning {
        case edge(Int)
        case total(PathSum)
        case one
        case none
        case tooLarge
    }

    /// The network the answers are about.
    public let network: Network
    /// ∂A/∂B on the network's scalar graph (contracted unless A or B is a pre-activation).
    public let derivation: Derivation
    /// The names students may write and what they stand for.
    public let aliases: NameAliases
    /// A parser that knows the network's names (and the aliases).
    public let parser: AnswerParser
    /// The form the final answer must have, when asked (`expanded` or `factored`); `nil` accepts any.
    public var form: DerivativeForm?
    /// Whether answers are written out in the network's terms rather than in ∂q/∂u symbols.
    public var plugIn = false
    /// The seed of the random points of plugged-in comparisons.
    public var seed: UInt64 = 1
    /// How many random points a plugged-in comparison evaluates at.
    public var points = 5

    let graph: ScalarGraph
    let edgeIDs: [Edge: Int]
    let edges: [Edge]
    let expected: PathSum
    /// The expected paths in graph order.
    let expectedOrder: [[Int]]
    /// The partial symbols of the factored form.
    public let factoredCount: Int
    let totals: [Edge: PathSum]

    /// Whether ∂A/∂B has more paths than ``Derivation/pathLimit``, so that answers are compared by
    /// evaluation modulo a prime (see ``modularStep(_:at:final:)``) instead of path by path.
    public let comparesByEvaluation: Bool

    /// A checker for ∂of/∂wrt on `network`; throws for unknown names or whole vectors.
    public init(network: Network, of: String, wrt: String) throws(DerivationError) {
        let aliases = NameAliases(network: network)
        let derivation = try network.derivation(of: aliases.canonical(of), wrt: aliases.canonical(wrt))
        try self.init(network: network, aliases: aliases, derivation: derivation)
        let preactivations = network.nodes.filter { $0.kind == .preactivation }.map(\.name)
        if let z = preactivations.first, derivation.graph.index(of: z) == nil {
            let full = network.scalarGraph(contractingPreactivations: false)
            let checker = try AnswerChecker(network: network, aliases: aliases,
                                            derivation: Derivation(graph: full, of: derivation.ofName, wrt: derivation.wrtName))
            let names = Set(preactivations).union(aliases.map.filter { preactivations.contains($0.value) }.keys)
            uncontracted = Uncontracted(checker: checker, names: names)
        }
    }

    /// The checker on the uncontracted graph, for answers that write pre-activations (∂ŷ/∂z ∂z/∂w1),
    /// when this one's graph is contracted, with the names that call for it (one reference, so that
    /// copying a checker stays cheap).
    final class Uncontracted: Sendable {
        let checker: AnswerChecker
        let names: Set<String>

        init(checker: AnswerChecker, names: Set<String>) {
            self.checker = checker
            self.names = names
        }
    }

    private var uncontracted: Uncontracted?

    private init(network: Network, aliases: NameAliases, derivation: Derivation) throws(DerivationError) {
        self.network = network
        self.aliases = aliases
        parser = AnswerParser(knownNames: aliases.knownNames)
        let graph = derivation.graph
        self.derivation = derivation
        self.graph = graph
        var ids: [Edge: Int] = [:]
        var list: [Edge] = []
        for (q, node) in graph.nodes.enumerated() {
            for u in node.inputs where ids[Edge(q: q, u: u)] == nil {
                ids[Edge(q: q, u: u)] = list.count
                list.append(Edge(q: q, u: u))
            }
        }
        edgeIDs = ids
        edges = list
        comparesByEvaluation = derivation.pathCount > Derivation.pathLimit
        let expanded = comparesByEvaluation ? Expr.zero : (try? derivation.expanded()) ?? .zero
        var order: [[Int]] = []
        var sum = PathSum.zero
        for term in expanded.summands where term != .zero {
            let key = term.factors.compactMap { factor -> Int? in
                guard case .partial(let q, let u) = factor, let qi = graph.index(of: q), let ui = graph.index(of: u) else { return nil }
                return ids[Edge(q: qi, u: ui)]
            }.sorted()
            order.append(key)
            sum = sum + PathSum(terms: [key: term.numberValue ?? .one])
        }
        expected = sum
        expectedOrder = order
        factoredCount = derivation.factored().partialCount
        var totals: [Edge: PathSum] = [:]
        let relevant = derivation.relevant
        if relevant.count <= 40 {
            for (k, u) in relevant.enumerated() {
                for q in relevant[(k + 1)...] where ids[Edge(q: q, u: u)] == nil {
                    let sub = Derivation(graph: graph, of: q, wrt: u)
                    guard !sub.relevant.isEmpty, let paths = try? sub.expanded() else { continue }
                    totals[Edge(q: q, u: u)] = AnswerChecker.pathSum(paths, graph: graph, ids: ids)
                }
            }
        }
        self.totals = totals
    }

    /// A: the quantity differentiated.
    public var of: String { derivation.ofName }
    /// B: the variable.
    public var wrt: String { derivation.wrtName }

    /// Parses and checks one answer; throws the parser's diagnostic when the text cannot be read.
    public func check(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> CheckResult {
        check(try parser.parse(text, firstLine: firstLine))
    }

    /// Checks a parsed answer (read with ``parser``, so that its names are the network's).
    public func check(_ answer: Answer) -> CheckResult {
        if let uncontracted, AnswerChecker.writes(uncontracted.names, in: answer) {
            var full = uncontracted.checker
            (full.form, full.plugIn, full.seed, full.points) = (form, plugIn, seed, points)
            return full.check(answer)
        }
        var findings: [CheckFinding] = answer.readings.map { .readAs($0.written, name: $0.name, difference: $0.difference, at: $0.location) }
        findings += answer.unknownNames.map { .unknownName($0.written, at: $0.location, closest: $0.closest) }
        if let lhs = answer.lhs {
            let written = aliases.canonical(lhs.expr)
            let asked = Expr.partial(of: of, wrt: wrt)
            if written != asked && written != .total(of: of, wrt: wrt) {
                findings.append(.wrongLeftSide(written, expected: asked))
            }
        }
        let steps = answer.rhs.enumerated().map { k, side in
            let expr = aliases.canonical(side.expr)
            let isFinal = k == answer.rhs.count - 1
            return plugIn ? pluggedInStep(expr, at: side.location) : symbolicStep(expr, at: side.location, final: isFinal)
        }
        return CheckResult(of: of, wrt: wrt, steps: steps, findings: findings)
    }

    /// Whether an answer writes one of `names` (in a symbol or a derivative).
    private static func writes(_ names: Set<String>, in answer: Answer) -> Bool {
        var found = false
        for side in [answer.lhs].compactMap({ $0 }) + answer.rhs where !found {
            side.expr.visit { e in
                switch e {
                case .symbol(let s): if names.contains(s) { found = true }
                case .partial(let q, let u), .total(let q, let u):
                    if names.contains(q) || names.contains(u) { found = true }
                default: break
                }
            }
        }
        return found
    }

    // MARK: Symbolic answers

    private func symbolicStep(_ expr: Expr, at location: SourceLocation, final: Bool) -> CheckResult.Step {
        var atoms = ForeignAtoms(first: edges.count)
        guard !comparesByEvaluation, let sum = expand(expr, &atoms) else {
            return modularStep(expr, at: location, final: final)
        }
        var findings = atoms.findings
        compare(sum, into: &findings)
        var correct = !findings.contains(where: \.isError)
        if correct, final { formFindings(expr, into: &findings) }
        correct = !findings.contains(where: \.isError)
        return CheckResult.Step(expr: expr, location: location, correct: correct, findings: findings)
    }

    /// What ∂q/∂u means in this graph.
    func meaning(of q: String, wrt u: String) -> Meaning {
        guard let qi = graph.index(of: q), let ui = graph.index(of: u) else { return .none }
        if let id = edgeIDs[Edge(q: qi, u: ui)] { return .edge(id) }
        if qi == ui { return .one }
        if let total = totals[Edge(q: qi, u: ui)] { return .total(total) }
        let sub = Derivation(graph: graph, of: qi, wrt: ui)
        guard !sub.relevant.isEmpty else { return .none }
        guard let paths = try? sub.expanded() else { return .tooLarge }
        return .total(AnswerChecker.pathSum(paths, graph: graph, ids: edgeIDs))
    }

    /// The atoms of an answer that are not edges, numbered after the edges, with what to say about each.
    struct ForeignAtoms {
        var next: Int
        var ids: [Expr: Int] = [:]
        var findings: [CheckFinding] = []

        init(first: Int) { next = first }

        mutating func id(_ atom: Expr, _ finding: CheckFinding?) -> PathSum { .atom(index(atom, finding)) }

        /// The atom's number, given on first sight (with its finding).
        mutating func index(_ atom: Expr, _ finding: CheckFinding?) -> Int {
            if let id = ids[atom] { return id }
            ids[atom] = next
            next += 1
            if let finding { findings.append(finding) }
            return next - 1
        }
    }

    /// The answer multiplied out over edges (totals replaced by their paths); `nil` when too large.
    private func expand(_ expr: Expr, _ atoms: inout ForeignAtoms) -> PathSum? {
        switch expr {
        case .number(let n):
            return .constant(n)
        case .partial(let q, let u), .total(let q, let u):
            switch meaning(of: q, wrt: u) {
            case .edge(let id): return .atom(id)
            case .total(let paths): return paths
            case .one: return .one
            case .tooLarge: return nil
            case .none:
                let known = network[q] != nil && network[u] != nil || graph.index(of: q) != nil && graph.index(of: u) != nil
                return atoms.id(.partial(of: q, wrt: u), known ? .notAnEdge(of: q, wrt: u) : nil)
            }
        case .sum(let terms):
            var sum = PathSum.zero
            for term in terms {
                guard let t = expand(term, &atoms) else { return nil }
                sum = sum + t
            }
            return sum
        case .product(let factors):
            // Single atoms are collected and multiplied in once (a product of 10⁵ edges stays linear).
            var product = PathSum.one, single: [Int] = []
            for factor in factors {
                guard let f = expand(factor, &atoms) else { return nil }
                if f.terms.count == 1, let (key, c) = f.terms.first, c.isOne, key.count == 1 {
                    single.append(key[0])
                    continue
                }
                guard let next = product.times(f) else { return nil }
                product = next
            }
            return single.isEmpty ? product : product.times(PathSum(terms: [single.sorted(): .one]))
        case .power where expr.isConstant, .apply where expr.isConstant:
            if case .number(let n) = expr.simplified() { return .constant(n) }
            return atoms.id(expr, .notADerivative(expr))
        case .power(let base, let exponent):
            if let n = exponent.numberValue?.integerValue, n >= 0, n <= 64 {
                return expand(base, &atoms)?.power(n)
            }
            return atoms.id(expr, .notADerivative(expr))
        case .symbol, .apply:
            return atoms.id(expr, .notADerivative(expr))
        }
    }

    /// Missing, repeated and wrongly signed paths, and products that are not paths.
    private func compare(_ answer: PathSum, into findings: inout [CheckFinding]) {
        for key in expectedOrder {
            let c = answer[key]
            guard !c.isOne else { continue }
            let (product, nodes) = (self.product(key), chain(key)[0])
            if c.isZero {
                findings.append(.missingPath(product, nodes: nodes))
            } else if let times = c.integerValue, times > 1 {
                findings.append(.repeatedPath(product, nodes: nodes, times: times))
            } else {
                findings.append(.wrongCoefficient(product, nodes: nodes, coefficient: c))
            }
        }
        let extras = answer.terms.filter { expected.terms[$0.key] == nil }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for (key, c) in extras {
            if key.isEmpty {
                findings.append(.constantTerm(c))
            } else if key.allSatisfy({ $0 < edges.count }) {
                let pieces = chain(key)
                findings.append(pieces.count == 1 ? .wrongEnds(product(key), nodes: pieces[0]) : .brokenChain(product(key), pieces: pieces))
            }
        }
    }

    /// The form asked for, or a note when a correct answer is not factored.
    private func formFindings(_ expr: Expr, into findings: inout [CheckFinding]) {
        var partials: [Expr] = [], seen = Set<Expr>()  // the set: a 100,000-node chain writes as many
        expr.visit { e in
            if case .partial = e, seen.insert(e).inserted { partials.append(e) }
        }
        let totals = partials.filter { e in
            guard case .partial(let q, let u) = e, case .total = meaning(of: q, wrt: u) else { return false }
            return true
        }
        let written = expr.partialCount
        switch form {
        case .expanded?:
            if !totals.isEmpty {
                findings.append(.notInForm(.expanded, reason: .usesTotals(totals)))
            } else if !isSumOfPaths(expr) {
                findings.append(.notInForm(.expanded, reason: .notASumOfPaths))
            }
        case .factored?:
            if !totals.isEmpty {
                findings.append(.notInForm(.factored, reason: .usesTotals(totals)))
            } else if written > factoredCount {
                findings.append(.notInForm(.factored, reason: .moreSymbols(written: written, factored: factoredCount)))
            }
        default:
            if totals.isEmpty, written > factoredCount { findings.append(.notFactored(written: written, factored: factoredCount)) }
        }
    }

    /// Whether `expr` writes one product of edges per path, each once.
    private func isSumOfPaths(_ expr: Expr) -> Bool {
        let terms = expr.summands
        let productsOfEdges = terms.allSatisfy { term in
            term.factors.allSatisfy { if case .partial = $0 { true } else { false } }
        }
        return productsOfEdges && terms.count == expectedOrder.count
    }

    // MARK: Paths as nodes and products

    /// The chains of nodes the edges of a product form, in topological order of their starts; one
    /// chain for a path.
    func chain(_ key: [Int]) -> [[String]] {
        guard !key.isEmpty else { return [[wrt]] }
        let sorted = key.map { edges[$0] }.sorted { ($0.u, $0.q) < ($1.u, $1.q) }
        var pieces: [[Int]] = []
        for edge in sorted {
            if let k = pieces.firstIndex(where: { $0.last == edge.u }) {
                pieces[k].append(edge.q)
            } else {
                pieces.append([edge.u, edge.q])
            }
        }
        return pieces.map { $0.map { graph.nodes[$0].name } }
    }

    /// The product of a key's edges, output side first (∂y/∂c ∂c/∂a ∂a/∂x1).
    func product(_ key: [Int]) -> Expr {
        guard !key.isEmpty else { return .one }
        let factors = key.map { edges[$0] }.sorted { ($0.q, $0.u) > ($1.q, $1.u) }
            .map { Expr.partial(of: graph.nodes[$0.q].name, wrt: graph.nodes[$0.u].name) }
        return factors.count == 1 ? factors[0] : .product(factors)
    }

    /// An expanded chain-rule form as a path sum over the graph's edges.
    static func pathSum(_ expanded: Expr, graph: ScalarGraph, ids: [Edge: Int]) -> PathSum {
        var terms: [[Int]: Number] = [:]
        for term in expanded.summands where term != .zero {
            let key = term.factors.compactMap { factor -> Int? in
                guard case .partial(let q, let u) = factor, let qi = graph.index(of: q), let ui = graph.index(of: u) else { return nil }
                return ids[Edge(q: qi, u: ui)]
            }.sorted()
            terms[key, default: .zero] = terms[key, default: .zero] + .one
        }
        return PathSum(terms: terms)
    }
}
