/// Why a network cannot be evaluated numerically.
public enum RuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A node uses an activation left unspecified (`g`), which has no numeric value.
    case unspecifiedFunction(node: String, function: String)
    /// A value given for a name does not fit it (unknown name, not a leaf, or wrong shape).
    case badValue(name: String, reason: String)
    /// A leaf has no value and none was given or drawn.
    case missingValue(name: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .unspecifiedFunction(let node, let function):
            "'\(node)' uses the unspecified activation '\(function)', which has no numeric value"
        case .badValue(let name, let reason): "cannot use the value given for '\(name)': \(reason)"
        case .missingValue(let name): "'\(name)' has no value"
        }
    }
}
