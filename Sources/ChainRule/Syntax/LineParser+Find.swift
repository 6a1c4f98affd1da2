/// The items of a `find` statement: `dA/dB` (or `∂A/∂B`), `forward`, `loss`, `backward`, `update`, `layers`.
extension LineParser {
    private static let expectedItems = "dA/dB, forward, loss, backward, update or layers"

    /// Comma-separated items after `find`.
    mutating func parseQuestions(after keyword: Token) throws(Diagnostic) -> [Question] {
        var questions: [Question] = []
        var separator = keyword
        repeat {
            questions.append(try parseQuestion(after: separator))
            separator = previous
        } while accept(",")
        return questions
    }

    /// One item: the tokens up to the next comma outside brackets, then matched as a whole.
    private mutating func parseQuestion(after separator: Token) throws(Diagnostic) -> Question {
        let start = position
        var brackets = 0
        while current.kind != .end, brackets > 0 || !current.is(",") {
            if current.kind == .invalid { throw failure(current.text) }
            if current.is("[") { brackets += 1 }
            if current.is("]") { brackets = max(0, brackets - 1) }
            advance()
        }
        let item = tokens[start..<position]
        guard let first = item.first else {
            throw failure("expected what to find after '\(separator.text)': \(LineParser.expectedItems)")
        }
        guard let kind = LineParser.question(item) else {
            throw Diagnostic(at: first.location,
                             "unknown find item '\(LineParser.text(of: item))': expected \(LineParser.expectedItems)")
        }
        return Question(kind, at: first.location)
    }

    private static func question(_ item: ArraySlice<Token>) -> Question.Kind? {
        if item.count == 1, let word = item.first, word.kind == .name {
            switch word.text {
            case "forward": return .forward
            case "loss": return .loss
            case "backward": return .backward
            case "update": return .update
            case "layers": return .layers
            default: break
            }
        }
        guard let slash = item.firstIndex(where: { $0.is("/") }),
              let of = variable(item[..<slash]), let wrt = variable(item[(slash + 1)...]) else { return nil }
        return .derivative(of: of, wrt: wrt)
    }

    /// `dA`, `∂A`, `da1[2]` or `∂W[1,2]` → the name after exactly one `d` or `∂`, with its index.
    private static func variable(_ tokens: ArraySlice<Token>) -> String? {
        guard let first = tokens.first else { return nil }
        var rest = tokens.dropFirst()
        let name: String
        if first.is("∂") {
            guard let word = rest.popFirst(), word.kind == .name else { return nil }
            name = word.text
        } else {
            guard first.kind == .name, first.text.hasPrefix("d") else { return nil }
            name = String(first.text.dropFirst())
        }
        guard let initial = name.first, Lexer.isNameStart(initial) else { return nil }
        guard let opener = rest.popFirst() else { return name }
        guard opener.is("["), !opener.spaced, rest.popLast()?.is("]") == true else { return nil }
        var indexes: [Int] = []
        for (k, token) in rest.enumerated() {
            if k % 2 == 1 {
                guard token.is(",") else { return nil }
            } else {
                guard let index = token.wholeNumber, index >= 1 else { return nil }
                indexes.append(index)
            }
        }
        guard !indexes.isEmpty, rest.count % 2 == 1 else { return nil }
        return name + "[" + indexes.map(String.init).joined(separator: ",") + "]"
    }

    /// The tokens as written, with a space where the source had one.
    private static func text(of tokens: ArraySlice<Token>) -> String {
        tokens.enumerated().map { k, token in (k > 0 && token.spaced ? " " : "") + token.text }.joined()
    }
}
