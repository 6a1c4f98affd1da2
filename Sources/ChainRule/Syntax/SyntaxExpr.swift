/// An expression as written in a `.nn` file, before names are resolved.
///
/// Each case keeps the location of its first character so later stages can point at it.
public indirect enum SyntaxExpr: Hashable, Sendable {
    /// A number literal, with its text (kept exact).
    case number(Number, SourceLocation)
    /// A name: an input, node, parameter or target.
    case name(String, SourceLocation)
    /// A component of a vector or matrix name: `x[2]`, `W1[1,2]` (1-based).
    case index(String, [Int], SourceLocation)
    /// A bracketed literal vector or matrix: `[1, 2]`, `[[1, 2], [3, 4]]`.
    case array([SyntaxExpr], SourceLocation)
    /// `-operand`.
    case negate(SyntaxExpr, SourceLocation)
    /// `lhs op rhs`; juxtaposition is `.multiply`.
    case binary(BinaryOperator, SyntaxExpr, SyntaxExpr, SourceLocation)
    /// `operand^T`.
    case transpose(SyntaxExpr, SourceLocation)
    /// `name(arguments)`.
    case call(String, [SyntaxExpr], SourceLocation)

    /// Where the expression starts.
    public var location: SourceLocation {
        switch self {
        case .number(_, let l), .name(_, let l), .index(_, _, let l), .array(_, let l), .negate(_, let l),
             .binary(_, _, _, let l), .transpose(_, let l), .call(_, _, let l):
            l
        }
    }
}

/// The binary operators of the `.nn` language.
public enum BinaryOperator: String, Hashable, Sendable {
    /// `+` (elementwise on vectors).
    case add = "+"
    /// `-`.
    case subtract = "-"
    /// `*` or juxtaposition: scalar product, matrix-vector product, or scaling.
    case multiply = "*"
    /// `/`.
    case divide = "/"
    /// `^`.
    case power = "^"
    /// `⊙` or `.*`: the elementwise (Hadamard) product, also of two matrices.
    case hadamard = "⊙"
}
