/// The report on a file of answers: one entry per answer at its own index (correct, incorrect or
/// unreadable with where and why), then a summary counting all three; JSON, an array with one object
/// per answer: `{"index", "line", "verdict", "correct", "missing", "extra", "messages"}`, and for an
/// unreadable answer `"error": {"line", "column", "message"}`.
extension CheckReport {
    func verdictsText(_ verdicts: [AnswerVerdict]) -> String {
        if verdicts.count == 1, let result = verdicts[0].result { return answersText([(result, verdicts[0].line)]) }
        var lines: [String] = []
        for verdict in verdicts {
            let head = "answer \(verdict.index) (line \(verdict.line))"
            switch verdict.outcome {
            case .checked(let result):
                lines.append("\(head): ∂\(result.of)/∂\(result.wrt): \(verdict.verdict.rawValue)")
                lines += messages(result).map { "  - " + $0 }
            case .unreadable(let diagnostic):
                lines.append("\(head): unreadable: line \(diagnostic.location.line), column \(diagnostic.location.column): \(diagnostic.message)")
            }
        }
        lines.append(verdictSummary(verdicts))
        return lines.joined(separator: "\n")
    }

    /// `2 of 4 answers correct, 1 incorrect, 1 unreadable`.
    func verdictSummary(_ verdicts: [AnswerVerdict]) -> String {
        let count = { (v: AnswerVerdict.Verdict) in verdicts.filter { $0.verdict == v }.count }
        return "\(count(.correct)) of \(verdicts.count) answers correct, \(count(.incorrect)) incorrect, \(count(.unreadable)) unreadable"
    }

    func verdictsJSON(_ verdicts: [AnswerVerdict]) -> JSONValue {
        let entries = verdicts.map { verdict -> JSONValue in
            var fields: [(String, JSONValue)] = [
                ("index", .number(Double(verdict.index))),
                ("line", .number(Double(verdict.line))),
                ("verdict", .string(verdict.verdict.rawValue)),
            ]
            switch verdict.outcome {
            case .checked(let result):
                if case .object(let answer) = answerJSON(result) { fields += answer }
            case .unreadable(let diagnostic):
                fields += [
                    ("correct", .bool(false)), ("missing", .array([])), ("extra", .array([])),
                    ("messages", .array([.string("unreadable: \(diagnostic.message)")])),
                    ("error", .object([("line", .number(Double(diagnostic.location.line))),
                                       ("column", .number(Double(diagnostic.location.column))),
                                       ("message", .string(diagnostic.message))])),
                ]
            }
            return .object(fields)
        }
        if verdicts.count == 1, let result = verdicts[0].result { return answerJSON(result) }
        return .array(entries)
    }
}
