/// The network as JSON for scripts (`chainrule show --format json`): every node with its kind,
/// shape, inputs, definition and value, plus the settings and questions.
public struct NetworkJSON {
    /// The network to describe.
    public var network: Network

    /// Creates the description of `network`.
    public init(network: Network) { self.network = network }

    /// The JSON value.
    public var json: JSONValue {
        let formulas = FormulaText(network: network)
        let inputs = network.inputs  // computed: once, not once per node
        let nodes: [JSONValue] = network.nodes.enumerated().map { index, node in
            var fields: [(key: String, value: JSONValue)] = [
                ("name", .string(node.name)),
                ("kind", .string(node.kind.rawValue)),
                ("shape", .array(node.shape.dimensions.map { .number(Double($0)) })),
                ("inputs", .array(inputs[index].map { .string(network.nodes[$0].name) })),
                ("implicit", .bool(node.isImplicit)),
            ]
            if let formula = node.formula { fields.append(("definition", .string(formulas.text(formula)))) }
            if let z = node.preactivation { fields.append(("preactivation", .string(network.nodes[z].name))) }
            if node.kind.isLeaf { fields.append(("value", node.value.map(Self.value) ?? .null)) }
            return .object(fields)
        }
        var fields: [(key: String, value: JSONValue)] = [
            ("title", network.title.map(JSONValue.string) ?? .null),
            ("nodes", .array(nodes)),
            ("outputs", .array(network.outputs.map { .string(network.nodes[$0].name) })),
            ("loss", network.loss.map { .string(network.nodes[$0].name) } ?? .null),
            ("rate", network.rate.map(JSONValue.init) ?? .null),
            ("iterations", .number(Double(network.iterations))),
            ("digits", network.digits.map { .number(Double($0)) } ?? .null),
            ("questions", .array(network.questions.map { .string($0.kind.text) })),
        ]
        if !network.samples.isEmpty {
            fields.append(("samples", .array(network.samples.map { row in
                .object(row.keys.sorted().map { (network.nodes[$0].name, Self.value(row[$0] ?? Tensor(.zero))) })
            })))
        }
        return .object(fields)
    }

    /// A tensor as a number or nested arrays, row by row.
    public static func value(_ tensor: Tensor) -> JSONValue {
        let numbers = tensor.entries.map(JSONValue.init)
        switch tensor.shape.rank {
        case 0: return numbers[0]
        case 1: return .array(numbers)
        default:
            return .array(tensor.shape.rows(numbers).map(JSONValue.array))
        }
    }
}
