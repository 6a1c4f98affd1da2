extension Expr {
    /// A sum written with the terms that share a denominator over it once, in order of first
    /// occurrence: `1/(1 − ŷ) − y/ŷ − y/(1 − ŷ)` becomes `(1 − y)/(1 − ŷ) − y/ŷ`. Terms without a
    /// denominator stay as they are; the value is unchanged. For display after ``normalized(unitSums:)``,
    /// which multiplies numerators out.
    public var collectedOverDenominators: Expr {
        guard case .sum(let terms) = self else { return self }
        var keys: [Expr] = []
        var numerators: [Expr: [Expr]] = [:]
        for term in terms {
            let (numerator, denominator) = term.numeratorAndDenominator
            if numerators[denominator] == nil { keys.append(denominator) }
            numerators[denominator, default: []].append(numerator)
        }
        guard keys.count < terms.count else { return self }
        return .sum(keys.flatMap { key -> [Expr] in
            let group = numerators[key] ?? []
            if key == .one { return group }
            let numerator = group.count == 1 ? group[0] : .sum(group)
            return [numerator == .one ? .power(key, .integer(-1)) : .product(numerator.factors + [.power(key, .integer(-1))])]
        })
    }

    /// The factors with a negative constant exponent (as the product of their positive powers) and the
    /// rest: `−y (1 − ŷ)⁻¹` → (`−y`, `1 − ŷ`).
    private var numeratorAndDenominator: (Expr, Expr) {
        var top: [Expr] = [], bottom: [Expr] = []
        for factor in factors {
            if case .power(let base, .number(let exponent)) = factor, exponent.isNegative {
                bottom.append(exponent == Number(-1) ? base : .power(base, .number(-exponent)))
            } else {
                top.append(factor)
            }
        }
        let numerator: Expr = top.isEmpty ? .one : top.count == 1 ? top[0] : .product(top)
        let denominator: Expr = bottom.isEmpty ? .one : bottom.count == 1 ? bottom[0] : .product(bottom)
        return (numerator, denominator)
    }
}
