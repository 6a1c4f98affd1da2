import Foundation
import Testing
@testable import ChainRule

/// `chainrule grade` on a class of 30 generated students (variants of example-3-bce.nn, and
/// quiz-problem-3.nn which has none): answers drawn from correct ones and known mistakes, some
/// unreadable, one student missing, one answer handed in twice, one student not on the roster. Every
/// score is checked against the score worked out in the test (``GradeOracle``).
@Suite("Grade: a class", .serialized)
struct GradeClassTests {
    static let seed: UInt64 = 7
    static let questionOrder = ["example-3-bce dL/dz_yhat", "example-3-bce dL/dw11", "example-3-bce worked",
                                "quiz-problem-3 dy/dx2", "quiz-problem-3 dy/dx1"]

    /// One generated class: submission rows, the roster, and each student's expected score per question.
    struct Class {
        var rows: [[String]] = []
        var roster = "student,variant\n"
        var expected: [String: [String: Double]] = [:]
        var unreadable: Set<String> = []
        var documents: [String: [(question: String, answer: String)]] = [:]
    }

    static func makeClass() throws -> Class {
        let network = try #require(Package.network("example-3-bce.nn"))
        var c = Class()
        for i in 1...30 {
            let student = String(format: "s%02d", i)
            c.roster += "\(student),\(i)\n"
            guard i != 30 else { continue }  // s30 hands in nothing
            var answers: [(String, String, Double)] = []
            // Quiz: the seven kinds of symbolic answers, shifted per question.
            for (k, wrt) in ["x2", "x1"].enumerated() {
                let kind = GradeOracle.Symbolic.allCases[(i + 3 * k) % GradeOracle.Symbolic.allCases.count]
                let (text, score) = GradeOracle.quizAnswer(kind, wrt: wrt, pick: i)
                answers.append((k == 0 ? "quiz-problem-3 dy/dx2" : "dy/dx1", text, score))
            }
            // The 2-2-1 network's two derivatives: one path each.
            let dz = [("∂L/∂yhat ∂yhat/∂z_yhat", 1.0), ("∂L/∂yhat", 0), ("∂L/∂yhat ∂yhat/∂z_yhat +", 0)][i % 3]
            answers.append(("example-3-bce dL/dz_yhat", dz.0, dz.1))
            let dw = [("∂L/∂yhat ∂yhat/∂h1 ∂h1/∂w11", 1.0), ("∂L/∂h1 ∂h1/∂w11", 1), ("∂L/∂yhat ∂h1/∂w11", 0), ("dL/dyhat dyhat/dh1 dh1/dw11", 1)][i % 4]
            answers.append((i % 2 == 0 ? "example-3-bce dL/dw11" : "dL/dw11", dw.0, dw.1))
            // The worked example of the student's own variant.
            let variant = try Variants.variant(i, of: network, seed: seed)
            var leaves: [String: Double] = [:]
            for node in variant.network.nodes where node.kind.isLeaf { leaves[node.name] = node.value?.entries.first?.doubleValue }
            let correct = GradeOracle.worked(leaves)
            let required = Double(correct.count)
            switch i % 5 {
            case 0: answers.append(("example-3-bce worked", GradeOracle.text(correct), 1))
            case 1:
                var lines = correct
                lines[lines.count - 1].value += 0.1
                answers.append(("example-3-bce worked", GradeOracle.text(lines), (required - 1) / required))
            case 2: answers.append(("example-3-bce worked", GradeOracle.text(Array(correct.prefix(7))), 7 / required))
            case 3: answers.append(("example-3-bce worked", GradeOracle.text(GradeOracle.worked(leaves, slip: 0.05)), (required - 1) / required))
            default: answers.append(("example-3-bce worked", "I ran out of time", 0))
            }
            if i == 5 {  // handed in twice: a wrong answer first, then the right one (graded)
                c.rows.append([student, "quiz-problem-3 dy/dx2", GradeOracle.quizAnswer(.missing, wrt: "x2", pick: 0).text])
                answers[0] = ("quiz-problem-3 dy/dx2", GradeOracle.factored["x2"]!, 1)
            }
            for (question, text, score) in answers {
                c.rows.append([student, question, text])
                c.expected[student, default: [:]][GradeOracle.canonical(question)] = score
                c.documents[student, default: []].append((question, text))
                if score == 0, text.hasSuffix("(∂y/∂d") || text.hasSuffix("+") || text.hasPrefix("I ran") { c.unreadable.insert(student + " " + GradeOracle.canonical(question)) }
            }
        }
        c.rows.append(["zz-not-enrolled", "quiz-problem-3 dy/dx2", GradeOracle.factored["x2"]!])
        return c
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-grade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the class and runs `chainrule grade`; returns the output folder.
    static func grade(_ c: Class, in folder: URL, submissions: URL? = nil) throws -> (out: URL, run: (status: Int32, out: String, err: String)) {
        let csv = folder.appendingPathComponent("submissions.csv"), roster = folder.appendingPathComponent("roster.csv")
        try ((["student,question,answer"] + c.rows.map(csvLine)).joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        try c.roster.write(to: roster, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("grades")
        let run = try Package.run(["grade", "Problems/quiz-problem-3.nn", "Problems/example-3-bce.nn", "--submissions", (submissions ?? csv).path,
                                   "--roster", roster.path, "--seed", String(seed), "-o", out.path])
        return (out, run)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func everyScoreMatchesTheTestsOwnComputation() throws {
        let c = try Self.makeClass()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, run) = try Self.grade(c, in: folder)
        #expect(run.status == 0, "\(run.err)")
        let report = try Self.json(out.appendingPathComponent("report.json"))
        let grades = try #require(report["grades"] as? [[String: Any]])
        #expect(grades.map { $0["student"] as? String } == (1...30).map { String(format: "s%02d", $0) })
        var checked = 0
        for grade in grades {
            let student = try #require(grade["student"] as? String)
            let scores = try #require(grade["scores"] as? [String: [String: Any]])
            #expect(scores.keys.sorted() == Self.questionOrder.sorted())
            #expect(grade["variant"] as? Int == Int(student.dropFirst()))
            for question in Self.questionOrder {
                let score = try #require(scores[question]?["score"] as? Double)
                let expected = c.expected[student]?[question] ?? 0
                #expect(abs(score - expected) < 1e-9, "\(student) \(question): graded \(score), expected \(expected)")
                let status = scores[question]?["status"] as? String
                #expect(status == (student == "s30" ? "not answered" : c.unreadable.contains(student + " " + question) ? "unreadable" : "graded"),
                        "\(student) \(question)")
                checked += 1
            }
            let total = c.expected[student]?.values.reduce(0, +) ?? 0
            #expect(abs((grade["total"] as? Double ?? -1) - total) < 1e-9, "\(student) total")
        }
        #expect(checked == 150)

        // The grade sheet: the same points, at 4 decimals.
        let sheet = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8)
        let rows = try CSVTable.rows(sheet)
        #expect(rows.first?.fields == ["student", "variant"] + Self.questionOrder + ["total", "maximum", "note"])
        for row in rows.dropFirst() {
            let expected = c.expected[row.fields[0]] ?? [:]
            for (k, question) in Self.questionOrder.enumerated() {
                #expect(abs((Double(row.fields[2 + k]) ?? -1) - (expected[question] ?? 0)) < 5e-5, "\(row.fields[0]) \(question) in grades.csv")
            }
        }
        #expect(rows.first { $0.fields[0] == "s30" }?.fields.last == "no submission")

        // Reported, never dropped: the missing student, the one not on the roster, the duplicate, the unreadable.
        #expect(report["missing"] as? [String] == ["s30"])
        let unknown = try #require(report["unknown_students"] as? [[String: Any]])
        #expect(unknown.map { $0["student"] as? String } == ["zz-not-enrolled"])
        let duplicates = try #require(report["duplicates"] as? [[String: Any]])
        #expect(duplicates.count == 1 && duplicates.first?["student"] as? String == "s05" && duplicates.first?["question"] as? String == "quiz-problem-3 dy/dx2")
        let p = Double(GradeOracle.paths(from: "x2").count)
        #expect(duplicates.first?["scores"] as? [Double] == [(p - 1) / p, 1])
        let unreadable = try #require(report["unreadable"] as? [[String: Any]])
        #expect(Set(unreadable.compactMap { u in (u["student"] as? String).map { $0 + " " + (u["question"] as? String ?? "") } }) == c.unreadable)
        #expect(!c.unreadable.isEmpty)
        #expect(run.err.contains("handed in nothing: s30") && run.err.contains("not on the roster (not graded): zz-not-enrolled"))

        // Per question, the share right, and the mistakes by name with shares of the 29 who handed in.
        let questions = try #require(report["questions"] as? [[String: Any]])
        for (k, question) in questions.enumerated() {
            let right = c.expected.values.filter { abs(($0[Self.questionOrder[k]] ?? 0) - 1) < 1e-12 }.count
            #expect(question["right"] as? Int == right, "\(Self.questionOrder[k])")
            #expect(abs((question["share_right"] as? Double ?? -1) - Double(right) / 29) < 1e-12)
        }
        let quiz2 = try #require(questions[3]["mistakes"] as? [[String: Any]])
        let missed = GradeOracle.paths(from: "x2").map { "missed path " + $0.joined(separator: " → ") }
        let missedCounts = quiz2.filter { missed.contains($0["name"] as? String ?? "") }
        #expect(!missedCounts.isEmpty)
        for mistake in quiz2 {
            let share = try #require(mistake["share"] as? Double), count = try #require(mistake["count"] as? Int)
            #expect(abs(share - Double(count) / 29) < 1e-12)
            #expect(!(mistake["example"] as? String ?? "").isEmpty && !(mistake["example"] as? String ?? "").contains("s0"))
        }

        // A feedback file per roster student.
        let feedback = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("feedback").path).sorted()
        #expect(feedback == (1...30).map { String(format: "s%02d.md", $0) })
        let s05 = try String(contentsOf: out.appendingPathComponent("feedback/s05.md"), encoding: .utf8)
        #expect(s05.contains("2 answers were handed in for this question"))
    }

    @Test func aFolderOfDocumentsGradesLikeTheCSV() throws {
        let c = try Self.makeClass()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("handed-in")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        var only = c
        only.rows = []
        only.roster = "student,variant\n"
        for i in [1, 2, 3, 4, 6, 7] {
            let student = String(format: "s%02d", i)
            only.roster += "\(student),\(i)\n"
            let answers = try #require(c.documents[student])
            let text: String, ext: String
            switch i % 3 {
            case 0:  // LaTeX sections
                (text, ext) = ("\\documentclass{article}\n\\begin{document}\n" + answers.map { "\\section*{\($0.question)}\n\($0.answer)\n" }.joined() + "\\end{document}\n", "tex")
            case 1:  // Markdown headings, a name first
                (text, ext) = ("Name: \(student)\n\n" + answers.map { "## \($0.question)\n\n\($0.answer)\n" }.joined(), "md")
            default:  // --- between answers, in the assignment's question order
                let ordered = Self.questionOrder.map { q in answers.first { GradeOracle.canonical($0.question) == q }?.answer ?? "" }
                (text, ext) = (ordered.joined(separator: "\n---\n") + "\n", "md")
            }
            try text.write(to: documents.appendingPathComponent("\(student).\(ext)"), atomically: true, encoding: .utf8)
        }
        let (out, run) = try Self.grade(only, in: folder, submissions: documents)
        #expect(run.status == 0, "\(run.err)")
        let grades = try #require(try Self.json(out.appendingPathComponent("report.json"))["grades"] as? [[String: Any]])
        #expect(grades.count == 6)
        for grade in grades {
            let student = try #require(grade["student"] as? String)
            let scores = try #require(grade["scores"] as? [String: [String: Any]])
            for question in Self.questionOrder {
                let expected = c.expected[student]?[question] ?? 0
                #expect(abs((scores[question]?["score"] as? Double ?? -1) - expected) < 1e-9, "\(student) \(question)")
            }
        }
    }
}

extension GradeOracle {
    /// The full question id of a name the class writes.
    static func canonical(_ question: String) -> String {
        switch question {
        case "dy/dx1": "quiz-problem-3 dy/dx1"
        case "dL/dw11": "example-3-bce dL/dw11"
        default: question
        }
    }
}
