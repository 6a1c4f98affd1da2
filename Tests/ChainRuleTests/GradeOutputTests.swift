import Foundation
import Testing
@testable import ChainRule

/// What `chainrule grade` writes and how: the report in a real browser, the folder replaced whole or
/// not at all (also when the run is killed), and the readers of its inputs.
@Suite("Grade: output and inputs", .serialized)
struct GradeOutputTests {
    @Test(.enabled(if: HeadlessChromium.path != nil, "chromium is not installed: report.html is not tested in a browser"))
    func reportLoadsInChromiumWithAVisibleHistogram() throws {
        let c = try GradeClassTests.makeClass()
        let folder = try GradeClassTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, run) = try GradeClassTests.grade(c, in: folder)
        #expect(run.status == 0, "\(run.err)")
        let page = out.appendingPathComponent("report.html")
        let loaded = try HTMLBrowserTests.browse(page.absoluteString, ["--dump-dom"], in: folder)
        #expect(loaded.status == 0)
        #expect(HTMLBrowserTests.consoleLines(loaded.err).isEmpty, "\(HTMLBrowserTests.consoleLines(loaded.err))")
        #expect(loaded.out.contains("<svg") && loaded.out.contains("Histogram of total scores"))
        // The histogram's bars as drawn: the counts add up to the 29 who handed in.
        let counts = loaded.out.components(separatedBy: "<title>").dropFirst().compactMap { part -> Int? in
            guard let range = part.range(of: " %: ") else { return nil }
            return Int(part[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(counts.count == 10 && counts.reduce(0, +) == 29)
        // The screenshot: the bars' blue is on it (kept for a person to look at with CHAINRULE_KEEP_SCREENSHOT).
        let png = folder.appendingPathComponent("report.png")
        let shot = try HTMLBrowserTests.browse(page.absoluteString, ["--screenshot=" + png.path, "--window-size=1000,700", "--hide-scrollbars"], in: folder)
        #expect(shot.status == 0)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.count > 10_000, "a picture, not a blank page")
        if let keep = ProcessInfo.processInfo.environment["CHAINRULE_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }

    @Test func anExistingFolderIsReplacedWholeOrRefused() throws {
        let c = try GradeClassTests.makeClass()
        let folder = try GradeClassTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, first) = try GradeClassTests.grade(c, in: folder)
        #expect(first.status == 0)
        let stray = out.appendingPathComponent("feedback/old-student.md")
        try "stale".write(to: stray, atomically: true, encoding: .utf8)
        let (_, second) = try GradeClassTests.grade(c, in: folder)
        #expect(second.status == 0, "a folder chainrule wrote is replaced")
        #expect(!FileManager.default.fileExists(atPath: stray.path), "replaced whole, not merged")
        // A folder chainrule did not write is left alone (exit 73) unless --force.
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "keep".write(to: mine.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try Package.run(["grade", "Problems/quiz-problem-3.nn", "--submissions", folder.appendingPathComponent("submissions.csv").path, "-o", mine.path])
        #expect(refused.status == 73 && refused.err.contains("--force"))
        #expect(try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
        // Bad input: nothing written, nothing left beside it.
        let bad = folder.appendingPathComponent("bad.csv")
        try "student,question,answer\ns1,dy/dx2,\"never closed\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try Package.run(["grade", "Problems/quiz-problem-3.nn", "--submissions", bad.path, "-o", folder.appendingPathComponent("new").path])
        #expect(failed.status == 65 && failed.err.contains("bad.csv:2:"), "\(failed.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// Killed at several moments while grading a large class, the run leaves either no folder or a
    /// complete one (every file there, report.json whole).
    @Test func aKilledRunLeavesTheWholeOutputOrNone() throws {
        let folder = try GradeClassTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = ["student,question,answer"]
        for i in 0..<150 {
            rows.append(csvLine(["st\(i)", "dy/dx2", GradeOracle.quizAnswer(.allCases[i % 6], wrt: "x2", pick: i).text]))
            rows.append(csvLine(["st\(i)", "dy/dx1", GradeOracle.quizAnswer(.allCases[(i + 2) % 6], wrt: "x1", pick: i).text]))
        }
        let csv = folder.appendingPathComponent("big.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let start = Date()
        let whole = try Package.run(["grade", "Problems/quiz-problem-3.nn", "--submissions", csv.path, "-o", folder.appendingPathComponent("whole").path])
        let seconds = Date().timeIntervalSince(start)
        #expect(whole.status == 0)
        var outcomes: [String] = []
        for (k, fraction) in [0.1, 0.4, 0.7, 0.85, 0.95, 1.0, 1.5].enumerated() {
            let delay = seconds * fraction
            let out = folder.appendingPathComponent("out\(k)")
            let pid = try Shell.spawn([Package.executable.path, "grade", Package.problem("quiz-problem-3.nn").path,
                                       "--submissions", csv.path, "-o", out.path])
            Thread.sleep(forTimeInterval: delay)
            kill(pid, SIGKILL)
            Shell.waitFor(pid)
            if FileManager.default.fileExists(atPath: out.path) {
                let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("feedback").path)
                #expect(files.count == 150)
                let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
                #expect(report?["students"] as? Int == 150)
                outcomes.append("complete")
            } else {
                outcomes.append("none")
            }
        }
        print("grade (\(String(format: "%.2f", seconds)) s uninterrupted) killed at 10–150 % of that: \(outcomes.joined(separator: ", "))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0.contains(".partial-") }.count <= 7,
                "at most the killed runs' staging folders, hidden, never in place of the output")
    }

    @Test func aCheckerForAVariantReusingTheProblemsAgreesWithAFreshOne() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let base = try WorkedChecker(network: network)
        for k in [1, 4, 9] {
            let variant = try Variants.variant(k, of: network, seed: 3).network
            var leaves: [String: Double] = [:]
            for node in variant.nodes where node.kind.isLeaf { leaves[node.name] = node.value?.entries.first?.doubleValue }
            var lines = GradeOracle.worked(leaves, slip: k == 4 ? 0.05 : 0)
            lines[k].value += 0.01
            let text = GradeOracle.text(lines)
            #expect(try base.withValues(of: variant).check(text) == (try WorkedChecker(network: variant)).check(text))
        }
    }

    @Test func csvReadsQuotedFieldsAndReportsBadOnes() throws {
        let rows = try CSVTable.rows("a,b,c\r\n1,\"two, with comma\",\"three\nlines \"\"quoted\"\"\"\n\n4,,6\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "two, with comma", "three\nlines \"quoted\""], ["4", "", "6"]])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(throws: Diagnostic.self) { try CSVTable.rows("a,\"b\n") }
        #expect(throws: Diagnostic.self) { try CSVTable.rows("a,b\"c\n") }
        #expect(throws: Diagnostic.self) { try Submission.csv("who,what\nx,y\n", file: "f") }
        #expect(throws: Diagnostic.self) { try Roster.csv("student,variant\na,1\na,2\n") }
        #expect(try Roster.csv("Name,Variant,email\na,3,x\nb,,y\n").entries == [.init(student: "a", variant: 3), .init(student: "b", variant: nil)])
    }

    @Test func rubricFileChangesTheScores() throws {
        let rubric = try Rubric.parse("# course rubric\nfactored = yes\nunfactored-penalty = 0.5\npoints = 2\npoints quiz-problem-3 dy/dx1 = 4\n")
        #expect(rubric.unfactoredPenalty == 0.5 && rubric.points(for: "x") == 2 && rubric.points(for: "quiz-problem-3 dy/dx1") == 4)
        do {
            _ = try Rubric.parse("factored = maybe\n")
            Issue.record("accepted a bad value")
        } catch {
            #expect(error.location.line == 1 && error.location.column == 12)
        }
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let expanded = GradeOracle.quizAnswer(.expanded, wrt: "x2", pick: 0).text
        let grader = try ClassGrader(problems: [ClassProblem(name: "quiz-problem-3", network: network, seed: nil)], rubric: rubric)
        let grades = try grader.grade([Submission(student: "a", question: "dy/dx2", answer: expanded, file: "f", line: 1)], roster: nil)
        #expect(grades.students[0].questions[0].earned == 1, "half of 2 points")
        var optional = Rubric()
        optional.factored = false
        let lenient = try ClassGrader(problems: grader.problems, rubric: optional)
        #expect(try lenient.grade([Submission(student: "a", question: "Q1", answer: expanded, file: "f", line: 1)], roster: nil).students[0].questions[0].score == 1)
    }

    @Test func documentsSplitByHeadingsOrRules() throws {
        let markdown = Submission.document("Name: Ann\n\n## dy/dx2\n\n∂y/∂c ∂c/∂x2\n\n---\n\n# Q2\nx\n", student: "ann", file: "ann.md")
        #expect(markdown.map(\.question) == ["dy/dx2", "Q2"] && markdown.map(\.answer) == ["∂y/∂c ∂c/∂x2", "x"] && markdown.map(\.line) == [5, 10])
        let latex = Submission.document("\\documentclass{article}\n\\begin{document}\n\\subsection*{ $dy/dx1$ }\nA\n\\end{document}\n", student: "b", file: "b.tex")
        #expect(latex.map(\.question) == ["$dy/dx1$"] && latex.map(\.answer) == ["A"])
        let ruled = Submission.document("A\n---\nB\n", student: "c", file: "c.md")
        #expect(ruled.map(\.question) == ["Q1", "Q2"] && ruled.map(\.answer) == ["A", "B"])
    }
}
