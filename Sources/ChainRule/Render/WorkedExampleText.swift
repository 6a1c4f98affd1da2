/// Prints a ``WorkedExample`` as plain text for the terminal: one block per iteration, a heading per
/// section, each line `lhs = symbolic = numbers = value`.
public struct WorkedExampleText: Sendable {
    /// Decimal places shown for computed numbers.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int) { self.digits = digits }

    /// The whole example.
    public func render(_ example: WorkedExample) -> String {
        var parts: [String] = []
        if let title = example.title { parts.append(title) }
        if !example.notes.isEmpty { parts.append(example.notes.map { "note: " + $0 }.joined(separator: "\n")) }
        parts += example.blocks.map(render)
        if !example.errors.isEmpty { parts.append(example.errors.map { "error: " + $0 }.joined(separator: "\n")) }
        return parts.joined(separator: "\n\n")
    }

    /// One block: its heading, then each section's title and indented lines.
    public func render(_ block: WorkedExample.Block) -> String {
        ([block.heading] + block.sections.flatMap { section in
            ["  " + section.title] + section.lines.map { "    " + render($0) }
        }).joined(separator: "\n")
    }

    /// One line.
    public func render(_ line: WorkedExample.Line) -> String {
        let printer = TextPrinter(digits: line.shownDigits(digits))
        let steps = line.steps.map { step -> String in
            switch step {
            case .expr(let e): printer.render(e)
            case .tensor(let t): tensor(t)
            }
        }
        return printer.render(line.lhs) + (line.isUpdate ? " ← " : " = ") + steps.joined(separator: " = ")
    }

    /// `[0.9940, 0.9977]`, `[[0.1000, 0.2000], …]`.
    func tensor(_ t: RealTensor) -> String {
        let entries = t.scalars.map { value -> String in
            TextPrinter(digits: digits).number(.real(value))
        }
        return WorkedExampleText.nested(entries, t.shape)
    }

    /// Entries written as nested brackets by shape.
    static func nested(_ entries: [String], _ shape: Shape, open: String = "[", close: String = "]") -> String {
        switch shape.rank {
        case 0: return entries.first ?? ""
        case 1: return open + entries.joined(separator: ", ") + close
        default:
            return open + shape.rows(entries).map { open + $0.joined(separator: ", ") + close }.joined(separator: ", ") + close
        }
    }
}
