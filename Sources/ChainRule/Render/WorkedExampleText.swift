/// Prints a ``WorkedExample`` as plain text for the terminal: one block per iteration, a heading per
/// section, each line `lhs = symbolic = numbers = value`. The layout is ``WorkedExamplePrinter``'s.
public struct WorkedExampleText: Sendable, WorkedExamplePrinter {
    /// Decimal places shown for computed numbers.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int) { self.digits = digits }

    // MARK: Layout hooks

    /// Parts are separated by a blank line.
    var separator: String { "\n\n" }
    /// A streamed example ends with a newline.
    var trailer: String { "\n" }
    /// The title, then the notes as one part.
    func preamble(_ example: WorkedExample) -> [String] {
        (example.title.map { [$0] } ?? []) + (example.notes.isEmpty ? [] : [example.notes.map { "note: " + $0 }.joined(separator: "\n")])
    }
    /// The errors as one part.
    func errors(_ errors: [String]) -> [String] { errors.isEmpty ? [] : [errors.map { "error: " + $0 }.joined(separator: "\n")] }
    /// The heading, then each section's title and indented lines.
    func block(_ heading: String, _ sections: [(title: String, lines: [String])]) -> String {
        ([heading] + sections.flatMap { ["  " + $0.title] + $0.lines.map { "    " + $0 } }).joined(separator: "\n")
    }
    /// `lhs = … = value`, `lhs ← … = value (change …)`.
    func line(_ line: WorkedExample.PrintedLine) -> String {
        line.lhs + (line.isUpdate ? " ← " : " = ") + line.steps.joined(separator: " = ") + (line.change.map { " (change " + $0 + ")" } ?? "")
    }

    // MARK: Side hooks

    /// As ``TextPrinter`` prints it.
    func expr(_ e: Expr) -> String { TextPrinter(digits: digits).render(e) }
    /// In ``LayerTextNotation``.
    func layer(_ e: LayerExpr) -> String { notation.render(e) }
    /// ``LayerTextNotation``.
    var notation: LayerTextNotation { LayerTextNotation() }
    /// `−` for minus, `4.119×10⁻⁵`.
    func decimal(_ text: String) -> String { TextPrinter(digits: digits).decimalText(text) }
    /// As ``TextPrinter`` prints a number (`∞` and `NaN` by name).
    func entry(_ value: Double) -> String { TextPrinter(digits: digits).number(.real(value)) }
    /// `[0.9940, 0.9977]`, `[[0.1000, 0.2000], …]`, `ᵀ` after a transposed vector or matrix.
    func value(_ shape: Shape, transposed: Bool, entry: (Int) -> String) -> String {
        WorkedExampleText.nested(shape, entry: entry) + (transposed && shape.count > 1 ? "ᵀ" : "")
    }
    /// `[e₁, e₂, …]`.
    func column(_ items: [Expr]) -> String { "[" + items.map(expr).joined(separator: ", ") + "]" }
    /// Unicode operators.
    var operators: WorkedExample.CombinationStyle {
        WorkedExample.CombinationStyle(plus: " + ", minus: " − ", hadamard: " ⊙ ", product: "·", divide: " ⊘ ",
                                       quotient: "/", times: " ", parenthesized: { "(" + $0 + ")" })
    }
    /// ` − η `.
    var descentOperator: String { " − η " }
    /// As is.
    func side(_ math: String) -> String { math }

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
