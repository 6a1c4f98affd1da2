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
        case .text: return chunk(WorkedExampleText(digits: digits), example)
        case .latex: return chunk(WorkedExampleLaTeX(digits: digits), example)
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
        case .text: return ending(WorkedExampleText(digits: digits))
        case .latex: return ending(WorkedExampleLaTeX(digits: digits))
        case .json:
            guard !jsonErrors.isEmpty else { return "\n  ]\n}\n" }
            let list = JSONValue.object([(key: "errors", value: .array(jsonErrors.map(JSONValue.string)))])
            return "\n  ],\n" + WorkedExampleStream.inner(list, depth: 1) + "\n}\n"
        }
    }

    /// The next passes as `printer` lays them out, after its preamble when they are the first.
    private func chunk<Printer: WorkedExamplePrinter>(_ printer: Printer, _ example: WorkedExample) -> String {
        let parts = (started ? [] : printer.preamble(example)) + example.blocks.map { printer.render($0) }
        return (started ? printer.separator : "") + parts.joined(separator: printer.separator)
    }

    /// The errors as `printer` lays them out, and its trailer.
    private func ending<Printer: WorkedExamplePrinter>(_ printer: Printer) -> String {
        let parts = printer.errors(errors)
        return (parts.isEmpty ? "" : printer.separator + parts.joined(separator: printer.separator)) + printer.trailer
    }

    /// The pretty-printed lines of `value` without its outer `depth` levels of brackets (the members
    /// of an object, or the items of a one-member object's array), indented as they are inside them.
    private static func inner(_ value: JSONValue, depth: Int) -> String {
        let lines = value.serialized().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(depth).dropLast(depth).joined(separator: "\n")
    }
}
