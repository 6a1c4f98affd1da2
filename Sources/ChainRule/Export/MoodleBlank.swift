import Foundation

/// One number a student types into a Moodle Cloze question: a value of the worked example (or of a
/// `find dA/dB`), the significant digits the key shows it with, and the `{1:NUMERICAL:…}` answer
/// that accepts exactly what rounds to the shown value.
///
/// Moodle compares a NUMERICAL answer absolutely (|typed − answer| ≤ tolerance) and, to absorb PHP's
/// float noise, widens the tolerance by 10⁻¹⁴·max(1, |answer|) (`qtype_numerical_answer`); a value
/// such as 4.1×10⁻¹⁵ would therefore accept 0. So a value the key shows in scientific notation
/// (below 10⁻³ or from 10⁶ up, ``DisplayNumber``) is asked as the number in front of its power of
/// ten: the box reads `[    ] × 10⁻⁵` and the answer is the mantissa (value ÷ 10⁻⁵). Every answer is
/// then at least 10⁻³ in size and its tolerance at least 5×10⁻⁹, far above Moodle's 10⁻¹⁴.
public struct MoodleBlank: Hashable, Sendable {
    /// The quantity, named as the variants CSV names it (`h1`, `dL/dw11`, `iteration 2: w11 updated`,
    /// `find dL/dz_yhat`; see ``VariantAnswers``).
    public var column: String
    /// The quantity in LaTeX (without its iteration): `h_{1}`, `\partial L/\partial w_{11}`.
    public var label: String
    /// The quantity in plain text, for feedback: `h₁`, `∂L/∂w₁₁`.
    public var text: String
    /// The iteration and sample the value belongs to (`Iteration 2, sample 1`); empty when there is one.
    public var group: String
    /// The value in full precision, as the library computed it.
    public var value: Double
    /// The significant digits the key shows (more than the file's `digits` for an update whose change
    /// would not show otherwise).
    public var digits: Int

    /// Creates a blank.
    public init(column: String, label: String, text: String, group: String, value: Double, digits: Int) {
        self.column = column
        self.label = label
        self.text = text
        self.group = group
        self.value = value
        self.digits = digits
    }

    /// The value as the key shows it (`0.3200`, `-6.411e-05`).
    public var shown: String { DisplayNumber.string(value, digits: digits) }

    /// The power of ten the box is multiplied by (−5 for `-6.411e-05`), or `nil` when the value is
    /// asked as a plain decimal.
    public var exponent: Int? { DisplayNumber.scientificParts(shown).exponent }

    /// What the student types: the shown decimal, or the mantissa in front of ``exponent``.
    public var shownAnswer: String { DisplayNumber.scientificParts(shown).mantissa }

    /// The correct answer Moodle stores: the value in full precision, divided by 10^``exponent``.
    public var answer: Double {
        guard let exponent else { return value }
        return exponent < 0 ? value * pow(10, Double(-exponent)) : value / pow(10, Double(exponent))
    }

    /// Half a unit in the last shown digit of ``shownAnswer`` (0.00005 for `0.3200`, 0.0005 for a
    /// mantissa `-6.411`): the widest absolute tolerance under which everything Moodle accepts still
    /// rounds to the shown value. A value shown as `0` gets half a unit in its `digits`-th place.
    public var tolerance: Double {
        let text = shownAnswer
        let places: Int
        if let point = text.firstIndex(of: ".") {
            places = text.distance(from: point, to: text.endIndex) - 1
        } else {
            places = Double(text) == 0 ? max(digits - 1, 0) : 0
        }
        // Read from text, so that it is the double nearest 5×10⁻ᵏ (0.00005, not 5.000000000000001e-05).
        return Double("5e-\(places + 1)") ?? 5 * pow(10, Double(-(places + 1)))
    }

    /// The Cloze sub-question `{1:NUMERICAL:=answer:tolerance#feedback}`, the feedback escaped by
    /// ``MoodleCloze/feedback(_:)``.
    public var cloze: String {
        "{1:NUMERICAL:=" + DisplayNumber.string(answer) + ":" + DisplayNumber.string(tolerance) + "#"
            + MoodleCloze.feedback("Correct: " + text + " = " + shownWithPower) + "}"
    }

    /// The shown value with its power of ten in plain text: `-6.411 × 10^-5`.
    var shownWithPower: String {
        exponent.map { shownAnswer + " × 10^" + String($0) } ?? shownAnswer
    }
}
