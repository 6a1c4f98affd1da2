/// The values of the local partials ∂q/∂u of a ``ScalarGraph``, written as a course writes them, and
/// chain-rule forms with those values plugged in.
///
/// ∂q/∂u is the node's definition differentiated with respect to u, then folded back into the
/// graph's names: an activation's derivative is written in its own output q (σ′ = q(1 − q),
/// tanh′ = 1 − q², ReLU′ = step(z_q), identity′ = 1, an unspecified g′(z_q)), times the derivative
/// of the pre-activation (∂z_q/∂w = u, ∂z_q/∂b = 1). A softmax component pᵢ = e^{zᵢ}/Σₖ e^{zₖ}
/// gives Σₖ pᵢ(δᵢₖ − pₖ) ∂zₖ/∂u in its siblings' names, and a loss's derivative is normalized.
public struct LocalPartials: Sendable {
    /// The graph whose edges are evaluated.
    public let graph: ScalarGraph
    /// Groups of symbols known to sum to 1 (the target of a cross-entropy), for normalization.
    public let unitSums: [[String]]
    /// For each softmax denominator, the node name of each numerator's exponent.
    private let softmaxSiblings: [Expr: [Expr: String]]
    /// Every symbol of ``unitSums``.
    private let unitSymbols: Set<String>
    /// For a node whose definition (or its activation's argument) is a long sum: the terms mentioning
    /// each symbol, so that ∂q/∂u differentiates those terms only (a wide neuron's n partials then cost
    /// O(n) together instead of O(n²)).
    private let sumTerms: [Int: (terms: [Expr], mentions: [String: [Int]])]

    /// Partials of `graph`; `unitSums` as in ``Expr/normalized(unitSums:)``.
    public init(graph: ScalarGraph, unitSums: [[String]] = []) {
        self.graph = graph
        self.unitSums = unitSums
        unitSymbols = Set(unitSums.joined())
        var siblings: [Expr: [Expr: String]] = [:]
        for node in graph.nodes {
            if let (z, denominator) = node.definition?.softmaxParts { siblings[denominator, default: [:]][z] = node.name }
        }
        softmaxSiblings = siblings
        var terms: [Int: (terms: [Expr], mentions: [String: [Int]])] = [:]
        for (index, node) in graph.nodes.enumerated() {
            guard let sum = node.definition.map(Self.differentiatedSum) else { continue }
            let items = Self.flatSummands(sum)
            guard items.count > Self.indexedSumLength else { continue }
            var mentions: [String: [Int]] = [:]
            for (k, item) in items.enumerated() {
                for symbol in item.symbols { mentions[symbol, default: []].append(k) }
            }
            terms[index] = (items, mentions)
        }
        sumTerms = terms
    }

    /// Sums longer than this get a symbol → terms index.
    static let indexedSumLength = 16

    /// The expression `value(of:wrt:)` differentiates term by term: an activation's argument, or the definition.
    private static func differentiatedSum(_ definition: Expr) -> Expr {
        if case .apply(_, let arguments) = definition, arguments.count == 1 { return arguments[0] }
        return definition
    }

    /// The terms of a sum with nested sums flattened (a parsed `a + b + c` nests), without recursion.
    private static func flatSummands(_ expr: Expr) -> [Expr] {
        guard case .sum = expr else { return [expr] }
        var terms: [Expr] = [], pending = [expr]
        while let next = pending.popLast() {
            if case .sum(let inner) = next { pending.append(contentsOf: inner.reversed()) } else { terms.append(next) }
        }
        return terms
    }

    /// `expr` (node `index`'s definition or its activation's argument) differentiated with respect to
    /// `u`, looking only at the terms that mention `u` when the node's sum is indexed.
    private func derivative(_ expr: Expr, node index: Int, wrt u: String) -> Expr {
        guard let (items, mentions) = sumTerms[index] else { return expr.derivative(withRespectTo: u) }
        let used = mentions[u] ?? []
        if used.isEmpty { return .zero }
        return (used.count == 1 ? items[used[0]] : .sum(used.map { items[$0] })).derivative(withRespectTo: u)
    }

    /// ∂q/∂u along the edge from u into q (0 when q's definition does not use u).
    public func value(of q: String, wrt u: String) -> Expr {
        guard let index = graph.index(of: q), let definition = graph.nodes[index].definition else {
            return q == u ? .one : .zero
        }
        let node = graph.nodes[index]
        if let (z, denominator) = definition.softmaxParts, let siblings = softmaxSiblings[denominator] {
            return softmax(node, z: z, siblings: siblings, wrt: u)
        }
        if case .apply(let f, let arguments) = definition, arguments.count == 1 {
            let argument = arguments[0]
            let z: Expr = node.preactivation.map { $0.definition == argument ? .symbol($0.name) : argument } ?? argument
            let outer = f.partialDerivative([z], at: 0).folding(.apply(f, [z]), into: .symbol(q))
            return Self.product([outer, derivative(argument, node: index, wrt: u)])
        }
        let derivative = derivative(definition, node: index, wrt: u)
        return node.kind == .loss ? derivative.normalized(unitSums: unitSums).collectedOverDenominators.positiveFirst : derivative
    }

    /// Σₖ ∂pᵢ/∂zₖ ∂zₖ/∂u for a softmax component pᵢ, with ∂pᵢ/∂zₖ = pᵢ(δᵢₖ − pₖ).
    private func softmax(_ node: ScalarGraph.Node, z: Expr, siblings: [Expr: String], wrt u: String) -> Expr {
        let p = Expr.symbol(node.name)
        let terms = siblings.sorted { (graph.index(of: $0.value) ?? 0) < (graph.index(of: $1.value) ?? 0) }
            .compactMap { zk, name -> Expr? in
                let inner = zk.derivative(withRespectTo: u)
                guard inner != .zero else { return nil }
                let local: [Expr] = zk == z ? [p, .difference(.one, p)] : [.integer(-1), p, .symbol(name)]
                return Self.product(local + [inner])
            }
        return terms.isEmpty ? .zero : terms.count == 1 ? terms[0] : .sum(terms)
    }

    /// `form` with every local partial replaced by its value, products and sums simplified, and
    /// neighbouring factors combined where normalization makes them smaller (BCE after a sigmoid:
    /// (−y/ŷ + (1 − y)/(1 − ŷ)) ŷ(1 − ŷ) = ŷ − y).
    public func plugging(into form: Expr) -> Expr {
        var cache = Cache()
        return plugging(into: form, sharing: &cache)
    }

    /// What plugging in has already worked out, to share between forms on the same graph (a factored
    /// form repeats its sub-forms, and a file's questions share them too).
    public struct Cache: Sendable {
        var values: [Expr: Expr] = [:]
        var shared: [SharedExpr: Expr] = [:]
        var simplified: [SharedExpr: Expr] = [:]
        /// Shapes whose normalization was not smaller (see ``LocalPartials/smallerNormalized(_:size:_:)``).
        var unshrinking: Set<Expr> = []
        /// An empty cache.
        public init() {}
    }

    /// ``plugging(into:)``, reusing (and adding to) the results in `cache`.
    ///
    /// Each distinct sub-form is plugged in once (sums and products are remembered by their storage,
    /// see ``SharedExpr``: a factored form's repeated sub-forms share it); so is each simplification.
    public func plugging(into form: Expr, sharing cache: inout Cache) -> Expr {
        plug(form, &cache)
    }

    private func plug(_ expr: Expr, _ cache: inout Cache) -> Expr {
        switch expr {
        case .partial(let q, let u):
            if let known = cache.values[expr] { return known }
            let value = value(of: q, wrt: u)
            cache.values[expr] = value
            return value
        case .product(let factors):
            let key = SharedExpr(expr)
            if let key, let known = cache.shared[key] { return known }
            let plugged = factors.map { plug($0, &cache) }
            let result = combined(Self.product(plugged).simplified(memo: &cache.simplified), &cache)
            if let key { cache.shared[key] = result }
            return result
        case .sum(let terms):
            let key = SharedExpr(expr)
            if let key, let known = cache.shared[key] { return known }
            let sum = Self.commonPrefixFactored(Expr.sum(terms.map { plug($0, &cache) }).simplified(memo: &cache.simplified))
            // Normalizing multiplies out; it is tried on small sums only (a nested factored form of a
            // deep network would multiply out into its exponentially many paths).
            var result = sum
            let size = sum.size(upTo: Self.normalizationLimit)
            if size <= Self.normalizationLimit, let normal = smallerNormalized(sum, size: size, &cache) { result = normal }
            if let key { cache.shared[key] = result }
            return result
        default:
            return expr
        }
    }

    /// A product with each factor merged into the next one, two or three when normalizing the
    /// merged product makes it strictly smaller.
    /// `expr` normalized (positive terms first) when that is smaller than its `size`, else `nil`.
    ///
    /// Normalization depends on the shape of an expression, not on its names (its working order is
    /// the order of first occurrence), so an attempt that did not shrink is remembered by shape — the
    /// expression with its symbols renamed in order of first occurrence, the symbols of ``unitSums``
    /// kept — and not tried again: a dense network asks the same h(1 − h) w shape thousands of times.
    private func smallerNormalized(_ expr: Expr, size: Int, _ cache: inout Cache) -> Expr? {
        var renamed: [String: Expr] = [:]
        func shape(_ expr: Expr) -> Expr {  // recursion bounded by the size limit of what is normalized
            switch expr {
            case .symbol(let name) where !unitSymbols.contains(name):
                if let known = renamed[name] { return known }
                let fresh = Expr.symbol("#\(renamed.count)")
                renamed[name] = fresh
                return fresh
            case .sum(let items): return .sum(items.map(shape))
            case .product(let items): return .product(items.map(shape))
            case .power(let base, let exponent): return .power(shape(base), shape(exponent))
            case .apply(let f, let items): return .apply(f, items.map(shape))
            default: return expr
            }
        }
        let shape = shape(expr)
        if cache.unshrinking.contains(shape) { return nil }
        let normal = expr.normalized(unitSums: unitSums).positiveFirst
        guard normal.size(upTo: size) < size else {
            cache.unshrinking.insert(shape)
            return nil
        }
        return normal
    }

    private func combined(_ expr: Expr, _ cache: inout Cache) -> Expr {
        guard case .product(let factors) = expr, factors.count > 1 else { return expr }
        var result: [Expr] = []
        var i = 0
        while i < factors.count {
            guard let current = result.last, factors[i].isVariable, current.isVariable else {
                result.append(factors[i]); i += 1; continue
            }
            var merged = false
            let limit = Self.normalizationLimit
            for j in 1...min(3, factors.count - i) {
                let group = Array(factors[i..<i + j])
                let size = current.size(upTo: limit) + group.reduce(0, { $0 + $1.size(upTo: limit) })
                guard size <= limit else { break }
                if let candidate = smallerNormalized(.product([current] + group), size: size, &cache) {
                    result[result.count - 1] = candidate
                    i += j
                    merged = true
                    break
                }
            }
            if !merged { result.append(factors[i]); i += 1 }
        }
        return Self.product(result)
    }

    /// The largest expression (in tree nodes) that plugging in tries to normalize: the local
    /// simplifications it looks for (BCE after a sigmoid, softmax with cross-entropy) are far smaller.
    static let normalizationLimit = 160

    /// A sum whose terms all begin with the same factors, written as those factors times the sum of the
    /// rests (ŷ(1 − ŷ) a + ŷ(1 − ŷ) b → ŷ(1 − ŷ)(a + b)), so that they can meet the factor before them.
    static func commonPrefixFactored(_ expr: Expr) -> Expr {
        guard case .sum(let terms) = expr, terms.count > 1 else { return expr }
        let lists = terms.map(\.productFactors)
        var prefix = 0
        while lists.allSatisfy({ $0.count > prefix + 1 && $0[prefix] == lists[0][prefix] }) { prefix += 1 }
        guard prefix > 0 else { return expr }
        let rests = lists.map { product(Array($0[prefix...])) }
        return product(Array(lists[0][..<prefix]) + [.sum(rests)])
    }

    /// A product of factors, flattened, with 1s dropped and 0 absorbing.
    static func product(_ factors: [Expr]) -> Expr {
        var flat: [Expr] = []
        for factor in factors {
            if factor == .zero { return .zero }
            if factor == .one { continue }
            flat += factor.productFactors
        }
        return flat.isEmpty ? .one : flat.count == 1 ? flat[0] : .product(flat)
    }
}

extension Expr {
    /// The number of nodes in the tree: the size compared when deciding whether to normalize.
    var size: Int { size(upTo: .max) }

    /// ``size``, or `limit + 1` as soon as it is known to pass `limit` (an explicit stack that stops
    /// there, so asking whether a huge form is small costs little).
    func size(upTo limit: Int) -> Int {
        var count = 0, stack = [self]
        while let expr = stack.popLast() {
            count += 1
            if count > limit { return limit + 1 }
            stack.append(contentsOf: expr.children)
        }
        return count
    }

    /// A sum with its terms that carry no minus sign moved to the front (−y + ŷ → ŷ − y), order kept otherwise.
    var positiveFirst: Expr {
        guard case .sum(let terms) = self else { return self }
        let negative = { (e: Expr) -> Bool in e.coefficientAndRest.0.isNegative }
        return .sum(terms.filter { !negative($0) } + terms.filter(negative))
    }

    /// Whether the expression is not a constant (constants are left alone when combining factors).
    var isVariable: Bool { !isConstant }

    /// For a softmax component e^{z}/Σₖ e^{zₖ}: z and the denominator.
    var softmaxParts: (z: Expr, denominator: Expr)? {
        guard case .product(let factors) = self, factors.count == 2,
              case .apply(.exp, let numerator) = factors[0], numerator.count == 1,
              case .power(let denominator, let exponent) = factors[1], exponent == .integer(-1),
              case .sum(let terms) = denominator, terms.count > 1,
              terms.allSatisfy({ if case .apply(.exp, _) = $0 { true } else { false } }),
              terms.contains(factors[0]) else { return nil }
        return (numerator[0], denominator)
    }
}
