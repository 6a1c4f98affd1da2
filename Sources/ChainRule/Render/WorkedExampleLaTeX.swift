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
        let printer = LaTeXPrinter(digits: line.shownDigits(digits))
        let steps = line.steps.map { step -> String in
            switch step {
            case .expr(let e): printer.render(e)
            case .tensor(let t): tensor(t)
            }
        }
        return printer.render(line.lhs) + (line.isUpdate ? " &\\leftarrow " : " &= ") + steps.joined(separator: " = ")
    }

    /// A vector as a column `\begin{bmatrix}`, a matrix row by row.
    func tensor(_ t: RealTensor) -> String {
        let entries = t.scalars.map { LaTeXPrinter(digits: digits).number(.real($0)) }
        switch t.shape.rank {
        case 0: return entries.first ?? ""
        case 1: return "\\begin{bmatrix}" + entries.joined(separator: " \\\\ ") + "\\end{bmatrix}"
        default:
            let rows = t.shape.rows(entries).map { $0.joined(separator: " & ") }
            return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}"
        }
    }
}
