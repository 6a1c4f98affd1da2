/// Parses one logical line (the tokens of one statement, ending in `.end`) into a ``Statement``.
///
/// Errors are thrown as the ``Diagnostic`` to report; the ``Parser`` then moves on to the next line.
struct LineParser {
    /// The tokens; the last one is `.end`.
    let tokens: [Token]
    /// The index of the current token.
    var position = 0
    /// How many brackets, calls and powers enclose the expression being parsed.
    var depth = 0
    /// The brackets opened and not yet closed, innermost last.
    var openers: [Token] = []
    /// Warnings about the line (it still parses): a division followed by a juxtaposed product.
    var warnings: [Diagnostic] = []

    /// The most brackets, calls and powers an expression may nest.
    static let maxDepth = 64
    /// The tallest expression tree a statement may build (long chains like `a + a + … + a` count).
    static let maxHeight = 1000

    /// Parses the line `tokens`, which must end in an `.end` token.
    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: Statements

    /// Parses the whole line as one statement.
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        let first = current
        guard first.kind == .name else {
            throw failure(first.isCloser ? "unexpected \(first.quoted)"
                : "expected a statement (a keyword or 'NAME = EXPR'), found \(first.quoted)")
        }
        advance()
        if first.isKeyword, current.is("=") {
            throw Diagnostic(at: first.location, "'\(first.text)' is a keyword and cannot name a node")
        }
        let kind: Statement.Kind
        switch first.text {
        case "input": kind = .input(try parseDeclarations(after: first, naming: "an input"))
        case "param": kind = .param(try parseDeclarations(after: first, naming: "a parameter"))
        case "target": kind = .target(try parseDeclarations(after: first, naming: "a target"))
        case "sample": kind = .sample(try parseDeclarations(after: first, naming: "a sample value"))
        case "loss":
            let name = try expectName(after: first, naming: "a loss")
            try expect("=", "expected '=' after loss name '\(name.text)'")
            kind = .loss(name: name.text, try parseRoot(after: previous))
        case "rate": kind = .rate(try parseRate(after: first))
        case "iterations":
            kind = .iterations(try parseWholeNumber(in: 1...Int.max,
                                                    "iterations must be a whole number of at least 1"))
        case "digits":
            kind = .digits(try parseWholeNumber(in: 0...15, "digits must be a whole number from 0 to 15"))
        case "find": kind = .find(try parseQuestions(after: first))
        default:
            var name = first.text
            if current.is("["), !current.spaced {
                name += "[" + (try parseIntegers(of: first, "index")).map(String.init).joined(separator: ",") + "]"
            }
            try expect("=", "expected '=' after node name '\(name)'")
            kind = .node(name: name, try parseRoot(after: previous))
        }
        try expectEnd()
        return Statement(kind, at: first.location)
    }

    /// `NAME[shape] = VALUE`, `NAME in [a, b] step s`, `NAME in {a, b}` (a value and a range may both be
    /// given: `NAME = VALUE in …`) or a bare `NAME`, comma-separated.
    private mutating func parseDeclarations(after keyword: Token, naming role: String) throws(Diagnostic)
        -> [Declaration] {
        var declarations: [Declaration] = []
        var separator = keyword
        repeat {
            declarations.append(try parseDeclaration(after: separator, naming: role))
            separator = current
        } while accept(",")
        if current.kind == .name { throw failure("expected ',' before '\(current.text)'") }
        return declarations
    }

    private mutating func parseDeclaration(after separator: Token, naming role: String) throws(Diagnostic)
        -> Declaration {
        let name = try expectName(after: separator, naming: role)
        var declaration = Declaration(name: name.text, location: name.location)
        if current.is("[") {
            let opener = current
            declaration.shape = try parseIntegers(of: name, "size")
            declaration.hasShape = true
            guard LineParser.fitsSizeLimit(declaration.shape) else {
                throw Diagnostic(at: opener.location, "'\(name.text)\(declaration.shape)' is too large: a node holds at most \(LineParser.maxNodeSize) numbers")
            }
        }
        if accept("="), current.kind == .name, current.text == "class", peek(1).kind == .number {
            advance()
            declaration.classIndex = try parseWholeNumber(in: 1...Int(Int32.max),
                                                          "expected a class number of at least 1 after 'class'")
        } else if previous.is("=") {
            let value = try parseRoot(after: previous)
            if let (found, location) = value.nonConstantPart {
                throw Diagnostic(at: location, "the value of '\(name.text)' must be numbers, found \(found)")
            }
            declaration.value = value
        }
        if current.kind == .name, current.text == "in" {
            advance()
            declaration.range = try parseRange(of: name)
        }
        return declaration
    }

    /// `[low, high] step s` or `{a, b, …}` after `in`.
    private mutating func parseRange(of name: Token) throws(Diagnostic) -> ValueRange {
        let opener = current
        if current.is("[") {
            open()
            let low = try parseConstant(after: opener, of: name)
            try expect(",", "expected ',' between the bounds of the interval of '\(name.text)'")
            let high = try parseConstant(after: previous, of: name)
            try close(opener)
            guard current.kind == .name, current.text == "step" else {
                throw failure("expected 'step' after the interval of '\(name.text)', found \(current.quoted)")
            }
            let stepToken = advance()
            let step = try parseConstant(after: stepToken, of: name)
            guard low.doubleValue <= high.doubleValue else {
                throw Diagnostic(at: opener.location, "the interval of '\(name.text)' is empty: \(low) > \(high)")
            }
            guard step.doubleValue > 0 else {
                throw Diagnostic(at: stepToken.location, "the step of '\(name.text)' must be greater than 0")
            }
            return .interval(low: low, high: high, step: step)
        }
        if current.is("{") {
            open()
            var choices = [try parseConstant(after: opener, of: name)]
            while accept(",") { choices.append(try parseConstant(after: previous, of: name)) }
            try close(opener)
            return .choices(choices)
        }
        throw failure("expected '[low, high] step s' or '{a, b, …}' after 'in', found \(current.quoted)")
    }

    /// A constant expression, evaluated.
    private mutating func parseConstant(after previous: Token, of name: Token) throws(Diagnostic) -> Number {
        let start = current
        let expr = try parseRoot(after: previous)
        guard let value = expr.constantValue else {
            throw Diagnostic(at: start.location, "expected a number in the range of '\(name.text)'")
        }
        return value
    }

    /// `rate NUMBER` (any constant expression greater than 0).
    private mutating func parseRate(after keyword: Token) throws(Diagnostic) -> Number {
        let start = current
        let expr = try parseRoot(after: keyword)
        guard let value = expr.constantValue else {
            throw Diagnostic(at: start.location, "expected a number after 'rate'")
        }
        guard value.doubleValue > 0 else {
            throw Diagnostic(at: start.location, "the rate must be greater than 0, found \(value)")
        }
        return value
    }

    /// A whole-number literal within `range`.
    private mutating func parseWholeNumber(in range: ClosedRange<Int>, _ message: String) throws(Diagnostic)
        -> Int {
        guard let value = current.wholeNumber, range.contains(value) else { throw failure(message) }
        advance()
        return value
    }

    /// The most numbers one node may hold (a vector's length, a matrix's rows × columns): larger shapes
    /// are refused where they are written, before anything is allocated.
    public static let maxNodeSize = 1_000_000

    /// Whether a shape's dimensions multiply to at most ``maxNodeSize``.
    public static func fitsSizeLimit(_ dimensions: [Int]) -> Bool {
        var total = 1
        for d in dimensions {
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            guard !overflow, product <= maxNodeSize else { return false }
            total = product
        }
        return true
    }

    /// `[i]` or `[i, j]`: whole numbers of at least 1, for a shape (`what` = "size") or an index. An
    /// index may be a constant expression (`h[3-1]`, as a `for` loop writes `h[t-1]`) and may be 0 (an
    /// initial state `h[0]`; components are checked against the shape later).
    mutating func parseIntegers(of name: Token, _ what: String) throws(Diagnostic) -> [Int] {
        let opener = open()
        var values: [Int] = []
        repeat {
            let start = current
            let message = "expected a whole-number \(what) of at least 1 in '\(name.text)[…]', found \(current.quoted)"
            if what == "index", start.kind != .end, !start.is("]"), !start.is(",") {
                let expr = try parseRoot(after: previous)
                guard let value = expr.constantValue?.rational, value.isInteger,
                      value.numerator >= 0, value.numerator <= Int(Int32.max) else {
                    throw start.kind == .invalid ? Diagnostic(at: start.location, start.text)
                        : Diagnostic(at: start.location, message)
                }
                values.append(Int(value.numerator))
                continue
            }
            guard let value = current.wholeNumber, value >= 1 else { throw failure(message) }
            values.append(value)
            advance()
        } while accept(",")
        try close(opener)
        return values
    }

    // MARK: Cursor

    /// The token at the cursor.
    var current: Token { tokens[position] }

    /// The token just before the cursor.
    var previous: Token { tokens[max(0, position - 1)] }

    /// The token `offset` places after the cursor (the `.end` token past the end).
    func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    /// Moves past the current token (never past `.end`) and returns it.
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Moves past the symbol `s` when it is next.
    mutating func accept(_ s: Unicode.Scalar) -> Bool {
        guard current.is(s) else { return false }
        advance()
        return true
    }

    /// Moves past the symbol `s`, or throws `message` (with what was found instead).
    mutating func expect(_ s: Unicode.Scalar, _ message: String) throws(Diagnostic) {
        guard accept(s) else { throw failure(current.kind == .end ? message : "\(message), found \(current.quoted)") }
    }

    /// A name that is not a keyword, or the error saying what was found instead.
    private mutating func expectName(after previous: Token, naming role: String) throws(Diagnostic) -> Token {
        if current.isKeyword { throw failure("'\(current.text)' is a keyword and cannot name \(role)") }
        guard current.kind == .name else {
            throw failure("expected a name after '\(previous.text)', found \(current.quoted)")
        }
        return advance()
    }

    /// Moves past an opening bracket, remembering it until ``close(_:)``.
    @discardableResult
    mutating func open() -> Token {
        let opener = advance()
        openers.append(opener)
        return opener
    }

    /// Moves past the bracket closing `opener`, or reports it unclosed (at `opener`) or mismatched.
    mutating func close(_ opener: Token) throws(Diagnostic) {
        let closer = opener.closer
        if accept(closer) {
            openers.removeLast()
            return
        }
        throw failure("expected '\(closer)' to close the '\(opener.text)' at \(opener.location), found \(current.quoted)")
    }

    /// Checks that the statement is over.
    private func expectEnd() throws(Diagnostic) {
        guard current.kind != .end else { return }
        throw failure(current.isCloser ? "unexpected \(current.quoted)"
            : "unexpected \(current.quoted): expected the end of the statement")
    }

    /// The diagnostic at the current token: `message`, unless the token is itself unreadable, or the
    /// statement ended inside a bracket (most likely the real mistake).
    func failure(_ message: String) -> Diagnostic {
        if current.kind == .end, let opener = openers.last {
            return Diagnostic(at: opener.location, "unclosed '\(opener.text)' opened here")
        }
        return Diagnostic(at: current.location, current.kind == .invalid ? current.text : message)
    }
}

extension Token {
    /// The value of a literal written with digits only, when it fits an `Int`.
    var wholeNumber: Int? {
        guard kind == .number, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
