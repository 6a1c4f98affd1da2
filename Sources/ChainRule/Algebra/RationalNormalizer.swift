/// The working state of ``Expr/normalized(unitSums:)``: Laurent-monomial expansion in which sums are
/// kept as atoms until the factors around them have had a chance to cancel them.
///
/// A sum that is a factor (or a power of one) is first written as an atom, after its own terms have
/// been normalized, its common monomial factor taken out, and it has been matched against the sums
/// already seen up to a constant multiple (so (1 − ŷ) and (ŷ − 1) are one atom). A monomial holding a
/// sum to a positive power is then multiplied out one sum at a time, choosing first the sum whose terms
/// cancel most of the monomial's other factors: (−y/ŷ + (1−y)/(1−ŷ)) · ŷ(1−ŷ) becomes ŷ − y because the
/// bracket is distributed while ŷ and (1−ŷ) are still whole. Sums to negative powers that survive stay
/// atoms. Finally, groups of symbols known to sum to 1 are collected: t₁R + t₂R + t₃R = R.
struct RationalNormalizer {
    /// Groups of symbol names whose sum is 1 (one-hot targets, probabilities).
    let unitSums: [[String]]
    /// Sums seen so far, by the set of their coefficient-free terms: the atom that stands for the sum
    /// and the coefficient of each term.
    private var sumsByShape: [Set<Monomial>: [(atom: Expr, coefficients: [Monomial: Number])]] = [:]
    /// The normalized terms of each sum atom.
    private var termsOfSum: [Expr: Polynomial] = [:]

    init(unitSums: [[String]]) { self.unitSums = unitSums }

    /// The normalized polynomial of `expr`: no sum atom to a positive power remains.
    mutating func normalize(_ expr: Expr) -> Polynomial {
        let lazy = lazyExpansion(expr)
        let resolved = lazy.terms.reduce(Polynomial()) { $0 + resolve($1) }
        return collectingUnitSums(overCommonDenominators(resolved))
    }

    /// The expansion with every sum factor kept as an atom.
    private mutating func lazyExpansion(_ expr: Expr) -> Polynomial {
        switch expr {
        case .number(let n): return Polynomial(constant: n)
        case .symbol, .partial, .total: return Polynomial(atom: expr)
        case .sum(let terms):
            var result = Polynomial()
            for term in terms { result = result + lazyExpansion(term) }
            return result
        case .product(let factors):
            var result = Polynomial(constant: .one)
            for factor in factors {
                if case .sum = factor {
                    result = result * sumFactor(normalize(factor), 1)
                } else {
                    result = result * lazyExpansion(factor)
                }
            }
            return result
        case .power(let base, let exponent):
            let exponent = normalize(exponent).expr
            guard let n = exponent.numberValue?.integerValue else {
                return Polynomial(expression: Expr.power(simplifying: normalize(base).expr, exponent))
            }
            return sumFactor(normalize(base), n)
        case .apply(.identity, let arguments) where arguments.count == 1:
            return lazyExpansion(arguments[0])
        case .apply(let f, let arguments):
            var normalizedArguments: [Expr] = []
            for argument in arguments { normalizedArguments.append(normalize(argument).expr) }
            let applied = Expr.apply(simplifying: f, normalizedArguments)
            if case .apply = applied { return Polynomial(atom: applied) }
            return lazyExpansion(applied)
        }
    }

    /// `sum^n` for a normalized sum: a monomial power when it has one term, otherwise its common factor
    /// times a shared atom standing for the rest.
    private mutating func sumFactor(_ sum: Polynomial, _ n: Int) -> Polynomial {
        if let single = sum.singleTerm {
            if single.coefficient.isZero && n < 0 { return Polynomial(expression: .power(.zero, .integer(n))) }
            if let power = single.power(n) { return Polynomial([power]) }
            return Polynomial(atom: .power(single.expr, .integer(n)))
        }
        let (content, primitive) = content(of: sum.terms)
        let (scale, atom) = intern(primitive)
        guard let outside = (content * Monomial(scale)).power(n), Swift.abs(n) <= Int(Int32.max) else {
            return Polynomial(atom: .power(sum.expr, .integer(n)))
        }
        return Polynomial([outside * Monomial(factors: [.init(atom, n)])])
    }

    /// The common monomial factor of a sum's terms (each atom they all share, to its least power) and
    /// the sum divided by it.
    private func content(of terms: [Monomial]) -> (Monomial, Polynomial) {
        var content = Monomial()
        for factor in terms.first?.factors ?? [] {
            let shared = terms.map { $0.exponent(of: factor.base) }
            if !shared.contains(0) { content.multiply(by: factor.base, shared.min() ?? 0) }
        }
        let inverse = content.reciprocal
        return (content, Polynomial(terms.map { $0 * inverse }))
    }

    /// The known sum atom that `sum` is a constant multiple of, with that constant.
    private func lookUp(_ sum: Polynomial) -> (Number, Expr)? {
        let terms = sum.terms
        for candidate in sumsByShape[Set(terms.map(\.unit))] ?? [] {
            guard let first = terms.first, let base = candidate.coefficients[first.unit] else { continue }
            let ratio = first.coefficient / base
            if terms.allSatisfy({ term in candidate.coefficients[term.unit].map { ratio * $0 } == term.coefficient }) {
                return (ratio, candidate.atom)
            }
        }
        return nil
    }

    /// The atom for a sum of two or more terms and the constant it must be multiplied by.
    private mutating func intern(_ sum: Polynomial) -> (Number, Expr) {
        if let known = lookUp(sum) { return known }
        let terms = sum.terms
        let shape = Set(terms.map(\.unit))
        let atom = sum.expr
        let coefficients = Dictionary(terms.map { ($0.unit, $0.coefficient) }, uniquingKeysWith: +)
        sumsByShape[shape, default: []].append((atom, coefficients))
        termsOfSum[atom] = sum
        return (.one, atom)
    }

    /// Multiplies out the sum atoms a monomial holds to positive powers, one at a time, each time
    /// choosing the sum whose terms cancel most of the other factors.
    private func resolve(_ term: Monomial) -> Polynomial {
        let candidates = term.factors.filter {
            $0.exponent > 0 && termsOfSum[$0.base]?.hasSmallPower($0.exponent) == true
        }
        guard let first = candidates.first else { return Polynomial([term]) }
        let chosen = candidates.dropFirst().reduce(first) { best, next in
            cancellations(next, in: term) > cancellations(best, in: term) ? next : best
        }
        let expandedSum = (termsOfSum[chosen.base] ?? Polynomial()).power(chosen.exponent)
        var product = Polynomial(constant: term.coefficient)
        for factor in term.factors {
            product = product * (factor == chosen ? expandedSum : Polynomial([Monomial(factors: [factor])]))
        }
        return product.terms.reduce(Polynomial()) { $0 + resolve($1) }
    }

    /// How many atoms of the sum's terms appear in the rest of the monomial with the opposite sign of exponent.
    private func cancellations(_ sum: Monomial.Factor, in term: Monomial) -> Int {
        let rest = term.removing(sum.base)
        return (termsOfSum[sum.base]?.terms ?? []).reduce(0) { count, inner in
            count + inner.factors.filter { $0.exponent * rest.exponent(of: $0.base) < 0 }.count
        }
    }

    /// Adds terms over the same denominator of sums when their numerator is a multiple of one of those
    /// sums: a/(a + b) + b/(a + b) = 1.
    private func overCommonDenominators(_ polynomial: Polynomial) -> Polynomial {
        var terms = polynomial.terms
        var changed = true
        while changed {
            changed = false
            var groups: [Monomial: [Int]] = [:], order: [Monomial] = []
            for (index, term) in terms.enumerated() {
                let denominator = Monomial(factors: term.factors.filter { $0.exponent < 0 && termsOfSum[$0.base] != nil })
                guard !denominator.isConstant else { continue }
                if groups[denominator] == nil { order.append(denominator) }
                groups[denominator, default: []].append(index)
            }
            for denominator in order {
                guard let members = groups[denominator], members.count > 1 else { continue }
                let numerator = Polynomial(members.map { terms[$0] * denominator.reciprocal })
                let (content, primitive) = content(of: numerator.terms)
                guard primitive.terms.count > 1, let (ratio, atom) = lookUp(primitive),
                      denominator.exponent(of: atom) < 0 else { continue }
                let combined = content * Monomial(ratio) * denominator * Monomial(factors: [.init(atom)])
                var updated = Polynomial()
                for (index, term) in terms.enumerated() {
                    if index == members[0] { updated.add(combined) } else if !members.contains(index) { updated.add(term) }
                }
                terms = updated.terms
                changed = true
                break
            }
        }
        return Polynomial(terms)
    }

    /// Replaces t₁R + … + tₙR by R for each unit-sum group {t₁ … tₙ}; when the coefficients differ, the
    /// most common one is taken out.
    private func collectingUnitSums(_ polynomial: Polynomial) -> Polynomial {
        var terms = polynomial.terms
        var changed = true
        while changed {
            changed = false
            let present = Dictionary(terms.map { ($0.unit, $0.coefficient) }, uniquingKeysWith: +)
            search: for group in unitSums where group.count > 1 {
                let atoms = group.map(Expr.symbol)
                for term in terms {
                    guard let atom = atoms.first(where: { term.exponent(of: $0) == 1 }) else { continue }
                    let rest = term.removing(atom).unit
                    let members = atoms.map { rest * Monomial(factors: [.init($0)]) }
                    let coefficients = members.compactMap { present[$0] }
                    guard coefficients.count == members.count, Set(members).count == members.count else { continue }
                    let common = coefficients.max { a, b in
                        coefficients.filter { $0 == a }.count < coefficients.filter { $0 == b }.count
                    } ?? term.coefficient
                    var updated = Polynomial()
                    for existing in terms {
                        if members.contains(existing.unit) {
                            if existing.unit == term.unit { updated.add(Monomial(coefficient: common) * rest) }
                            updated.add(Monomial(coefficient: existing.coefficient - common) * existing.unit)
                        } else {
                            updated.add(existing)
                        }
                    }
                    terms = updated.terms
                    changed = true
                    break search
                }
            }
        }
        return Polynomial(terms)
    }
}
