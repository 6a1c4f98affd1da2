/// A non-differentiable point near which a node is evaluated: ReLU, step or |·| at 0, max/min at a
/// tie. Derivatives there are one-sided choices, so comparisons should say so or skip.
public struct Kink: Hashable, Sendable {
    /// The node whose formula contains the function.
    public var node: String
    /// The function.
    public var function: Function
    /// The component (row-major offset) of the function's result.
    public var component: Int
    /// How far the argument is from the kink (|z|, or |a − b| for max/min).
    public var distance: Double
}
