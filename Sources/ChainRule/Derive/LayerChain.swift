/// A network read as a chain of dense layers: z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ (or W⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ + b⁽ˡ⁾),
/// a⁽ˡ⁾ = f(z⁽ˡ⁾), a⁽⁰⁾ = x, ending in a recognised loss of ŷ = a⁽ᴸ⁾ and the target y.
///
/// Vector layers (`a1 = relu(W1 x + b1)`, `a1 = sigmoid(W1^T x + b1)`) and scalar neurons over the
/// same inputs (`h1 = sigmoid(w11 x1 + w12 x2 + b1)`, `h2 = …`) are both read; every entry of every
/// W⁽ˡ⁾, b⁽ˡ⁾, a⁽ˡ⁾ is a ``Ref`` to a component of the file's nodes, so values and gradients map back
/// to the file's parameters.
public struct LayerChain: Hashable, Sendable {
    /// How a layer's weight matrix is stored in the file.
    public enum Orientation: Hashable, Sendable {
        /// W ∈ ℝ^{out×in}, z = W a + b.
        case outByIn
        /// W ∈ ℝ^{in×out}, z = Wᵀa + b.
        case inByOut
    }

    /// A layer's activation function.
    public enum Activation: Hashable, Sendable {
        /// f(z) = z.
        case identity
        /// σ(z).
        case sigmoid
        /// tanh z.
        case tanh
        /// max(0, z).
        case relu
        /// softmax over the layer (output layer only, with cross-entropy).
        case softmax
        /// An activation left unspecified (`g`): symbolic only.
        case unspecified(String)

        /// The elementwise function (`nil` for softmax).
        public var function: Function? {
            switch self {
            case .identity: .identity
            case .sigmoid: .sigmoid
            case .tanh: .tanh
            case .relu: .relu
            case .softmax: nil
            case .unspecified(let name): .unspecified(name)
            }
        }

        /// The activation of an elementwise function, when it is one a layer may use.
        init?(_ function: Function) {
            switch function {
            case .identity: self = .identity
            case .sigmoid: self = .sigmoid
            case .tanh: self = .tanh
            case .relu: self = .relu
            case .unspecified(let name): self = .unspecified(name)
            default: return nil
            }
        }
    }

    /// One scalar component of a node of the file: `W1[2,3]` is (W1, offset 6).
    public struct Ref: Hashable, Sendable {
        /// The node index in ``Network/nodes``.
        public var node: Int
        /// The row-major offset of the component.
        public var offset: Int

        /// Creates a reference.
        public init(_ node: Int, _ offset: Int) {
            self.node = node
            self.offset = offset
        }
    }

    /// One layer.
    public struct Layer: Hashable, Sendable {
        /// f.
        public var activation: Activation
        /// How W is stored.
        public var orientation: Orientation
        /// The entries of a⁽ˡ⁻¹⁾ (x for the first layer).
        public var inputs: [Ref]
        /// The entries of z⁽ˡ⁾.
        public var preactivations: [Ref]
        /// The entries of a⁽ˡ⁾.
        public var outputs: [Ref]
        /// The entries of W⁽ˡ⁾, row-major in the file's orientation (out × in, or in × out).
        public var weights: [Ref]
        /// The entries of b⁽ˡ⁾ (a shared scalar bias repeats); `nil` without a bias.
        public var bias: [Ref]?

        /// The number of units of the layer before (or inputs).
        public var inSize: Int { inputs.count }
        /// The number of units.
        public var outSize: Int { outputs.count }
        /// W's shape: out × in, or in × out.
        public var weightShape: LayerShape {
            orientation == .outByIn ? LayerShape(.count(outSize), .count(inSize)) : LayerShape(.count(inSize), .count(outSize))
        }
    }

    /// The network read.
    public var network: Network
    /// The layers, first to last.
    public var layers: [Layer]
    /// The loss of ŷ and y.
    public var loss: LayerLoss
    /// The entries of y, paired with the output units (a scalar target broadcast repeats).
    public var targets: [Ref]

    /// Reads `network` as a chain of layers, or says in one line why it is not one.
    public init(_ network: Network) throws(LayerError) {
        self = try LayerRecognizer(network: network).chain()
    }

    /// Creates a chain from parts already checked.
    init(network: Network, layers: [Layer], loss: LayerLoss, targets: [Ref]) {
        self.network = network
        self.layers = layers
        self.loss = loss
        self.targets = targets
    }

    /// The file's name of a component: `W1[2,3]`, `w11`, `x1`.
    public func name(_ ref: Ref) -> String {
        let node = network.nodes[ref.node]
        return node.shape.count == 1 ? node.name : node.componentNames[ref.offset]
    }

    /// The file's names of some components, whole nodes named once: `x`, `h1, h2`, `W1[1,1], W1[1,2]`.
    public func names(_ refs: [Ref]) -> [String] {
        var result: [String] = [], seen = Set<Int>()
        for ref in refs where !seen.contains(ref.node) {
            let node = network.nodes[ref.node]
            let whole = (0..<node.shape.count).map { Ref(ref.node, $0) }
            let mine = refs.filter { $0.node == ref.node }
            if mine == whole {
                result.append(node.name)
                seen.insert(ref.node)
            } else if !result.contains(name(ref)) {
                result.append(name(ref))
            }
        }
        return result
    }
}
