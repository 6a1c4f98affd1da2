/// Prints a ``WorkedExample`` as HTML: per iteration a heading, then per section a table whose rows
/// are the quantity, its formula, the formula with numbers in, and the value, in MathML. The layout
/// is ``WorkedExamplePrinter``'s.
struct HTMLWorkedExample: WorkedExamplePrinter {
    /// Decimal places shown for computed numbers.
    var digits: Int

    // MARK: Layout hooks

    /// Parts on lines of their own.
    var separator: String { "\n" }
    /// Nothing after the last part.
    var trailer: String { "" }
    /// The notes, each a paragraph.
    func preamble(_ example: WorkedExample) -> [String] { example.notes.map { "<p class=\"note\">Note: " + HTMLText.escaped($0) + "</p>" } }
    /// Each error a paragraph.
    func errors(_ errors: [String]) -> [String] { errors.map { "<p><strong>Error:</strong> " + HTMLText.escaped($0) + "</p>" } }
    /// A heading, then each section with lines as a table: the quantity, its formula (the symbolic
    /// sides), the formula with numbers in (the sides between), and the value (the last side).
    func block(_ heading: String, _ sections: [(title: String, lines: [String])]) -> String {
        var parts = ["<h4>" + HTMLText.escaped(heading) + "</h4>"]
        for section in sections where !section.lines.isEmpty {
            parts.append((["<table>", "<caption>" + HTMLText.escaped(section.title) + "</caption>",
                           "<thead><tr><th scope=\"col\">quantity</th><th scope=\"col\">formula</th><th scope=\"col\">with numbers</th><th scope=\"col\">value</th></tr></thead>",
                           "<tbody>"] + section.lines + ["</tbody>", "</table>"]).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n")
    }
    /// A table row; an update's change, where the digits cannot show it, after its value.
    func line(_ line: WorkedExample.PrintedLine) -> String {
        // Several forms in one cell are equal: written with = between them.
        let equals = " " + HTMLWorkedExample.inline("<mo>=</mo>") + " "
        let value = (line.steps.last ?? "") + (line.change.map { " <span class=\"change\">(change " + $0 + ")</span>" } ?? "")
        let cells = [line.steps.prefix(line.symbolic).joined(separator: equals),
                     line.steps.dropFirst(line.symbolic).dropLast().joined(separator: equals), value]
        let head = line.isUpdate ? line.lhs.replacingOccurrences(of: "</math>", with: "<mo>←</mo></math>") : line.lhs
        return "<tr><th scope=\"row\">" + head + "</th>" + cells.map { "<td>" + $0 + "</td>" }.joined() + "</tr>"
    }

    // MARK: Side hooks

    /// Inline MathML as ``MathMLPrinter`` writes it.
    func expr(_ e: Expr) -> String { MathMLPrinter(digits: digits).math(e, display: false) }
    /// Inline MathML in ``LayerMathML``.
    func layer(_ e: LayerExpr) -> String { HTMLWorkedExample.inline(notation.render(e)) }
    /// ``LayerMathML``.
    var notation: LayerMathML { LayerMathML(digits: digits) }
    /// `<mn>`, `<mo>−</mo>`, `× 10` to a power.
    func decimal(_ text: String) -> String { MathMLPrinter().decimalText(text) }
    /// Inline MathML in brackets (see ``bracketed(_:transposed:entry:)``).
    func value(_ shape: Shape, transposed: Bool, entry: (Int) -> String) -> String {
        HTMLWorkedExample.bracketed(shape, transposed: transposed, entry: entry)
    }
    /// A computed vector or matrix as inline MathML.
    func tensor(_ t: RealTensor) -> String { HTMLWorkedExample.inline(value(t.shape, transposed: false) { entry(t.scalars[$0]) }) }
    /// A bracketed column of expressions.
    func column(_ items: [Expr]) -> String {
        let cells = items.map { "<mtr><mtd>" + MathMLPrinter(digits: digits).render($0) + "</mtd></mtr>" }
        return HTMLWorkedExample.inline("<mrow><mo>[</mo><mtable>" + cells.joined() + "</mtable><mo>]</mo></mrow>")
    }
    /// MathML operators.
    var operators: WorkedExample.CombinationStyle {
        WorkedExample.CombinationStyle(plus: "<mo>+</mo>", minus: "<mo>−</mo>", hadamard: "<mo>⊙</mo>",
                                       product: "<mo>·</mo>", divide: "<mo>⊘</mo>", quotient: "<mo>/</mo>",
                                       times: "", parenthesized: { "<mrow>" + HTMLWorkedExample.fence("(") + $0 + HTMLWorkedExample.fence(")") + "</mrow>" })
    }
    /// `<mo>−</mo><mi>η</mi>`.
    var descentOperator: String { "<mo>−</mo><mi>η</mi>" }
    /// An inline `<math>` around one row.
    func side(_ math: String) -> String { HTMLWorkedExample.inline("<mrow>" + math + "</mrow>") }

    /// A parenthesis around one number, not stretched: a stretchy one leaves a gap inside in Chromium
    /// (`( −0.3725 )`), as ``MathMLPrinter`` avoids too.
    static func fence(_ parenthesis: String) -> String { #"<mo stretchy="false">"# + parenthesis + "</mo>" }

    /// MathML content as an inline `<math>` element.
    static func inline(_ content: String) -> String {
        #"<math xmlns="http://www.w3.org/1998/Math/MathML">"# + content + "</math>"
    }

    /// Entries (decimal strings) as inline MathML in brackets: a vector as a column, a matrix row by row.
    static func matrix(_ entries: [String], shape: Shape) -> String {
        inline(bracketed(shape) { MathMLPrinter().decimalText(entries[$0]) })
    }

    /// Entries in brackets (no `<math>` around), `entry` giving the MathML of the entry at a row-major
    /// offset: one number bare, a vector as a column (a row when `transposed`), a matrix row by row
    /// (with ⊤ when `transposed`). A large value is abbreviated (``Abbreviation``) with `⋯`, `⋮`, `⋱`
    /// and its shape as a subscript; only the entries shown are asked for.
    static func bracketed(_ shape: Shape, transposed: Bool = false, entry: (Int) -> String) -> String {
        if shape.count == 1 { return entry(0) }
        let layout = Abbreviation(shape)
        let cell = { (content: String) in "<mtd>" + content + "</mtd>" }
        let rows: [String]
        if shape.rank < 2 && transposed {
            rows = ["<mtr>" + layout.shownRows.map { cell($0.map(entry) ?? "<mo>⋯</mo>") }.joined() + "</mtr>"]
        } else {
            rows = layout.shownRows.map { i in
                "<mtr>" + layout.shownCols.map { j in
                    switch (i, j) {
                    case (let i?, let j?): cell(entry(i * layout.cols + j))
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
