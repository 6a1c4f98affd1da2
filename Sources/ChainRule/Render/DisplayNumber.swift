import Foundation

/// How a number looks on screen: the one place where ChainRule rounds for display.
///
/// Every printer of numbers goes through here. Exact values that fit are shown exactly as written
/// (`0.5`, `0.24`); computed values are rounded to `digits` decimal places keeping trailing zeros
/// (`0.9940`); a nonzero value that would round to zero keeps `digits` significant digits instead
/// (`-0.00003456`); `-0` is never shown. Without `digits`, reals use the shortest round-trip form.
public enum DisplayNumber: Hashable, Sendable {
    /// A decimal string such as `-0.25`, `3`, `1.5e-30` (scientific only for extreme magnitudes),
    /// or `inf`, `-inf`, `nan` for non-finite values.
    case decimal(String)
    /// An exact fraction that has no short decimal, such as −1/3.
    case fraction(negative: Bool, numerator: Int, denominator: Int)

    /// The most decimal places an exact value may need to be shown as a decimal in an expression.
    public static let maxExactPlaces = 12

    /// The form of a number inside an expression: exact values as terminating decimals (up to
    /// ``maxExactPlaces`` places) or else as fractions; reals rounded to `digits` places when given.
    public init(_ number: Number, digits: Int? = nil) {
        switch number {
        case .exact(let r):
            if let text = DisplayNumber.exactDecimal(r) {
                self = .decimal(text)
            } else {
                self = .fraction(negative: r.numerator < 0, numerator: Int(exactly: r.numerator.magnitude) ?? .max,
                                 denominator: r.denominator)
            }
        case .real(let d):
            self = .decimal(DisplayNumber.string(d, digits: digits))
        }
    }

    /// Whether the number is below zero.
    public var isNegative: Bool {
        switch self {
        case .decimal(let text): text.hasPrefix("-")
        case .fraction(let negative, _, _): negative
        }
    }

    /// Plain ASCII text: `-0.25`, `1/3`.
    public var plain: String {
        switch self {
        case .decimal(let text): text
        case .fraction(let negative, let n, let d): (negative ? "-" : "") + "\(n)/\(d)"
        }
    }

    /// A value for display (tables, reports): exact values needing at most `digits` decimal places
    /// (any number up to ``maxExactPlaces`` when `digits` is `nil`) exactly as written, other exact
    /// values rounded half away from zero, and reals through ``string(_:digits:)-(Double,_)``.
    public static func string(_ number: Number, digits: Int? = nil) -> String {
        if let r = number.rational {
            if let places = decimalPlaces(r), places <= (digits ?? maxExactPlaces), let text = exactDecimal(r) {
                return text
            }
            if let digits, let text = rounded(r, places: digits) { return text }
        }
        return string(number.doubleValue, digits: digits)
    }

    /// A computed value for display: rounded to `digits` decimal places keeping trailing zeros, with
    /// `digits` significant digits when that rounding would hide a nonzero value; shortest round-trip
    /// when `digits` is `nil`. Never `-0`; non-finite values give `inf`, `-inf`, `nan`.
    public static func string(_ value: Double, digits: Int? = nil) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return digits.map { $0 > 0 ? "0." + String(repeating: "0", count: $0) : "0" } ?? "0" }
        guard let digits else { return shortest(value) }
        let places = max(0, min(digits, 40))
        if abs(value) >= largestPositional { return scientific(value, places: places) }
        let rounded = String(format: "%.\(places)f", value)
        if rounded.contains(where: { $0 >= "1" && $0 <= "9" }) { return rounded }
        let significant = max(1, places)
        let exponent = Int(floor(log10(abs(value))))
        let decimals = significant - 1 - exponent
        if decimals > 40 { return String(format: "%.\(significant - 1)e", value) }
        return String(format: "%.\(decimals)f", value)
    }

    /// Computed values at least this large in magnitude are shown in scientific notation
    /// (`1.0000e308`), as the shortest form does beyond 10²¹, instead of hundreds of digits.
    public static let largestPositional = 1e21

    /// `value` as `M.MMMMeX` with `places` decimals in the mantissa (no `+`, no leading zeros).
    private static func scientific(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)e", value)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return String(text[..<e]) + "e" + String(exponent)
    }

    /// The exact decimal form of `r` when it terminates within ``maxExactPlaces`` places.
    public static func exactDecimal(_ r: Rational) -> String? {
        guard let places = decimalPlaces(r), places <= maxExactPlaces else { return nil }
        return rounded(r, places: places, keepZero: true)
    }

    /// `r` rounded half away from zero to `places` decimals; `nil` on overflow, or when the result
    /// would show zero for a nonzero value (unless `keepZero`).
    private static func rounded(_ r: Rational, places: Int, keepZero: Bool = false) -> String? {
        guard (0...18).contains(places) else { return nil }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let (scaled, overflow) = r.numerator.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        var (whole, remainder) = scaled.quotientAndRemainder(dividingBy: r.denominator)
        if remainder.magnitude * 2 >= UInt(r.denominator) { whole += scaled < 0 ? -1 : 1 }
        guard whole != 0 || r.numerator == 0 || keepZero else { return nil }
        let digits = String(whole.magnitude)
        let sign = whole < 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<point] + "." + padded[point...]
    }

    /// How many decimal places `r` needs, or `nil` when its decimal expansion does not terminate.
    static func decimalPlaces(_ r: Rational) -> Int? {
        var d = r.denominator, twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        return d == 1 ? max(twos, fives) : nil
    }

    /// Swift's shortest round-trip digits, written positionally (`1e-05` → `0.00001`, `2.0` → `2`)
    /// unless the exponent is extreme.
    private static func shortest(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(text[text.index(after: e)...]) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        guard abs(exponent) <= 20 else { return mantissa + "e" + String(exponent) }
        let negative = mantissa.hasPrefix("-")
        let body = negative ? String(mantissa.dropFirst()) : mantissa
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        let all = integer + fraction
        let point = integer.count + exponent
        let result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + all
        } else if point >= all.count {
            result = all + String(repeating: "0", count: point - all.count)
        } else {
            result = String(all.prefix(point)) + "." + String(all.dropFirst(point))
        }
        return (negative ? "-" : "") + result
    }
}
