/// A named quantity of the layer-wise derivation: x, z⁽ˡ⁾, a⁽ˡ⁾, ŷ, y, W⁽ˡ⁾, b⁽ˡ⁾, δ⁽ˡ⁾, 1, L, or
/// their batch forms X, Z⁽ˡ⁾, A⁽ˡ⁾, Ŷ, Y, Δ⁽ˡ⁾ (rows are samples).
public struct LayerSymbol: Hashable, Sendable {
    /// What the quantity is.
    public enum Role: String, Hashable, Sendable {
        /// The network input x (X in a batch).
        case input
        /// A pre-activation z⁽ˡ⁾.
        case preactivation
        /// A hidden activation a⁽ˡ⁾.
        case activation
        /// The output ŷ = a⁽ᴸ⁾.
        case output
        /// The target y.
        case target
        /// A weight matrix W⁽ˡ⁾.
        case weight
        /// A bias vector b⁽ˡ⁾.
        case bias
        /// The error δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ (Δ⁽ˡ⁾ in a batch).
        case delta
        /// The vector of m ones.
        case ones
        /// The loss L.
        case loss
    }

    /// What the quantity is.
    public var role: Role
    /// The layer l, for z, a, W, b and δ.
    public var layer: Int?
    /// Whether it is a batch quantity (one row per sample, printed as a capital).
    public var batch: Bool
    /// Its shape.
    public var shape: LayerShape

    /// Creates a symbol.
    public init(_ role: Role, layer: Int? = nil, batch: Bool = false, shape: LayerShape) {
        self.role = role
        self.layer = layer
        self.batch = batch
        self.shape = shape
    }
}
