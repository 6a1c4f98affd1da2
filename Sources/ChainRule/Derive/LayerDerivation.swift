/// The layer-wise derivation of backpropagation in vector and matrix form, for one sample or for a
/// batch (rows are samples): the forward equations, the loss, the output error δ⁽ᴸ⁾ simplified for
/// its loss and activation, the recursion for δ⁽ˡ⁾, and ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾, every line with its
/// shape checked. The lines are ``LayerExpr`` values, printed by the Render stage and evaluated by
/// ``evaluate(leaves:samples:)``.
public struct LayerDerivation: Sendable {
    /// One equation: `lhs = forms[0] = forms[1] = …`, all of shape `shape`.
    public struct Line: Hashable, Sendable {
        /// The quantity defined.
        public var lhs: LayerExpr
        /// Equal right-hand sides, from the general to the simplified.
        public var forms: [LayerExpr]
        /// The shape of every side.
        public var shape: LayerShape
    }

    /// A group of lines.
    public struct Section: Hashable, Sendable {
        /// Which part of the derivation.
        public enum Kind: String, Hashable, Sendable {
            /// z⁽ˡ⁾ and a⁽ˡ⁾.
            case forward
            /// L.
            case loss
            /// ∂L/∂ŷ and δ⁽ᴸ⁾.
            case outputError
            /// δ⁽ˡ⁾ for the hidden layers.
            case backward
            /// ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾.
            case gradients

            /// The heading: `Forward pass`.
            public var title: String {
                switch self {
                case .forward: "Forward pass"
                case .loss: "Loss"
                case .outputError: "Output error"
                case .backward: "Backward pass"
                case .gradients: "Gradients"
                }
            }
        }

        /// Which part.
        public var kind: Kind
        /// Its equations.
        public var lines: [Line]
    }

    /// Which file names a symbol of the derivation stands for (row-major in its single-sample shape).
    public struct Binding: Hashable, Sendable {
        /// x, W⁽ˡ⁾, b⁽ˡ⁾, a⁽ˡ⁾, ŷ or y (single-sample form).
        public var symbol: LayerSymbol
        /// The components of the file's nodes.
        public var refs: [LayerChain.Ref]
    }

    /// The chain derived.
    public let chain: LayerChain
    /// Whether rows are samples of a batch of m.
    public let isBatch: Bool
    /// The sections, in order.
    public let sections: [Section]

    /// Every line, in order.
    public var lines: [Line] { sections.flatMap(\.lines) }

    /// Whether the output layer is a softmax read with cross-entropy (δ⁽ᴸ⁾ = ŷ − y needs targets
    /// whose entries sum to 1).
    public var isSoftmaxCrossEntropy: Bool { chain.layers.last?.activation == .softmax }

    /// Conditions the lines rely on, one sentence each (shown with the derivation).
    public var assumptions: [String] {
        isSoftmaxCrossEntropy ? ["δ = ŷ − y for softmax with cross-entropy holds when the entries of each target sum to 1 (one-hot or probabilities)"] : []
    }

    /// Reads `network` as a layer chain and derives it.
    public init(_ network: Network, batch: Bool = false) throws(LayerError) {
        try self.init(LayerChain(network), batch: batch)
    }

    /// Derives `chain` for one sample or a batch.
    public init(_ chain: LayerChain, batch: Bool = false) throws(LayerError) {
        self.chain = chain
        isBatch = batch
        var sections: [Section] = []
        let count = chain.layers.count
        let derivation = LayerDerivation(chain: chain, batch: batch, sections: [])
        let s = derivation
        var forward: [Line] = []
        for l in 1...count {
            let layer = chain.layers[l - 1]
            forward.append(try Line(.symbol(s.z(l)), [s.preactivation(l)]))
            let output = LayerExpr.symbol(s.a(l))
            switch layer.activation {
            case .identity: forward.append(try Line(output, [.symbol(s.z(l))]))
            case .softmax: forward.append(try Line(output, [.apply(.softmax, .symbol(s.z(l)))]))
            default: forward.append(try Line(output, [.apply(.scalar(layer.activation.function ?? .identity), .symbol(s.z(l)))]))
            }
        }
        sections.append(Section(kind: .forward, lines: forward))
        sections.append(Section(kind: .loss, lines: [try Line(.symbol(s.loss), [s.lossExpression])]))
        sections.append(Section(kind: .outputError, lines: try s.outputError()))
        var backward: [Line] = []
        for l in stride(from: count - 1, through: 1, by: -1) {
            let next = chain.layers[l]
            let delta = LayerExpr.symbol(s.delta(l + 1)), weight = LayerExpr.symbol(s.W(l + 1))
            let carried: LayerExpr = switch (batch, next.orientation) {
            case (false, .outByIn): .product([.transpose(weight), delta])
            case (false, .inByOut): .product([weight, delta])
            case (true, .outByIn): .product([delta, weight])
            case (true, .inByOut): .product([delta, .transpose(weight)])
            }
            let local = s.derivative(l).map { LayerExpr.hadamard([carried] + LayerDerivation.factors($0)) } ?? carried
            backward.append(try Line(.symbol(s.delta(l)), [.gradient(s.z(l)), local]))
        }
        sections.append(Section(kind: .backward, lines: backward))
        var gradients: [Line] = []
        for l in stride(from: count, through: 1, by: -1) {
            let layer = chain.layers[l - 1]
            let delta = LayerExpr.symbol(s.delta(l)), input = LayerExpr.symbol(s.a(l - 1))
            let weight: LayerExpr = switch (batch, layer.orientation) {
            case (false, .outByIn): .product([delta, .transpose(input)])
            case (false, .inByOut): .product([input, .transpose(delta)])
            case (true, .outByIn): .product([.transpose(delta), input])
            case (true, .inByOut): .product([.transpose(input), delta])
            }
            gradients.append(try Line(.gradient(s.W(l)), [weight]))
            if layer.bias != nil {
                gradients.append(try Line(.gradient(s.b(l)), [batch ? .product([.transpose(delta), .symbol(s.ones)]) : delta]))
            }
        }
        sections.append(Section(kind: .gradients, lines: gradients))
        self.sections = sections
    }

    private init(chain: LayerChain, batch: Bool, sections: [Section]) {
        self.chain = chain
        isBatch = batch
        self.sections = sections
    }

    // MARK: Symbols

    private func samples(_ n: Int) -> LayerShape { isBatch ? LayerShape(.batch, .count(n)) : .column(n) }

    /// x (X in a batch).
    public var x: LayerSymbol { LayerSymbol(.input, batch: isBatch, shape: samples(chain.layers[0].inSize)) }
    /// z⁽ˡ⁾ (Z⁽ˡ⁾).
    public func z(_ l: Int) -> LayerSymbol {
        LayerSymbol(.preactivation, layer: l, batch: isBatch, shape: samples(chain.layers[l - 1].outSize))
    }
    /// a⁽ˡ⁾ (A⁽ˡ⁾); x for l = 0 and ŷ for the last layer.
    public func a(_ l: Int) -> LayerSymbol {
        if l == 0 { return x }
        if l == chain.layers.count { return yhat }
        return LayerSymbol(.activation, layer: l, batch: isBatch, shape: samples(chain.layers[l - 1].outSize))
    }
    /// ŷ (Ŷ).
    public var yhat: LayerSymbol { LayerSymbol(.output, batch: isBatch, shape: samples(chain.layers[chain.layers.count - 1].outSize)) }
    /// y (Y).
    public var y: LayerSymbol { LayerSymbol(.target, batch: isBatch, shape: samples(chain.layers[chain.layers.count - 1].outSize)) }
    /// W⁽ˡ⁾, in the file's orientation.
    public func W(_ l: Int) -> LayerSymbol { LayerSymbol(.weight, layer: l, shape: chain.layers[l - 1].weightShape) }
    /// b⁽ˡ⁾.
    public func b(_ l: Int) -> LayerSymbol { LayerSymbol(.bias, layer: l, shape: .column(chain.layers[l - 1].outSize)) }
    /// δ⁽ˡ⁾ (Δ⁽ˡ⁾).
    public func delta(_ l: Int) -> LayerSymbol {
        LayerSymbol(.delta, layer: l, batch: isBatch, shape: samples(chain.layers[l - 1].outSize))
    }
    /// The column of m ones.
    public var ones: LayerSymbol { LayerSymbol(.ones, batch: true, shape: LayerShape(.batch, .count(1))) }
    /// L.
    public var loss: LayerSymbol { LayerSymbol(.loss, shape: .scalar) }

    /// The file's names behind x, each W⁽ˡ⁾, b⁽ˡ⁾ and a⁽ˡ⁾, ŷ and y; in a batch the data are the
    /// batch matrices the derivation writes (X, A⁽ˡ⁾, Ŷ, Y: one row per sample).
    public var bindings: [Binding] {
        let single = LayerDerivation(chain: chain, batch: false, sections: [])
        var result = [Binding(symbol: x, refs: chain.layers[0].inputs)]
        for (k, layer) in chain.layers.enumerated() {
            result.append(Binding(symbol: single.W(k + 1), refs: layer.weights))
            if let bias = layer.bias { result.append(Binding(symbol: single.b(k + 1), refs: bias)) }
            result.append(Binding(symbol: a(k + 1), refs: layer.outputs))
        }
        result.append(Binding(symbol: y, refs: chain.targets))
        return result
    }

    // MARK: Pieces

    /// z⁽ˡ⁾'s definition: W a + b, Wᵀa + b; A Wᵀ + 1bᵀ, A W + 1bᵀ in a batch.
    private func preactivation(_ l: Int) -> LayerExpr {
        let layer = chain.layers[l - 1]
        let weight = LayerExpr.symbol(W(l)), input = LayerExpr.symbol(a(l - 1))
        let product: LayerExpr = switch (isBatch, layer.orientation) {
        case (false, .outByIn): .product([weight, input])
        case (false, .inByOut): .product([.transpose(weight), input])
        case (true, .outByIn): .product([input, .transpose(weight)])
        case (true, .inByOut): .product([input, weight])
        }
        guard layer.bias != nil else { return product }
        let bias: LayerExpr = isBatch ? .product([.symbol(ones), .transpose(.symbol(b(l)))]) : .symbol(b(l))
        return .sum([product, bias])
    }

    /// f′(z⁽ˡ⁾) written out (ReLU 1[z > 0], sigmoid a ⊙ (1 − a), tanh 1 − a ⊙ a, g′(z)); `nil` for the
    /// identity, whose derivative is 1.
    private func derivative(_ l: Int) -> LayerExpr? {
        let z = LayerExpr.symbol(z(l)), a = LayerExpr.symbol(a(l))
        switch chain.layers[l - 1].activation {
        case .identity, .softmax: return nil
        case .relu: return .apply(.scalar(.step), z)
        case .sigmoid: return .hadamard([a, .complement(a)])
        case .tanh: return .complement(.hadamard([a, a]))
        case .unspecified(let name): return .apply(.scalar(.derivative(name, order: 1)), z)
        }
    }

    /// `c · e`, with 1/m in a batch; `e` itself for c = 1 on one sample.
    private func scaled(_ c: Number, _ e: LayerExpr) -> LayerExpr {
        c.isOne && !isBatch ? e : .scaled(LayerScale(c, perSample: isBatch), e)
    }

    private var lossExpression: LayerExpr {
        let yhat = LayerExpr.symbol(yhat), y = LayerExpr.symbol(y)
        switch chain.loss {
        case .squaredError(let c):
            return .scaled(LayerScale(c, perSample: isBatch), .squaredNorm(.difference(yhat, y)))
        case .binaryCrossEntropy:
            let minus = LayerScale(-1)
            return scaled(.one, .total(.sum([
                .scaled(minus, .hadamard([y, .apply(.scalar(.log), yhat)])),
                .scaled(minus, .hadamard([.complement(y), .apply(.scalar(.log), .complement(yhat))])),
            ])))
        case .crossEntropy:
            return scaled(Number(-1), .total(.hadamard([y, .apply(.scalar(.log), yhat)])))
        }
    }

    /// ∂L/∂ŷ (when elementwise) and δ⁽ᴸ⁾, from the general ∂L/∂ŷ ⊙ f′(z⁽ᴸ⁾) to the simplified form.
    private func outputError() throws(LayerError) -> [Line] {
        let count = chain.layers.count, activation = chain.layers[count - 1].activation
        let yhat = LayerExpr.symbol(yhat), y = LayerExpr.symbol(y)
        let error = LayerExpr.difference(yhat, y)
        let delta = LayerExpr.symbol(delta(count))
        if activation == .softmax {
            return [try Line(delta, [.gradient(z(count)), scaled(.one, error)])]
        }
        let gradient: LayerExpr = switch chain.loss {
        case .squaredError(let c): scaled(c + c, error)
        case .binaryCrossEntropy: scaled(.one, .quotient(error, .hadamard([yhat, .complement(yhat)])))
        case .crossEntropy: scaled(Number(-1), .quotient(y, yhat))
        }
        let fPrime = derivative(count)
        let general = fPrime.map { LayerExpr.hadamard([.gradient(self.yhat)] + LayerDerivation.factors($0)) } ?? .gradient(self.yhat)
        let simplified: LayerExpr = switch (activation, chain.loss) {
        case (.sigmoid, .binaryCrossEntropy): scaled(.one, error)
        case (.sigmoid, .squaredError(let c)): .hadamard([scaled(c + c, error), yhat, .complement(yhat)])
        default: fPrime.map { LayerExpr.hadamard([gradient] + LayerDerivation.factors($0)) } ?? gradient
        }
        return [try Line(.gradient(self.yhat), [gradient]),
                try Line(delta, [.gradient(self.z(count)), general, simplified])]
    }

    /// The operands of a Hadamard product, flattened.
    private static func factors(_ e: LayerExpr) -> [LayerExpr] {
        if case .hadamard(let operands) = e { return operands }
        return [e]
    }
}

extension LayerDerivation.Line {
    /// A line whose every side has the left-hand side's shape.
    init(_ lhs: LayerExpr, _ forms: [LayerExpr]) throws(LayerError) {
        let shape = try lhs.shape()
        for form in forms {
            let other = try form.shape()
            guard other == shape else { throw .shapeMismatch("equate", shape, other) }
        }
        self.init(lhs: lhs, forms: forms, shape: shape)
    }
}
