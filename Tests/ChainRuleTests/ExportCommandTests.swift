import Foundation
import Testing
@testable import ChainRule

/// `chainrule export` and `chainrule autograde` through the built binary: the PrairieLearn external
/// grader run on a fake `/grade` folder, refusing to replace a folder, and nothing half-written after
/// a failure or a kill.
@Suite struct ExportCommandTests {
    /// Exports `problems` for PrairieLearn into `folder/name`; the command's result.
    static func export(_ problems: [String], into folder: URL, name: String = "pl", extra: [String] = []) throws -> (status: Int32, out: String, err: String) {
        try Package.run(["export", "--to", "prairielearn"] + problems.map { Package.problem($0).path } + ["-o", folder.appendingPathComponent(name).path] + extra)
    }

    /// Runs the exported grader on a fake grading root holding `answers`; its results.json.
    static func grade(_ course: URL, question: String, answers: [String: String]) throws -> [String: Any] {
        let root = try ExportSupport.temporaryFolder("grade-root")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.copyItem(at: course.appendingPathComponent("questions/\(question)/tests"), to: root.appendingPathComponent("tests"))
        try fm.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: ["params": [String: Any](), "correct_answers": [String: Any](), "submitted_answers": answers])
        try data.write(to: root.appendingPathComponent("data/data.json"))
        let run = try Shell.run("/usr/bin/env", ["CHAINRULE_GRADE_ROOT=" + root.path, course.appendingPathComponent("serverFilesCourse/chainrule/run").path])
        #expect(run.status == 0, "\(run.err)")
        let results = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        return try #require(try JSONSerialization.jsonObject(with: results) as? [String: Any])
    }

    @Test func externalGraderScoresPathsAndNamesTheMissingOne() throws {
        let folder = try ExportSupport.temporaryFolder("export-grader")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.export(["quiz-problem-3.nn"], into: folder)
        #expect(result.status == 0, "\(result.err)")
        let course = folder.appendingPathComponent("pl")
        // A correct factored answer to ∂y/∂x2 and an answer to ∂y/∂x1 missing one path: the test's own
        // path enumeration says which path and what share of the points it costs.
        let correct = GradeOracle.quizAnswer(.factored, wrt: "x2", pick: 0)
        let missing = GradeOracle.quizAnswer(.missing, wrt: "x1", pick: 2)
        let left = GradeOracle.paths(from: "x1")[2].joined(separator: " → ")
        let results = try Self.grade(course, question: "quiz-problem-3-chain-rule", answers: ["dy_dx2": correct.text, "dy_dx1": missing.text])
        #expect(results["gradable"] as? Bool == true)
        let score = try #require(results["score"] as? Double)
        #expect(abs(score - (correct.score + missing.score) / 2) < 1e-12, "\(results)")
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.count == 2)
        let x1 = try #require(tests.first { $0["name"] as? String == "dy/dx1" })
        #expect(abs((x1["points"] as? Double ?? -1) - missing.score) < 1e-12 && x1["max_points"] as? Double == 1)
        #expect((x1["message"] as? String)?.contains("missing path " + left) == true, "\(x1)")
        #expect((tests.first { $0["name"] as? String == "dy/dx2" }?["points"] as? Double) == 1)
        // An answer that cannot be read is not gradable (no attempt lost) and says why.
        let unreadable = try Self.grade(course, question: "quiz-problem-3-chain-rule", answers: ["dy_dx2": GradeOracle.quizAnswer(.unreadable, wrt: "x2", pick: 0).text])
        #expect(unreadable["gradable"] as? Bool == false)
        #expect((unreadable["format_errors"] as? [String])?.first?.hasPrefix("dy/dx2: ") == true, "\(unreadable)")
        // Nothing answered: gradable, score 0.
        let blank = try Self.grade(course, question: "quiz-problem-3-chain-rule", answers: [:])
        #expect(blank["score"] as? Double == 0)
    }

    @Test func refusesAnExistingFolderAndWritesNothingForABadProblem() throws {
        let folder = try ExportSupport.temporaryFolder("export-refuse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("pl")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let refused = try Self.export(["perceptron.nn"], into: folder)
        #expect(refused.status == 73 && refused.err.contains("use --force"), "\(refused.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["notes.txt"])
        let forced = try Self.export(["perceptron.nn"], into: folder, extra: ["--force"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("questions/perceptron/server.py").path))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("notes.txt").path))
        // A malformed problem among the inputs: exit 65 with the compiler-style report, nothing written.
        let bad = folder.appendingPathComponent("bad.nn")
        try Data("input x\ny = sigmoid(w x\n".utf8).write(to: bad)
        let failed = try Package.run(["export", "--to", "prairielearn", Package.problem("perceptron.nn").path, bad.path, "-o", folder.appendingPathComponent("other").path])
        #expect(failed.status == 65 && failed.err.contains("bad.nn:2:"), "\(failed.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
        // More variants than the ranges allow: exit 65 naming the file, nothing written.
        let small = folder.appendingPathComponent("small.nn")
        try Data("input x = 1 in {1, 2}\nparam w = 0.5\nyhat = sigmoid(w x)\ntarget y = 1\nloss L = bce(yhat, y)\nrate 0.1\nfind forward, dL/dw\n".utf8).write(to: small)
        let tooMany = try Package.run(["export", "--to", "gradescope", small.path, "--variants", "3", "--roster", "-", "-o", folder.appendingPathComponent("few").path],
                                      input: "student,variant\nann,1\n")
        #expect(tooMany.status == 65 && tooMany.err.contains("small.nn: error:") && tooMany.err.contains("only 2 distinct variants"), "\(tooMany.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("few").path))
        // A seed without variants, or no platform: a usage error (exit 2), nothing written.
        let seedAlone = try Self.export(["example-3-bce.nn"], into: folder, name: "seed", extra: ["--seed", "1"])
        #expect(seedAlone.status == 2 && seedAlone.err.contains("--seed needs --variants"), "\(seedAlone.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("seed").path))
        let usage = try Package.run(["export", Package.problem("perceptron.nn").path])
        #expect(usage.status == 2 && usage.err.contains("--to"))
    }

    @Test func aKillLeavesTheWholeFolderOrNone() throws {
        let folder = try ExportSupport.temporaryFolder("export-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let complete = try Self.export(["example-3-bce.nn", "perceptron.nn"], into: folder, name: "complete", extra: ["--variants", "3"])
        #expect(complete.status == 0, "\(complete.err)")
        let expected = try Self.files(folder.appendingPathComponent("complete"))
        #expect(expected.count >= 10)
        for (k, delay) in [0.0, 0.05, 0.1, 0.2, 0.4, 0.8].enumerated() {
            let process = Process()
            process.executableURL = Package.executable
            process.arguments = ["export", "--to", "prairielearn", Package.problem("example-3-bce.nn").path, Package.problem("perceptron.nn").path,
                                 "--variants", "3", "-o", folder.appendingPathComponent("run\(k)").path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let target = folder.appendingPathComponent("run\(k)")
            if FileManager.default.fileExists(atPath: target.path) {
                #expect(try Self.files(target) == expected, "killed after \(delay) s: a partial folder")
            }
        }
        // What a killed run left beside the target (a hidden staging folder) is never taken for the output.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.allSatisfy { $0 == "complete" || $0.hasPrefix("run") })
    }

    /// Every file under `folder` with its size, by relative path.
    static func files(_ folder: URL) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = (attributes[.size] as? NSNumber)?.intValue ?? -1
        }
        return result
    }
}
