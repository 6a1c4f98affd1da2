import Foundation

/// How a number looks on screen: the one place where ChainRule rounds for display.
///
/// The rule, for every display (text, LaTeX, MathML, tables, reports): a computed value shows
/// `digits` significant digits (a file's `digits`, default 4), trailing zeros kept (`0.9940`,
/// `12.35`, `0.04119`); below 10⁻³ and from 10⁶ up it is written in scientific notation with the same
/// significant digits: `4.119e-05` here, which ``TextPrinter`` writes `4.119×10⁻⁵` and
/// ``LaTeXPrinter`` and ``MathMLPrinter`` write 4.119 × 10⁻⁵ (`\times 10^{-5}`). Exact values given
/// in a file show as written when they need no more digits; zero is `0`; `-0` is never shown.
/// Exports (CSV, JSON) use no `digits`: the shortest decimal that reads back to the same double.
///
/// An update p ← p − η g whose change is below the shown precision shows its new value with enough
/// digits to differ from the old one (``digits(showingChangeFrom:to:digits:)``), up to
/// ``maxUpdateDigits``; a smaller change is stated instead ("(change 1.2 × 10⁻⁵)").
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
            self = .decimal(DisplayNumber.piText(d) ?? DisplayNumber.string(d, digits: digits))
        }
    }

    /// `π`, `2π`, `π/2`, `-3π/4` for a double that is exactly such a small rational multiple of the double
    /// nearest π (a file writes `pi` or `π`; the algebra folds `2 π` into one number): inside an
    /// expression it stays written with π, not 6.283. `nil` for every other value.
    public static func piText(_ value: Double) -> String? {
        guard value.isFinite, value != 0 else { return nil }
        let magnitude = abs(value), sign = value < 0 ? "-" : "", ratio = magnitude / Double.pi
        guard ratio <= 24 else { return nil }
        for d in 1...12 {
            let n = Int((ratio * Double(d)).rounded())
            guard n >= 1, gcd(n, d) == 1, abs(ratio * Double(d) - Double(n)) < 1e-9 else { continue }
            let (x, y) = (Double(n), Double(d))
            guard x * Double.pi / y == magnitude || x / y * Double.pi == magnitude || Double.pi * x / y == magnitude
            else { continue }
            return sign + (n == 1 ? "" : String(n)) + "π" + (d == 1 ? "" : "/" + String(d))
        }
        return nil
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

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

    /// Where scientific notation starts: magnitudes below this…
    public static let smallLimit = 1e-3
    /// …and from this up.
    public static let largeLimit = 1e6
    /// The most significant digits an update shows to make its change visible.
    public static let maxUpdateDigits = 8

    /// A value for display (tables, reports): exact values with at most `digits` significant digits
    /// (any number up to ``maxExactPlaces`` places when `digits` is `nil`) exactly as written, other
    /// exact values rounded half away from zero, and reals through ``string(_:digits:)-(Double,_)``.
    public static func string(_ number: Number, digits: Int? = nil) -> String {
        if let r = number.rational {
            guard let digits else { return exactDecimal(r) ?? string(number.doubleValue) }
            let magnitude = abs(number.doubleValue)
            if r.numerator == 0 { return "0" }
            if magnitude >= smallLimit, magnitude < largeLimit {
                let decimals = max(0, max(1, digits) - 1 - Int(floor(log10(magnitude))))
                if let places = decimalPlaces(r), places <= decimals, let text = exactDecimal(r) { return text }
                if let text = rounded(r, places: decimals), !gainsDigit(text, magnitude) { return text }
            }
        }
        return string(number.doubleValue, digits: digits)
    }

    /// A computed value for display: `digits` significant digits, trailing zeros kept, in scientific
    /// notation (`4.119e-05`) below ``smallLimit`` and from ``largeLimit`` up; the shortest round-trip
    /// decimal when `digits` is `nil`. `0` for zero (never `-0`); `inf`, `-inf`, `nan` otherwise.
    public static func string(_ value: Double, digits: Int? = nil) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        guard let digits else { return shortest(value) }
        let significant = max(1, min(digits, 17))
        let magnitude = abs(value)
        guard magnitude >= smallLimit, magnitude < largeLimit else { return scientific(value, significant) }
        let decimals = max(0, significant - 1 - Int(floor(log10(magnitude))))
        let text = String(format: "%.\(decimals)f", value)
        if gainsDigit(text, magnitude) {
            // 0.99996 rounds to 1.0000: one digit too many; 999999.7 rounds to 10⁶.
            let fewer = String(format: "%.\(max(0, decimals - 1))f", value)
            return abs(Double(fewer) ?? 0) >= largeLimit ? scientific(value, significant) : fewer
        }
        return text
    }

    /// `value` rounded to `places` decimal places, keeping trailing zeros, with `places` significant
    /// digits when that rounding would hide a nonzero value: for echoing a number at the precision
    /// someone wrote it (a student's answer), not for ChainRule's own displays.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return string(value) }
        if value == 0 { return places > 0 ? "0." + String(repeating: "0", count: places) : "0" }
        let places = max(0, min(places, 40))
        let rounded = String(format: "%.\(places)f", value)
        if rounded.contains(where: { $0 >= "1" && $0 <= "9" }) { return rounded }
        let decimals = max(1, places) - 1 - Int(floor(log10(abs(value))))
        return decimals > 40 ? String(format: "%.\(max(1, places) - 1)e", value) : String(format: "%.\(decimals)f", value)
    }

    /// Significant digits an export keeps: three fewer than a double's 15 (`DBL_DIG`), since a few
    /// steps of arithmetic leave noise in the last ones, and far more than any display shows.
    public static let exportDigits = 12

    /// A computed value for an export (CSV): rounded to ``exportDigits`` significant digits, then the
    /// shortest decimal that reads back to that rounded double, so that arithmetic noise such as
    /// `0.1 + 0.27 = 0.37000000000000005` (or a sum computed as `0.04999999999999993`) exports as `0.37`
    /// (`0.05`); values within 10⁻¹² relative of each other are not told apart.
    public static func export(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return string(value) }
        return string(Double(String(format: "%.\(exportDigits)g", value)) ?? value)
    }

    /// A decimal string split at its exponent: `4.119e-05` → (`4.119`, −5); (`0.25`, nil) without one.
    public static func scientificParts(_ text: String) -> (mantissa: String, exponent: Int?) {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return (text, nil)
        }
        return (String(text[..<e]), exponent)
    }

    /// `4.119e-05`: `significant` digits in C's `%e` form.
    private static func scientific(_ value: Double, _ significant: Int) -> String {
        String(format: "%.\(significant - 1)e", value)
    }

    /// Whether rounding `magnitude` to `text` carried it to the next power of ten (one more digit).
    private static func gainsDigit(_ text: String, _ magnitude: Double) -> Bool {
        guard let shown = Double(text) else { return false }
        return floor(log10(abs(shown))) > floor(log10(magnitude))
    }

    /// The significant digits (at least `digits`, at most ``maxUpdateDigits``) that show `new` differing
    /// from `old`; `nil` when even ``maxUpdateDigits`` do not (say the change instead), or when the
    /// values are equal.
    public static func digits(showingChangeFrom old: Double, to new: Double, digits: Int) -> Int? {
        guard old != new, old.isFinite, new.isFinite else { return nil }
        for k in max(1, digits)...max(digits, maxUpdateDigits) where string(old, digits: k) != string(new, digits: k) { return k }
        return nil
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
