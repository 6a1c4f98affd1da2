extension Derivation {
    /// The derivation a student writes, one line per move, ending in the ``factored()`` form.
    ///
    /// The first line is the chain rule at A over its direct inputs, with the totals ∂u/∂B still to
    /// work out (inputs with no path from B are dropped). Then each line replaces one total by the
    /// chain rule at its node, in reverse topological order except that a total multiplying a grouped
    /// sum is kept for last; terms that end in the same total are grouped as they appear, on the line
    /// of the next substitution (as the quiz solution writes it). A total ∂u/∂B of a node whose only
    /// way to B is its direct edge is written as that partial from the start. When the lines end in a
    /// different grouping than the factored form, the factored form is the last line. Once the lines
    /// have written ``stepsBudget`` partial symbols, the factored form follows at once.
    public func steps() -> [Expr] {
        var forms = FactoredForms(graph: graph)
        return steps(sharing: &forms)
    }

    /// ``steps()``, reusing the factored forms already found in `forms` (see ``factored(sharing:)``).
    public func steps(sharing forms: inout FactoredForms) -> [Expr] {
        if let trivial = trivialValue { return [trivial] }
        let last = relevant.count - 1
        var position: [String: Int] = [:]
        for (k, node) in relevant.enumerated() where k > 0 && k < last { position[graph.nodes[node].name] = k }
        var lines = [chainRule(at: last)]
        var current = lines[0].groupedByTrailingTotal()
        var written = lines[0].partialCount
        while written <= Derivation.stepsBudget {
            var open = Set<Int>()
            current.visit { expr in
                if case .total(let of, _) = expr, let q = position[of] { open.insert(q) }
            }
            let order = open.sorted(by: >)
            guard let q = order.first(where: { !current.holdsGrouped(total($0)) }) ?? order.first else { break }
            let substituted = current.substitutingTotal(total(q), by: chainRule(at: q))
            lines.append(substituted)
            written += substituted.partialCount
            current = substituted.groupedByTrailingTotal()
        }
        if current != lines.last { lines.append(current) }
        let factored = factored(sharing: &forms)
        if lines.last != factored { lines.append(factored) }
        return lines
    }

    /// How many partial symbols the lines of ``steps()`` write in all before they stop substituting
    /// and go straight to the factored form (a chain of n nodes would otherwise write n²/2).
    public static let stepsBudget = 50_000

    /// The total ∂q/∂B of relevant position q as the line writes it.
    private func total(_ q: Int) -> Expr {
        .total(of: graph.nodes[relevant[q]].name, wrt: wrtName)
    }

    /// Σ over the relevant inputs u of q of ∂q/∂u · ∂u/∂B.
    private func chainRule(at q: Int) -> Expr {
        let terms = localInputs[q].map { u -> Expr in
            if u == 0 { return edge(q, u) }
            let rest = localInputs[u] == [0] ? edge(u, 0) : total(u)
            return .product([edge(q, u), rest])
        }
        return terms.count == 1 ? terms[0] : .sum(terms)
    }
}

extension Expr {
    /// Replaces the factor `total` wherever it occurs, splicing a product into its product. Parts
    /// without `total` are kept as they are (sharing their storage).
    func substitutingTotal(_ total: Expr, by value: Expr) -> Expr {
        replacingTotal(total, by: value).expr
    }

    private func replacingTotal(_ total: Expr, by value: Expr) -> (expr: Expr, changed: Bool) {
        switch self {
        case total: return (value, true)
        case .sum(let terms):
            let parts = terms.map { $0.replacingTotal(total, by: value) }
            return parts.contains { $0.changed } ? (.sum(parts.map(\.expr)), true) : (self, false)
        case .product(let factors):
            var changed = false
            let parts = factors.flatMap { factor -> [Expr] in
                if factor == total { changed = true; return value.productFactors }
                let part = factor.replacingTotal(total, by: value)
                if part.changed { changed = true }
                return [part.expr]
            }
            return changed ? (.product(parts), true) : (self, false)
        default: return (self, false)
        }
    }

    /// In every sum, the terms that end in the same total ∂q/∂B collected into one (coefficients summed),
    /// where the first of them stood.
    func groupedByTrailingTotal() -> Expr {
        rewritten { expr in
            guard case .sum(let terms) = expr else { return nil }
            var order: [Expr?] = []
            var groups: [Expr: (position: Int, coefficients: [Expr])] = [:]
            for term in terms {
                guard case .product(let factors) = term, let last = factors.last, case .total = last else {
                    order.append(term)
                    continue
                }
                let coefficient = factors.count == 2 ? factors[0] : .product(Array(factors.dropLast()))
                if groups[last] == nil {
                    groups[last] = (order.count, [])
                    order.append(nil)
                }
                groups[last]?.coefficients.append(coefficient)
            }
            guard groups.values.contains(where: { $0.coefficients.count > 1 }) else { return nil }
            for (total, group) in groups {
                let c = group.coefficients
                let coefficient = c.count == 1 ? c : [.sum(c)]
                let factors = (c.count == 1 ? (coefficient[0].productFactors) : coefficient) + [total]
                order[group.position] = .product(factors)
            }
            let grouped = order.compactMap { $0 }
            return grouped.count == 1 ? grouped[0] : .sum(grouped)
        }
    }

    /// Whether `total` multiplies a sum somewhere: (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x1 holds ∂d/∂x1.
    func holdsGrouped(_ total: Expr) -> Bool {
        contains { expr in
            guard case .product(let factors) = expr, factors.last == total else { return false }
            return factors.dropLast().contains { if case .sum = $0 { true } else { false } }
        }
    }

    /// The factors of a product, or the expression as a single factor.
    var productFactors: [Expr] {
        if case .product(let factors) = self { return factors }
        return [self]
    }
}
