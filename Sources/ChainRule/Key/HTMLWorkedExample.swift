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

    /// One section as a table: the quantity, its formula (the symbolic sides), the formula with
    /// numbers in (the sides between), and the value (the last side).
    private func render(_ section: WorkedExample.Section) -> String {
        var rows = ["<table>", "<caption>" + HTMLText.escaped(section.title) + "</caption>",
                    "<thead><tr><th scope=\"col\">quantity</th><th scope=\"col\">formula</th><th scope=\"col\">with numbers</th><th scope=\"col\">value</th></tr></thead>",
                    "<tbody>"]
        for line in section.lines {
            // An update shows as many digits as it takes to see its change.
            let sides = Sides(digits: line.shownDigits(digits))
            let steps = line.steps.map { sides.render($0) }
            let symbolic = line.steps.dropLast().prefix(while: HTMLWorkedExample.isSymbolic).count
            // Several forms in one cell are equal: written with = between them.
            let equals = " " + HTMLWorkedExample.inline("<mo>=</mo>") + " "
            let cells = [steps.prefix(symbolic).joined(separator: equals),
                         steps.dropFirst(symbolic).dropLast().joined(separator: equals), steps.last ?? ""]
            let lhs = sides.render(line.lhs)
            let head = line.isUpdate ? lhs.replacingOccurrences(of: "</math>", with: "<mo>←</mo></math>") : lhs
            rows.append("<tr><th scope=\"row\">" + head + "</th>" + cells.map { "<td>" + $0 + "</td>" }.joined() + "</tr>")
        }
        return (rows + ["</tbody>", "</table>"]).joined(separator: "\n")
    }

    /// Whether a side is written in symbols (a formula) rather than numbers.
    static func isSymbolic(_ step: WorkedExample.Step) -> Bool {
        switch step {
        case .layer, .descent: true
        case .expr(let e): !e.isConstant
        case .tensor, .entries, .combination: false
        }
    }

    /// The sides as inline MathML.
    private struct Sides: WorkedStepPrinter {
        var digits: Int
        func expr(_ e: Expr) -> String { MathMLPrinter(digits: digits).math(e, display: false) }
        func tensor(_ t: RealTensor) -> String {
            HTMLWorkedExample.matrix(t.scalars.map { DisplayNumber.string($0, digits: digits) }, shape: t.shape)
        }
        func layer(_ e: LayerExpr) -> String { HTMLWorkedExample.inline(LayerMathML(digits: digits).render(e)) }
        func entries(_ items: [Expr]) -> String {
            if items.count == 1, let only = items.first { return expr(only) }
            let cells = items.map { "<mtr><mtd>" + MathMLPrinter(digits: digits).render($0) + "</mtd></mtr>" }
            return HTMLWorkedExample.inline("<mrow><mo>[</mo><mtable>" + cells.joined() + "</mtable><mo>]</mo></mrow>")
        }
        func combination(_ operands: [WorkedExample.Operand]) -> String {
            let style = WorkedExample.CombinationStyle(plus: "<mo>+</mo>", minus: "<mo>−</mo>", hadamard: "<mo>⊙</mo>",
                                                       product: "<mo>·</mo>", divide: "<mo>⊘</mo>", quotient: "<mo>/</mo>",
                                                       times: "", parenthesized: { "<mrow><mo>(</mo>" + $0 + "<mo>)</mo></mrow>" })
            return HTMLWorkedExample.inline("<mrow>" + style.render(operands) { operand in
                HTMLWorkedExample.bracketed(operand.value.entries.map { DisplayNumber.string($0, digits: digits) },
                                            shape: operand.value.shape, transposed: operand.transposed)
            } + "</mrow>")
        }
        func descent(_ symbol: LayerSymbol) -> String {
            let layer = LayerMathML(digits: digits)
            return HTMLWorkedExample.inline("<mrow>" + layer.symbol(symbol) + "<mo>−</mo><mi>η</mi>" + layer.render(.gradient(symbol)) + "</mrow>")
        }
    }

    /// MathML content as an inline `<math>` element.
    private static func inline(_ content: String) -> String {
        #"<math xmlns="http://www.w3.org/1998/Math/MathML">"# + content + "</math>"
    }

    /// Entries (decimal strings) as inline MathML in brackets: a vector as a column, a matrix row by row.
    static func matrix(_ entries: [String], shape: Shape) -> String {
        inline(bracketed(entries, shape: shape))
    }

    /// Entries in brackets (no `<math>` around): one number bare, a vector as a column (a row when
    /// `transposed`), a matrix row by row (with ⊤ when `transposed`).
    static func bracketed(_ entries: [String], shape: Shape, transposed: Bool = false) -> String {
        // Each entry by the one display rule (−, × 10 to a power).
        let texts = entries.map { MathMLPrinter().decimalText($0) }
        if texts.count == 1 { return texts[0] }
        let cells = texts.map { "<mtd>" + $0 + "</mtd>" }
        let cols = shape.rank >= 2 ? max(shape.dimensions.last ?? 1, 1) : (transposed ? cells.count : 1)
        let rows = stride(from: 0, to: cells.count, by: cols).map { "<mtr>" + cells[$0..<min($0 + cols, cells.count)].joined() + "</mtr>" }
        let body = "<mrow><mo>[</mo><mtable>" + rows.joined() + "</mtable><mo>]</mo></mrow>"
        return transposed && shape.rank >= 2 ? "<msup>" + body + "<mo>⊤</mo></msup>" : body
    }
}
