/// A named scalar function that can appear in an expression.
///
/// Activations (`sigmoid`, `tanh`, `relu`, `identity`, `step`, an unspecified `g`) and the
/// elementary functions a course uses. Vector functions (softmax, losses over vectors) are written
/// out in these terms when a network is viewed neuron by neuron.
public enum Function: Hashable, Sendable {
    /// The logistic function σ(z) = 1 / (1 + e^(−z)).
    case sigmoid
    /// The hyperbolic tangent.
    case tanh
    /// max(0, z).
    case relu
    /// The identity activation (a linear output).
    case identity
    /// The indicator 1[z > 0] (Heaviside step; ReLU's derivative).
    case step
    /// e^z.
    case exp
    /// The natural logarithm.
    case log
    /// |z|.
    case abs
    /// The larger of two arguments.
    case max
    /// The smaller of two arguments.
    case min
    /// An activation left unspecified, named as in the course (the quiz's `g`).
    case unspecified(String)
    /// The `order`-th derivative of an unspecified activation (g′, g″).
    case derivative(String, order: Int)

    /// How many arguments the function takes.
    public var arity: Int {
        switch self {
        case .max, .min: 2
        default: 1
        }
    }

    /// The name used in `.nn` files and plain-text output (`sigmoid`, `g`).
    public var name: String {
        switch self {
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .identity: "identity"
        case .step: "step"
        case .exp: "exp"
        case .log: "log"
        case .abs: "abs"
        case .max: "max"
        case .min: "min"
        case .unspecified(let name): name
        case .derivative(let name, let order): name + String(repeating: "'", count: order)
        }
    }

    /// Whether a course calls this an activation function (a node defined as one of these applied to an
    /// expression gets an implicit pre-activation `z_NAME`).
    public var isActivation: Bool {
        switch self {
        case .sigmoid, .tanh, .relu, .identity, .step, .unspecified: true
        default: false
        }
    }

    /// Whether the function has a point where its derivative jumps (ReLU, step, abs, max, min at ties).
    public var hasKink: Bool {
        switch self {
        case .relu, .step, .abs, .max, .min: true
        default: false
        }
    }
}
