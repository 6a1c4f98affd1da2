import Foundation

/// Splits a student's answer, LaTeX or plain Unicode/ASCII, into ``AnswerToken``s.
///
/// Layout disappears here: spaces and line breaks, `$`, `&`, `~`, `%` comments, `\\`, `\,` `\;` `\quad`,
/// `\[ \]`, `\begin{aligned}`…`\end{aligned}` (and the other display environments), `\left` `\right`
/// `\bigl` and friends. Font commands around plain words (`\mathrm{ReLU}`, `\text{d}`) become words and
/// `\mathbb{1}`/`\mathbf{1}` the indicator `𝟙`. Columns count characters; a text that cannot start a
/// token becomes an `.invalid` token carrying its message.
struct AnswerLexer {
    /// The tokens, ending with `.end`.
    private(set) var tokens: [AnswerToken] = []

    private let chars: [Character]
    private var i = 0
    private var line: Int
    private var column = 1
    private var spaced = false

    /// Scans `text`; its first line is numbered `firstLine`.
    init(_ text: String, firstLine: Int = 1) {
        chars = Array(text)
        line = firstLine
        while i < chars.count { scanToken() }
        let end = tokens.last?.endLocation ?? SourceLocation(line: firstLine, column: 1)
        tokens.append(AnswerToken(kind: .end, text: "", value: "", location: end, length: 0, spaced: true))
    }

    private mutating func scanToken() {
        let c = chars[i]
        let ascii = c.asciiValue
        let start = SourceLocation(line: line, column: column)
        let first = i
        if ascii == 46, i + 1 < chars.count, chars[i + 1].isASCIIDigit {
            scanNumber(at: start)
        } else if let ascii, let symbol = AnswerLexer.asciiSymbols[Int(ascii)] {
            advance()
            emit(.symbol, String(c), symbol, at: start)
        } else if ascii.map(AnswerLexer.isASCIILayout) ?? c.isWhitespace {
            advance()
            spaced = true
        } else if c == "%" {
            while i < chars.count, !chars[i].isNewline { advance() }
        } else if c == "\\" {
            scanCommand()
        } else if AnswerLexer.isWordStart(c) {
            while i < chars.count, AnswerLexer.isWordContinuation(chars[i]) { advance() }
            let word = chars[first..<i]
            emit(.word, String(word), AnswerLexer.key(word), at: start)
        } else if c.isASCIIDigit || (c == "." && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
            scanNumber(at: start)
        } else if ascii == nil, AnswerLexer.superscripts[c] != nil {
            var value = ""
            while i < chars.count, let s = AnswerLexer.superscripts[chars[i]] {
                value += s
                advance()
            }
            emit(.superscript, String(chars[first..<i]), value, at: start)
        } else if let symbol = AnswerLexer.symbols[c] {
            advance()
            emit(.symbol, String(c), symbol, at: start)
        } else {
            advance()
            emit(.invalid, String(c), "unexpected character \(Lexer.describe(c))", at: start)
        }
    }

    /// Digits, an optional fraction, an optional exponent (`1.5e-3`).
    private mutating func scanNumber(at start: SourceLocation) {
        let first = i
        skipDigits()
        if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCIIDigit {
            advance()
            skipDigits()
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, chars[j].isASCIIDigit {
                while i < j { advance() }
                skipDigits()
            }
        }
        let text = String(chars[first..<i])
        emit(.number, text, text, at: start)
    }

    private mutating func skipDigits() {
        while i < chars.count, chars[i].isASCIIDigit { advance() }
    }

    // MARK: Commands

    /// A backslash command: layout is dropped, symbols and words are normalized, the rest is passed on.
    private mutating func scanCommand() {
        let start = SourceLocation(line: line, column: column)
        let first = i
        advance()
        guard i < chars.count else {
            emit(.invalid, "\\", "a lone '\\' at the end of the answer", at: start)
            return
        }
        if chars[i].asciiValue?.isLetter == true {
            while i < chars.count, chars[i].asciiValue?.isLetter == true { advance() }
        } else {
            advance()
        }
        let name = String(chars[(first + 1)..<i])
        let text = "\\" + name
        if AnswerLexer.layout.contains(name) {
            spaced = true
        } else if AnswerLexer.delimiterSizes.contains(name) {
            spaced = true
            skipNullDelimiter()
        } else if name == "\\" {
            spaced = true
            skipLineSpacing()
        } else if name == "begin" || name == "end" {
            scanEnvironment(text, at: start)
        } else if let symbol = AnswerLexer.commandSymbols[name] {
            emit(.symbol, text, symbol, at: start)
        } else if let word = AnswerLexer.commandWords[name] {
            emit(.word, text, word, at: start)
        } else if AnswerLexer.fonts.contains(name) {
            scanFont(name, at: start, from: first)
        } else {
            emit(.command, text, AnswerLexer.commandAliases[name] ?? name, at: start)
        }
    }

    /// `\begin{aligned}`, `\end{align*}`: dropped for display environments, an error for others.
    private mutating func scanEnvironment(_ command: String, at start: SourceLocation) {
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count, chars[j] == "{" else {
            emit(.invalid, command, "expected '{' and an environment name after '\(command)'", at: start)
            return
        }
        var end = j + 1
        while end < chars.count, chars[end].isASCII, chars[end].isLetter || chars[end] == "*" { end += 1 }
        guard end < chars.count, chars[end] == "}" else {
            emit(.invalid, command, "expected '{' and an environment name after '\(command)'", at: start)
            return
        }
        let name = String(chars[(j + 1)..<end])
        while i <= end { advance() }
        if AnswerLexer.environments.contains(name) {
            spaced = true
        } else {
            emit(.invalid, command + "{" + name + "}", "unsupported environment '\(name)'", at: start)
        }
    }

    /// `\mathrm{ReLU}`, `\text{d}`, `\mathbb{1}`: a word, a number or the indicator `𝟙` when the braces
    /// hold only letters and digits; otherwise the command is dropped and the braces group as usual.
    private mutating func scanFont(_ name: String, at start: SourceLocation, from first: Int) {
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count, chars[j] == "{", let close = chars[j...].firstIndex(of: "}") else { return }
        let content = chars[(j + 1)..<close].filter { $0 != " " }
        if !content.isEmpty, content.allSatisfy({ ".,;:".contains($0) }) {
            while i <= close { advance() }
            emit(.symbol, String(chars[first..<i]), String(content.last ?? "."), at: start)
            return
        }
        guard let head = content.first, content.allSatisfy({ AnswerLexer.isWordContinuation($0) }) else { return }
        while i <= close { advance() }
        let text = String(chars[first..<i])
        if content.allSatisfy(\.isASCIIDigit) {
            let indicator = String(content) == "1" && AnswerLexer.boldFonts.contains(name)
            emit(indicator ? .symbol : .number, text, indicator ? "𝟙" : String(content), at: start)
        } else if AnswerLexer.isWordStart(head) {
            emit(.word, text, AnswerLexer.key(content[...]), at: start)
        } else {
            emit(.invalid, text, "expected a name or a number inside '\\\(name){…}'", at: start)
        }
    }

    /// The `.` of `\left.` or `\right.` (an invisible delimiter).
    private mutating func skipNullDelimiter() {
        var j = i
        while j < chars.count, chars[j].isWhitespace, !chars[j].isNewline { j += 1 }
        guard j < chars.count, chars[j] == "." else { return }
        while i <= j { advance() }
    }

    /// The optional `[4pt]` after `\\`.
    private mutating func skipLineSpacing() {
        guard i < chars.count, chars[i] == "[", let close = chars[i...].prefix(12).firstIndex(of: "]") else { return }
        let content = chars[(i + 1)..<close]
        guard content.contains(where: \.isASCIIDigit), content.contains(where: \.isLetter),
              content.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
        else { return }
        while i <= close { advance() }
    }

    // MARK: Positions

    private mutating func advance() {
        let newline = chars[i].asciiValue.map { $0 == 10 || $0 == 13 } ?? chars[i].isNewline
        if newline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        i += 1
    }

    /// Appends a token that started at `start` and ends at the cursor (both on one line).
    private mutating func emit(_ kind: AnswerToken.Kind, _ text: String, _ value: String, at start: SourceLocation) {
        let length = start.line == line ? max(1, column - start.column) : 1
        tokens.append(AnswerToken(kind: kind, text: text, value: value, location: start, length: length, spaced: spaced))
        spaced = false
    }
}

extension AnswerLexer {
    static func isWordStart(_ c: Character) -> Bool {
        if let ascii = c.asciiValue { return ascii.isLetter }
        return c.isLetter && c != "∂"
    }

    static func isWordContinuation(_ c: Character) -> Bool {
        if let ascii = c.asciiValue { return ascii.isLetter || ascii.isDigit }
        return isWordStart(c) || subscriptDigits[c] != nil
    }

    /// The name key of written letters: Greek letters spelled out (`η` → `eta`), accents as a suffix
    /// (`ŷ` → `yhat`), subscript digits as digits (`x₁` → `x1`).
    static func key(_ letters: ArraySlice<Character>) -> String {
        letters.map(key).joined()
    }

    static func key(_ c: Character) -> String {
        if c.isASCII { return String(c) }
        if let digit = subscriptDigits[c] { return digit }
        if let greek = greekLetters[c] { return greek }
        let scalars = Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard scalars.count > 1 else { return String(c) }
        let accents = scalars.dropFirst().map { accentMarks[$0.value] }
        guard accents.allSatisfy({ $0 != nil }) else { return String(c) }
        return key(Character(scalars[0])) + accents.compactMap { $0 }.joined()
    }

    /// Layout commands that are dropped: spacing, styles, math-mode delimiters.
    static let layout: Set<String> = [",", ";", ":", "!", " ", ">", "quad", "qquad", "enspace", "thinspace",
                                      "medspace", "thickspace", "negthinspace", "displaystyle", "textstyle",
                                      "scriptstyle", "nonumber", "notag", "limits", "nolimits", "[", "]", "(", ")"]

    /// Delimiter size commands: dropped, the delimiter after them is read as usual.
    static let delimiterSizes: Set<String> = {
        var sizes: Set<String> = ["left", "right", "middle"]
        for size in ["big", "Big", "bigg", "Bigg"] {
            for suffix in ["", "l", "r", "m"] { sizes.insert(size + suffix) }
        }
        return sizes
    }()

    /// Environments whose `\begin`/`\end` are dropped (`&` and `\\` inside are layout).
    static let environments: Set<String> = ["aligned", "align", "align*", "alignat", "alignat*", "equation",
                                            "equation*", "gathered", "gather", "gather*", "split", "multline",
                                            "multline*", "eqnarray", "eqnarray*", "flalign", "flalign*",
                                            "displaymath", "math"]

    /// Commands that are a symbol.
    static let commandSymbols: [String: String] = [
        "partial": "∂", "cdot": "*", "cdotp": "*", "times": "*", "ast": "*", "div": "/", "approx": "≈",
        "gt": ">", "lt": "<", "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤",
        "prime": "'", "{": "\\{", "}": "\\}", "lbrace": "\\{", "rbrace": "\\}", "lbrack": "[", "rbrack": "]",
        "lparen": "(", "rparen": ")", "bullet": "*", "leftarrow": "←", "gets": "←", "longleftarrow": "←",
        "nabla": "∇", "sum": "∑", "colon": ":", "ldotp": ".",
    ]

    /// Commands that are a word: Greek letters and operator names.
    static let commandWords: [String: String] = {
        var words = Dictionary(uniqueKeysWithValues: greekNames.map { ($0, $0) })
        for (variant, name) in ["varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta", "varrho": "rho",
                                "varsigma": "sigma"] { words[variant] = name }
        for name in ["exp", "log", "ln", "tanh", "max", "min"] { words[name] = name }
        return words
    }()

    /// Commands the reader interprets, under their canonical names.
    static let commandAliases: [String: String] = [
        "frac": "frac", "dfrac": "frac", "tfrac": "frac", "cfrac": "frac", "sqrt": "sqrt",
        "over": "over", "hat": "hat", "widehat": "hat", "tilde": "tilde", "widetilde": "tilde", "bar": "bar", "overline": "bar",
    ]

    /// Font and text commands: transparent around plain words.
    static let fonts: Set<String> = ["mathrm", "mathit", "mathnormal", "text", "textrm", "textit", "textnormal",
                                     "operatorname", "mathsf", "mathbf", "boldsymbol", "bm", "mathbb", "mathds",
                                     "vec", "mathcal", "mbox"]

    /// Fonts in which `1` is the indicator function.
    static let boldFonts: Set<String> = ["mathbb", "mathbf", "mathds", "bm", "boldsymbol"]

    static let greekNames = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                             "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
                             "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
                             "Psi", "Omega"]

    static let greekLetters: [Character: String] = {
        var letters: [Character: String] = [:]
        for (letter, name) in zip("αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΥΦΨΩ", greekNames) { letters[letter] = name }
        for (letter, name) in zip("ϵϑµϕς", ["epsilon", "theta", "mu", "phi", "sigma"]) { letters[letter] = name }
        return letters
    }()

    static let subscriptDigits: [Character: String] = Dictionary(
        uniqueKeysWithValues: zip("₀₁₂₃₄₅₆₇₈₉", (0...9).map(String.init)))

    static let superscripts: [Character: String] = Dictionary(
        uniqueKeysWithValues: zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", (0...9).map(String.init) + ["-", "+"]))

    /// Combining accents (circumflex, tilde, macron, overline) and the suffix they add to a name key.
    static let accentMarks: [UInt32: String] = [0x302: "hat", 0x303: "tilde", 0x304: "bar", 0x305: "bar"]

    /// Whether an ASCII character is layout: spaces, tabs, line breaks, `$`, `&`, `~`.
    static func isASCIILayout(_ c: UInt8) -> Bool {
        c == 32 || c == 36 || c == 38 || c == 126 || (9...13).contains(c)
    }

    /// ``symbols`` for ASCII characters, indexed by code: the lexer's fast path.
    static let asciiSymbols: [String?] = (0..<128).map { code in symbols[Character(Unicode.Scalar(UInt8(code)))] }

    /// Single characters that are symbols, with their canonical form.
    static let symbols: [Character: String] = {
        var symbols: [Character: String] = [:]
        for c in "+^_()[]{},=≈><∂𝟙.;:∑←∇" { symbols[c] = String(c) }
        for c in "-−–" { symbols[c] = "-" }
        for c in "*·⋅×∙∗•" { symbols[c] = "*" }
        for c in "/÷∕" { symbols[c] = "/" }
        for c in "'′’" { symbols[c] = "'" }
        symbols["″"] = "''"
        symbols["‴"] = "'''"
        symbols["≥"] = "≥"
        symbols["⩾"] = "≥"
        symbols["≤"] = "≤"
        symbols["⩽"] = "≤"
        return symbols
    }()
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue?.isDigit == true }
}

extension UInt8 {
    fileprivate var isLetter: Bool { (65...90).contains(self) || (97...122).contains(self) }
    fileprivate var isDigit: Bool { (48...57).contains(self) }
}
