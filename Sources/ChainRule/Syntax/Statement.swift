/// One statement (one logical line) of a `.nn` file.
public struct Statement: Hashable, Sendable {
    /// What the statement says.
    public var kind: Kind
    /// Where the statement starts (its keyword or name).
    public var location: SourceLocation

    /// Creates a statement.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The statement forms; README.md specifies each with an example.
    public enum Kind: Hashable, Sendable {
        /// `input x1, x2 = 0.1, x[4] = [1, 2, 3, 4]`
        case input([Declaration])
        /// `param w11 = 0.2, W1[4,2] = [[…]]`, `param w11 in [-1, 1] step 0.1`
        case param([Declaration])
        /// `target y = 1`
        case target([Declaration])
        /// `NAME = EXPR`: a node of the network.
        case node(name: String, SyntaxExpr)
        /// `loss L = EXPR`
        case loss(name: String, SyntaxExpr)
        /// `rate 0.01`: the learning rate η.
        case rate(Number)
        /// `iterations 2`: gradient-descent passes for `run` and `key`.
        case iterations(Int)
        /// `digits 4`: decimal places shown.
        case digits(Int)
        /// `sample x1 = 0.5, x2 = 0.1, y = 1`: one row of a batch (inputs and targets).
        case sample([Declaration])
        /// `find dy/dx1, forward, loss, backward, update, layers`
        case find([Question])
    }
}

/// A name introduced by `input`, `param`, `target` or `sample`, with its optional shape and value.
public struct Declaration: Hashable, Sendable {
    /// The declared name.
    public var name: String
    /// `[4]` or `[4,2]`; empty for a scalar or when not written.
    public var shape: [Int]
    /// Whether a shape was written (`x[1]` declares a 1-vector, `x` a scalar).
    public var hasShape: Bool
    /// The value, when given: a number or a (nested) bracketed array.
    public var value: SyntaxExpr?
    /// A range to draw values from for problem variants.
    public var range: ValueRange?
    /// `target y = class 3`: the 1-based index of the true class, meaning a one-hot vector as long as
    /// the prediction it is compared with.
    public var classIndex: Int?
    /// Where the name is.
    public var location: SourceLocation

    /// Creates a declaration.
    public init(name: String, shape: [Int] = [], hasShape: Bool = false, value: SyntaxExpr? = nil,
                range: ValueRange? = nil, location: SourceLocation) {
        self.name = name
        self.shape = shape
        self.hasShape = hasShape
        self.value = value
        self.range = range
        self.location = location
    }
}

/// Where the values of a problem variant are drawn from: `in [-1, 1] step 0.1` or `in {0.5, 1, 2}`.
public enum ValueRange: Hashable, Sendable {
    /// Evenly spaced values from `low` to `high` inclusive.
    case interval(low: Number, high: Number, step: Number)
    /// One of the listed values.
    case choices([Number])
}

/// One item of a `find` statement.
public struct Question: Hashable, Sendable {
    /// What is asked.
    public var kind: Kind
    /// Where the item is written.
    public var location: SourceLocation

    /// Creates a question.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The things a problem can ask for.
    public enum Kind: Hashable, Sendable {
        /// `dA/dB`: the total derivative of A with respect to B.
        case derivative(of: String, wrt: String)
        /// `forward`: every node's value.
        case forward
        /// `loss`: the loss value.
        case loss
        /// `backward`: δ per node and the gradient per parameter.
        case backward
        /// `update`: the parameters after one gradient-descent step.
        case update
        /// `layers`: the layer-wise matrix derivation.
        case layers
    }
}
