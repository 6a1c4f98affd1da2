/// Sums over an index (`\sum_{i=1}^{3} ∂y/∂q_i ∂q_i/∂x`) and TeX's `{a \over b}`.
///
/// A sum covers the product after it (up to the next `+` or `-`, as written mathematics reads it) and
/// is expanded before comparing: the index is replaced by each value in turn wherever it is a
/// subscript (`q_i`, `q_{i}`). An upper bound that is a word (`n`, `N`) runs while every name of the
/// term exists, so `\sum_{i=1}^{n}` means "over the names there are".
extension AnswerReader {
    /// The most terms an open-ended sum is expanded to.
    static let maxSumTerms = 64

    /// `\sum_{i=1}^{n} term` (also `∑`), the cursor on the sum sign.
    mutating func readSummation() throws(Diagnostic) -> Expr {
        let sigma = advance()
        guard current.is("_") else {
            throw failure("expected '_{i=1}' after \(sigma.quoted): a sum names its index", found: current)
        }
        advance()
        let braced = current.is("{")
        let opener = braced ? advance() : sigma
        guard current.kind == .word else {
            throw failure("expected an index such as i in the subscript of \(sigma.quoted)", found: current)
        }
        let index = advance()
        var lower = 1
        if current.is("=") {
            advance()
            guard current.isInteger, let value = Int(current.value), value <= 1_000 else {
                throw failure("expected a whole number as the first value of \(index.quoted)", found: current)
            }
            lower = value
            advance()
        }
        if braced { try close(opener, "'_{'", at: opener.location) }
        var upper: Int?
        if current.is("^") {
            advance()
            let upperBraced = current.is("{")
            let upperOpener = upperBraced ? advance() : sigma
            if current.isInteger, let value = Int(current.value), value <= lower + AnswerReader.maxSumTerms {
                upper = value
                advance()
            } else if current.kind == .word {
                advance()
            } else {
                throw failure("expected the last value of \(index.quoted) (a number, or a name such as n)", found: current)
            }
            if upperBraced { try close(upperOpener, "'^{'", at: upperOpener.location) }
        }
        let start = position
        let mark = self.mark
        _ = try readProduct(after: previous)
        let end = position
        reset(to: mark)
        let body = Array(tokens[start..<end])
        var terms: [Expr] = []
        var value = lower
        while value <= (upper ?? lower + AnswerReader.maxSumTerms - 1) {
            let endToken = AnswerToken(kind: .end, text: "", value: "", location: tokens[end].location, length: 0, spaced: true)
            var reader = AnswerReader(Self.substituting(index.value, by: value, in: body) + [endToken], names: names)
            reader.depth = depth
            let term = try reader.readExpression()
            if upper == nil, !reader.unknownNames.isEmpty { break }
            terms.append(term)
            unknownNames += reader.unknownNames
            readings += reader.readings
            value += 1
        }
        guard !terms.isEmpty else {
            throw Diagnostic(at: sigma.location, "the sum over \(index.text) has no terms: no name of its term exists for \(index.text) = \(lower)")
        }
        position = end
        return terms.count == 1 ? terms[0] : .sum(terms)
    }

    /// `tokens` with the index written as a subscript (`_i`, `_{i}`, `_{j,i}`) replaced by `value`.
    static func substituting(_ index: String, by value: Int, in tokens: [AnswerToken]) -> [AnswerToken] {
        var result = tokens
        var inSubscript = false
        for k in tokens.indices {
            let token = tokens[k]
            if token.is("{"), k > 0, tokens[k - 1].is("_") { inSubscript = true }
            if token.is("}") { inSubscript = false }
            guard token.kind == .word, token.value == index, inSubscript || (k > 0 && tokens[k - 1].is("_")) else { continue }
            result[k] = AnswerToken(kind: .number, text: String(value), value: String(value), location: token.location,
                                    length: token.length, spaced: token.spaced)
        }
        return result
    }

    /// `{∂y \over ∂c}` or `{dy \over dc}`, the cursor after the `{`; `nil` (cursor unchanged) otherwise.
    mutating func readOverDerivative() throws(Diagnostic) -> Expr? {
        let mark = self.mark
        guard let of = try readDifferential(), current.kind == .command, current.value == "over" else {
            reset(to: mark)
            return nil
        }
        advance()
        guard let wrt = try readDifferential(), current.is("}") else {
            reset(to: mark)
            return nil
        }
        advance()
        return .partial(of: resolved(of), wrt: resolved(wrt))
    }

    /// `∂y`, `\partial{y}`, `dy` or `\mathrm{d} y`; `nil` (cursor moved) when none is here.
    private mutating func readDifferential() throws(Diagnostic) -> WrittenName? {
        if current.is("∂") {
            let d = advance()
            guard current.startsName || current.is("{") else { return nil }
            return try readDifferentiated(after: d)
        }
        if current.isLeibnizWord {
            return try readName(after: nil, dropping: 1)
        }
        if current.kind == .word, current.value == "d", peek(1).startsName || peek(1).is("{") {
            let d = advance()
            return try readDifferentiated(after: d)
        }
        return nil
    }
}
