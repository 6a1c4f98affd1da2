/// Expansion into a sum of monomials: products distribute over sums and positive integer powers of
/// sums are multiplied out, so that two expressions can be compared term by term (a product of
/// partials is one path of the chain rule).
///
/// Atoms are symbols, partials, totals, function applications (arguments expanded, `identity` dropped),
/// non-integer powers, and sums raised to negative powers (which stay atoms: see
/// ``normalized(unitSums:)`` for cancelling them). Terms come out in the order they are produced by
/// distributing left to right, so (a + b)(c + d) gives ac + ad + bc + bd. A power of a sum that would
/// multiply out to more than 10 000 terms stays an atom. A sum kept as an atom compares as written
/// (a/(b + c) and a/(c + b) differ here); use ``isEquivalent(to:unitSums:)`` for rational expressions.
extension Expr {
    /// The expanded sum of monomials as an expression.
    public func expanded() -> Expr { expansion().expr }

    /// The monomials of the expansion with like terms collected, in order of first occurrence.
    public func monomials() -> [Monomial] { expansion().terms }

    /// The expansion as a multiset: each monomial with an integer coefficient c counts c times as its
    /// coefficient-free ``Monomial/unit`` (so P + P and 2P agree, and −P counts −1); a monomial with a
    /// fractional or real coefficient counts once as itself. Equal multisets mean equal expansions.
    public func monomialMultiset() -> [Monomial: Int] {
        monomials().reduce(into: [:]) { multiset, term in
            if let count = term.coefficient.integerValue {
                multiset[term.unit, default: 0] += count
            } else {
                multiset[term, default: 0] += 1
            }
        }
    }

    func expansion() -> Polynomial {
        switch self {
        case .number(let n): return Polynomial(constant: n)
        case .symbol, .partial, .total: return Polynomial(atom: self)
        case .sum(let terms): return terms.reduce(Polynomial()) { $0 + $1.expansion() }
        case .product(let factors): return factors.reduce(Polynomial(constant: .one)) { $0 * $1.expansion() }
        case .power(let base, let exponent):
            let base = base.expansion(), exponent = exponent.expanded()
            guard let n = exponent.numberValue?.integerValue else {
                return Polynomial(expression: Expr.power(simplifying: base.expr, exponent))
            }
            if let single = base.singleTerm, !(single.coefficient.isZero && n < 0), let power = single.power(n) {
                return Polynomial([power])
            }
            if n > 0 && base.hasSmallPower(n) { return base.power(n) }
            return Polynomial([Monomial(factors: [.init(base.expr, n)])])
        case .apply(.identity, let arguments) where arguments.count == 1:
            return arguments[0].expansion()
        case .apply(let f, let arguments):
            let applied = Expr.apply(simplifying: f, arguments.map { $0.expanded() })
            if case .apply = applied { return Polynomial(atom: applied) }
            return applied.expansion()
        }
    }
}

extension Polynomial {
    /// A constant, or an expression kept whole as an atom.
    init(expression: Expr) {
        if case .number(let n) = expression { self.init(constant: n) } else { self.init(atom: expression) }
    }
}
