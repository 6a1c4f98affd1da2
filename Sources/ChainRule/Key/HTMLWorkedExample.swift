/// Prints a ``WorkedExample`` as HTML: per iteration a heading, then per section a table whose rows
/// are the quantity, its formula, the formula with numbers in, and the value, in MathML.
struct HTMLWorkedExample {
    /// Decimal places shown for computed numbers.
    var digits: Int

    /// Notes, the blocks, then any errors (never left silent).
    func render(_ example: WorkedExample) -> String {
        var parts = example.notes.map { "<p class=\"note\">Note: " + HTMLText.escaped($0) + "</p>" }
        for block in example.blocks {
            parts.append("<h4>" + HTMLText.escaped(block.heading) + "</h4>")
            parts += block.sections.filter { !$0.lines.isEmpty }.map(render)
        }
        parts += example.errors.map { "<p><strong>Error:</strong> " + HTMLText.escaped($0) + "</p>" }
        return parts.joined(separator: "\n")
    }

    /// One section as a table.
    private func render(_ section: WorkedExample.Section) -> String {
        let printer = MathMLPrinter(digits: digits)
        var rows = ["<table>", "<caption>" + HTMLText.escaped(section.title) + "</caption>",
                    "<thead><tr><th scope=\"col\">quantity</th><th scope=\"col\">formula</th><th scope=\"col\">with numbers</th><th scope=\"col\">value</th></tr></thead>",
                    "<tbody>"]
        for line in section.lines {
            let printer = MathMLPrinter(digits: line.shownDigits(digits))
            let steps = line.steps.map { step -> String in
                switch step {
                case .expr(let e): printer.math(e, display: false)
                case .tensor(let t): tensor(t)
                }
            }
            let cells = [steps.count > 1 ? steps[0] : "", steps.dropFirst().dropLast().joined(separator: " "), steps.last ?? ""]
            let lhs = printer.math(line.lhs, display: false)
            let head = line.isUpdate ? lhs.replacingOccurrences(of: "</math>", with: "<mo>←</mo></math>") : lhs
            rows.append("<tr><th scope=\"row\">" + head + "</th>" + cells.map { "<td>" + $0 + "</td>" }.joined() + "</tr>")
        }
        return (rows + ["</tbody>", "</table>"]).joined(separator: "\n")
    }

    /// A computed vector or matrix.
    private func tensor(_ t: RealTensor) -> String {
        HTMLWorkedExample.matrix(t.scalars.map { DisplayNumber.string($0, digits: digits) }, shape: t.shape)
    }

    /// Entries (decimal strings) as inline MathML in brackets: a vector as a column, a matrix row by row.
    static func matrix(_ entries: [String], shape: Shape) -> String {
        let cells = entries.map { "<mtd>" + MathMLPrinter().decimalText($0) + "</mtd>" }
        let cols = shape.rank >= 2 ? max(shape.dimensions.last ?? 1, 1) : 1
        let rows = stride(from: 0, to: cells.count, by: cols).map { "<mtr>" + cells[$0..<min($0 + cols, cells.count)].joined() + "</mtr>" }
        return #"<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mo>[</mo><mtable>"# + rows.joined() + "</mtable><mo>]</mo></mrow></math>"
    }
}
