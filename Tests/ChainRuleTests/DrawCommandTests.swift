import Foundation
import Testing
@testable import ChainRule

/// `chainrule draw` through the built binary: formats, `-o`, and the exit statuses of mistakes.
@Suite("Draw: the draw command")
struct DrawCommandTests {
    @Test(arguments: DrawingFormat.allCases)
    func printsEachFormatToStandardOutput(_ format: DrawingFormat) throws {
        let result = try Package.run(["draw", "Problems/quiz-problem-3.nn", "--format", format.rawValue])
        #expect(result.status == 0 && result.err.isEmpty, "\(result.err)")
        let network = try #require(Package.network("quiz-problem-3.nn"))
        #expect(result.out == format.text(GraphLayout(network: network)))
    }

    @Test func svgIsTheDefault() throws {
        let result = try Package.run(["draw", "Problems/example-3-bce.nn"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("<?xml") && result.out.hasSuffix("</svg>\n"))
    }

    @Test func writesTheFileGivenWithO() throws {
        let folder = try DrawFormatTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("quiz.tex")
        let result = try Package.run(["draw", "Problems/quiz-problem-3.nn", "--format=tikz", "-o", file.path])
        #expect(result.status == 0 && result.out.isEmpty && result.err.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        let printed = try Package.run(["draw", "Problems/quiz-problem-3.nn", "--format", "tikz"]).out
        #expect(written == printed)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(entries == ["quiz.tex"], "no temporary file left behind")
    }

    @Test func mistakesExitWithTheirStatus() throws {
        let badFormat = try Package.run(["draw", "Problems/quiz-problem-3.nn", "--format", "png"])
        #expect(badFormat.status == 2 && badFormat.err.contains("--format must be one of svg, tikz, dot, mermaid"))
        let missing = try Package.run(["draw", "Problems/no-such-file.nn"])
        #expect(missing.status == 66 && missing.out.isEmpty)
        let unwritable = try Package.run(["draw", "Problems/quiz-problem-3.nn", "-o", "/nonexistent-folder/x.svg"])
        #expect(unwritable.status == 73 && unwritable.err.contains("cannot write"))
        let malformed = try Package.run(["draw", "-"], input: "input x\nh = sigmoud(x)\n")
        #expect(malformed.status == 65 && malformed.err.contains("unknown function 'sigmoud'"))
    }

    @Test func helpListsTheFormats() throws {
        let result = try Package.run(["draw", "--help"])
        #expect(result.status == 0 && result.out.contains("svg|tikz|dot|mermaid") && result.out.contains("-o, --output"))
    }
}
