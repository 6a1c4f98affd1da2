/// One lexical unit of a student's answer, as the ``AnswerLexer`` produces it for the ``AnswerReader``.
///
/// LaTeX and plain Unicode meet here: `\partial` and `∂` are both the symbol `∂`, `\cdot`, `·` and `×`
/// are all `*`, `\delta` and `δ` are both the word `delta`. Layout (`$`, `&`, `\\`, `\quad`, `\left`)
/// never becomes a token.
struct AnswerToken: Hashable, Sendable {
    /// The token categories.
    enum Kind: Hashable, Sendable {
        /// A run of letters and digits (`x1`, `dy`, `relu`, `ŷ`, `x₁`) or a Greek or operator command (`\eta`,
        /// `\log`); `value` is its name key (Greek spelled out, accents as `hat`, subscript digits as digits).
        case word
        /// A decimal literal.
        case number
        /// A LaTeX command the reader interprets: `value` is `frac`, `sqrt`, `hat`, `tilde`, `bar`, or the
        /// command name of one it does not know.
        case command
        /// Punctuation, in canonical form: `+ - * / ^ _ ( ) [ ] { } \{ \} , = ≈ ' > < ≥ ≤ ∂ 𝟙`.
        case symbol
        /// A Unicode superscript (`²`, `⁻¹`); `value` is the ASCII number.
        case superscript
        /// Something that cannot start a token; `value` is the message to report.
        case invalid
        /// The end of the answer.
        case end
    }

    /// The category.
    var kind: Kind
    /// The characters as written.
    var text: String
    /// The canonical form (see ``Kind``).
    var value: String
    /// Where the token starts.
    var location: SourceLocation
    /// How many characters the token covers.
    var length: Int
    /// Whether layout (spaces, line breaks, `\,`) separates it from the previous token.
    var spaced: Bool

    /// The position just after the token.
    var endLocation: SourceLocation { SourceLocation(line: location.line, column: location.column + length) }

    /// Whether this is the symbol `s`.
    func `is`(_ s: String) -> Bool { kind == .symbol && value == s }

    /// Whether this is a word whose source text starts with a letter `d` followed by more (`dy`, `dw1`).
    var isLeibnizWord: Bool { kind == .word && text.first == "d" && text.count > 1 }

    /// How the token is quoted in a message: `'+'`, `'\frac'`, or `the end of the answer`.
    var quoted: String { kind == .end ? "the end of the answer" : "'\(text)'" }

    /// Whether an expression can start here, so that juxtaposition means a product.
    var startsOperand: Bool {
        switch kind {
        case .word, .number, .command, .invalid: true
        case .symbol: ["(", "[", "{", "\\{", "∂", "𝟙"].contains(value)
        case .superscript, .end: false
        }
    }

    /// The closing symbol for an opening bracket.
    var closer: String? {
        guard kind == .symbol else { return nil }
        return ["(": ")", "[": "]", "{": "}", "\\{": "\\}"][value]
    }
}
