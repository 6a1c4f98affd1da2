/// Why an expression has no numeric value at the given point.
public enum EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No value was given for this symbol, partial or total.
    case unknownValue(Expr)
    /// A logarithm of zero or a negative number: the argument expression and its value.
    case logarithmOfNonPositive(Expr, value: Double)
    /// Division by zero: the expression whose value was 0 in a denominator.
    case divisionByZero(Expr)
    /// A power with no real value (a negative base to a fractional exponent).
    case undefinedPower(Expr, base: Double, exponent: Double)
    /// A function that cannot be evaluated: an unspecified activation, or the wrong number of arguments.
    case cannotEvaluate(Function, argumentCount: Int)
    /// The value overflowed or was otherwise not a finite number.
    case notFinite(Expr)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unknownValue(let e): "no value for \(e)"
        case .logarithmOfNonPositive(let e, let v): "logarithm of \(v) ≤ 0 (argument \(e))"
        case .divisionByZero(let e): "division by zero (\(e) is 0)"
        case .undefinedPower(_, let b, let x): "\(b) to the power \(x) is not a real number"
        case .cannotEvaluate(let f, let n): "cannot evaluate \(f.name) with \(n) argument(s)"
        case .notFinite(let e): "\(e) is not a finite number"
        }
    }
}
