import Foundation
import Testing
@testable import ChainRule

/// `chainrule key` through the built binary: outputs, overwrite protection, malformed input, variants.
@Suite("Key: the key command")
struct KeyCommandTests {
    @Test func writesTheDefaultKeyOfProblems() throws {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("Problems"), withDestinationURL: Package.root.appendingPathComponent("Problems"))
        let result = try Package.run(["key"], in: folder)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "chainrule key: wrote answer-key.tex (\(Package.problems.count) problems)\n")
        let text = try String(contentsOf: folder.appendingPathComponent("answer-key.tex"), encoding: .utf8)
        #expect(text.hasPrefix("% Answer key written by chainrule key\n"))
        // One section per file, in file-name order, titled from the first comment line.
        let titles = text.components(separatedBy: "\n").filter { $0.hasPrefix("\\section{") }
        let expected = try Package.problems.map { url in
            "\\section{" + LaTeXText.escape(try #require(Network.parse(try String(contentsOf: url, encoding: .utf8)).get().title)) + "}"
        }
        #expect(titles == expected)
    }

    @Test func markdownUsesDisplayMathAndMermaid() throws {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("key.md").path
        let result = try Package.run(["key", "Problems/quiz-problem-3.nn", "Problems/example-3-bce.nn", "--format", "markdown", "-o", output])
        #expect(result.status == 0, "\(result.err)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("<!-- Answer key written by chainrule key -->"))
        #expect(text.contains("```mermaid\n") && text.contains("$$\n\\begin{aligned}\n"))
        #expect(!text.contains("align*") && !text.contains("tikzpicture"))
        #expect(text.range(of: "## Example 3")!.lowerBound < text.range(of: "## Quiz Problem 3")!.lowerBound)
    }

    @Test func neverOverwritesAFileItDidNotWrite() throws {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("answer-key.tex").path
        try "\\documentclass{article} % my own notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try Package.run(["key", "Problems/perceptron.nn", "-o", path])
        #expect(refused.status == 73 && refused.err.contains("not written by chainrule key; use --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "\\documentclass{article} % my own notes\n")
        let forced = try Package.run(["key", "Problems/perceptron.nn", "-o", path, "--force"])
        #expect(forced.status == 0)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.hasPrefix("% Answer key written by chainrule key"))
        // A previous key is replaced without --force.
        let again = try Package.run(["key", "Problems/quiz-problem-3.nn", "-o", path])
        #expect(again.status == 0 && again.err == "chainrule key: wrote \(path) (1 problem)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) != first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["answer-key.tex"])
    }

    @Test func malformedInputWritesNothing() throws {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = folder.appendingPathComponent("problems")
        try FileManager.default.createDirectory(at: problems, withIntermediateDirectories: true)
        try Package.source("perceptron.nn").write(to: problems.appendingPathComponent("a.nn"), atomically: true, encoding: .utf8)
        try "# Bad\ninput x\nh = sigmoud(x)\n".write(to: problems.appendingPathComponent("b.nn"), atomically: true, encoding: .utf8)
        let result = try Package.run(["key", "problems"], in: folder)
        #expect(result.status == 65)
        #expect(result.err.hasPrefix("problems/b.nn:3:5: error: unknown function 'sigmoud'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["problems"])
    }

    @Test func mistakesExitWithTheirStatus() throws {
        #expect(try Package.run(["key", "Problems/no-such.nn"]).status == 66)
        #expect(try Package.run(["key", "--form", "sideways"]).status == 2)
        #expect(try Package.run(["key", "Problems", "--variants", "3"]).status == 2)
        let noRanges = try Package.run(["key", "Problems/perceptron.nn", "--variants", "3", "-o", "/nonexistent/x"])
        #expect(noRanges.status == 65 && noRanges.err.contains("declares a range"))
        let help = try Package.run(["key", "--help"])
        #expect(help.status == 0 && help.out.contains("--variants") && help.out.contains("pdflatex answer-key.tex"))
    }

    /// Two runs of `--variants 200 --seed 1` (side by side) write the same bytes: 200 distinct
    /// variants, a question sheet and a key each, and the CSV.
    @Test func twoHundredVariantsTwiceIdentically() throws {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = ["one", "two"].map { folder.appendingPathComponent($0).path }
        let processes = try runs.map { output -> Process in
            let process = Process()
            process.executableURL = Package.executable
            process.arguments = ["key", "Problems/example-3-bce.nn", "--variants", "200", "--seed", "1", "-o", output]
            process.currentDirectoryURL = Package.root
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let names = try FileManager.default.contentsOfDirectory(atPath: runs[0]).sorted()
        #expect(names.count == 401 && names.contains("example-3-bce-answers.csv"))
        #expect(names.contains("example-3-bce-v001-questions.tex") && names.contains("example-3-bce-v200-key.tex"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs[1]).sorted() == names)
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: runs[0]).appendingPathComponent(name))
            let b = try Data(contentsOf: URL(fileURLWithPath: runs[1]).appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        let csv = try String(contentsOfFile: runs[0] + "/example-3-bce-answers.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 201 && rows[0].prefix(3) == ["variant", "x1", "x2"])
        let drawn = Set(rows.dropFirst().map { $0[1...12].joined(separator: ",") })
        #expect(drawn.count == 200, "every variant draws different values")
        #expect(rows.dropFirst().map { $0[0] } == (1...200).map { Substring(String($0)) })
    }
}
