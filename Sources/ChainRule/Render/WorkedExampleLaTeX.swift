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
                WorkedExampleLaTeX.matrix(operand.value.shape, transposed: operand.transposed) {
                    DisplayNumber.string(operand.value.entries[$0], digits: digits)
                }
            }
        }
        func descent(_ symbol: LayerSymbol) -> String {
            let notation = LayerLaTeXNotation()
            return notation.symbol(symbol) + " - \\eta " + notation.render(.gradient(symbol))
        }
    }

    /// A vector as a column `\begin{bmatrix}`, a matrix row by row.
    func tensor(_ t: RealTensor) -> String {
        WorkedExampleLaTeX.matrix(t.shape) { DisplayNumber.string(t.scalars[$0], digits: digits) }
    }

    /// Entries as a number, a column (a row when `transposed`) or a matrix in a `bmatrix`, `entry`
    /// giving the decimal string at a row-major offset. A large value is abbreviated (``Abbreviation``)
    /// with `\cdots`, `\vdots`, `\ddots` and its shape as a subscript; only the entries shown are asked for.
    private static func matrix(_ shape: Shape, transposed: Bool = false, entry: (Int) -> String) -> String {
        func text(_ k: Int) -> String { LaTeXPrinter().decimalText(entry(k)) }  // 4.119 \times 10^{-5}
        if shape.rank == 0 || (shape.rank == 1 && shape.count == 1) { return shape.count > 0 ? text(0) : "" }
        let layout = Abbreviation(shape)
        let suffix = layout.isAbbreviated ? "_{" + layout.dimensions.map(String.init).joined(separator: " \\times ") + "}" : ""
        if shape.rank == 1 {
            let cells = layout.shownRows.map { $0.map(text) ?? (transposed ? "\\cdots" : "\\vdots") }
            return "\\begin{bmatrix}" + cells.joined(separator: transposed ? " & " : " \\\\ ") + "\\end{bmatrix}" + suffix
        }
        let rows = layout.shownRows.map { i in
            layout.shownCols.map { j in
                switch (i, j) {
                case (let i?, let j?): text(i * layout.cols + j)
                case (nil, nil): "\\ddots"
                case (nil, _): "\\vdots"
                case (_, nil): "\\cdots"
                }
            }.joined(separator: " & ")
        }
        return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}" + suffix + (transposed ? "^{\\top}" : "")
    }
}
