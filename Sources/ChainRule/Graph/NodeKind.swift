/// What role a node plays in a network.
public enum NodeKind: String, Hashable, Sendable {
    /// A network input (`input x1`).
    case input
    /// A weight or bias: written with `param`, or any other free name, or implicit in a neuron.
    case parameter
    /// A training target (`target y = 1`).
    case target
    /// A node defined by an expression (`h1 = sigmoid(…)`).
    case computed
    /// The implicit pre-activation `z_NAME` of a node written as an activation of an expression.
    case preactivation
    /// The loss (`loss L = …`).
    case loss

    /// Whether nodes of this kind have no definition (their values are given or symbolic).
    public var isLeaf: Bool { self == .input || self == .parameter || self == .target }
}
