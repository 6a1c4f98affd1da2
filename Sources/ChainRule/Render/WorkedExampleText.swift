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
        render(line.lhs) + (line.isUpdate ? " ← " : " = ") + line.steps.map(render).joined(separator: " = ")
    }

    /// One side of a line.
    public func render(_ step: WorkedExample.Step) -> String {
        let printer = TextPrinter(digits: digits), notation = LayerNotation(latex: false)
        switch step {
        case .expr(let e): return printer.render(e)
        case .tensor(let t): return tensor(t)
        case .layer(let e): return notation.render(e)
        case .entries(let items):
            let texts = items.map(printer.render)
            return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
        case .combination(let operands):
            return operands.map { operand in
                let value = WorkedExampleText.nested(operand.value.entries.map(number), operand.value.shape)
                let single = operand.value.entries.count == 1
                let shown = single && operand.join != .first && operand.value.entries[0].isNegative ? "(" + value + ")"
                    : value + (operand.transposed && !single ? "ᵀ" : "")
                switch operand.join {
                case .first: return shown
                case .plus: return " + " + shown
                case .minus: return " − " + shown
                case .hadamard: return (single ? "·" : " ⊙ ") + shown
                case .divide: return (single ? "/" : " ⊘ ") + shown
                case .times: return " " + shown
                }
            }.joined()
        case .descent(let symbol):
            return notation.symbol(symbol) + " − η " + notation.render(.gradient(symbol))
        }
    }

    /// A number as shown: given values exactly, computed ones rounded; `−` for minus.
    private func number(_ n: Number) -> String {
        let text = DisplayNumber.string(n, digits: digits)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `[0.9940, 0.9977]`, `[[0.1000, 0.2000], …]`.
    func tensor(_ t: RealTensor) -> String {
        let entries = t.scalars.map { value -> String in
            let text = DisplayNumber.string(value, digits: digits)
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
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
