/// The numbers of a ``LayerDerivation``: every line evaluated at one point (and batch).
public struct LayerValues: Sendable {
    /// The value of each line of ``LayerDerivation/lines``, in order.
    public var lines: [LayerMatrix]
    /// The number of samples m (1 for a single sample).
    public var m: Int
    /// The value of every symbol and gradient defined.
    public var environment: [LayerExpr: LayerMatrix]
    /// ∂L/∂p for every parameter the layers use, in network order, mapped back from the ∂L/∂W⁽ˡ⁾ and
    /// ∂L/∂b⁽ˡ⁾ lines (a parameter shared by several entries adds their parts).
    public var gradients: [LayerGradient]
}

/// ∂L/∂p for one parameter node of the file, as the layer-wise form computes it.
public struct LayerGradient: Hashable, Sendable {
    /// The parameter's name (`W1`, `w11`).
    public var parameter: String
    /// Its index in ``Network/nodes``.
    public var node: Int
    /// The gradient's entries, row-major like the parameter.
    public var values: [Double]
}

extension LayerDerivation {
    /// Every line evaluated in full `Double` precision.
    ///
    /// `leaves` gives values by node index, row-major (`point.values.mapValues(\.scalars)` of a
    /// runtime point): the parameters, and the inputs and targets where a sample does not give them.
    /// A batch derivation takes its rows from `samples` (m = `samples.count`; one row from `leaves`
    /// when empty); a single-sample one takes the first sample, if any, over `leaves`.
    public func evaluate(leaves: [Int: [Double]], samples: [[Int: [Double]]] = []) throws(LayerError) -> LayerValues {
        let rows = isBatch ? (samples.isEmpty ? [[:]] : samples) : [samples.first ?? [:]]
        func value(_ ref: LayerChain.Ref, _ row: [Int: [Double]]) throws(LayerError) -> Double {
            guard let values = row[ref.node] ?? leaves[ref.node], values.indices.contains(ref.offset) else {
                throw .notNumeric("'\(chain.name(ref))' has no value")
            }
            return values[ref.offset]
        }
        func entries(_ refs: [LayerChain.Ref], _ row: [Int: [Double]], into result: inout [Double]) throws(LayerError) {
            var node = -1, source: [Double] = []
            for ref in refs {
                if ref.node != node {
                    node = ref.node
                    source = row[node] ?? leaves[node] ?? []
                }
                guard source.indices.contains(ref.offset) else { throw .notNumeric("'\(chain.name(ref))' has no value") }
                result.append(source[ref.offset])
            }
        }
        func matrix(_ refs: [LayerChain.Ref], rows r: Int, cols c: Int) throws(LayerError) -> LayerMatrix {
            var result: [Double] = []
            result.reserveCapacity(refs.count)
            try entries(refs, [:], into: &result)
            return LayerMatrix(rows: r, cols: c, entries: result)
        }
        func sampled(_ refs: [LayerChain.Ref]) throws(LayerError) -> LayerMatrix {
            var result: [Double] = []
            result.reserveCapacity(rows.count * refs.count)
            for row in rows { try entries(refs, row, into: &result) }
            return isBatch ? LayerMatrix(rows: rows.count, cols: refs.count, entries: result) : LayerMatrix(column: result)
        }
        if isSoftmaxCrossEntropy {
            for row in rows {
                var total = 0.0
                for ref in chain.targets { total += try value(ref, row) }
                guard abs(total - 1) <= 1e-9 else {
                    throw .notNumeric("softmax with cross-entropy needs targets whose entries sum to 1, got \(total)")
                }
            }
        }
        var environment: [LayerExpr: LayerMatrix] = [
            .symbol(x): try sampled(chain.layers[0].inputs),
            .symbol(y): try sampled(chain.targets),
        ]
        if isBatch { environment[.symbol(ones)] = LayerMatrix(rows: rows.count, cols: 1, repeating: 1) }
        for (k, layer) in chain.layers.enumerated() {
            let shape = layer.weightShape.dimensions
            environment[.symbol(W(k + 1))] = try matrix(layer.weights, rows: shape.0, cols: shape.1)
            if let bias = layer.bias { environment[.symbol(b(k + 1))] = try matrix(bias, rows: bias.count, cols: 1) }
        }
        var results: [LayerMatrix] = []
        for line in lines {
            guard let last = line.forms.last else { continue }
            let result = try last.evaluate(environment, m: rows.count)
            environment[line.lhs] = result
            for form in line.forms {
                switch form {
                case .symbol, .gradient: environment[form] = result
                default: break
                }
            }
            results.append(result)
        }
        return LayerValues(lines: results, m: rows.count, environment: environment,
                           gradients: parameterGradients(environment))
    }

    /// ∂L/∂p for every parameter the layers use, from the evaluated gradient lines.
    private func parameterGradients(_ environment: [LayerExpr: LayerMatrix]) -> [LayerGradient] {
        var sums: [Int: [Double]] = [:]
        func add(_ refs: [LayerChain.Ref], _ values: LayerMatrix?) {
            guard let values else { return }
            var node = -1, buffer: [Double] = []
            for (ref, value) in zip(refs, values.entries) {
                if ref.node != node {
                    if node >= 0 { sums[node] = buffer }
                    node = ref.node
                    buffer = sums[node] ?? Array(repeating: 0, count: chain.network.nodes[node].shape.count)
                }
                buffer[ref.offset] += value
            }
            if node >= 0 { sums[node] = buffer }
        }
        for (k, layer) in chain.layers.enumerated() {
            add(layer.weights, environment[.gradient(W(k + 1))])
            if let bias = layer.bias { add(bias, environment[.gradient(b(k + 1))]) }
        }
        return sums.keys.sorted().compactMap { node in
            sums[node].map { LayerGradient(parameter: chain.network.nodes[node].name, node: node, values: $0) }
        }
    }
}

extension LayerShape {
    /// The sizes of a shape without the batch dimension.
    var dimensions: (Int, Int) { (rows.size(m: 1), cols.size(m: 1)) }
}
