/// Splits `.nn` source text into tokens, one physical line at a time.
///
/// Comments (`#` to the end of the line) and whitespace are dropped; each line ends in a `.newline`
/// token. Lines break at `\n` and `\r\n`; columns count characters. Text that cannot start a token
/// becomes an `.invalid` token carrying its message, so the parser reports it in context. Unicode
/// spellings from lecture notes (`−`, `×`, `ᵀ`, `W₁`, `ŷ`, `λ`) are read as their ASCII forms
/// (``UnicodeSpelling``); a token's `length` still counts the characters as written.
struct Lexer {
    /// The tokens, in source order.
    private(set) var tokens: [Token] = []
    /// The text of the first non-empty comment before the first token.
    private(set) var title: String?

    private let source: String
    private let chars: [Character]
    /// Where each character starts in `source`, then `source.endIndex`: token texts are cut from
    /// `source` directly, which is much faster than assembling them from characters.
    private let starts: [String.Index]
    private var i = 0
    private var line = 1
    private var column = 1
    private var spaced = false
    private var sawToken = false

    /// The punctuation characters that are tokens of their own.
    static let symbols: Set<Character> = ["+", "-", "*", "/", "^", "(", ")", "[", "]", "{", "}", ",", "=", "∂", ":"]

    /// Scans `source`.
    init(_ source: String) {
        self.source = source
        chars = Array(source)
        starts = Array(source.indices) + [source.endIndex]
        while i < chars.count { scanToken() }
        emit(.newline, "", length: 0)
    }

    private mutating func scanToken() {
        let c = chars[i]
        let start = i
        if c == "\n" || c == "\r\n" {
            emit(.newline, "", length: 0)
            i += 1
            line += 1
            column = 1
            spaced = false
        } else if Lexer.isSpace(c) {
            advance()
            spaced = true
        } else if c == "#" {
            while i < chars.count, chars[i] != "\n", chars[i] != "\r\n" { advance() }
            if title == nil, !sawToken {
                var (from, to) = (start + 1, i)
                while from < to, Lexer.isSpace(chars[from]) { from += 1 }
                while from < to, Lexer.isSpace(chars[to - 1]) { to -= 1 }
                if from < to { title = text(from, to) }
            }
        } else if Lexer.isNameStart(c), !UnicodeSpelling.endsName(c) {
            while i < chars.count, Lexer.isNameContinuation(chars[i]) { i += 1 }
            let written = text(start, i)
            emit(.name, written.utf8.count == i - start ? written : UnicodeSpelling.asciiName(chars[start..<i]),
                 length: i - start)
        } else if c.isASCIIDigit || (c == "." && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
            scanNumber()
        } else if Lexer.symbols.contains(c) {
            i += 1
            emit(.symbol, String(c), length: 1)
        } else if startsDotSymbol(i) {
            i += 2
            emit(.symbol, text(start, i), length: 2, canonical: chars[start + 1] == "*" ? "⊙" : ".")
        } else if let canonical = UnicodeSpelling.symbols[c] {
            i += 1
            emit(.symbol, String(c), length: 1, canonical: canonical)
        } else {
            i += 1
            emit(.invalid, "unexpected character \(Lexer.describe(c))", length: 1)
        }
    }

    /// Digits, an optional fraction, an optional exponent; anything number-like glued on after that
    /// makes the whole run a bad number.
    private mutating func scanNumber() {
        let start = i
        skipDigits()
        if i < chars.count, chars[i] == ".", !startsDotSymbol(i) {
            i += 1
            skipDigits()
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, chars[j].isASCIIDigit {
                i = j
                skipDigits()
            }
        }
        let valid = i
        while i < chars.count, (chars[i] == "." && !startsDotSymbol(i)) || Lexer.isNameContinuation(chars[i]) { i += 1 }
        let text = text(start, i)
        if valid < i {
            let tail = chars[valid..<i]
            let hint = tail.first.map(Lexer.isNameStart) == true && !tail.contains(".")
                && tail.first != "e" && tail.first != "E"
                ? ": write '\(self.text(start, valid)) \(self.text(valid, i))' for a product" : ""
            emit(.invalid, "bad number '\(text)'\(hint)", length: i - start)
        } else if let value = Double(text), value == 0, text.contains(where: { ("1"..."9").contains($0) }),
                  text.contains(where: { $0 == "e" || $0 == "E" }) {
            emit(.invalid, "number '\(text)' is too small: it underflows to 0 in double precision (below about 5e-324)", length: i - start)
        } else if let value = Double(text), value.isFinite {
            emit(.number, text, length: i - start)
        } else {
            emit(.invalid, "number '\(text)' is too large", length: i - start)
        }
    }

    /// Whether `..` (a range) or `.*` (the elementwise product) starts at character `k`.
    private func startsDotSymbol(_ k: Int) -> Bool {
        chars[k] == "." && k + 1 < chars.count && (chars[k + 1] == "." || chars[k + 1] == "*")
    }

    /// The source text of characters `from..<to`.
    private func text(_ from: Int, _ to: Int) -> String { String(source[starts[from]..<starts[to]]) }

    private mutating func skipDigits() {
        while i < chars.count, chars[i].isASCIIDigit { i += 1 }
    }

    private mutating func advance() {
        i += 1
        column += 1
    }

    /// Appends a token that ends at `i` and started `length` characters before it.
    private mutating func emit(_ kind: Token.Kind, _ text: String, length: Int, canonical: Unicode.Scalar? = nil) {
        sawToken = sawToken || kind != .newline
        tokens.append(Token(kind: kind, text: text, location: SourceLocation(line: line, column: column),
                            length: length, spaced: spaced, canonical: canonical))
        column += length
        spaced = false
    }

    // The character classes, with fast paths for ASCII (Unicode property lookups are slow).

    static func isNameStart(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return c.isLetter }
        return (a >= 97 && a <= 122) || (a >= 65 && a <= 90) || a == 95
    }

    static func isNameContinuation(_ c: Character) -> Bool {
        guard c.asciiValue == nil else { return isNameStart(c) || c.isASCIIDigit }
        return (c.isLetter && !UnicodeSpelling.endsName(c)) || UnicodeSpelling.continuesName(c)
            || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
    }

    static func isSpace(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return c.isWhitespace }
        return a == 32 || (a >= 9 && a <= 13)
    }

    /// `'@'`, or `U+0000` for characters that do not print.
    static func describe(_ c: Character) -> String {
        let invisible = c.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate, .nonspacingMark, .enclosingMark,
                 .spacingMark:
                true
            default:
                false
            }
        }
        guard invisible else { return "'\(c)'" }
        return c.unicodeScalars.map { "U+" + String(String($0.value, radix: 16, uppercase: true).leftPadded(to: 4)) }
            .joined(separator: " ")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
