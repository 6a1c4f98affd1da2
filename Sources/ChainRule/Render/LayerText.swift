/// Prints a ``LayerDerivation`` as Unicode text for the terminal: `z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾   ∈ ℝ³`,
/// shapes in one column, each section under its heading, values (when given) on the next line.
public struct LayerText: Sendable {
    /// Decimal places shown for values.
    public var digits: Int

    /// Creates a printer.
    public init(digits: Int = 4) { self.digits = digits }

    /// One equation without its shape: `δ⁽²⁾ = ∂L/∂z⁽²⁾ = (W⁽³⁾ᵀδ⁽³⁾) ⊙ 1[z⁽²⁾ > 0]`.
    public func equation(_ line: LayerDerivation.Line) -> String {
        let notation = LayerTextNotation()
        return ([line.lhs] + line.forms).map(notation.render).joined(separator: " = ")
    }

    /// The whole derivation: what each symbol stands for, then every section; with `values`, each
    /// line's numbers at ``digits`` places.
    public func render(_ derivation: LayerDerivation, values: LayerValues? = nil) -> String {
        let notation = LayerTextNotation()
        let bindings = derivation.bindings
        var rows: [(String, String?)] = bindings.isEmpty ? [] : [("Notation", nil)]
        for binding in bindings {
            let names = notation.isTrivial(binding, in: derivation.chain) ? "" : " = " + notation.names(binding, in: derivation.chain)
            rows.append(("  " + notation.symbol(binding.symbol) + names,
                         "∈ " + notation.space(binding.symbol.shape, matrix: binding.symbol.role == .weight)))
        }
        var index = 0
        for section in derivation.sections where !section.lines.isEmpty {
            rows.append((section.kind.title, nil))
            for line in section.lines {
                rows.append(("  " + equation(line), "∈ " + notation.space(of: line)))
                if let value = values?.lines[index] {
                    rows.append(("    = " + notation.matrix(value, digits: digits), nil))
                }
                index += 1
            }
        }
        let width = rows.filter { $0.1 != nil }.map(\.0.count).max() ?? 0
        let heading = derivation.isBatch
            ? "Layer-wise backpropagation, batch of m samples (rows are samples)" + (values.map { ", m = \($0.m)" } ?? "")
            : "Layer-wise backpropagation, one sample"
        return ([heading] + derivation.assumptions.map { "note: " + $0 } + rows.map { text, shape in
            shape.map { text + String(repeating: " ", count: width - text.count + 3) + $0 } ?? text
        }).joined(separator: "\n")
    }
}
