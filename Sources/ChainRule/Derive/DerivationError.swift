/// Why a chain-rule form cannot be written.
public enum DerivationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No scalar quantity has this name.
    case unknownName(String)
    /// The name is a vector or matrix; the chain rule here runs on one component at a time.
    case notScalar(String, example: String)
    /// The expanded form would have more products than the limit.
    case tooManyPaths(count: Int, limit: Int)

    /// One line for the user.
    public var description: String {
        switch self {
        case .unknownName(let name):
            "no quantity named '\(name)'"
        case .notScalar(let name, let example):
            "'\(name)' is a vector or matrix: ask for one component (\(example)), or for the layer-wise form (form layers)"
        case .tooManyPaths(let count, let limit):
            "the expanded form would have \(Derivation.describe(paths: count)) paths (limit \(limit)); write the factored or the adjoint form instead"
        }
    }
}
