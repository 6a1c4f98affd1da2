/// `report.json`: the numbers of `report.html`, and every student's scores.
extension ClassReport {
    /// What marks a report folder as written by `chainrule grade`.
    public static let writtenBy = "chainrule grade"

    /// The report as JSON.
    public var json: JSONValue {
        let g = grades
        return .object([
            ("written_by", .string(ClassReport.writtenBy)),
            ("students", .number(Double(g.students.count))),
            ("submitted", .number(Double(g.submitted.count))),
            ("mean_percent", .number(meanPercent)),
            ("median_percent", .number(medianPercent)),
            ("histogram", .array(bins.map { .object([("from", .number(Double($0.from))), ("to", .number(Double($0.to))), ("count", .number(Double($0.count)))]) })),
            ("questions", .array(questions.map { q in
                .object([
                    ("id", .string(q.id)), ("points", .number(q.points)), ("answered", .number(Double(q.answered))),
                    ("right", .number(Double(q.right))), ("share_right", .number(q.shareRight)), ("mean_score", .number(q.meanScore)),
                    ("mistakes", .array(q.mistakes.map { m in
                        .object([("name", .string(m.name)), ("count", .number(Double(m.count))), ("share", .number(m.share)), ("example", .string(m.example))])
                    })),
                ])
            })),
            ("missing", .array(g.missing.map(JSONValue.string))),
            ("unknown_students", .array(g.unknownStudents.map { .object([("student", .string($0.student)), ("sources", .array($0.sources.map(JSONValue.string)))]) })),
            ("duplicates", .array(g.duplicates.map {
                .object([("student", .string($0.student)), ("question", .string($0.question)), ("sources", .array($0.sources.map(JSONValue.string))),
                         ("scores", .array($0.scores.map(JSONValue.number)))])
            })),
            ("unreadable", .array(g.unreadable.map {
                .object([("student", .string($0.student)), ("question", .string($0.question)), ("source", .string($0.source)), ("message", .string($0.message))])
            })),
            ("unknown_questions", .array(g.unknownQuestions.map {
                .object([("student", .string($0.student)), ("question", .string($0.question)), ("source", .string($0.source))])
            })),
            ("grades", .array(g.students.map { s in
                .object([
                    ("student", .string(s.student)), ("variant", s.variant.map { .number(Double($0)) } ?? .null), ("submitted", .bool(s.submitted)),
                    ("scores", .object(s.questions.map { ($0.question.id, .object([("status", .string($0.status.rawValue)), ("score", .number($0.score)), ("points", .number($0.earned))])) })),
                    ("total", .number(s.total)), ("maximum", .number(s.maximum)),
                ])
            })),
        ])
    }
}
