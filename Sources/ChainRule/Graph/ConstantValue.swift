/// Evaluates the constant expression of a given value (`0.5`, `-1/3`, `[[0.1, 0.2], [0.3, 0.4]]`)
/// into a ``Tensor``, exactly where the numbers are exact.
enum ConstantValue {
    /// The value, or a diagnostic saying why it is not a constant of a valid shape.
    static func evaluate(_ expression: SyntaxExpr) -> Result<Tensor, Diagnostic> {
        switch expression {
        case .number(let value, _):
            return .success(Tensor(value))
        case .negate(let operand, _):
            return evaluate(operand).map { Tensor(shape: $0.shape, entries: $0.entries.map { -$0 }) }
        case .binary(let op, let lhs, let rhs, let location):
            return scalar(lhs).flatMap { a in
                scalar(rhs).flatMap { b -> Result<Tensor, Diagnostic> in
                    switch op {
                    case .add: return .success(Tensor(a + b))
                    case .subtract: return .success(Tensor(a - b))
                    case .multiply: return .success(Tensor(a * b))
                    case .divide:
                        return b.isZero ? .failure(Diagnostic(at: location, "division by zero in a value")) : .success(Tensor(a / b))
                    case .power:
                        guard let r = b.rational, r.isInteger, abs(r.numerator) <= 64 else {
                            return .failure(Diagnostic(at: location, "a value's exponent must be a small whole number"))
                        }
                        return .success(Tensor(a.power(r.numerator)))
                    }
                }
            }
        case .array(let items, let location):
            guard !items.isEmpty else { return .failure(Diagnostic(at: location, "an empty array is not a value")) }
            var parts: [Tensor] = []
            for item in items {
                switch evaluate(item) {
                case .success(let t): parts.append(t)
                case .failure(let d): return .failure(d)
                }
            }
            guard parts.allSatisfy({ $0.shape == parts[0].shape }), parts[0].shape.rank < 2 else {
                return .failure(Diagnostic(at: location, "the rows of an array must all have the same length"))
            }
            return .success(Tensor(shape: Shape([parts.count] + parts[0].shape.dimensions),
                                   entries: parts.flatMap(\.entries)))
        case .name(let name, let location), .index(let name, _, let location):
            return .failure(Diagnostic(at: location, "a value must be a number or an array of numbers, not the name '\(name)'"))
        case .transpose(_, let location), .call(_, _, let location):
            return .failure(Diagnostic(at: location, "a value must be a number or an array of numbers"))
        }
    }

    private static func scalar(_ expression: SyntaxExpr) -> Result<Number, Diagnostic> {
        evaluate(expression).flatMap { tensor in
            tensor.shape.isScalar ? .success(tensor.entries[0])
                : .failure(Diagnostic(at: expression.location, "arithmetic on arrays is not allowed in a value"))
        }
    }
}
