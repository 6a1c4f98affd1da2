/// Reads the tokens of one answer into an ``Answer``: a chain of expressions joined by `=` (or `≈`).
///
/// The grammar, loosest to tightest: `=`; `+ -`; `* /` and juxtaposition; unary `-`; `^` and Unicode
/// superscripts; primaries (numbers, names, derivatives, fractions, calls, indicators, brackets). Errors
/// are thrown as the ``Diagnostic`` to report. The reader only moves forward, except for a few marked
/// look-aheads that rewind to a saved position, so it always ends.
struct AnswerReader {
    /// The tokens; the last one is `.end`.
    let tokens: [AnswerToken]
    /// The known names.
    let names: AnswerNameMatcher
    /// The index of the current token.
    var position = 0
    /// How many brackets, fractions, powers and names enclose the current point.
    var depth = 0
    /// The names that matched nothing, so far.
    var unknownNames: [Answer.UnknownName] = []
    /// The names read as a network name they match only approximately, so far.
    var readings: [Answer.Reading] = []

    /// The most levels of nesting an answer may have.
    static let maxDepth = 64

    /// Reads `tokens`, which must end in an `.end` token. What is not mathematics around the answer is
    /// left out: a leading `Answer:` or `Solution:` and trailing punctuation (`.` `,` `;` `:`, also as
    /// `\text{.}`).
    init(_ tokens: [AnswerToken], names: AnswerNameMatcher) {
        self.tokens = AnswerReader.trimmed(tokens)
        self.names = names
    }

    /// The words that may introduce an answer, followed by a colon.
    static let introductions: Set<String> = ["answer", "solution", "ans", "result", "final"]

    /// `tokens` without an introduction and trailing punctuation (the `.end` token is kept).
    static func trimmed(_ tokens: [AnswerToken]) -> [AnswerToken] {
        var body = tokens.dropLast()
        guard let end = tokens.last else { return tokens }
        if body.count >= 2, let first = body.first, first.kind == .word,
           introductions.contains(first.value.lowercased()), body[body.startIndex + 1].is(":") {
            body = body.dropFirst(2)
        }
        while let last = body.last, last.kind == .symbol, [".", ",", ";", ":"].contains(last.value) {
            body = body.dropLast()
        }
        return Array(body) + [end]
    }

    /// The whole answer: `[lhs =] rhs (= rhs)*`; a leading `=` (a continued chain) means no left side.
    mutating func readAnswer() throws(Diagnostic) -> Answer {
        guard current.kind != .end else { throw failure("the answer is empty: expected an expression") }
        var after: AnswerToken?
        let continued = current.isEquals
        if continued { after = advance() }
        var sides: [Answer.Side] = []
        while true {
            let start = current.location
            sides.append(Answer.Side(try readSum(after: after), at: start))
            guard current.isEquals else { break }
            after = advance()
        }
        try expectEnd()
        guard !continued, sides.count > 1 else {
            return Answer(lhs: nil, rhs: sides, unknownNames: unknownNames, readings: readings)
        }
        return Answer(lhs: sides[0], rhs: Array(sides.dropFirst()), unknownNames: unknownNames, readings: readings)
    }

    /// The whole input as one expression (no `=`).
    mutating func readExpression() throws(Diagnostic) -> Expr {
        guard current.kind != .end else { throw failure("the expression is empty") }
        let expr = try readSum(after: nil)
        try expectEnd()
        return expr
    }

    // MARK: Cursor

    /// The current token.
    var current: AnswerToken { tokens[position] }

    /// The token `k` places ahead (the `.end` token past the end).
    func peek(_ k: Int) -> AnswerToken { tokens[min(position + k, tokens.count - 1)] }

    /// The token before the current one.
    var previous: AnswerToken { tokens[max(0, position - 1)] }

    /// Moves past the current token (never past `.end`) and returns it.
    @discardableResult
    mutating func advance() -> AnswerToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// A saved position for a look-ahead.
    struct Mark {
        fileprivate let position: Int
        fileprivate let unknownCount: Int
        fileprivate let readingCount: Int
    }

    /// The current position, to return to with ``reset(to:)``.
    var mark: Mark { Mark(position: position, unknownCount: unknownNames.count, readingCount: readings.count) }

    /// Returns to a saved position, forgetting names read since.
    mutating func reset(to mark: Mark) {
        position = mark.position
        unknownNames.removeLast(unknownNames.count - mark.unknownCount)
        readings.removeLast(readings.count - mark.readingCount)
    }

    /// Counts one more level of nesting; throws when there are too many. Pair with `depth -= 1`.
    mutating func enter() throws(Diagnostic) {
        depth += 1
        guard depth <= AnswerReader.maxDepth else {
            throw failure("the answer nests too deeply: at most \(AnswerReader.maxDepth) levels of brackets, "
                + "fractions and powers")
        }
    }

    // MARK: Errors

    /// A diagnostic at the current token.
    func failure(_ message: String) -> Diagnostic { Diagnostic(at: current.location, message) }

    /// `message`, then what was found instead unless the answer ended.
    func failure(_ message: String, found token: AnswerToken) -> Diagnostic {
        if token.kind == .invalid { return Diagnostic(at: token.location, token.value) }
        return Diagnostic(at: token.location, token.kind == .end ? message : "\(message), found \(token.quoted)")
    }

    /// Throws unless the answer has ended.
    private func expectEnd() throws(Diagnostic) {
        let token = current
        switch token.kind {
        case .end: return
        case .invalid: throw Diagnostic(at: token.location, token.value)
        default: break
        }
        if [")", "]", "}", "\\}"].contains(token.value) {
            throw failure("unexpected \(token.quoted) with no bracket to close")
        }
        if [">", "<", "≥", "≤"].contains(token.value) {
            throw failure("unexpected \(token.quoted): a comparison belongs inside an indicator such as 1[z > 0]")
        }
        if token.is("'") || token.is("''") || token.is("'''") {
            throw failure("unexpected \(token.quoted): a prime belongs after a function name, as in g'(z)")
        }
        if token.is("_") { throw failure("unexpected '_': a subscript belongs after a name") }
        throw failure("expected an operator, '=' or the end of the answer, found \(token.quoted)")
    }
}

extension AnswerToken {
    /// `=` or `≈`, which join the sides of a chain.
    var isEquals: Bool { self.is("=") || self.is("≈") }
}
