/// One line of a student's worked example: a value, a gradient or an updated value, with the numbers as
/// written, the rounding used for each and where it was written.
///
/// Read from lines such as `z = 0.2·0.5 + 0.4·0.3 + 0.1 = 0.35`, `dL/dw1 ≈ -0.0501`, `w1' = 0.2005`,
/// `dL/dW2[1,3] = 0.5` or `W1 = [[0.1, 0.2], [0.3, 0.4]]` (see ``WorkedFileParser``).
public struct WorkedEntry: Hashable, Sendable {
    /// What the line gives.
    public enum Kind: Hashable, Sendable {
        /// The value of a quantity in the forward pass (or a given value): `z = 0.35`.
        case value
        /// The gradient of the named loss with respect to the entry's name: `dL/dw1 = -0.0501`.
        case gradient(of: String)
        /// The value after the update step: `w1' = 0.2005`.
        case updated
        /// The derivative of an activation at the entry's name, a pre-activation z: `σ'(z) = 0.247`,
        /// the local partial ∂a/∂z of the node a = f(z).
        case activationDerivative
    }

    /// How the numbers are arranged.
    public enum Shape: Hashable, Sendable {
        /// One number.
        case scalar
        /// `[a, b, c]`.
        case vector(Int)
        /// `[[a, b], [c, d]]`, row by row.
        case matrix(rows: Int, columns: Int)
    }

    /// The iteration the line belongs to, from 1.
    public var iteration: Int
    /// The network name the written name matched, or the written name in `.nn` spelling (`ŷ` → `yhat`).
    public var name: String
    /// The name as written (`ŷ`, `w₁`).
    public var writtenName: String
    /// The component index written after the name (`[1,3]` → `[1, 3]`), as written; empty for the whole
    /// quantity.
    public var index: [Int]
    /// Value, gradient or update.
    public var kind: Kind
    /// The numbers, row by row, in full precision as written.
    public var numbers: [Double]
    /// Scalar, vector or matrix.
    public var shape: Shape
    /// The decimal places written for each number (`0.5866` → 4, `-0.00346` → 5, `1` → 0).
    public var decimals: [Int]
    /// The arithmetic shown before the result (`0.2·0.5 + 0.4·0.3 + 0.1`), or `nil`.
    public var arithmetic: String?
    /// Where the arithmetic starts, when there is some.
    public var arithmeticLocation: SourceLocation?
    /// Where the value (the last number or array of the line) starts.
    public var location: SourceLocation
    /// Where the name starts.
    public var nameLocation: SourceLocation

    /// Creates an entry.
    public init(iteration: Int, name: String, writtenName: String, index: [Int] = [], kind: Kind,
                numbers: [Double], shape: Shape, decimals: [Int], arithmetic: String? = nil,
                arithmeticLocation: SourceLocation? = nil, location: SourceLocation, nameLocation: SourceLocation) {
        self.iteration = iteration
        self.name = name
        self.writtenName = writtenName
        self.index = index
        self.kind = kind
        self.numbers = numbers
        self.shape = shape
        self.decimals = decimals
        self.arithmetic = arithmetic
        self.arithmeticLocation = arithmeticLocation
        self.location = location
        self.nameLocation = nameLocation
    }

    /// The single number of a scalar entry.
    public var scalar: Double? { shape == .scalar ? numbers.first : nil }
}
