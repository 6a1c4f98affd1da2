/// Prints a ``WorkedExample`` as LaTeX: one `align*` environment per block, sections introduced by
/// `\intertext`, each line `lhs &= symbolic = numbers = value` (updates with `\leftarrow`). Blocks can
/// be embedded on their own (answer keys do). The layout is ``WorkedExamplePrinter``'s.
public struct WorkedExampleLaTeX: Sendable, WorkedExamplePrinter {
    /// Decimal places shown for computed numbers.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int) { self.digits = digits }

    // MARK: Layout hooks

    /// Parts on lines of their own.
    var separator: String { "\n" }
    /// Nothing after a streamed example.
    var trailer: String { "" }
    /// The notes, each a paragraph (the title is the document's).
    func preamble(_ example: WorkedExample) -> [String] { example.notes.map { "\\noindent\\emph{Note:} " + LaTeXText.escape($0) + "\n" } }
    /// Each error a paragraph.
    func errors(_ errors: [String]) -> [String] { errors.map { "\\noindent\\textbf{Error:} " + LaTeXText.escape($0) + "\n" } }
    /// A `\paragraph` heading and an `align*` environment, sections (those with lines) by `\intertext`.
    func block(_ heading: String, _ sections: [(title: String, lines: [String])]) -> String {
        var rows: [String] = []
        for section in sections where !section.lines.isEmpty {
            rows.append("\\intertext{\\textbf{" + LaTeXText.escape(section.title) + "}}")
            rows += section.lines
        }
        let body = rows.enumerated().map { i, row in
            row.hasPrefix("\\intertext") || i == rows.count - 1 || rows[i + 1].hasPrefix("\\intertext") ? row : row + " \\\\"
        }
        return "\\paragraph{" + LaTeXText.escape(heading) + "}\n\\begin{align*}\n" + body.joined(separator: "\n") + "\n\\end{align*}\n"
    }
    /// `lhs &= … = value`, `lhs &\leftarrow … = value \quad (\text{change } …)`.
    func line(_ line: WorkedExample.PrintedLine) -> String {
        line.lhs + (line.isUpdate ? " &\\leftarrow " : " &= ") + line.steps.joined(separator: " = ") + (line.change.map { " " + Self.changeNote($0) } ?? "")
    }
    /// `\quad (\text{change } 1.2 \times 10^{-12})`, after an update's value.
    static func changeNote(_ change: String) -> String { "\\quad (\\text{change } " + change + ")" }

    // MARK: Side hooks

    /// As ``LaTeXPrinter`` prints it.
    func expr(_ e: Expr) -> String { LaTeXPrinter(digits: digits).render(e) }
    /// In ``LayerLaTeXNotation``.
    func layer(_ e: LayerExpr) -> String { notation.render(e) }
    /// ``LayerLaTeXNotation``.
    var notation: LayerLaTeXNotation { LayerLaTeXNotation() }
    /// `-0.5`, `4.119 \times 10^{-5}`.
    func decimal(_ text: String) -> String { LaTeXPrinter().decimalText(text) }
    /// A column `\begin{bmatrix}` (a row when `transposed`), a matrix row by row; a large value with
    /// `\cdots`, `\vdots`, `\ddots` and its shape as a subscript (``Abbreviation``).
    func value(_ shape: Shape, transposed: Bool, entry: (Int) -> String) -> String {
        if shape.rank == 0 || (shape.rank == 1 && shape.count == 1) { return shape.count > 0 ? entry(0) : "" }
        let layout = Abbreviation(shape)
        let suffix = layout.isAbbreviated ? "_{" + layout.dimensions.map(String.init).joined(separator: " \\times ") + "}" : ""
        if shape.rank == 1 {
            let cells = layout.shownRows.map { $0.map(entry) ?? (transposed ? "\\cdots" : "\\vdots") }
            return "\\begin{bmatrix}" + cells.joined(separator: transposed ? " & " : " \\\\ ") + "\\end{bmatrix}" + suffix
        }
        let rows = layout.shownRows.map { i in
            layout.shownCols.map { j in
                switch (i, j) {
                case (let i?, let j?): entry(i * layout.cols + j)
                case (nil, nil): "\\ddots"
                case (nil, _): "\\vdots"
                case (_, nil): "\\cdots"
                }
            }.joined(separator: " & ")
        }
        return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}" + suffix + (transposed ? "^{\\top}" : "")
    }
    /// A `bmatrix` column.
    func column(_ items: [Expr]) -> String { "\\begin{bmatrix}" + items.map(expr).joined(separator: " \\\\ ") + "\\end{bmatrix}" }
    /// LaTeX operators.
    var operators: WorkedExample.CombinationStyle {
        WorkedExample.CombinationStyle(plus: " + ", minus: " - ", hadamard: " \\odot ", product: " \\cdot ",
                                       divide: " \\oslash ", quotient: " / ", times: " ",
                                       parenthesized: { "\\left(" + $0 + "\\right)" })
    }
    /// ` - \eta `.
    var descentOperator: String { " - \\eta " }
    /// As is.
    func side(_ math: String) -> String { math }
}
