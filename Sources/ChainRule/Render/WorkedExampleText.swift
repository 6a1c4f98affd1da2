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
        // An update shows as many digits as it takes to see its change.
        let sides = Sides(digits: line.shownDigits(digits))
        return sides.render(line.lhs) + (line.isUpdate ? " ← " : " = ") + line.steps.map { sides.render($0) }.joined(separator: " = ")
    }

    /// One side of a line.
    public func render(_ step: WorkedExample.Step) -> String { Sides(digits: digits).render(step) }

    /// The sides in text.
    private struct Sides: WorkedStepPrinter {
        var digits: Int
        func expr(_ e: Expr) -> String { TextPrinter(digits: digits).render(e) }
        func tensor(_ t: RealTensor) -> String { WorkedExampleText(digits: digits).tensor(t) }
        func layer(_ e: LayerExpr) -> String { LayerTextNotation().render(e) }
        func entries(_ items: [Expr]) -> String {
            let texts = items.map(expr)
            return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
        }
        func combination(_ operands: [WorkedExample.Operand]) -> String {
            let style = WorkedExample.CombinationStyle(plus: " + ", minus: " − ", hadamard: " ⊙ ", product: "·", divide: " ⊘ ",
                                                       quotient: "/", times: " ", parenthesized: { "(" + $0 + ")" })
            return style.render(operands) { operand in
                WorkedExampleText.nested(operand.value.entries.map { WorkedExampleText.number($0, digits) }, operand.value.shape)
                    + (operand.transposed && operand.value.entries.count > 1 ? "ᵀ" : "")
            }
        }
        func descent(_ symbol: LayerSymbol) -> String {
            let notation = LayerTextNotation()
            return notation.symbol(symbol) + " − η " + notation.render(.gradient(symbol))
        }
    }

    /// A number as shown: given values exactly, computed ones rounded; `−` for minus.
    static func number(_ n: Number, _ digits: Int) -> String {
        TextPrinter(digits: digits).decimalText(DisplayNumber.string(n, digits: digits))
    }

    /// `[0.9940, 0.9977]`, `[[0.1000, 0.2000], …]`.
    func tensor(_ t: RealTensor) -> String {
        WorkedExampleText.nested(t.scalars.map { TextPrinter(digits: digits).number(.real($0)) }, t.shape)
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
