/// The `results.json` an autograder writes for a graded student: PrairieLearn's external-grading
/// format (`score` from 0 to 1, `tests` with `points`/`max_points`) or Gradescope's (`score` in
/// points, `tests` with `score`/`max_score` and Markdown `output`). Each test is one question, its
/// feedback the lines `chainrule grade` writes for it.
public enum AutogradeResults {
    /// PrairieLearn's results: not gradable (no penalty, the reasons as `format_errors`) when an
    /// answer cannot be read, else the score as a fraction with one test per question.
    public static func prairieLearn(_ grade: StudentGrade, names: [String: String] = [:]) -> JSONValue {
        let unreadable = grade.questions.filter { $0.status == .unreadable }
        if !unreadable.isEmpty {
            return .object([("gradable", .bool(false)),
                            ("format_errors", .array(unreadable.map { .string(names[$0.question.label, default: $0.question.label] + ": " + ($0.feedback.last ?? "cannot be read")) }))])
        }
        let score = grade.maximum > 0 ? grade.total / grade.maximum : 0
        return .object([("gradable", .bool(true)),
                        ("score", .number(score)),
                        ("message", .string(summary(grade))),
                        ("tests", .array(grade.questions.map { q in
                            .object([("name", .string(names[q.question.label, default: q.question.label])),
                                     ("points", .number(q.earned)),
                                     ("max_points", .number(q.points)),
                                     ("message", .string(q.feedback.joined(separator: "\n")))])
                        }))])
    }

    /// Gradescope's results: the total in points, one test per question with its points and Markdown
    /// feedback, visible to the student at once; `notes` (how the variant was found, what was not
    /// read) lead the top-level output.
    public static func gradescope(_ grade: StudentGrade, notes: [String] = []) -> JSONValue {
        var output = notes
        output.append(summary(grade))
        for unknown in grade.unknownQuestions {
            output.append("An answer to '\(unknown.question)' (\(unknown.source)) matches no question; an instructor will look at it.")
        }
        return .object([("score", .number(grade.total)),
                        ("output", .string(output.joined(separator: "\n\n"))),
                        ("output_format", .string("md")),
                        ("visibility", .string("visible")),
                        ("stdout_visibility", .string("hidden")),
                        ("tests", .array(grade.questions.map { q in
                            .object([("name", .string(q.question.id)),
                                     ("score", .number(q.earned)),
                                     ("max_score", .number(q.points)),
                                     ("status", .string(q.isRight ? "passed" : "failed")),
                                     ("output", .string(q.feedback.map { "- " + $0 }.joined(separator: "\n"))),
                                     ("output_format", .string("md"))])
                        }))])
    }

    /// `2.5 of 3 points (variant 4).`
    static func summary(_ grade: StudentGrade) -> String {
        "\(ClassReport.number(grade.total)) of \(ClassReport.number(grade.maximum)) points" + (grade.variant.map { " (variant \($0))" } ?? "") + "."
    }
}
