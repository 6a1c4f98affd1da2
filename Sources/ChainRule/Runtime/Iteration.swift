/// One gradient-descent pass of a worked example: forward and backward for each batch row, the
/// batch-averaged loss and gradients, and the parameters after the update.
public struct Iteration: Sendable {
    /// The forward and backward pass of one batch row (the only one without samples).
    public struct Pass: Sendable {
        /// Every node's value.
        public var evaluation: Evaluation
        /// ∂L/∂(every node); `nil` without a loss.
        public var gradients: Gradients?
    }

    /// One pass per batch row.
    public var passes: [Pass]
    /// The loss, averaged over the batch.
    public var loss: Double?
    /// ∂L/∂(node) averaged over the batch, in node order (the δs; for parameters, their gradients).
    public var deltas: [RealTensor]
    /// Each parameter after p ← p − η ∂L/∂p; empty without a learning rate or a loss.
    public var updated: [Int: RealTensor]

    /// ∂L/∂p (batch-averaged) for each parameter, by node index.
    public func gradient(_ parameter: Int) -> RealTensor { deltas[parameter] }
}
