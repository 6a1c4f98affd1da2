/// Names, derivatives and function applications.
///
/// A name is a word or an accented letter (`\hat{y}`, `\hat y`) followed by subscripts (`_1`, `_{c,a}`,
/// `_{h_1}`), layer superscripts (`^{(2)}`) and a component index (`[2]`, `[1,3]`). A known network name
/// wins over everything else; then function words (`σ`, `tanh`, `ReLU`, `g`, `exp`, `log`, …) followed by
/// primes and arguments; then `e^{…}`; then a word that splits into known names (`x1x2`); anything left
/// is kept as written and reported in ``Answer/unknownNames``.
extension AnswerReader {
    /// A name as read: its matching key, its spelling and where it starts.
    struct WrittenName {
        var key: String
        var written: String
        var location: SourceLocation
        /// A single word with no subscript, accent or index (a candidate function or split).
        var bare: Bool
    }

    /// A name, function application, `e^{…}` or plain-text derivative `dy/dx`, the cursor on a word or an
    /// accent command.
    mutating func readNamed(after token: AnswerToken?) throws(Diagnostic) -> Expr {
        if current.isLeibnizWord || current.isRomanD || (current.isPlainD && !peek(1).spaced && peek(1).kind == .command),
           let partial = try readLeibnizSlash() { return partial }
        let name = try readName(after: token)
        let known = names.resolve(key: name.key, written: name.written)
        if let known, !isPrime(current) { return .symbol(known) }
        if known == nil, name.bare, let function = AnswerReader.functions[name.key] ?? AnswerReader.relu(name.key),
           let applied = try readApplication(of: function, named: name) {
            return applied
        }
        if known == nil, name.bare, name.key == "e", current.is("^") {
            let caret = advance()
            return .apply(.exp, [try readExponent(after: caret)])
        }
        let primes = try readPrimes()
        if primes > 0 {
            if known == nil, name.bare, current.is("(") {
                return try readArguments(of: .derivative(name.written, order: primes), named: name, primes: primes)
            }
            let written = name.written + String(repeating: "'", count: primes)
            if let match = known.map({ ($0, "a prime") }) ?? names.approximate(key: name.key).map({ ($0.name, $0.difference + " and a prime") }) {
                readings.append(Answer.Reading(written, as: match.0, difference: match.1, at: name.location))
                return .symbol(match.0)
            }
            return symbol(written, key: name.key, at: name.location)
        }
        if let known { return .symbol(known) }
        if name.bare, let parts = names.split(name.key) { return .product(parts.map(Expr.symbol)) }
        return .symbol(resolved(name))
    }

    /// A symbol for a name that matched nothing, recorded for the checker with the closest known names.
    private mutating func symbol(_ written: String, key: String, at location: SourceLocation) -> Expr {
        unknownNames.append(Answer.UnknownName(written, at: location, closest: names.closest(to: key)))
        return .symbol(written)
    }

    /// The network name for a written name: an exact match, else an approximate one (recorded as a
    /// reading), else the name as written (recorded as unknown, with the closest names).
    mutating func resolved(_ name: WrittenName) -> String {
        if let known = names.resolve(key: name.key, written: name.written) { return known }
        if let (known, difference) = names.approximate(key: name.key) {
            readings.append(Answer.Reading(name.written, as: known, difference: difference, at: name.location))
            return known
        }
        unknownNames.append(Answer.UnknownName(name.written, at: name.location, closest: names.closest(to: name.key)))
        return name.written
    }

    // MARK: Functions

    /// Function words, by name key.
    static let functions: [String: Function] = [
        "sigma": .sigmoid, "sigmoid": .sigmoid, "tanh": .tanh, "exp": .exp, "log": .log, "ln": .log,
        "max": .max, "min": .min, "abs": .abs, "step": .step, "g": .unspecified("g"),
    ]

    /// `relu` in any capitalization (`ReLU`, `Relu`).
    private static func relu(_ key: String) -> Function? { key.lowercased() == "relu" ? .relu : nil }

    /// Functions that may take their argument without parentheses, as LaTeX operators do (`\log x`).
    private static let operators: Set<Function> = [.exp, .log, .tanh]

    /// `f(args)`, `f'(args)`, `f''(args)` or `\log x` after a function word; `nil` when no argument follows
    /// (the word is then a name: `σ` alone, `g` alone).
    private mutating func readApplication(of function: Function, named name: WrittenName) throws(Diagnostic) -> Expr? {
        let primes = try readPrimes()
        let applied = primes == 0 ? function : .derivative(function.name, order: primes)
        if current.is("(") { return try readArguments(of: applied, named: name, primes: primes) }
        if primes > 0 {
            throw failure("expected '(' and an argument after '\(name.written)\(String(repeating: "'", count: primes))'",
                          found: current)
        }
        guard AnswerReader.operators.contains(function), current.startsOperand, !current.is("[") else { return nil }
        return .apply(function, [try readUnary(after: previous)])
    }

    /// `( a, b, … )` after a function name, checked against the function's arity.
    private mutating func readArguments(of function: Function, named name: WrittenName, primes: Int)
        throws(Diagnostic) -> Expr {
        let opener = advance()
        var arguments = [try readSum(after: opener)]
        while current.is(",") {
            let comma = advance()
            arguments.append(try readSum(after: comma))
        }
        let shown = name.written + String(repeating: "'", count: primes)
        try close(opener, "'\(shown)('", at: name.location)
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw Diagnostic(at: name.location, "'\(shown)' takes \(expected), found \(arguments.count)")
        }
        return .apply(function, arguments)
    }

    private func isPrime(_ token: AnswerToken) -> Bool {
        token.is("'") || token.is("''") || token.is("'''")
            || (token.is("^") && (peek(1).is("'") || (peek(1).is("{") && peek(2).is("'"))))
    }

    /// Primes after a function name: `'`, `′`, `″`, `^\prime`, `^{\prime\prime}`.
    private mutating func readPrimes() throws(Diagnostic) -> Int {
        var count = 0
        while isPrime(current) {
            if current.is("^") {
                advance()
                if current.is("{") {
                    let opener = advance()
                    while current.value.allSatisfy({ $0 == "'" }), current.kind == .symbol {
                        count += advance().value.count
                    }
                    try close(opener, "'^{'")
                } else {
                    count += advance().value.count
                }
            } else {
                count += advance().value.count
            }
        }
        return count
    }

    // MARK: Derivatives

    /// `∂y/∂x` (also `\partial y/\partial x`), the cursor on `∂`.
    mutating func readSlashDerivative() throws(Diagnostic) -> Expr {
        let d = advance()
        let of = try readDifferentiated(after: d)
        guard current.is("/") else {
            throw failure("expected '/' after '∂\(of.written)': a derivative reads ∂y/∂x", found: current)
        }
        advance()
        guard current.is("∂") else {
            throw failure("expected '∂' after '∂\(of.written)/': a derivative reads ∂y/∂x", found: current)
        }
        let d2 = advance()
        let wrt = try readDifferentiated(after: d2)
        return .partial(of: resolved(of), wrt: resolved(wrt))
    }

    /// The name after `∂` or `d`: `y`, or `{y}` in braces (`\partial{y}`).
    mutating func readDifferentiated(after d: AnswerToken) throws(Diagnostic) -> WrittenName {
        guard current.is("{"), peek(1).startsName else { return try readName(after: d) }
        let opener = advance()
        let name = try readName(after: opener)
        try close(opener, "'{'")
        return name
    }

    /// `dy/dx` in plain text, the cursor on a word starting with `d`; `nil` (cursor unchanged) when the
    /// word is not followed by `/d…`.
    private mutating func readLeibnizSlash() throws(Diagnostic) -> Expr? {
        let mark = self.mark
        guard let of = try readLeibnizName(), current.is("/"),
              peek(1).isLeibnizWord || peek(1).isRomanD || (peek(1).isPlainD && !peek(2).spaced && peek(2).startsName) else {
            reset(to: mark)
            return nil
        }
        advance()
        guard let wrt = try readLeibnizName() else {
            reset(to: mark)
            return nil
        }
        return .partial(of: resolved(of), wrt: resolved(wrt))
    }

    /// The rest of `\frac{∂y}{∂x}` or `\frac{dy}{dx}` (also `\frac{d y}{d x}`, `\frac{\mathrm{d}y}{…}`), the
    /// cursor after the first `{`; `nil` (cursor unchanged) when the fraction is not a derivative.
    mutating func readFractionDerivative(_ frac: AnswerToken, _ open: AnswerToken) throws(Diagnostic) -> Expr? {
        if current.is("∂") {
            let d = advance()
            let of = try readDifferentiated(after: d)
            guard current.is("}") else {
                throw failure("expected '}' after '∂\(of.written)': the numerator of a derivative is ∂ and a name",
                              found: current)
            }
            advance()
            guard current.is("{") else {
                throw failure("expected '{' and the denominator of '\(frac.text)'", found: current)
            }
            let open2 = advance()
            guard current.is("∂") else {
                throw failure("expected '∂' and a name in the denominator of the derivative ∂\(of.written)/∂…",
                              found: current)
            }
            let d2 = advance()
            let wrt = try readDifferentiated(after: d2)
            try close(open2, "'{'")
            return .partial(of: resolved(of), wrt: resolved(wrt))
        }
        let mark = self.mark
        guard let of = try readLeibnizName(), current.is("}"), peek(1).is("{") else {
            reset(to: mark)
            return nil
        }
        advance()
        advance()
        guard let wrt = try readLeibnizName(), current.is("}") else {
            reset(to: mark)
            return nil
        }
        advance()
        return .partial(of: resolved(of), wrt: resolved(wrt))
    }

    /// `dy` (one word) or `d y` / `\mathrm{d} y` (the word `d`, then a name); `nil` otherwise.
    private mutating func readLeibnizName() throws(Diagnostic) -> WrittenName? {
        if current.kind == .word, current.value == "d", peek(1).startsName || peek(1).is("{") {
            let d = advance()
            return try readDifferentiated(after: d)
        }
        guard current.isLeibnizWord else { return nil }
        return try readName(after: nil, dropping: 1)
    }

    // MARK: Names

    /// A name; `dropping` leaves out the first letters of the first word (the `d` of `dy`).
    mutating func readName(after token: AnswerToken?, dropping: Int = 0) throws(Diagnostic) -> WrittenName {
        try enter()
        defer { depth -= 1 }
        let start = current
        var name: WrittenName
        if start.kind == .word {
            advance()
            name = WrittenName(key: String(start.value.dropFirst(dropping)), written: String(start.text.dropFirst(dropping)),
                               location: start.location, bare: true)
        } else if start.kind == .command, ["hat", "tilde", "bar"].contains(start.value) {
            advance()
            let braced = current.is("{")
            let opener = braced ? advance() : start
            let inner = try readName(after: opener)
            if braced { try close(opener, "'\(start.text){'", at: start.location) }
            let written = braced ? "\(start.text){\(inner.written)}" : "\(start.text) \(inner.written)"
            name = WrittenName(key: inner.key + start.value, written: written, location: start.location, bare: false)
        } else {
            let expected = token.map { "expected a name after \($0.quoted)" } ?? "expected a name"
            throw failure(expected, found: start)
        }
        while true {
            if current.is("_") {
                try readSubscript(into: &name)
            } else if isLayerSuperscript {
                let layer = tokens[position + 3].text
                name.key += "^(\(layer))"
                name.written += "^{(\(layer))}"
                position += 6
                name.bare = false
            } else {
                break
            }
        }
        if let index = componentIndex() {
            name.key += AnswerNameMatcher.indexKey(index)
            name.written += AnswerNameMatcher.indexKey(index)
            name.bare = false
        }
        return name
    }

    /// `_1`, `_c`, `_{c,a}`, `_{h_1}` after a name.
    private mutating func readSubscript(into name: inout WrittenName) throws(Diagnostic) {
        let underscore = advance()
        name.bare = false
        if current.kind == .word || current.kind == .number {
            let part = advance()
            name.key += part.value
            name.written += "_" + part.text
            return
        }
        guard current.is("{") else { throw failure("expected a subscript after '_'", found: current) }
        let opener = advance()
        name.written += "_{"
        while !current.is("}") {
            if current.kind == .number {
                name.key += current.value
                name.written += advance().text
            } else if current.is(",") {
                name.written += advance().text
            } else if current.startsName {
                let part = try readName(after: opener)
                name.key += part.key
                name.written += part.written
            } else if current.kind == .end {
                throw failure("expected '}' to close '_{' at \(underscore.location)")
            } else {
                throw failure("unexpected \(current.quoted) in the subscript of '\(name.written)}'")
            }
        }
        advance()
        name.written += "}"
    }

    /// Whether `^{(n)}` (a layer number, as in `w_{11}^{(2)}`) comes next.
    private var isLayerSuperscript: Bool {
        current.is("^") && peek(1).is("{") && peek(2).is("(") && peek(3).isInteger && peek(4).is(")")
            && peek(5).is("}")
    }

    /// A component index `[2]`, `[1,3]` or `[1][3]` written right after a name, consumed; `nil` (cursor
    /// unchanged) when the brackets hold anything else (`y[1 - y]` is a product).
    private mutating func componentIndex() -> [String]? {
        var index: [String] = []
        var k = 0
        while peek(k).is("["), k > 0 || !peek(k).spaced {
            var j = k + 1
            guard peek(j).isInteger else { break }
            var group = [peek(j).value]
            j += 1
            while peek(j).is(","), peek(j + 1).isInteger {
                group.append(peek(j + 1).value)
                j += 2
            }
            guard peek(j).is("]") else { break }
            index += group
            k = j + 1
        }
        guard !index.isEmpty else { return nil }
        position += k
        return index
    }
}

extension AnswerToken {
    /// Whether this is an upright `d` written as a command (`\mathrm{d}`, `\text{d}`), which only a
    /// derivative writes.
    var isRomanD: Bool { kind == .word && value == "d" && text.hasPrefix("\\") }

    /// Whether this is the word `d` written plainly (before an accent in `d\hat{y}/dw`).
    var isPlainD: Bool { kind == .word && text == "d" }

    /// Whether a name can start here.
    var startsName: Bool { kind == .word || (kind == .command && ["hat", "tilde", "bar"].contains(value)) }

    /// Whether this is a whole number (for layer numbers and component indexes).
    var isInteger: Bool { kind == .number && value.allSatisfy { $0.isASCII && $0.isNumber } }
}
