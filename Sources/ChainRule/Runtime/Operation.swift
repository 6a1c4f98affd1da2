/// One primitive step of the runtime's tape: how a slot's value is computed from earlier slots.
///
/// Operands are slot numbers. The `…Logits` and `log…` cases are the numerically stable forms the
/// compiler substitutes where a sigmoid or softmax feeds a logarithm or a cross-entropy: they read the
/// logits `z` and keep the probability slot `p` (and `1 − p` slot `q`) only to report ∂/∂p.
enum Operation: Hashable, Sendable {
    /// A leaf node's value, taken from the point.
    case leaf
    /// A constant scalar.
    case constant(Double)
    /// The same entries under the node's shape (a `[1]` loss stored as a scalar, a node alias).
    case copy(Int)
    /// One entry of a slot, by row-major offset.
    case component(Int, offset: Int)
    /// Elementwise with broadcasting of one-entry operands.
    case add(Int, Int), subtract(Int, Int), multiply(Int, Int), divide(Int, Int)
    /// Elementwise power by a one-entry exponent.
    case power(Int, Int)
    /// Elementwise negation.
    case negate(Int)
    /// Matrix transpose (a vector becomes a one-row matrix).
    case transpose(Int)
    /// Matrix × vector or matrix × matrix.
    case matmul(Int, Int)
    /// A one-argument function elementwise.
    case apply(Function, Int)
    /// `max`/`min` elementwise.
    case apply2(Function, Int, Int)
    /// softmax of a vector.
    case softmax(Int)
    /// The sum of all entries.
    case sum(Int)
    /// Σ −t log p − (1 − t) log(1 − p).
    case bce(p: Int, t: Int)
    /// −Σ t log p.
    case crossEntropy(p: Int, t: Int)
    /// ½ Σ (p − t)².
    case mse(p: Int, t: Int)
    /// A reduction to one number (`norm`, `mean`, `max`, `min`, `hinge`); kernels in `Tape+Reductions.swift`.
    case reduce(Reduction, [Int])
    /// log p for p = σ(z): −softplus(−z).
    case logSigmoid(p: Int, z: Int)
    /// log q for q = 1 − p, p = σ(z): −softplus(z).
    case logOneMinusSigmoid(q: Int, p: Int, z: Int)
    /// log p for p = softmax(z): z − logsumexp(z).
    case logSoftmax(p: Int, z: Int)
    /// bce(σ(z), t) from the logits: Σ t softplus(−z) + (1 − t) softplus(z).
    case bceLogits(p: Int, z: Int, t: Int)
    /// cross_entropy(softmax(z), t) from the logits: −Σ t (z − logsumexp(z)).
    case crossEntropyLogits(p: Int, z: Int, t: Int)

    /// The slots read, in order.
    var operands: [Int] {
        switch self {
        case .leaf, .constant: []
        case .copy(let a), .component(let a, _), .negate(let a), .transpose(let a), .apply(_, let a),
             .softmax(let a), .sum(let a):
            [a]
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
             .power(let a, let b), .matmul(let a, let b), .apply2(_, let a, let b), .bce(let a, let b),
             .crossEntropy(let a, let b), .mse(let a, let b):
            [a, b]
        case .logSigmoid(let p, let z), .logSoftmax(let p, let z): [p, z]
        case .logOneMinusSigmoid(let q, let p, let z): [q, p, z]
        case .bceLogits(let p, let z, let t), .crossEntropyLogits(let p, let z, let t): [p, z, t]
        case .reduce(_, let slots): slots
        }
    }
}
