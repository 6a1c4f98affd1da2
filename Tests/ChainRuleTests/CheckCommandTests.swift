import Foundation
import Testing
@testable import ChainRule

/// `chainrule check` end to end: exit statuses, caret diagnostics, JSON shapes.
@Suite struct CheckCommandTests {
    static let quiz = "Problems/quiz-problem-3.nn"
    static let right = "∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2"

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func verdictsAndExitStatuses() throws {
        let right = try Package.run(["check", Self.quiz, "--answer", Self.right])
        #expect(right.status == 0 && right.out == "∂y/∂x2: correct\n")
        let wrong = try Package.run(["check", Self.quiz, "--answer", "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2"])
        #expect(wrong.status == 1)
        #expect(wrong.out.contains("  - missing path x2 → d → e → y (∂y/∂e ∂e/∂d ∂d/∂x2)"))
    }

    @Test func anUnreadableAnswerExits65WithACaret() throws {
        let result = try Package.run(["check", Self.quiz, "--answer", "∂y/∂c ∂c/∂x2 +"])
        #expect(result.status == 65)
        #expect(result.err == "<answer>:1:15: error: expected an expression after '+'\n∂y/∂c ∂c/∂x2 +\n              ^\n")
    }

    @Test func anAnswerFileIsSplitAtDashesAndErrorsGiveItsLines() throws {
        let text = "\(Self.right)\n---\n∂y/∂c ∂c/∂x2\n---\n\n∂y/∂c (∂c/∂x2\n"
        let result = try Package.run(["check", Self.quiz, "--answer-file", "-"], input: text)
        #expect(result.status == 65)
        #expect(result.out.contains("answer 1 (line 1): ∂y/∂x2: correct"))
        #expect(result.out.contains("answer 2 (line 3): ∂y/∂x2: incorrect"))
        #expect(result.err.hasPrefix("<stdin>:6:"))
        #expect(result.err.contains("\n∂y/∂c (∂c/∂x2\n"))
        let two = try Package.run(["check", Self.quiz, "--answer-file", "-"], input: "\(Self.right)\n---\n\(Self.right)\n")
        #expect(two.status == 0 && two.out.contains("2 of 2 answers correct"))
    }

    @Test func everyAnswerOfAFileKeepsItsIndexInTextAndJSON() throws {
        let text = "\(Self.right).\n---\n∂y/∂c (∂c/∂x2\n---\n∂y/∂c ∂c/∂x2,\n---\n$$\\frac{\\partial y}{\\partial$$\n---\n\(Self.right)\n"
        let result = try Package.run(["check", Self.quiz, "--answer-file", "-"], input: text)
        #expect(result.status == 65)
        let lines = result.out.split(separator: "\n").filter { $0.hasPrefix("answer ") }
        #expect(lines.map { $0.split(separator: ":").first.map(String.init) ?? "" }
            == ["answer 1 (line 1)", "answer 2 (line 3)", "answer 3 (line 5)", "answer 4 (line 7)", "answer 5 (line 9)"])
        #expect(lines.map { $0.contains("unreadable") } == [false, true, false, true, false])
        #expect(lines[2].hasSuffix("incorrect") && lines[4].hasSuffix(": correct"))
        #expect(result.out.contains("2 of 5 answers correct, 1 incorrect, 2 unreadable"))
        #expect(result.err.contains("<stdin>:3:14: error:") && result.err.contains("<stdin>:7:"))
        let json = try Package.run(["check", Self.quiz, "--answer-file", "-", "--format", "json"], input: text)
        let array = try #require(try self.json(json.out) as? [[String: Any]])
        #expect(array.map { $0["index"] as? Int } == [1, 2, 3, 4, 5])
        #expect(array.map { $0["line"] as? Int } == [1, 3, 5, 7, 9])
        #expect(array.map { $0["verdict"] as? String } == ["correct", "unreadable", "incorrect", "unreadable", "correct"])
        #expect((array[1]["error"] as? [String: Any])?["column"] as? Int == 14)
        #expect((array[2]["missing"] as? [[String]])?.count == 2)
    }

    @Test func badFlagsExit2() throws {
        for arguments in [["check", Self.quiz], ["check", Self.quiz, "--answer", "x", "--worked", "w"],
                          ["check", Self.quiz, "--answer", "x", "--form", "steps"], ["check", Self.quiz, "--answer", "x", "--of", "y"],
                          ["check", Self.quiz, "--answer", "x", "--seed", "minus one"]] {
            #expect(try Package.run(arguments).status == 2, "\(arguments)")
        }
    }

    @Test func jsonForOneAnswerAndForSeveral() throws {
        let one = try Package.run(["check", Self.quiz, "--answer", "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂d ∂d/∂x2", "--format", "json"])
        let object = try #require(try json(one.out) as? [String: Any])
        #expect(Set(object.keys) == ["correct", "missing", "extra", "messages"])
        #expect(object["correct"] as? Bool == false)
        #expect(object["missing"] as? [[String]] == [["x2", "d", "e", "y"]])
        #expect(object["extra"] as? [[String]] == [["x2", "d", "y"]])
        #expect((object["messages"] as? [String])?.count == 2)
        let several = try Package.run(["check", Self.quiz, "--answer-file", "-", "--format", "json"], input: "\(Self.right)\n---\n\(Self.right)")
        let array = try #require(try json(several.out) as? [[String: Any]])
        #expect(array.count == 2 && array.allSatisfy { $0["correct"] as? Bool == true })
    }

    @Test func plugInAndForm() throws {
        let plugged = try Package.run(["check", "Problems/perceptron.nn", "--of", "L", "--wrt", "w1", "--plug-in", "--answer", "(ŷ - y) σ'(z) x1"])
        #expect(plugged.status == 0 && plugged.out.contains("correct by algebra"))
        let form = try Package.run(["check", Self.quiz, "--form", "expanded", "--answer", Self.right])
        #expect(form.status == 1 && form.out.contains("not in expanded form"))
    }

    @Test func workedFilesTextAndJSON() throws {
        let fixture = "Tests/ChainRuleTests/Fixtures/worked-001.txt"
        let text = try Package.run(["check", "Problems/perceptron.nn", "--worked", fixture])
        #expect(text.status == 1)
        #expect(text.out.contains("line 15: z: wrong"))
        #expect(text.out.hasSuffix("20 lines: 13 ok, 1 wrong, 6 consistent with an earlier slip\n"))
        let json = try Package.run(["check", "Problems/perceptron.nn", "--worked", fixture, "--format", "json"])
        let object = try #require(try self.json(json.out) as? [String: Any])
        #expect(object["correct"] as? Bool == false)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 20)
        #expect(entries.allSatisfy { ["name", "given", "expected", "status"].allSatisfy($0.keys.contains) })
        let z = try #require(entries.first { $0["name"] as? String == "z" })
        #expect(z["status"] as? String == "wrong" && z["given"] as? Double == 0.35)
        #expect(abs((z["expected"] as? Double ?? 0) - (0.2 * 0.5 + 0.4 * 0.3 + 0.1)) < 1e-12)
        #expect(try Package.run(["check", "Problems/perceptron.nn", "--worked", fixture, "--of", "L"]).status == 2)
    }
}
