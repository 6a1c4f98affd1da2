/// How `chainrule grade` turns a checked answer into a score: documented defaults, each changeable in a
/// rubric file (``parse(_:)``).
///
/// - A **symbolic answer** (a chain-rule sum of ∂q/∂u symbols) scores by paths. With P paths from B to
///   A, each path written exactly once earns 1/P; a missing path, a path written twice or more, a path
///   with a wrong sign (or any coefficient other than 1) earns nothing; and each extra product (a
///   product that is not a path, a symbol that is neither an edge nor a total, a constant, an unknown
///   name) costs 1/P. The score is never below 0. The final right-hand side of a chain of equalities is
///   the one scored.
/// - A correct answer that is not factored, where the question asks for the factored form
///   (``factored``), loses ``unfactoredPenalty`` of its score.
/// - A **worked solution** scores by lines: each line correct at its rounding, or consistent with an
///   earlier slip (error carried forward), earns credit; the score is the credited lines over the
///   lines written or, when more, the quantities the problem asks for (each node's value and the loss,
///   each parameter's gradient and its update, per iteration), so a partial solution earns part.
/// - An **unreadable** answer scores 0 and is listed for a human to look at.
/// - Every question is worth ``points`` (default 1), or what ``questionPoints`` says for it.
public struct Rubric: Hashable, Sendable {
    /// Whether derivative questions ask for the factored form (default yes, the key's form).
    public var factored = true
    /// The fraction of its score a correct but unfactored answer loses where the factored form is asked.
    public var unfactoredPenalty = 0.25
    /// What a question is worth unless ``questionPoints`` says otherwise.
    public var points = 1.0
    /// Points per question id (`quiz-problem-3 dy/dx2`).
    public var questionPoints: [String: Double] = [:]

    /// The default rubric.
    public init() {}

    /// What question `id` is worth.
    public func points(for id: String) -> Double { questionPoints[id] ?? points }

    /// Reads a rubric file: one `key = value` per line, `#` comments:
    ///
    /// ```
    /// factored = yes                  # derivative questions ask for the factored form (yes/no)
    /// unfactored-penalty = 0.25       # the fraction a correct unfactored answer loses
    /// points = 1                      # what each question is worth
    /// points quiz-problem-3 dy/dx1 = 2
    /// ```
    public static func parse(_ text: String) throws(Diagnostic) -> Rubric {
        var rubric = Rubric()
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let at = SourceLocation(line: k + 1, column: 1)
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw Diagnostic(at: at, "expected 'key = value'") }
            let key = parts[0].trimmingSpaces, value = parts[1].trimmingSpaces
            let valueAt = SourceLocation(line: k + 1, column: (raw.distance(from: raw.startIndex, to: parts[1].startIndex)) + 2)
            switch key {
            case "factored":
                switch value {
                case "yes", "true": rubric.factored = true
                case "no", "false": rubric.factored = false
                default: throw Diagnostic(at: valueAt, "factored takes yes or no, got '\(value)'")
                }
            case "unfactored-penalty":
                guard let x = Double(value), x >= 0, x <= 1 else { throw Diagnostic(at: valueAt, "unfactored-penalty takes a number from 0 to 1, got '\(value)'") }
                rubric.unfactoredPenalty = x
            case "points":
                rubric.points = try positive(value, at: valueAt)
            default:
                guard key.hasPrefix("points ") else {
                    throw Diagnostic(at: at, "unknown rubric key '\(key)' (known: factored, unfactored-penalty, points, points QUESTION)")
                }
                rubric.questionPoints[String(key.dropFirst("points ".count)).trimmingSpaces] = try positive(value, at: valueAt)
            }
        }
        return rubric
    }

    private static func positive(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Double {
        guard let x = Double(text), x > 0, x <= 1_000_000 else { throw Diagnostic(at: location, "points take a positive number, got '\(text)'") }
        return x
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
