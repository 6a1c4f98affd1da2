/// The answer to `find layers`: the layer-wise matrix derivation (``LayerDerivation``, printed by
/// ``LayerLaTeX``), with its numbers when the file gives every value.
///
/// This is the one place where the layer-wise derivation enters answer keys: its `align*` rows are
/// cut at the printer's section headings into a heading and a display block each, and rows too wide
/// for the page continue under their `=`.
struct LayerAnswer {
    /// The network asked about.
    var network: Network
    /// Decimal places shown.
    var digits: Int

    /// The blocks under the question's heading.
    var blocks: [KeyBlock] {
        let derivation: LayerDerivation
        do throws(LayerError) { derivation = try LayerDerivation(network) } catch {
            return [.paragraph([.text("The network has no layer-wise form: \(error).")])]
        }
        var blocks: [KeyBlock] = derivation.assumptions.map { .paragraph([.text("Note: " + $0 + ".")]) }
        let values = self.values(derivation)
        if values == nil { blocks.append(.paragraph([.text("The values are symbolic, so the derivation is given in symbols.")])) }
        var rows: [String] = [], inNotation = false
        func flush() {
            if inNotation, !rows.isEmpty {
                // The notation is a list of names and spaces: one paragraph, not a display row each.
                let items = rows.map { KeyBlock.Inline.math($0.replacingOccurrences(of: " && ", with: " ").replacingOccurrences(of: "&", with: "")) }
                blocks.append(.paragraph(Array(items.map { [$0, KeyBlock.Inline.text(", ")] }.joined().dropLast()) + [.text(".")]))
            } else if !rows.isEmpty {
                blocks.append(.math(rows))
            }
            rows = []
        }
        for row in LayerLaTeX(digits: digits).lines(derivation, values: values) {
            if row.hasPrefix("\\intertext{\\textbf{"), let title = row.dropFirst("\\intertext{\\textbf{".count).split(separator: "}").first {
                flush()
                inNotation = title == "Notation"
                blocks.append(.heading(level: 2, [.text(String(title))]))
            } else if !row.hasPrefix("\\intertext") {
                rows.append(Self.broken(row))
            }
        }
        flush()
        return blocks
    }

    /// Every line's value at the file's values (and samples); `nil` when something is symbolic.
    func values(_ derivation: LayerDerivation) -> LayerValues? {
        guard network.isFullyValued, let point = try? Point(network: network) else { return nil }
        return try? derivation.evaluate(leaves: point.values.mapValues(\.scalars), samples: network.samples.map { $0.mapValues(\.doubles) })
    }

    /// The page width left beside the `\in \mathbb{R}^{…}` column.
    static let layout = MathLayout(width: MathLayout.page.width - 80)

    /// A row `lhs &= f = … = value && \in S` with its right-hand sides continued on further lines
    /// when too wide, the space kept on the first line.
    static func broken(_ row: String) -> String {
        guard let equals = row.range(of: " &= ") else { return row }
        let lhs = String(row[..<equals.lowerBound])
        var rest = String(row[equals.upperBound...]), space = ""
        if let column = rest.range(of: " && ") {
            space = String(rest[column.lowerBound...])
            rest = String(rest[..<column.lowerBound])
        }
        let steps = topLevelSides(rest).map { MathLayout.Piece($0) }
        let laid = layout.rows([MathLayout.Equation(lhs: lhs, steps: steps)])[0]
        guard let end = laid.range(of: " \\\\\n") else { return laid + space }
        return laid[..<end.lowerBound] + space + laid[end.lowerBound...]
    }

    /// The parts of `text` between ` = ` signs outside braces.
    static func topLevelSides(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if depth == 0, text[index...].hasPrefix(" = ") {
                parts.append(current)
                current = ""
                index = text.index(index, offsetBy: 3)
                continue
            }
            current.append(c)
            index = text.index(after: index)
        }
        parts.append(current)
        return parts
    }
}
