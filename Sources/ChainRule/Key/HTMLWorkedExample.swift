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
            HTMLWorkedExample.inline(HTMLWorkedExample.bracketed(t.shape) { DisplayNumber.string(t.scalars[$0], digits: digits) })
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
                HTMLWorkedExample.bracketed(operand.value.shape, transposed: operand.transposed) {
                    DisplayNumber.string(operand.value.entries[$0], digits: digits)
                }
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
        inline(bracketed(shape) { entries[$0] })
    }

    /// Entries in brackets (no `<math>` around), `entry` giving the decimal string at a row-major
    /// offset: one number bare, a vector as a column (a row when `transposed`), a matrix row by row
    /// (with ⊤ when `transposed`). A large value is abbreviated (``Abbreviation``) with `⋯`, `⋮`, `⋱`
    /// and its shape as a subscript; only the entries shown are asked for.
    static func bracketed(_ shape: Shape, transposed: Bool = false, entry: (Int) -> String) -> String {
        // Each entry by the one display rule (−, × 10 to a power).
        func text(_ k: Int) -> String { MathMLPrinter().decimalText(entry(k)) }
        if shape.count == 1 { return text(0) }
        let layout = Abbreviation(shape)
        let cell = { (content: String) in "<mtd>" + content + "</mtd>" }
        let rows: [String]
        if shape.rank < 2 && transposed {
            rows = ["<mtr>" + layout.shownRows.map { cell($0.map(text) ?? "<mo>⋯</mo>") }.joined() + "</mtr>"]
        } else {
            rows = layout.shownRows.map { i in
                "<mtr>" + layout.shownCols.map { j in
                    switch (i, j) {
                    case (let i?, let j?): cell(text(i * layout.cols + j))
                    case (nil, nil): cell("<mo>⋱</mo>")
                    case (nil, _): cell("<mo>⋮</mo>")
                    case (_, nil): cell("<mo>⋯</mo>")
                    }
                }.joined() + "</mtr>"
            }
        }
        var body = "<mrow><mo>[</mo><mtable>" + rows.joined() + "</mtable><mo>]</mo></mrow>"
        if layout.isAbbreviated { body = "<msub>" + body + "<mrow><mn>" + layout.dimensions.map(String.init).joined(separator: "</mn><mo>×</mo><mn>") + "</mn></mrow></msub>" }
        return transposed && shape.rank >= 2 ? "<msup>" + body + "<mo>⊤</mo></msup>" : body
    }
}
