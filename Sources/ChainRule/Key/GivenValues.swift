/// The "given" table of a problem: every input, parameter and target with its shape and value (or
/// "symbolic"), the learning rate and the number of iterations.
public enum GivenValues {
    /// The table block for `network`, values rounded to `digits`.
    public static func block(_ network: Network, digits: Int) -> KeyBlock? {
        var rows: [[String]] = []
        var implicitSymbolic = 0
        for node in network.nodes where node.kind.isLeaf {
            if node.isImplicit && node.value == nil {
                implicitSymbolic += 1
                continue
            }
            let name = SymbolName(node.name).latex
            let space = node.shape.isScalar ? "\\mathbb{R}" : "\\mathbb{R}^{" + node.shape.dimensions.map(String.init).joined(separator: "\\times ") + "}"
            let value = node.value.map { latexValue($0, digits: digits) } ?? "\\text{symbolic}"
            rows.append([name, space, value])
        }
        if let rate = network.rate { rows.append(["\\eta", "\\mathbb{R}", DisplayNumber.string(rate, digits: digits)]) }
        if network.iterations > 1 { rows.append(["\\text{iterations}", "", "\(network.iterations)"]) }
        guard !rows.isEmpty else { return nil }
        if implicitSymbolic > 0 {
            rows.append(["w_{q,u},\\ b_q", "\\mathbb{R}", "\\text{symbolic (one weight per edge, one bias per neuron)}"])
        }
        return .table(header: ["name", "space", "value"], rows: rows, mathCells: true)
    }

    /// A value as LaTeX: a number, a bracketed vector or a `bmatrix`.
    static func latexValue(_ tensor: Tensor, digits: Int) -> String {
        let entries = tensor.entries.map { DisplayNumber.string($0, digits: digits) }
        switch tensor.shape.rank {
        case 0: return entries[0]
        case 1: return "\\begin{bmatrix}" + entries.joined(separator: " & ") + "\\end{bmatrix}^{\\top}"
        default:
            let rows = tensor.shape.rows(entries).map { $0.joined(separator: " & ") }
            return "\\begin{bmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{bmatrix}"
        }
    }
}
