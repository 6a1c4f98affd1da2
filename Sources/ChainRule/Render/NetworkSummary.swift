/// The plain-text overview of a network printed by `chainrule show`: nodes with their definitions,
/// edges, parameters (valued or symbolic) and shapes, and what the file asks.
public struct NetworkSummary {
    /// The network to describe.
    public var network: Network

    /// Creates a summary of `network`.
    public init(network: Network) { self.network = network }

    /// The text, one fact per line.
    public var text: String {
        let formulas = FormulaText(network: network)
        var lines: [String] = []
        if let title = network.title { lines += [title, ""] }
        func leaves(_ kind: NodeKind, _ heading: String) {
            let nodes = network.nodes.filter { $0.kind == kind }
            guard !nodes.isEmpty else { return }
            lines.append(heading)
            for node in nodes {
                let shape = node.shape.isScalar ? "" : " ∈ \(node.shape.space)"
                let value = node.value.map { " = " + ValueText.text($0) } ?? " (symbolic)"
                let implicit = node.isImplicit ? "   [implicit]"
                    : network.undeclaredParameters.contains(node.name) ? "   [undeclared]" : ""
                let range = node.range.map { " (variants: in \(Self.text($0)))" } ?? ""
                lines.append("  \(node.name)\(shape)\(value)\(range)\(implicit)")
            }
        }
        leaves(.input, "inputs:")
        leaves(.parameter, "parameters:")
        leaves(.target, "targets:")
        if !network.constants.isEmpty {
            lines.append("constants:")
            for constant in network.constants {
                let name = constant == .pi ? "π" : constant.rawValue
                lines.append("  \(name) = \(constant.value) (\(constant.description))")
            }
        }
        if !network.undeclaredParameters.isEmpty {
            lines.append("undeclared (symbolic parameters): " + network.undeclaredParameters.joined(separator: ", "))
        }
        let computed = network.nodes.filter { !$0.kind.isLeaf }
        if !computed.isEmpty { lines.append("nodes (topological order):") }
        for node in computed {
            let shape = node.shape.isScalar ? "" : " ∈ \(node.shape.space)"
            let role = node.kind == .loss ? "   [loss]" : node.kind == .preactivation ? "   [pre-activation]" : ""
            lines.append("  \(node.name)\(shape) = \(node.formula.map(formulas.text) ?? "?")\(role)")
        }
        let edges = network.inputs.enumerated().flatMap { to, inputs in
            inputs.map { "\(network.nodes[$0].name) → \(network.nodes[to].name)" }
        }
        if !edges.isEmpty { lines += ["edges:", "  " + edges.joined(separator: ", ")] }
        var settings: [String] = []
        if let rate = network.rate { settings.append("rate \(DisplayNumber.string(rate))") }
        if network.iterations != 1 { settings.append("iterations \(network.iterations)") }
        if let digits = network.digits { settings.append("digits \(digits)") }
        if !network.samples.isEmpty { settings.append("\(network.samples.count) samples") }
        if !settings.isEmpty { lines.append("settings: " + settings.joined(separator: ", ")) }
        if !network.questions.isEmpty {
            lines.append("find: " + network.questions.map(\.kind.text).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

extension NetworkSummary {
    /// A variant range as written: `[-1, 1] step 0.1` or `{0.5, 1, 2}`.
    static func text(_ range: ValueRange) -> String {
        switch range {
        case .interval(let low, let high, let step):
            "[\(DisplayNumber.string(low)), \(DisplayNumber.string(high))] step \(DisplayNumber.string(step))"
        case .choices(let values):
            "{" + values.map { DisplayNumber.string($0) }.joined(separator: ", ") + "}"
        }
    }
}

extension Question.Kind {
    /// The item as written in a `find` statement.
    public var text: String {
        switch self {
        case .derivative(let of, let wrt): "d\(of)/d\(wrt)"
        case .forward: "forward"
        case .loss: "loss"
        case .backward: "backward"
        case .update: "update"
        case .layers: "layers"
        }
    }
}

/// Writes a given value as the file would (`0.5`, `[1, 2]`, `[[0.1, 0.2], [0.3, 0.4]]`).
public enum ValueText {
    /// The value as text.
    public static func text(_ tensor: Tensor, digits: Int? = nil) -> String {
        let entries = tensor.entries.map { DisplayNumber.string($0, digits: digits) }
        switch tensor.shape.rank {
        case 0: return entries[0]
        case 1: return "[" + entries.joined(separator: ", ") + "]"
        default:
            return "[" + tensor.shape.rows(entries).map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }
}
