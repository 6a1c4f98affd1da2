/// Why a network cannot be written as a chain of dense layers, or a layer-wise line cannot be
/// formed or evaluated.
public enum LayerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The network is not a chain z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾) ending in a recognised loss.
    case notALayerChain(String)
    /// Two operands of a matrix operation do not fit: the operation and both shapes.
    case shapeMismatch(String, LayerShape, LayerShape)
    /// A value needed to evaluate a line is missing or has no numeric meaning.
    case notNumeric(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .notALayerChain(let reason): "not a chain of layers: \(reason)"
        case .shapeMismatch(let operation, let a, let b): "shape mismatch: cannot \(operation) \(a) and \(b)"
        case .notNumeric(let reason): "cannot evaluate the layer-wise form: \(reason)"
        }
    }
}
