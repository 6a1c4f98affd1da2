/// The "given" table of a problem: every input, parameter and target with its space and value (or
/// "symbolic"), where variants draw it from when the file declares a range, the learning rate and
/// the number of iterations.
enum GivenValues {
    /// The table block for `network`, values rounded to `digits`; `nil` when there is nothing to list.
    static func block(_ network: Network, digits: Int) -> KeyBlock? {
        let ranged = network.nodes.contains { $0.range != nil }
        var rows: [[KeyBlock.Inline]] = []
        var implicitSymbolic = 0
        for node in network.nodes where node.kind.isLeaf {
            if node.isImplicit && node.value == nil {
                implicitSymbolic += 1
                continue
            }
            let space = node.shape.isScalar ? "\\mathbb{R}" : "\\mathbb{R}^{" + node.shape.dimensions.map(String.init).joined(separator: "\\times ") + "}"
            var row: [KeyBlock.Inline] = [.math(SymbolName(node.name).latex), .math(space),
                                          node.value.map { .math(latexValue($0, digits: digits)) } ?? .text("symbolic")]
            if ranged { row.append(node.range.map { .math(latexRange($0)) } ?? .text("")) }
            rows.append(row)
        }
        let blank: [KeyBlock.Inline] = ranged ? [.text("")] : []
        if implicitSymbolic > 0 {
            rows.append([.math("w_{q,u},\\ b_q"), .math("\\mathbb{R}"), .text("symbolic: one weight per edge u → q, one bias per neuron q")] + blank)
        }
        if let rate = network.rate { rows.append([.math("\\eta"), .text("learning rate"), .math(LaTeXPrinter(digits: digits).number(rate))] + blank) }
        if network.iterations > 1 { rows.append([.text("iterations"), .text(""), .math("\(network.iterations)")] + blank) }
        guard !rows.isEmpty else { return nil }
        if !ranged, network.rate == nil, network.iterations <= 1, network.nodes.allSatisfy({ !$0.kind.isLeaf || $0.value == nil }) {
            // Nothing has a value: a sentence says so, naming each quantity with its space.
            let items = rows.dropLast(implicitSymbolic > 0 ? 1 : 0).map { row -> [KeyBlock.Inline] in
                guard case .math(let name) = row[0], case .math(let space) = row[1] else { return [] }
                return [.math(name + " \\in " + space)]
            }.filter { !$0.isEmpty }
            var inlines: [KeyBlock.Inline] = [.text("Every value is symbolic: ")]
            inlines += Array(items.map { $0 + [.text(", ")] }.joined().dropLast())
            if implicitSymbolic > 0 { inlines += [.text("; one weight "), .math("w_{q,u}"), .text(" per edge u → q and one bias "), .math("b_q"), .text(" per neuron q")] }
            return .paragraph(inlines + [.text(".")])
        }
        return .table(header: ["name", "space", "value"] + (ranged ? ["variants draw from"] : []), rows: rows)
    }

    /// A value as LaTeX: a number, a row vector transposed, or a `bmatrix`.
    static func latexValue(_ tensor: Tensor, digits: Int) -> String {
        let entries = tensor.entries.map { LaTeXPrinter(digits: digits).number($0) }
        switch tensor.shape.rank {
        case 0: return entries[0]
        case 1: return "\\begin{bmatrix}" + entries.joined(separator: " & ") + "\\end{bmatrix}^{\\top}"
        default:
            let rows = tensor.shape.rows(entries).map { $0.joined(separator: " & ") }
            return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}"
        }
    }

    /// `[-1, 1]` with its step, or `\{0.5, 1, 2\}`.
    static func latexRange(_ range: ValueRange) -> String {
        switch range {
        case .interval(let low, let high, let step):
            "[" + DisplayNumber.string(low) + ", " + DisplayNumber.string(high) + "],\\ \\text{step } " + DisplayNumber.string(step)
        case .choices(let options):
            "\\{" + options.map { DisplayNumber.string($0) }.joined(separator: ", ") + "\\}"
        }
    }
}
