/// How tightly a printed expression binds, for deciding where parentheses are needed (as in SymPy's
/// `precedence`). A subexpression is parenthesized when it binds more loosely than its context needs.
public enum Precedence: Int, Comparable, Sendable {
    /// A sum, a difference, a negative number or a product led by a minus sign.
    case sum
    /// A product, a quotient, a fraction or a partial written as a fraction.
    case product
    /// A prefix minus (`-a`, a negative constant in a formula): binds tighter than a product's
    /// left operand, looser than a power. ``Expr`` printers never produce it.
    case prefix
    /// A power.
    case power
    /// A name, a nonnegative decimal, a function call: never needs parentheses.
    case atom

    /// Looser binding sorts first.
    public static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The precedence of `expr` as printed with `digits`; `deltaTotals` when totals print as δ_q,
    /// `exponentialAsPower` when `exp(z)` prints as e^z.
    public init(_ expr: Expr, digits: Int? = nil, deltaTotals: Bool = false, exponentialAsPower: Bool = false) {
        let of = { Precedence($0, digits: digits, deltaTotals: deltaTotals, exponentialAsPower: exponentialAsPower) }
        switch expr {
        case .number(let n):
            let shown = DisplayNumber(n, digits: digits)
            if shown.isNegative { self = .sum }
            else if case .decimal(let text) = shown, !text.contains("e") { self = .atom }
            else { self = .product }
        case .symbol: self = .atom
        case .partial: self = .product
        case .total: self = deltaTotals ? .atom : .product
        case .sum(let terms): self = terms.count == 1 ? of(terms[0]) : (terms.isEmpty ? .atom : .sum)
        case .product(let factors):
            let (negative, rest) = PrintShape.sign(factors)
            let (_, denominator) = PrintShape.fraction(rest)
            if negative { self = .sum }
            else if rest.isEmpty { self = .atom }
            else if rest.count == 1 && denominator.isEmpty { self = of(rest[0]) }
            else { self = .product }
        case .power: self = .power
        case .apply(let f, let args):
            switch f {
            case .identity where args.count == 1: self = of(args[0])
            case .exp where exponentialAsPower && args.count == 1: self = .power
            default: self = .atom
            }
        }
    }

    /// The precedence of a layer-wise expression as the ``LayerPrinter``s print it: a sum, a product
    /// (Hadamard products, quotients, scaled terms and negative constants included), or an atom.
    public init(_ e: LayerExpr) {
        switch e {
        case .sum(let terms): self = terms.count == 1 ? Precedence(terms[0]) : .sum
        case .product(let factors): self = factors.count == 1 ? Precedence(factors[0]) : .product
        case .hadamard, .quotient, .scaled: self = .product
        case .constant(let n): self = n.isNegative ? .product : .atom
        default: self = .atom
        }
    }
}
