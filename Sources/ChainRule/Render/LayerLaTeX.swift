/// Prints a ``LayerDerivation`` as LaTeX lines for `align*`: `lhs &= … && \in \mathbb{R}^{3\times 4}`,
/// bold vectors, upright batch capitals, `W^{(2)\top}`, `\odot`. Answer keys embed ``lines(_:values:headings:)``.
public struct LayerLaTeX: Sendable {
    /// Decimal places shown for values.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int = 4) { self.digits = digits }

    /// One equation without its shape: `\boldsymbol{\delta}^{(2)} = \frac{\partial L}{…} = …`.
    public func equation(_ line: LayerDerivation.Line) -> String {
        let notation = LayerLaTeXNotation()
        return ([line.lhs] + line.forms).map(notation.render).joined(separator: " = ")
    }

    /// The `align*` rows, without the `\\` separators: the notation, then each section (headed by an
    /// `\intertext` line when `headings`), each row `lhs &= … && \in …`, with `values` the numbers
    /// appended as `= \begin{bmatrix}…\end{bmatrix}`.
    public func lines(_ derivation: LayerDerivation, values: LayerValues? = nil, headings: Bool = true) -> [String] {
        let notation = LayerLaTeXNotation()
        let bindings = derivation.bindings
        var rows: [String] = headings && !bindings.isEmpty ? ["\\intertext{\\textbf{Notation}}"] : []
        for binding in bindings {
            let names = notation.isTrivial(binding, in: derivation.chain) ? " &" : " &= " + notation.names(binding, in: derivation.chain)
            rows.append(notation.symbol(binding.symbol) + names
                        + " && \\in " + notation.space(binding.symbol.shape, matrix: binding.symbol.role == .weight))
        }
        if headings { rows += derivation.assumptions.map { "\\intertext{Note: " + LaTeXText.escape($0) + "}" } }
        var index = 0
        for section in derivation.sections where !section.lines.isEmpty {
            if headings { rows.append("\\intertext{\\textbf{\(section.kind.title)}}") }
            for line in section.lines {
                let sides = ([line.lhs] + line.forms).map(notation.render)
                var row = sides[0] + " &= " + sides.dropFirst().joined(separator: " = ")
                if let value = values?.lines[index] { row += " = " + notation.matrix(value, digits: digits) }
                rows.append(row + " && \\in " + notation.space(of: line))
                index += 1
            }
        }
        return rows
    }

    /// The whole derivation as one `align*` environment.
    public func render(_ derivation: LayerDerivation, values: LayerValues? = nil) -> String {
        let rows = lines(derivation, values: values)
        let body = rows.enumerated().map { i, row in
            row.hasPrefix("\\intertext") || i == rows.count - 1 || rows[i + 1].hasPrefix("\\intertext") ? row : row + " \\\\"
        }
        return "\\begin{align*}\n" + body.joined(separator: "\n") + "\n\\end{align*}"
    }
}
