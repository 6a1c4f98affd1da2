/// A function applied to a layer-wise quantity entry by entry.
public enum LayerFunction: Hashable, Sendable {
    /// A scalar function: an activation (sigmoid, tanh, ReLU, identity, an unspecified g), a
    /// derivative form (step 1[z > 0] for ReLU′, g′), or the natural log.
    case scalar(Function)
    /// softmax over each sample: a column's entries, or each row of a batch matrix.
    case softmax
}
