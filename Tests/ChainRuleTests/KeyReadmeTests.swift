import Foundation
import Testing
@testable import ChainRule

/// The README's `key` section shows generated output: its Quiz Problem 3 excerpt is what the key and
/// `derive --form steps` print today.
@Suite("Key: README")
struct KeyReadmeTests {
    /// The code blocks of the README's `### key` section, in order.
    static func codeBlocks() throws -> [String] {
        let readme = try String(contentsOf: Package.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n### key\n"))
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        var blocks: [String] = [], current: [Substring]? = nil
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let lines = current { blocks.append(lines.joined(separator: "\n")); current = nil } else { current = [] }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func quizExcerptIsGenerated() throws {
        let blocks = try Self.codeBlocks()
        let network = try #require(Package.network("quiz-problem-3.nn"))
        let key = KeyLaTeX.document(KeyDocument(kind: .key, title: "Answer key: " + (network.title ?? ""),
                                                sections: [AnswerKey.section(network, source: Package.source("quiz-problem-3.nn"))]))
        let start = try #require(key.range(of: "\\subsection{\\texorpdfstring{$\\partial y/\\partial x_2$}"))
        let end = try #require(key.range(of: "\\subsection{\\texorpdfstring{$\\partial y/\\partial x_1$}"))
        let latex = key[start.lowerBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(blocks.contains(latex), "README's LaTeX excerpt is out of date; it should be:\n\(latex)")
        let derive = try Package.run(["derive", "Problems/quiz-problem-3.nn", "--form", "steps"])
        let lines = derive.out.split(separator: "\n", omittingEmptySubsequences: false)
        let text = ([lines[0]] + lines.dropFirst().prefix { !$0.hasPrefix("∂") }).joined(separator: "\n")
        #expect(blocks.contains(text), "README's text excerpt is out of date; it should be:\n\(text)")
    }

    @Test func commandsShownWork() throws {
        let help = try Package.run(["key", "--help"])
        for option in ["--variants", "--seed", "--format latex|markdown", "--form", "--plug-in", "--force"] {
            #expect(help.out.contains(option), "\(option)")
        }
        let blocks = try Self.codeBlocks()
        #expect(blocks.first?.hasPrefix("$ swift run chainrule key\nchainrule key: wrote answer-key.tex (\(Package.problems.count) problems)") == true)
    }
}
