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
            let steps = line.steps.map(math)
            let symbolic = line.steps.dropLast().prefix(while: HTMLWorkedExample.isSymbolic).count
            let cells = [steps.prefix(symbolic).joined(separator: " "),
                         steps.dropFirst(symbolic).dropLast().joined(separator: " "), steps.last ?? ""]
            let lhs = math(line.lhs)
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

    /// One side of a line as inline MathML.
    private func math(_ step: WorkedExample.Step) -> String {
        let printer = MathMLPrinter(digits: digits), layer = LayerMathML(digits: digits)
        switch step {
        case .expr(let e): return printer.math(e, display: false)
        case .tensor(let t): return HTMLWorkedExample.matrix(t.scalars.map { DisplayNumber.string($0, digits: digits) }, shape: t.shape)
        case .layer(let e): return HTMLWorkedExample.inline(layer.render(e))
        case .entries(let items):
            if items.count == 1, let only = items.first { return printer.math(only, display: false) }
            let cells = items.map { "<mtr><mtd>" + printer.render($0) + "</mtd></mtr>" }
            return HTMLWorkedExample.inline("<mrow><mo>[</mo><mtable>" + cells.joined() + "</mtable><mo>]</mo></mrow>")
        case .combination(let operands):
            let parts = operands.map { operand -> String in
                let single = operand.value.entries.count == 1
                var shown = HTMLWorkedExample.bracketed(operand.value.entries.map { DisplayNumber.string($0, digits: digits) },
                                                         shape: operand.value.shape, transposed: operand.transposed)
                if single, operand.join != .first, operand.value.entries[0].isNegative {
                    shown = "<mrow><mo>(</mo>" + shown + "<mo>)</mo></mrow>"
                }
                switch operand.join {
                case .first, .times: return shown
                case .plus: return "<mo>+</mo>" + shown
                case .minus: return "<mo>−</mo>" + shown
                case .hadamard: return (single ? "<mo>·</mo>" : "<mo>⊙</mo>") + shown
                case .divide: return (single ? "<mo>/</mo>" : "<mo>⊘</mo>") + shown
                }
            }
            return HTMLWorkedExample.inline("<mrow>" + parts.joined() + "</mrow>")
        case .descent(let symbol):
            return HTMLWorkedExample.inline("<mrow>" + layer.symbol(symbol) + "<mo>−</mo><mi>η</mi>"
                                            + layer.render(.gradient(symbol)) + "</mrow>")
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
        let texts = entries.map { HTMLText.escaped($0.replacingOccurrences(of: "-", with: "−")) }
        if texts.count == 1 { return "<mn>" + texts[0] + "</mn>" }
        let cells = texts.map { "<mtd><mn>" + $0 + "</mn></mtd>" }
        let cols = shape.rank >= 2 ? max(shape.dimensions.last ?? 1, 1) : (transposed ? cells.count : 1)
        let rows = stride(from: 0, to: cells.count, by: cols).map { "<mtr>" + cells[$0..<min($0 + cols, cells.count)].joined() + "</mtr>" }
        let body = "<mrow><mo>[</mo><mtable>" + rows.joined() + "</mtable><mo>]</mo></mrow>"
        return transposed && shape.rank >= 2 ? "<msup>" + body + "<mo>⊤</mo></msup>" : body
    }
}
