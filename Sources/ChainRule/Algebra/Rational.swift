/// An exact fraction `numerator / denominator` in lowest terms with a positive denominator.
///
/// Numbers written in a `.nn` file (`0.2`, `1/3`) are kept exact so that hand arithmetic such as
/// `0.2·0.5 + 0.4·0.1 + 0.1 = 0.24` comes out exactly. Operations that would overflow `Int`
/// return `nil`; callers (see ``Number``) then fall back to `Double`.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int
    /// The denominator, always positive.
    public let denominator: Int

    /// Creates `numerator / denominator` reduced to lowest terms; `nil` when the denominator is zero
    /// or the value cannot be represented.
    public init?(_ numerator: Int, _ denominator: Int = 1) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = Rational.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// An integer as a fraction.
    public init(integer: Int) {
        numerator = integer
        denominator = 1
    }

    /// Reads a decimal literal such as `0.25`, `-3`, `1.5e-3` exactly; `nil` when it is not one
    /// or does not fit.
    public init?(decimal text: String) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(mantissa[mantissa.index(after: e)...]), abs(value) < 19 else { return nil }
            exponent = value
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" {
            negative = mantissa.first == "-"
            mantissa = mantissa.dropFirst()
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !mantissa.isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let digits = String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")
        guard !digits.isEmpty, digits.count <= 18, let whole = Int(digits) else { return nil }
        exponent -= parts.count == 2 ? parts[1].count : 0
        var value = Rational(integer: negative ? -whole : whole)
        let ten = Rational(integer: 10)
        for _ in 0..<abs(exponent) {
            guard let next = exponent > 0 ? value.multiplied(by: ten) : value.divided(by: ten) else { return nil }
            value = next
        }
        self = value
    }

    /// Zero.
    public static let zero = Rational(integer: 0)
    /// One.
    public static let one = Rational(integer: 1)

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }
    /// The nearest `Double`.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `self + other`, or `nil` on overflow.
    public func adding(_ other: Rational) -> Rational? {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (d, o3) = denominator.multipliedReportingOverflow(by: other.denominator)
        let (n, o4) = a.addingReportingOverflow(b)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Rational(n, d)
    }

    /// `self × other`, or `nil` on overflow.
    public func multiplied(by other: Rational) -> Rational? {
        let g1 = Rational.gcd(abs(numerator), other.denominator)
        let g2 = Rational.gcd(abs(other.numerator), denominator)
        let (n, o1) = (numerator / g1).multipliedReportingOverflow(by: other.numerator / g2)
        let (d, o2) = (denominator / g2).multipliedReportingOverflow(by: other.denominator / g1)
        guard !(o1 || o2) else { return nil }
        return Rational(n, d)
    }

    /// `−self`.
    public var negated: Rational { Rational(uncheckedNumerator: -numerator, denominator: denominator) }

    /// `1 / self`, or `nil` for zero.
    public var reciprocal: Rational? { Rational(denominator, numerator) }

    /// `self / other`, or `nil` on overflow or division by zero.
    public func divided(by other: Rational) -> Rational? {
        other.reciprocal.flatMap { multiplied(by: $0) }
    }

    /// `self` raised to an integer power, or `nil` on overflow or `0^negative`.
    public func power(_ exponent: Int) -> Rational? {
        guard exponent != .min else { return nil }
        var result = Rational.one
        let base = exponent < 0 ? reciprocal : self
        guard let base else { return nil }
        for _ in 0..<abs(exponent) {
            guard let next = result.multiplied(by: base) else { return nil }
            result = next
        }
        return result
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.doubleValue < rhs.doubleValue
    }

    /// `3`, `-1/2`.
    public var description: String {
        isInteger ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    private init(uncheckedNumerator: Int, denominator: Int) {
        self.numerator = uncheckedNumerator
        self.denominator = denominator
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
