/// The functions a `.nn` file may call, with their arity and how they become a ``Formula``.
public enum BuiltinFunction: String, CaseIterable, Sendable {
    case sigmoid, tanh, relu, identity, step, softmax, g
    case exp, log, abs, max, min, sum
    case bce, crossEntropy = "cross_entropy", mse
    case norm, mean, hinge

    /// Other spellings of function names as notes print them: `σ` (read as `sigma`) for sigmoid, `ReLU`.
    static let aliases: [String: BuiltinFunction] = ["sigma": .sigmoid, "ReLU": .relu, "Relu": .relu]

    /// The function called `name`, by its own name or an alias.
    public static func named(_ name: String) -> BuiltinFunction? {
        BuiltinFunction(rawValue: name) ?? aliases[name]
    }

    /// How many arguments a call takes; `nil` for a neuron activation, which takes any number of
    /// node names (`g(a, b, x2)`).
    public var arity: Int? {
        switch self {
        case .max, .min, .bce, .crossEntropy, .mse, .hinge: 2
        default: 1
        }
    }

    /// Whether calling it on node names makes a neuron with implicit weights and bias.
    public var isActivation: Bool {
        switch self {
        case .sigmoid, .tanh, .relu, .identity, .step, .softmax, .g: true
        default: false
        }
    }

    /// The elementwise scalar function, for those that are one.
    public var scalarFunction: Function? {
        switch self {
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .identity: .identity
        case .step: .step
        case .g: .unspecified("g")
        case .exp: .exp
        case .log: .log
        case .abs: .abs
        case .max: .max
        case .min: .min
        case .softmax, .sum, .bce, .crossEntropy, .mse, .norm, .mean, .hinge: nil
        }
    }
}
