/// Evaluates the constant expression of a given value (`0.5`, `-1/3`, `[[0.1, 0.2], [0.3, 0.4]]`)
/// into a ``Tensor``, exactly where the numbers are exact.
enum ConstantValue {
    /// The value, or a diagnostic saying why it is not a constant of a valid shape.
    static func evaluate(_ expression: SyntaxExpr) -> Result<Tensor, Diagnostic> {
        if let value = expression.constantValue { return .success(Tensor(value)) }
        guard case .array(let items, let location) = expression else {
            if let (part, where_) = expression.nonConstantPart {
                return .failure(Diagnostic(at: where_, "a value must be a number or an array of numbers, not \(part)"))
            }
            return .failure(Diagnostic(at: expression.location, "a value must be a finite number or an array of numbers"))
        }
        guard !items.isEmpty else { return .failure(Diagnostic(at: location, "an empty array is not a value")) }
        var parts: [Tensor] = []
        for item in items {
            switch evaluate(item) {
            case .success(let tensor): parts.append(tensor)
            case .failure(let problem): return .failure(problem)
            }
        }
        guard parts.allSatisfy({ $0.shape == parts[0].shape }), parts[0].shape.rank < 2 else {
            return .failure(Diagnostic(at: location, "the rows of an array must all have the same length"))
        }
        return .success(Tensor(shape: Shape([parts.count] + parts[0].shape.dimensions), entries: parts.flatMap(\.entries)))
    }
}
