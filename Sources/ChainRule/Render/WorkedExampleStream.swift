/// A worked example written while it is computed: each pass of a streamed
/// ``Runtime/train(from:iterations:rate:batch:each:)`` becomes its text at once and is then dropped, so
/// a run of thousands of passes needs the memory of one.
///
/// The pieces put together are exactly what ``WorkedExampleText``, ``WorkedExampleLaTeX`` or
/// ``WorkedExampleJSON`` print for the whole run: ``part(_:)`` for each pass in order, then
/// ``finish()``.
public struct WorkedExampleStream {
    /// The output formats.
    public enum Format: Sendable { case text, latex, json }

    /// The format written.
    public let format: Format
    /// Decimal places shown (text and LaTeX).
    public let digits: Int
    /// The runtime that computed the passes (local partials for the backward lines).
    public let runtime: Runtime
    /// Non-finite values and derivatives found so far (as ``WorkedExample/errors`` gives them).
    public private(set) var errors: [String] = []
    private var jsonErrors: [String] = []
    private var started = false

    /// A stream for `format`.
    public init(format: Format, digits: Int, runtime: Runtime) {
        self.format = format
        self.digits = digits
        self.runtime = runtime
    }

    /// The text of the next part of the run (one or more consecutive passes), with what comes before
    /// the first pass (title and notes, or the JSON header) when it is the first part.
    public mutating func part(_ training: Training) -> String {
        let example = WorkedExample(training, runtime: runtime)
        errors += example.errors
        defer { started = true }
        switch format {
        case .text:
            let printer = WorkedExampleText(digits: digits)
            var parts: [String] = []
            if !started {
                if let title = example.title { parts.append(title) }
                if !example.notes.isEmpty { parts.append(example.notes.map { "note: " + $0 }.joined(separator: "\n")) }
            }
            parts += example.blocks.map(printer.render)
            return (started ? "\n\n" : "") + parts.joined(separator: "\n\n")
        case .latex:
            let printer = WorkedExampleLaTeX(digits: digits)
            var parts: [String] = []
            if !started { parts += example.notes.map { "\\noindent\\emph{Note:} " + LaTeXText.escape($0) + "\n" } }
            parts += example.blocks.map(printer.render)
            return (started ? "\n" : "") + parts.joined(separator: "\n")
        case .json:
            let document = WorkedExampleJSON.document(training)
            guard case .object(let members) = document else { return "" }
            if case .array(let found)? = document["errors"] {
                for case .string(let error) in found where !jsonErrors.contains(error) { jsonErrors.append(error) }
            }
            var text = ""
            if !started {
                text += "{\n"
                for member in members where member.key != "iterations" && member.key != "errors" {
                    text += WorkedExampleStream.inner(.object([member]), depth: 1) + ",\n"
                }
                text += "  \"iterations\": [\n"
            }
            guard case .array(let iterations)? = document["iterations"] else { return text }
            let lines = iterations.map { WorkedExampleStream.inner(.object([(key: "", value: .array([$0]))]), depth: 2) }
            return text + (started ? ",\n" : "") + lines.joined(separator: ",\n")
        }
    }

    /// What follows the last pass: the errors (never left silent) and, for JSON, the closing brackets.
    public func finish() -> String {
        switch format {
        case .text:
            return errors.isEmpty ? "\n" : "\n\n" + errors.map { "error: " + $0 }.joined(separator: "\n") + "\n"
        case .latex:
            return errors.map { "\n\\noindent\\textbf{Error:} " + LaTeXText.escape($0) + "\n" }.joined()
        case .json:
            guard !jsonErrors.isEmpty else { return "\n  ]\n}\n" }
            let list = JSONValue.object([(key: "errors", value: .array(jsonErrors.map(JSONValue.string)))])
            return "\n  ],\n" + WorkedExampleStream.inner(list, depth: 1) + "\n}\n"
        }
    }

    /// The pretty-printed lines of `value` without its outer `depth` levels of brackets (the members
    /// of an object, or the items of a one-member object's array), indented as they are inside them.
    private static func inner(_ value: JSONValue, depth: Int) -> String {
        let lines = value.serialized().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(depth).dropLast(depth).joined(separator: "\n")
    }
}
