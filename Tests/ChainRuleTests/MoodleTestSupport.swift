import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ChainRule

/// Quizzes of Problems/ and reading Moodle XML back, for the Moodle export's tests.
enum MoodleSupport {
    /// Variants drawn per problem that declares ranges.
    static let variantCount = 3
    /// Their seed.
    static let seed: UInt64 = 2026

    /// The quiz problem of a file in Problems/ (with variants when it declares ranges).
    static func problem(_ url: URL) -> MoodleQuiz.Problem? {
        guard let network = Package.network(url.lastPathComponent) else { return nil }
        let variants = (try? Variants.generate(network: network, count: variantCount, seed: seed)) ?? []
        return MoodleQuiz.Problem(name: url.deletingPathExtension().lastPathComponent, network: network, variants: variants)
    }

    /// The quiz of every problem in Problems/.
    static let everyProblem: MoodleQuiz = MoodleQuiz(problems: Package.problems.compactMap(problem))

    /// The parsed document (Foundation's XML parser, libxml2), or `nil` when it is not well-formed.
    static func document(_ xml: String) -> XMLDocument? {
        try? XMLDocument(xmlString: xml, options: [])
    }

    /// The `<question>` elements of a quiz document of one type.
    static func questions(_ document: XMLDocument, type: String) -> [XMLElement] {
        (document.rootElement()?.elements(forName: "question") ?? []).filter { $0.attribute(forName: "type")?.stringValue == type }
    }

    /// The text of `<name><text>` under `element`.
    static func text(_ element: XMLElement, _ name: String) -> String? {
        element.elements(forName: name).first?.elements(forName: "text").first?.stringValue
    }

    /// The Cloze sub-questions `{1:NUMERICAL:=answer:tolerance#feedback}` of a question text, read the
    /// way Moodle's qtype_multianswer reads them (its ANSWER_REGEX for one NUMERICAL alternative).
    static func numericals(_ text: String) -> [(answer: Double, tolerance: Double, feedback: String)] {
        let number = #"-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?"#
        let pattern = #"\{([0-9]*):(?:NUMERICAL|NM):=("# + number + "):(" + number + #")#(.*?(?<!\\))\}"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            guard let a = Double(ns.substring(with: match.range(at: 2))), let t = Double(ns.substring(with: match.range(at: 3))) else { return nil }
            return (a, t, ns.substring(with: match.range(at: 4)))
        }
    }

    /// What Moodle makes of a Cloze feedback: HTML references decoded, then `\}` and `\#` unescaped.
    static func moodleFeedback(_ raw: String) -> String {
        var text = raw
        if let regex = try? NSRegularExpression(pattern: "&#([0-9]+);") {
            let ns = text as NSString
            var result = "", last = 0
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                result += ns.substring(with: NSRange(location: last, length: match.range.location - last))
                if let code = UInt32(ns.substring(with: match.range(at: 1))), let scalar = Unicode.Scalar(code) { result.unicodeScalars.append(scalar) }
                last = match.range.location + match.range.length
            }
            text = result + ns.substring(from: last)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\}", with: "}").replacingOccurrences(of: "\\#", with: "#")
    }
}
