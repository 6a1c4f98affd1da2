/// The verdict on one answer of a file of answers: its position, the line it starts on, and either the
/// checked result or why it could not be read. Nothing is skipped or renumbered: the k-th answer of the
/// file is the verdict with ``index`` k, whatever happened to the others.
public struct AnswerVerdict: Hashable, Sendable {
    /// What became of the answer.
    public enum Outcome: Hashable, Sendable {
        /// It was read and checked.
        case checked(CheckResult)
        /// It could not be read: where and why.
        case unreadable(Diagnostic)
    }

    /// The three verdicts.
    public enum Verdict: String, Hashable, Sendable, CaseIterable {
        /// Read, and equal to the derivative.
        case correct
        /// Read, and not equal to it (or with unknown names).
        case incorrect
        /// Not read.
        case unreadable
    }

    /// The answer's position in the file, from 1.
    public var index: Int
    /// The line of the file it starts on.
    public var line: Int
    /// Its result or its diagnostic.
    public var outcome: Outcome

    /// Creates a verdict.
    public init(index: Int, line: Int, outcome: Outcome) {
        self.index = index
        self.line = line
        self.outcome = outcome
    }

    /// Correct, incorrect or unreadable.
    public var verdict: Verdict {
        switch outcome {
        case .checked(let result): result.correct ? .correct : .incorrect
        case .unreadable: .unreadable
        }
    }

    /// The result, when the answer was read.
    public var result: CheckResult? {
        if case .checked(let result) = outcome { return result }
        return nil
    }

    /// The diagnostic, when the answer could not be read.
    public var diagnostic: Diagnostic? {
        if case .unreadable(let diagnostic) = outcome { return diagnostic }
        return nil
    }
}

extension AnswerChecker {
    /// Checks every answer of a text of answers separated by lines of `---` (see
    /// ``AnswerParser/split(_:)``): one verdict per answer, in order, numbered from 1, unreadable
    /// answers included.
    public func checkAll(_ text: String) -> [AnswerVerdict] {
        AnswerParser.split(text).enumerated().map { k, answer in
            do throws(Diagnostic) {
                return AnswerVerdict(index: k + 1, line: answer.line, outcome: .checked(try check(answer.text, firstLine: answer.line)))
            } catch {
                return AnswerVerdict(index: k + 1, line: answer.line, outcome: .unreadable(error))
            }
        }
    }
}
