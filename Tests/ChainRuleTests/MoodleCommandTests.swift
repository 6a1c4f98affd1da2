import Foundation
import Testing
@testable import ChainRule

/// `chainrule export --to moodle`: the folder with quiz.xml and its README, written whole, never over
/// an existing one without --force.
@Suite struct MoodleCommandTests {
    @Test func exportWritesTheQuizFolder() throws {
        let folder = try ExportSupport.temporaryFolder("moodle")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("moodle-export")
        let arguments = ["export", "--to", "moodle", Package.root.appendingPathComponent("Problems").path,
                         "--variants", "2", "--seed", "5", "-o", out.path]
        let first = try Package.run(arguments)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("wrote \(Package.problems.count) problems for moodle"))
        #expect(!first.err.contains("warning"), "no binary is bundled for Moodle: \(first.err)")
        let xml = try String(contentsOf: out.appendingPathComponent("quiz.xml"), encoding: .utf8)
        let document = try #require(MoodleSupport.document(xml))
        // example-3-bce draws 2 variants: 2 Cloze questions, as the library makes them for the same seed.
        let network = try #require(Package.network("example-3-bce.nn"))
        let variants = try Variants.generate(network: network, count: 2, seed: 5)
        let expected = MoodleQuiz(problems: [MoodleQuiz.Problem(name: "example-3-bce", network: network, variants: variants)])
        let names = MoodleSupport.questions(document, type: "cloze").compactMap { MoodleSupport.text($0, "name") }
        #expect(expected.sections[0].clozes.map(\.name).allSatisfy(names.contains))
        #expect(MoodleSupport.questions(document, type: "stack").count >= 15)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Question bank → Import → Moodle XML format"))
        #expect(readme.contains("| example-3-bce | 2 | 2 |"))
        // An existing folder is kept without --force (exit 73), replaced with it.
        let again = try Package.run(arguments)
        #expect(again.status == 73)
        #expect(try String(contentsOf: out.appendingPathComponent("quiz.xml"), encoding: .utf8) == xml)
        #expect(try Package.run(arguments + ["--force"]).status == 0)
    }
}
