/// What a worked solution handed in as Markdown/LaTeX holds besides its entries: the lines skipped
/// (headings, prose, formulas without a value), the lines that carry a number, the numbers left in
/// prose, and what the reader decided (0-based indices, names read approximately).
public struct WorkedFileLayout: Hashable, Sendable {
    /// Why a line was skipped.
    public enum Skip: String, Hashable, Sendable {
        /// A heading, a bullet or a numbered step with no mathematics, or a sentence.
        case prose
        /// Mathematics with no value to check (`L = -y \log(\hat{y}) - …`).
        case formula
    }

    /// A line that was skipped, and why.
    public struct Skipped: Hashable, Sendable {
        /// The line number.
        public var line: Int
        /// Why.
        public var kind: Skip

        /// Creates a skipped line.
        public init(line: Int, kind: Skip) {
            self.line = line
            self.kind = kind
        }
    }

    /// A number that is written in prose rather than in an equation (`Output: 0.766`), not checked.
    public struct ProseNumber: Hashable, Sendable {
        /// The line number.
        public var line: Int
        /// The line's text, trimmed.
        public var text: String

        /// Creates a prose number.
        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    /// The lines skipped, in order.
    public var skipped: [Skipped] = []
    /// The lines that carry a number: an equation with a value, or a decimal number in prose.
    public var numberLines: [Int] = []
    /// The lines whose numbers are in prose, not checked.
    public var proseNumbers: [ProseNumber] = []
    /// What the reader decided that the report should say (`indices are 0-based in this file …`).
    public var notes: [String] = []
    /// Names read as a known name they match only approximately.
    public var readings: [Answer.Reading] = []

    /// An empty layout (a plain worked file).
    public init() {}

    /// How many lines were skipped for `kind`.
    public func count(_ kind: Skip) -> Int { skipped.filter { $0.kind == kind }.count }
}
