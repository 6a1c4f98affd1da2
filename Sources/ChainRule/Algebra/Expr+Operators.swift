/// Arithmetic on expressions for building them by hand (in tests, in the derive stage).
///
/// The operators build canonical *shapes* without simplifying: `a + b` is a flat `.sum`, `a − b` a sum
/// with a −1 factor, `a / b` a product with b^−1. Call ``Expr/simplified()`` to fold and collect.
extension Expr: ExpressibleByIntegerLiteral {
    /// An exact integer constant written as a literal: `x + 1`.
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// The exact fraction `numerator / denominator` (a real number if it does not fit a ``Rational``).
    public static func fraction(_ numerator: Int, _ denominator: Int) -> Expr {
        if let r = Rational(numerator, denominator) { return .number(.exact(r)) }
        return .number(.real(Double(numerator) / Double(denominator)))
    }

    /// A real (inexact) constant.
    public static func real(_ value: Double) -> Expr { .number(.real(value)) }

    /// The terms of a sum, or the expression itself as a single term.
    public var summands: [Expr] {
        if case .sum(let terms) = self { return terms }
        return [self]
    }

    /// The factors of a product, or the expression itself as a single factor.
    public var factors: [Expr] {
        if case .product(let factors) = self { return factors }
        return [self]
    }

    /// `lhs + rhs` as one flat sum.
    public static func + (lhs: Expr, rhs: Expr) -> Expr { .sum(lhs.summands + rhs.summands) }

    /// `lhs − rhs` as one flat sum ending in a −1 product.
    public static func - (lhs: Expr, rhs: Expr) -> Expr { .sum(lhs.summands + [-rhs]) }

    /// `lhs × rhs` as one flat product.
    public static func * (lhs: Expr, rhs: Expr) -> Expr { .product(lhs.factors + rhs.factors) }

    /// `lhs / rhs` as a product with `rhs^−1`.
    public static func / (lhs: Expr, rhs: Expr) -> Expr { .product(lhs.factors + [.power(rhs, -1)]) }

    /// `−value`: a negated constant, or a product led by −1.
    public static prefix func - (value: Expr) -> Expr {
        if case .number(let n) = value { return .number(-n) }
        return .product([-1] + value.factors)
    }

    /// `base^exponent` (shorthand for `.power`).
    public func raised(to exponent: Expr) -> Expr { .power(self, exponent) }
}

extension Function {
    /// The function applied to arguments: `Function.sigmoid(z)` is `.apply(.sigmoid, [z])`.
    public func callAsFunction(_ arguments: Expr...) -> Expr { .apply(self, arguments) }
}
