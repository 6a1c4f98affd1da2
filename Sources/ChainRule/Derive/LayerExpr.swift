/// An expression of the layer-wise derivation over whole vectors and matrices: what both the
/// printers (LaTeX, text) and the numeric evaluation read.
///
/// Every value is a matrix (a vector is one column, a scalar 1 × 1). Sums, Hadamard products and
/// quotients act entry by entry on equal shapes, a ``constant`` broadcasting; ``product`` is the
/// matrix product. ``shape()`` checks every operation.
public indirect enum LayerExpr: Hashable, Sendable {
    /// A named quantity.
    case symbol(LayerSymbol)
    /// ∂L/∂(quantity), shaped like the quantity.
    case gradient(LayerSymbol)
    /// A number broadcast to any shape (the 1 of 1 − a).
    case constant(Number)
    /// The transpose.
    case transpose(LayerExpr)
    /// The matrix product, left to right.
    case product([LayerExpr])
    /// The Hadamard (entry-by-entry) product ⊙.
    case hadamard([LayerExpr])
    /// Entry-by-entry division ⊘.
    case quotient(LayerExpr, LayerExpr)
    /// A sum; a subtracted term is scaled by −1.
    case sum([LayerExpr])
    /// A coefficient times an expression.
    case scaled(LayerScale, LayerExpr)
    /// A function applied entry by entry (softmax: along each sample).
    case apply(LayerFunction, LayerExpr)
    /// The squared (Frobenius) norm ‖e‖², 1 × 1.
    case squaredNorm(LayerExpr)
    /// The sum Σ of every entry, 1 × 1.
    case total(LayerExpr)

    /// `a − b`.
    public static func difference(_ a: LayerExpr, _ b: LayerExpr) -> LayerExpr {
        .sum([a, .scaled(LayerScale(-1), b)])
    }

    /// `1 − a`.
    public static func complement(_ a: LayerExpr) -> LayerExpr { difference(.constant(.one), a) }

    /// The shape of the value, every operand checked; a mismatch names the operation and both shapes.
    public func shape() throws(LayerError) -> LayerShape {
        switch self {
        case .symbol(let s), .gradient(let s): return s.shape
        case .constant: return .scalar
        case .transpose(let a): return try a.shape().transposed
        case .product(let factors):
            guard var result = try factors.first?.shape() else { return .scalar }
            for factor in factors.dropFirst() {
                let next = try factor.shape()
                guard result.cols == next.rows else { throw .shapeMismatch("multiply", result, next) }
                result = LayerShape(result.rows, next.cols)
            }
            return result
        case .hadamard(let operands): return try LayerExpr.elementwise(operands, "take the Hadamard product of")
        case .sum(let terms): return try LayerExpr.elementwise(terms, "add")
        case .quotient(let a, let b): return try LayerExpr.elementwise([a, b], "divide")
        case .scaled(_, let a), .apply(_, let a): return try a.shape()
        case .squaredNorm(let a), .total(let a):
            _ = try a.shape()
            return .scalar
        }
    }

    /// Whether the value is a constant broadcast to any shape.
    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    private static func elementwise(_ operands: [LayerExpr], _ operation: String) throws(LayerError) -> LayerShape {
        var result: LayerShape?
        for operand in operands where !operand.isConstant {
            let shape = try operand.shape()
            if let known = result, known != shape { throw .shapeMismatch(operation, known, shape) }
            result = shape
        }
        return result ?? .scalar
    }
}
