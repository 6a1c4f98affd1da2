/// One lexical unit of a `.nn` line, as the ``Lexer`` produces it for the ``Parser``.
struct Token: Hashable, Sendable {
    /// The token categories.
    enum Kind: Hashable, Sendable {
        /// A name: a letter or `_`, then letters, digits or `_` (keywords are names too).
        case name
        /// A number literal, its text not yet converted.
        case number
        /// One punctuation character: `+ - * / ^ ( ) [ ] { } , = ∂ : ⊙ ᵀ`, or `..` and `.*` (see
        /// ``UnicodeSpelling`` for the Unicode forms read as these).
        case symbol
        /// Something that cannot start a token; `text` holds the message to report.
        case invalid
        /// The end of a physical line.
        case newline
        /// The end of a logical line (made by the parser, never by the lexer).
        case end
    }

    /// The category.
    var kind: Kind
    /// The characters as written (for `.invalid`, the diagnostic message).
    var text: String
    /// Where the token starts.
    var location: SourceLocation
    /// How many characters the token covers in the source.
    var length: Int
    /// Whether whitespace separates this token from the one before it on the same line.
    var spaced: Bool
    /// For a `.symbol`, its character; `\0` otherwise (comparing scalars is cheaper than strings).
    var symbol: Unicode.Scalar

    /// Creates a token; a symbol written in another spelling (`−`, `×`, `.*`) gives its `canonical` scalar.
    init(kind: Kind, text: String, location: SourceLocation, length: Int, spaced: Bool,
         canonical: Unicode.Scalar? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
        self.length = length
        self.spaced = spaced
        symbol = kind == .symbol ? canonical ?? text.unicodeScalars.first ?? "\0" : "\0"
    }

    /// The position just after the token.
    var endLocation: SourceLocation { SourceLocation(line: location.line, column: location.column + length) }

    /// Whether this is the symbol `s`.
    func `is`(_ s: Unicode.Scalar) -> Bool { symbol == s }

    /// Whether this is `(`, `[` or `{`.
    var isOpener: Bool { symbol == "(" || symbol == "[" || symbol == "{" }

    /// Whether this is `)`, `]` or `}`.
    var isCloser: Bool { symbol == ")" || symbol == "]" || symbol == "}" }

    /// The bracket that closes this one.
    var closer: Unicode.Scalar {
        switch symbol {
        case "[": "]"
        case "{": "}"
        default: ")"
        }
    }

    /// Whether this is one of the reserved words of the language.
    var isKeyword: Bool { kind == .name && Token.keywords.contains(text) }

    /// The statement keywords; they cannot name nodes or appear in expressions.
    static let keywords: Set<String> = ["input", "param", "target", "loss", "rate", "iterations", "digits",
                                        "sample", "find", "for"]

    /// How the token is quoted in a message: `'+'`, `'h1'`, or `the end of the line`.
    var quoted: String { kind == .end || kind == .newline ? "the end of the line" : "'\(text)'" }
}
