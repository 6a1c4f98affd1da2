/// A network viewed neuron by neuron: every vector and matrix split into scalar components, each
/// computed node defined by an ``Expr`` over the symbols of its direct inputs.
///
/// This is the DAG on which the chain rule runs. ``Network/scalarGraph(contractingPreactivations:)``
/// builds it; tests may also build one directly.
public struct ScalarGraph: Hashable, Sendable {
    /// One scalar quantity.
    public struct Node: Hashable, Sendable {
        /// `x1`, `a1[2]`, `W1[1,2]`, `z_h1`.
        public var name: String
        /// The role of the network node it comes from.
        public var kind: NodeKind
        /// Direct inputs (indices into ``ScalarGraph/nodes``) in the order they first appear in the
        /// definition: the edges into this node.
        public var inputs: [Int]
        /// The definition in terms of `.symbol` of the inputs' names; `nil` for leaves.
        public var definition: Expr?
        /// The given value of a leaf.
        public var value: Number?
        /// When the node is an activation f(z) whose pre-activation z was folded in
        /// (see ``Network/scalarGraph(contractingPreactivations:)``): z's name and definition.
        public var preactivation: Preactivation?

        /// Creates a node.
        public init(name: String, kind: NodeKind, inputs: [Int] = [], definition: Expr? = nil,
                    value: Number? = nil, preactivation: Preactivation? = nil) {
            self.name = name
            self.kind = kind
            self.inputs = inputs
            self.definition = definition
            self.value = value
            self.preactivation = preactivation
        }
    }

    /// A pre-activation folded into its activation node: `z_h1 = w11 x1 + w12 x2 + b1`.
    public struct Preactivation: Hashable, Sendable {
        /// The pre-activation's name, `z_h1`.
        public var name: String
        /// Its definition over the activation node's inputs.
        public var definition: Expr

        /// Creates a folded pre-activation.
        public init(name: String, definition: Expr) {
            self.name = name
            self.definition = definition
        }
    }

    /// All nodes, in topological order.
    public var nodes: [Node]
    private var positions: [String: Int]

    /// Creates a graph; `nodes` must be in topological order with valid input indices.
    public init(nodes: [Node]) {
        self.nodes = nodes
        positions = Dictionary(nodes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The index of the node with this name.
    public func index(of name: String) -> Int? { positions[name] }

    /// For each node, the nodes that use it directly (its consumers), in topological order.
    public var consumers: [[Int]] {
        var result = Array(repeating: [Int](), count: nodes.count)
        for (i, node) in nodes.enumerated() {
            for input in node.inputs { result[input].append(i) }
        }
        return result
    }

    /// The edges (input, node) in topological order of the node, inputs in written order.
    public var edges: [(from: Int, to: Int)] {
        nodes.indices.flatMap { to in nodes[to].inputs.map { (from: $0, to: to) } }
    }
}
