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
                WorkedExampleText.nested(operand.value.shape) { WorkedExampleText.number(operand.value.entries[$0], digits) }
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
        let printer = TextPrinter(digits: digits)
        return WorkedExampleText.nested(t.shape) { printer.number(.real(t.scalars[$0])) }
    }

    /// Entries written as nested brackets by shape, `entry` giving the text of the entry at a row-major
    /// offset. A large value is abbreviated (``Abbreviation``): `[0.1, 0.2, 0.3, ⋯, 0.8, 0.9, 1] (10)`,
    /// rows `[[…], ⋮, […]] (128×784)`; only the entries shown are asked for.
    static func nested(_ shape: Shape, entry: (Int) -> String) -> String {
        if shape.rank == 0 { return shape.count > 0 ? entry(0) : "" }
        let layout = Abbreviation(shape)
        let suffix = layout.isAbbreviated ? " (" + layout.label + ")" : ""
        if shape.rank == 1 {
            return "[" + layout.shownRows.map { $0.map(entry) ?? "⋯" }.joined(separator: ", ") + "]" + suffix
        }
        let rows = layout.shownRows.map { i in
            i.map { i in "[" + layout.shownCols.map { $0.map { entry(i * layout.cols + $0) } ?? "⋯" }.joined(separator: ", ") + "]" } ?? "⋮"
        }
        return "[" + rows.joined(separator: ", ") + "]" + suffix
    }
}
