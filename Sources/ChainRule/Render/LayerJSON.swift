/// The layer-wise derivation as JSON (`chainrule derive --form layers --format json`): the layers
/// read, the notation, every line in LaTeX and text with its shape and (when evaluated) its value
/// row by row, and ∂L/∂p for each parameter of the file.
public enum LayerJSON {
    /// The document.
    public static func document(_ derivation: LayerDerivation, values: LayerValues? = nil, notes: [String] = []) -> JSONValue {
        let text = LayerTextNotation(), latex = LayerLaTeXNotation()
        let chain = derivation.chain
        func shape(_ s: LayerShape) -> JSONValue { .array([dimension(s.rows), dimension(s.cols)]) }
        let layers: [JSONValue] = chain.layers.enumerated().map { k, layer in
            .object([
                ("layer", .number(Double(k + 1))),
                ("activation", .string(activation(layer.activation))),
                ("orientation", .string(layer.orientation == .outByIn ? "out×in" : "in×out")),
                ("inputs", .array(chain.names(layer.inputs).map(JSONValue.string))),
                ("outputs", .array(chain.names(layer.outputs).map(JSONValue.string))),
            ])
        }
        let notation: [JSONValue] = derivation.bindings.map { binding in
            .object([("symbol", .string(text.symbol(binding.symbol))), ("latex", .string(latex.symbol(binding.symbol))),
                     ("names", .array(binding.refs.map { .string(chain.name($0)) })), ("shape", shape(binding.symbol.shape))])
        }
        var index = 0
        let sections: [JSONValue] = derivation.sections.map { section in
            let lines: [JSONValue] = section.lines.map { line in
                var members: [(key: String, value: JSONValue)] = [
                    ("text", .string(LayerText().equation(line))), ("latex", .string(LayerLaTeX().equation(line))),
                    ("shape", shape(line.shape)),
                ]
                if let value = values?.lines[index] {
                    members.append(("value", .array(value.rowArrays.map { .array($0.map(JSONValue.number)) })))
                }
                index += 1
                return .object(members)
            }
            return .object([("title", .string(section.kind.title)), ("lines", .array(lines))])
        }
        var members: [(key: String, value: JSONValue)] = [
            ("form", "layers"), ("batch", .bool(derivation.isBatch)), ("loss", .string(loss(chain.loss))),
            ("layers", .array(layers)), ("notation", .array(notation)), ("sections", .array(sections)),
        ]
        if let values {
            members.append(("m", .number(Double(values.m))))
            members.append(("gradients", .array(values.gradients.map {
                .object([("parameter", .string($0.parameter)), ("values", .array($0.values.map(JSONValue.number)))])
            })))
        }
        if !notes.isEmpty { members.append(("notes", .array(notes.map(JSONValue.string)))) }
        return .object(members)
    }

    private static func dimension(_ d: LayerDim) -> JSONValue {
        switch d {
        case .count(let n): .number(Double(n))
        case .batch: "m"
        }
    }

    private static func activation(_ a: LayerChain.Activation) -> String {
        switch a {
        case .identity: "identity"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .softmax: "softmax"
        case .unspecified(let name): name
        }
    }

    private static func loss(_ l: LayerLoss) -> String {
        switch l {
        case .squaredError(let c): "squared error (×\(DisplayNumber(c).plain))"
        case .binaryCrossEntropy: "binary cross-entropy"
        case .crossEntropy: "cross-entropy"
        }
    }
}
