/// The structure printers recover from canonical trees: minus signs and fractions.
///
/// `Expr` stores `a − b` as `a + (−1)·b` and `a / b` as `a·b^−1`; these helpers find those shapes
/// without changing the order of anything.
enum PrintShape {
    /// The terms of a sum with nested sums spliced in (`a + (b + c)` prints as `a + b + c`).
    static func terms(_ terms: [Expr]) -> [Expr] {
        terms.flatMap { term -> [Expr] in
            if case .sum(let inner) = term { return PrintShape.terms(inner) }
            return [term]
        }
    }

    /// For a term that prints with a leading minus (a negative number, or a product led by one), the
    /// term without it; `nil` otherwise.
    static func negated(_ term: Expr) -> Expr? {
        switch term {
        case .number(let n) where n.isNegative: return .number(-n)
        case .product(let factors) where factors.count == 1: return negated(factors[0])
        case .sum(let terms) where terms.count == 1: return negated(terms[0])
        case .apply(.identity, let arguments) where arguments.count == 1: return negated(arguments[0])
        case .product(let factors):
            let (negative, rest) = sign(factors)
            return negative ? .product(rest) : nil
        default: return nil
        }
    }

    /// A leading negative coefficient taken out of a product's factors: `[−1, a]` → (true, `[a]`),
    /// `[−2, a]` → (true, `[2, a]`). A lone `[−2]` stays a number.
    static func sign(_ factors: [Expr]) -> (negative: Bool, rest: [Expr]) {
        guard factors.count > 1, case .number(let n) = factors[0], n.isNegative else { return (false, factors) }
        let magnitude = -n
        return (true, magnitude.isOne ? Array(factors.dropFirst()) : [.number(magnitude)] + factors.dropFirst())
    }

    /// Splits factors into numerator and denominator: a factor `b^e` with a negative numeric exponent
    /// goes below as `b^−e` (`b` when `e` = −1). The denominator is empty when there is no quotient.
    static func fraction(_ factors: [Expr]) -> (numerator: [Expr], denominator: [Expr]) {
        var numerator: [Expr] = [], denominator: [Expr] = []
        for factor in factors {
            if case .power(let base, .number(let e)) = factor, e.isNegative {
                denominator.append((-e).isOne ? base : .power(base, .number(-e)))
            } else {
                numerator.append(factor)
            }
        }
        return (numerator, denominator)
    }
}
