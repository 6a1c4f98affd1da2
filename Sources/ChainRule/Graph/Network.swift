/// A validated network: the single value every later stage reads.
///
/// Built from a `.nn` file by ``NetworkBuilder``: names resolved, shapes checked, neurons expanded
/// into implicit weights, biases and pre-activations, nodes in topological order (every node after
/// its inputs, otherwise in the order written).
public struct Network: Hashable, Sendable {
    /// The first comment line of the file, used as the problem's title.
    public var title: String?
    /// All nodes in topological order.
    public var nodes: [Node]
    /// The loss node, when the file has `loss`.
    public var loss: Int?
    /// The learning rate η (`rate`).
    public var rate: Number?
    /// Gradient-descent passes (`iterations`), 1 when not written.
    public var iterations: Int
    /// Decimal places shown (`digits`), when written.
    public var digits: Int?
    /// Batch rows (`sample`): each maps input and target node indices to values.
    public var samples: [[Int: Tensor]]
    /// What the file asks (`find`), names resolved.
    public var questions: [Question]
    /// The named constants the file uses (`e`, `pi`), in the order first used.
    public var constants: [NamedConstant] = []
    /// Parameters that no `param` statement declares: free names taken as symbolic parameters.
    public var undeclaredParameters: [String] = []
    /// Warnings and notes about a file that built (printed by every command): an undeclared name taken
    /// as a parameter, `a / b c` read as (a / b) c.
    public var notes: [Diagnostic] = []
    /// The course's names for the network's quantities (`notation`), targets checked.
    public var notation: [Notation] = []

    /// Creates a network from parts that are already consistent (the builder checks them).
    public init(title: String? = nil, nodes: [Node], loss: Int? = nil, rate: Number? = nil,
                iterations: Int = 1, digits: Int? = nil, samples: [[Int: Tensor]] = [],
                questions: [Question] = []) {
        self.title = title
        self.nodes = nodes
        self.loss = loss
        self.rate = rate
        self.iterations = iterations
        self.digits = digits
        self.samples = samples
        self.questions = questions
    }

    /// The index of the node with this name.
    public func index(of name: String) -> Int? {
        nodes.firstIndex { $0.name == name }
    }

    /// The node with this name.
    public subscript(name: String) -> Node? {
        index(of: name).map { nodes[$0] }
    }

    /// Indices of the nodes of one kind, in topological order.
    public func indices(of kind: NodeKind) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == kind }
    }

    /// The direct inputs of each node (the nodes its formula references), in the order written.
    public var inputs: [[Int]] {
        nodes.map { $0.formula?.references ?? [] }
    }

    /// The nodes no other node uses, excluding the loss: the network's outputs.
    public var outputs: [Int] {
        var used = Set<Int>()
        for (i, node) in nodes.enumerated() where i != loss {
            node.formula?.references.forEach { used.insert($0) }
        }
        return nodes.indices.filter {
            !used.contains($0) && $0 != loss && (nodes[$0].kind == .computed)
        }
    }

    /// Whether every input, parameter and target has a value.
    public var isFullyValued: Bool {
        nodes.allSatisfy { !$0.kind.isLeaf || $0.value != nil || ($0.kind != .parameter && !samples.isEmpty) }
    }
}
