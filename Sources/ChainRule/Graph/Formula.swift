/// How a node is computed from other nodes, at the level of whole vectors and matrices.
///
/// `Formula` is the validated, name-resolved form of a definition: references are node indices into
/// ``Network/nodes``, every operation's shapes have been checked, and matrix products are explicit.
/// The runtime evaluates formulas numerically; ``Network/scalarGraph(contractingPreactivations:)``
/// writes them out component by component as ``Expr`` for the symbolic stages.
public indirect enum Formula: Hashable, Sendable {
    /// The value of another node.
    case node(Int)
    /// One component of another node: `x[2]`, `W1[1,2]` (1-based).
    case component(Int, [Int])
    /// A constant (broadcast to any shape).
    case constant(Number)
    /// Elementwise sum; a scalar (or 1-vector) operand broadcasts.
    case add(Formula, Formula)
    /// Elementwise difference; a scalar operand broadcasts.
    case subtract(Formula, Formula)
    /// Elementwise (Hadamard) product, or scaling by a scalar.
    case multiply(Formula, Formula)
    /// Matrix × vector or matrix × matrix.
    case matmul(Formula, Formula)
    /// Elementwise quotient; a scalar operand broadcasts.
    case divide(Formula, Formula)
    /// Elementwise power; the exponent is a scalar.
    case power(Formula, Formula)
    /// Elementwise negation.
    case negate(Formula)
    /// Matrix (or vector) transpose.
    case transpose(Formula)
    /// A scalar function applied elementwise (`max`/`min` take two operands).
    case apply(Function, [Formula])
    /// softmax over a vector.
    case softmax(Formula)
    /// The sum of all components.
    case sum(Formula)
    /// Binary cross-entropy Σ −t log p − (1 − t) log(1 − p) of prediction p and target t.
    case bce(Formula, Formula)
    /// Cross-entropy −Σ t log p of a probability vector p and target t.
    case crossEntropy(Formula, Formula)
    /// Squared error ½ Σ (p − t)².
    case mse(Formula, Formula)
    /// A reduction of whole operands to one number: `norm`, `mean`, `max`/`min` over entries, `hinge`.
    case reduce(Reduction, [Formula])

    /// The operands, in order.
    public var children: [Formula] {
        switch self {
        case .node, .component, .constant: []
        case .negate(let a), .transpose(let a), .softmax(let a), .sum(let a): [a]
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .matmul(let a, let b),
             .divide(let a, let b), .power(let a, let b), .bce(let a, let b), .crossEntropy(let a, let b),
             .mse(let a, let b):
            [a, b]
        case .apply(_, let args), .reduce(_, let args): args
        }
    }

    /// Every node index referenced, in the order written, each once.
    public var references: [Int] {
        var seen = Set<Int>(), order: [Int] = []
        func visit(_ f: Formula) {
            switch f {
            case .node(let i), .component(let i, _):
                if seen.insert(i).inserted { order.append(i) }
            default: break
            }
            f.children.forEach(visit)
        }
        visit(self)
        return order
    }
}
