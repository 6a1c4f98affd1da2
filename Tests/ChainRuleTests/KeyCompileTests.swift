import Foundation
import Testing
@testable import ChainRule

/// The LaTeX keys compile: pdflatex (twice, for the table of contents) exits 0, reports no error
/// and no line more than 1pt too wide. Skipped, with a message, where pdflatex is not installed.
@Suite("Key: pdflatex compiles the keys")
struct KeyCompileTests {
    static let pdflatex = Shell.which("pdflatex")

    /// Runs pdflatex twice on `text` in a temporary folder; returns the log.
    static func compile(_ text: String, name: String) throws -> (status: Int32, log: String) {
        let folder = try KeyRows.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent(name + ".tex"), atomically: true, encoding: .utf8)
        var status: Int32 = 0
        for _ in 0..<2 {
            status = try Shell.run(pdflatex ?? "pdflatex", ["-interaction=nonstopmode", "-halt-on-error", name + ".tex"], in: folder).status
            if status != 0 { break }
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent(name + ".log"), encoding: .utf8))
            ?? String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(name + ".log"))) ?? Data(), as: UTF8.self)
        return (status, log)
    }

    /// `Overfull \hbox (12.3pt too wide)` lines of more than 1pt.
    static func overfull(_ log: String) -> [String] {
        log.components(separatedBy: "\n").filter { line in
            guard line.hasPrefix("Overfull \\hbox ("), let end = line.range(of: "pt too wide") else { return false }
            let amount = line[line.index(line.startIndex, offsetBy: 16)..<end.lowerBound]
            return (Double(amount) ?? .infinity) > 1
        }
    }

    static func check(_ text: String, name: String) throws {
        let (status, log) = try compile(text, name: name)
        #expect(status == 0, "pdflatex exited \(status)")
        let errors = log.components(separatedBy: "\n").filter { $0.hasPrefix("! ") }
        #expect(errors.isEmpty, "\(errors)")
        #expect(overfull(log).isEmpty, "\(overfull(log))")
        #expect(!log.contains("mktexpk"), "a font had to be generated (a character outside the standard fonts)")
    }

    @Test(.enabled(if: pdflatex != nil, "pdflatex is not installed (CI installs texlive-latex-base); the compile test is skipped"))
    func keyOfEveryProblemCompiles() throws {
        let sections = try Package.problems.map { url in
            let source = try String(contentsOf: url, encoding: .utf8)
            return AnswerKey.section(try Network.parse(source).get(), source: source)
        }
        #expect(sections.count == Package.problems.count && sections.count >= 7)
        try Self.check(KeyLaTeX.document(KeyDocument(kind: .key, title: "Answer key", sections: sections)), name: "answer-key")
    }

    @Test(.enabled(if: pdflatex != nil, "pdflatex is not installed (CI installs texlive-latex-base); the compile test is skipped"))
    func variantQuestionsAndKeyCompile() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let variant = try Variants.variant(3, of: network, seed: 7)
        let (questions, key) = variant.documents(options: KeyOptions(form: .adjoint))
        try Self.check(KeyLaTeX.document(questions), name: "questions")
        try Self.check(KeyLaTeX.document(key), name: "key")
    }

    @Test func overfullLinesAreRead() {
        let log = "Overfull \\hbox (0.5pt too wide) in paragraph\nOverfull \\hbox (12.25pt too wide) detected\n"
        #expect(Self.overfull(log) == ["Overfull \\hbox (12.25pt too wide) detected"])
    }
}
