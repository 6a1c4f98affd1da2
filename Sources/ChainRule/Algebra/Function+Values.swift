import Foundation

/// Values of the built-in functions: exactly, when a constant argument gives an exact result, and
/// numerically (stable for large arguments) otherwise.
extension Function {
    /// The exact value at constant arguments, when it is exact: exp(0) = 1, log(1) = 0, sigmoid(0) = ½,
    /// tanh(0) = 0, and relu, step, identity, abs, max, min of exact numbers. Real (inexact) arguments give
    /// a real result. `nil` when the value is not exact or not defined (log 0) or the function unknown.
    public func exactValue(_ arguments: [Number]) -> Number? {
        guard arguments.count == arity else { return nil }
        if arguments.contains(where: { $0.rational == nil }) {
            return numericValue(arguments.map(\.doubleValue)).flatMap { $0.isFinite ? .real($0) : nil }
        }
        let x = arguments[0]
        switch self {
        case .identity: return x
        case .relu: return x.isNegative ? .zero : x
        case .step: return x.isNegative || x.isZero ? .zero : .one
        case .abs: return x.isNegative ? -x : x
        case .max: return arguments[1].doubleValue > x.doubleValue ? arguments[1] : x
        case .min: return arguments[1].doubleValue < x.doubleValue ? arguments[1] : x
        case .exp: return x.isZero ? .one : nil
        case .log: return x.isOne ? .zero : nil
        case .sigmoid: return x.isZero ? .exact(Rational(1, 2) ?? .one) : nil
        case .tanh: return x.isZero ? .zero : nil
        case .unspecified, .derivative: return nil
        }
    }

    /// The value at real arguments, computed stably (sigmoid(±1000) is 1 or 0, not NaN); `nil` for an
    /// unspecified function, a wrong argument count, or an argument outside the domain (log of z ≤ 0).
    public func numericValue(_ arguments: [Double]) -> Double? {
        guard arguments.count == arity else { return nil }
        let x = arguments[0]
        switch self {
        case .identity: return x
        case .relu: return x > 0 ? x : 0
        case .step: return x > 0 ? 1 : 0
        case .abs: return Swift.abs(x)
        case .max: return Swift.max(x, arguments[1])
        case .min: return Swift.min(x, arguments[1])
        case .exp: return Foundation.exp(x)
        case .log: return x > 0 ? Foundation.log(x) : nil
        case .tanh: return Foundation.tanh(x)
        case .sigmoid:
            if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
            let e = Foundation.exp(x)
            return e / (1 + e)
        case .unspecified, .derivative: return nil
        }
    }
}
