import Foundation

/// A numeric constant in an expression: exact where the input was exact, `Double` otherwise.
///
/// Arithmetic stays exact while both sides are exact and the result fits; otherwise it continues in
/// full `Double` precision. Rounding happens only when a printer shows the number.
public enum Number: Hashable, Sendable, CustomStringConvertible {
    /// An exact fraction.
    case exact(Rational)
    /// A real number known only to `Double` precision (a computed or transcendental value).
    case real(Double)

    /// Zero, exactly.
    public static let zero = Number.exact(.zero)
    /// One, exactly.
    public static let one = Number.exact(.one)

    /// An exact integer.
    public init(_ integer: Int) { self = .exact(Rational(integer: integer)) }

    /// The value as a `Double`.
    public var doubleValue: Double {
        switch self {
        case .exact(let r): r.doubleValue
        case .real(let d): d
        }
    }

    /// The exact value, when there is one.
    public var rational: Rational? {
        if case .exact(let r) = self { return r }
        return nil
    }

    /// Whether this is exactly zero (a `Double` zero counts).
    public var isZero: Bool { doubleValue == 0 }
    /// Whether this is exactly one.
    public var isOne: Bool { self == .one || self == .real(1) }
    /// Whether the value is below zero.
    public var isNegative: Bool { doubleValue < 0 }

    /// `lhs + rhs`.
    public static func + (lhs: Number, rhs: Number) -> Number {
        if let a = lhs.rational, let b = rhs.rational, let r = a.adding(b) { return .exact(r) }
        return .real(lhs.doubleValue + rhs.doubleValue)
    }

    /// `lhs × rhs`.
    public static func * (lhs: Number, rhs: Number) -> Number {
        if let a = lhs.rational, let b = rhs.rational, let r = a.multiplied(by: b) { return .exact(r) }
        return .real(lhs.doubleValue * rhs.doubleValue)
    }

    /// `−value`.
    public static prefix func - (value: Number) -> Number {
        switch value {
        case .exact(let r): .exact(r.negated)
        case .real(let d): .real(-d)
        }
    }

    /// `lhs − rhs`.
    public static func - (lhs: Number, rhs: Number) -> Number { lhs + (-rhs) }

    /// `lhs / rhs`; division by an exact zero gives a real infinity or NaN.
    public static func / (lhs: Number, rhs: Number) -> Number {
        if let a = lhs.rational, let b = rhs.rational, let r = a.divided(by: b) { return .exact(r) }
        return .real(lhs.doubleValue / rhs.doubleValue)
    }

    /// `self` to an integer power, exact when possible.
    public func power(_ exponent: Int) -> Number {
        if let r = rational, let p = r.power(exponent) { return .exact(p) }
        return .real(pow(doubleValue, Double(exponent)))
    }

    /// Exact form for exact numbers, shortest round-trip form for reals.
    public var description: String {
        switch self {
        case .exact(let r): r.description
        case .real(let d): "\(d)"
        }
    }
}

