import Foundation
import Testing

/// Every `$ swift run chainrule …` line in README.md works as shown: it runs in a scratch copy of the
/// package's Problems/ and test fixtures, exits 0 (or 1 for a check that finds an error, as the README
/// says), and prints the output lines the README shows after it.
@Suite("README commands")
struct ReadmeCommandsTests {
    struct Example: CustomStringConvertible, Sendable {
        var arguments: [String]
        var output: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    static var examples: [Example] {
        let readme = (try? String(contentsOf: Package.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var examples: [Example] = []
        var inBlock = false
        var collecting = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                collecting = false
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                let isChainRule = line.hasPrefix("$ swift run chainrule ")
                examples.append(Example(arguments: isChainRule ? split(line.dropFirst("$ swift run chainrule ".count)) : [], output: []))
                collecting = true
            } else if collecting, !line.isEmpty {
                examples[examples.count - 1].output.append(String(line))
            }
        }
        return examples.filter { !$0.arguments.isEmpty }
    }

    /// Splits a command line at spaces, keeping '…' and "…" quoted words whole.
    static func split(_ line: Substring) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == " " {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theReadmeShowsCommands() {
        #expect(Self.examples.count >= 10)
        #expect(Self.examples.contains { $0.arguments == ["key"] }, "the set-up's main command")
    }

    @Test(arguments: examples)
    func commandWorksAsShown(_ example: Example) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-readme-\(UUID().uuidString)")
        let fixtures = folder.appendingPathComponent("Tests/ChainRuleTests")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Package.root.appendingPathComponent("Problems"), to: folder.appendingPathComponent("Problems"))
        try FileManager.default.copyItem(at: Package.root.appendingPathComponent("Tests/ChainRuleTests/Fixtures"),
                                         to: fixtures.appendingPathComponent("Fixtures"))
        let result = try Package.run(example.arguments, in: folder)
        let expectsFailure = example.arguments.first == "check"
        #expect(result.status == 0 || (expectsFailure && result.status == 1), "\(example): \(result.err)")
        #expect(!result.err.contains("error:"), "\(example): \(result.err)")
        let printed = result.out + result.err
        // "…" marks elided output: a line of it alone is skipped, a line ending in it is a prefix.
        for line in example.output where line != "…" {
            let shown = line.hasSuffix("…") ? String(line.dropLast()) : line
            #expect(printed.contains(shown), "\(example): the README shows '\(line)'")
        }
    }
}
