/// One named quantity of a network: an input, parameter, target, computed node, pre-activation or loss.
public struct Node: Hashable, Sendable {
    /// The name as written (or as generated: `z_h1`, `w_c_a`, `b_c`).
    public var name: String
    /// The node's role.
    public var kind: NodeKind
    /// Scalar, vector or matrix.
    public var shape: Shape
    /// How it is computed; `nil` for inputs, parameters and targets.
    public var formula: Formula?
    /// The value given in the file, for inputs, parameters and targets.
    public var value: Tensor?
    /// The range variants draw this value from, when declared.
    public var range: ValueRange?
    /// For a node written as an activation of an expression, the index of its pre-activation node.
    public var preactivation: Int?
    /// Whether the tool made this node up (implicit pre-activations, neuron weights and biases).
    public var isImplicit: Bool
    /// Where it is defined or first used.
    public var location: SourceLocation

    /// Creates a node.
    public init(name: String, kind: NodeKind, shape: Shape = .scalar, formula: Formula? = nil,
                value: Tensor? = nil, range: ValueRange? = nil, preactivation: Int? = nil,
                isImplicit: Bool = false, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.shape = shape
        self.formula = formula
        self.value = value
        self.range = range
        self.preactivation = preactivation
        self.isImplicit = isImplicit
        self.location = location
    }

    /// The names of its scalar components: `x` → `["x"]`, `x[2]` → `["x[1]", "x[2]"]`,
    /// `W[2,2]` → `["W[1,1]", "W[1,2]", "W[2,1]", "W[2,2]"]`.
    public var componentNames: [String] {
        shape.isScalar ? [name] : shape.indices.map { Node.componentName(name, $0) }
    }

    /// `name[i]` or `name[i,j]`.
    public static func componentName(_ name: String, _ index: [Int]) -> String {
        index.isEmpty ? name : name + "[" + index.map(String.init).joined(separator: ",") + "]"
    }
}
