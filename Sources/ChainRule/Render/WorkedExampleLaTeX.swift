/// Prints a ``WorkedExample`` as LaTeX: one `align*` environment per block, sections introduced by
/// `\intertext`, each line `lhs &= symbolic = numbers = value` (updates with `\leftarrow`). Blocks can
/// be embedded on their own (answer keys do).
public struct WorkedExampleLaTeX: Sendable {
    /// Decimal places shown for computed numbers.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int) { self.digits = digits }

    /// The whole example: notes, then every block, then any errors (never left silent).
    public func render(_ example: WorkedExample) -> String {
        var parts: [String] = []
        parts += example.notes.map { "\\noindent\\emph{Note:} " + LaTeXText.escape($0) + "\n" }
        parts += example.blocks.map(render)
        parts += example.errors.map { "\\noindent\\textbf{Error:} " + LaTeXText.escape($0) + "\n" }
        return parts.joined(separator: "\n")
    }

    /// One block: a `\paragraph` heading and an `align*` environment.
    public func render(_ block: WorkedExample.Block) -> String {
        var rows: [String] = []
        for section in block.sections where !section.lines.isEmpty {
            rows.append("\\intertext{\\textbf{" + LaTeXText.escape(section.title) + "}}")
            rows += section.lines.map(render)
        }
        let body = rows.enumerated().map { i, row in
            row.hasPrefix("\\intertext") || i == rows.count - 1 || rows[i + 1].hasPrefix("\\intertext") ? row : row + " \\\\"
        }
        return "\\paragraph{" + LaTeXText.escape(block.heading) + "}\n\\begin{align*}\n" + body.joined(separator: "\n") + "\n\\end{align*}\n"
    }

    /// One line: `lhs &= … = value`.
    public func render(_ line: WorkedExample.Line) -> String {
        // An update shows as many digits as it takes to see its change.
        let sides = Sides(digits: line.shownDigits(digits))
        return sides.render(line.lhs) + (line.isUpdate ? " &\\leftarrow " : " &= ") + line.steps.map { sides.render($0) }.joined(separator: " = ")
    }

    /// One side of a line (math mode).
    public func render(_ step: WorkedExample.Step) -> String { Sides(digits: digits).render(step) }

    /// The sides in LaTeX.
    private struct Sides: WorkedStepPrinter {
        var digits: Int
        func expr(_ e: Expr) -> String { LaTeXPrinter(digits: digits).render(e) }
        func tensor(_ t: RealTensor) -> String { WorkedExampleLaTeX(digits: digits).tensor(t) }
        func layer(_ e: LayerExpr) -> String { LayerLaTeXNotation().render(e) }
        func entries(_ items: [Expr]) -> String {
            let texts = items.map(expr)
            return texts.count == 1 ? texts[0] : "\\begin{bmatrix}" + texts.joined(separator: " \\\\ ") + "\\end{bmatrix}"
        }
        func combination(_ operands: [WorkedExample.Operand]) -> String {
            let style = WorkedExample.CombinationStyle(plus: " + ", minus: " - ", hadamard: " \\odot ", product: " \\cdot ",
                                                       divide: " \\oslash ", quotient: " / ", times: " ",
                                                       parenthesized: { "\\left(" + $0 + "\\right)" })
            return style.render(operands) { operand in
                WorkedExampleLaTeX.matrix(operand.value.entries.map { DisplayNumber.string($0, digits: digits) }, operand.value.shape,
                                          transposed: operand.transposed)
            }
        }
        func descent(_ symbol: LayerSymbol) -> String {
            let notation = LayerLaTeXNotation()
            return notation.symbol(symbol) + " - \\eta " + notation.render(.gradient(symbol))
        }
    }

    /// A vector as a column `\begin{bmatrix}`, a matrix row by row.
    func tensor(_ t: RealTensor) -> String {
        WorkedExampleLaTeX.matrix(t.scalars.map { DisplayNumber.string($0, digits: digits) }, t.shape)
    }

    /// Entries as a number, a column (a row when `transposed`) or a matrix in a `bmatrix`.
    private static func matrix(_ entries: [String], _ shape: Shape, transposed: Bool = false) -> String {
        let entries = entries.map { LaTeXPrinter().decimalText($0) }  // 4.119 \times 10^{-5}
        switch shape.rank {
        case 0: return entries.first ?? ""
        case 1 where entries.count == 1: return entries[0]
        case 1: return "\\begin{bmatrix}" + entries.joined(separator: transposed ? " & " : " \\\\ ") + "\\end{bmatrix}"
        default:
            let rows = shape.rows(entries).map { $0.joined(separator: " & ") }
            return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}" + (transposed ? "^{\\top}" : "")
        }
    }
}
