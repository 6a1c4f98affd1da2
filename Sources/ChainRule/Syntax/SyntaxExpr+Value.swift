import Foundation

/// Constant expressions: the values written in declarations, ranges and `rate`.
extension SyntaxExpr {
    /// The value of a scalar constant expression (numbers, `-`, `+ - * /` and `^`), exact while the
    /// arithmetic stays exact; `nil` when it uses names, calls, arrays or transposes, or is not finite.
    public var constantValue: Number? {
        let value: Number
        switch self {
        case .number(let n, _):
            value = n
        case .negate(let operand, _):
            guard let v = operand.constantValue else { return nil }
            value = -v
        case .binary(let op, let lhs, let rhs, _):
            guard let a = lhs.constantValue, let b = rhs.constantValue else { return nil }
            switch op {
            case .add: value = a + b
            case .subtract: value = a - b
            case .multiply, .hadamard: value = a * b
            case .divide: value = a / b
            case .power:
                if let r = b.rational, r.isInteger, abs(r.numerator) <= 64 {
                    value = a.power(r.numerator)
                } else {
                    value = .real(Foundation.pow(a.doubleValue, b.doubleValue))
                }
            }
        case .name, .index, .array, .transpose, .call:
            return nil
        }
        return value.doubleValue.isFinite ? value : nil
    }

    /// The first part of a value that is not made of numbers (a name, call or transpose), described
    /// for a message, with where it is; `nil` when the expression is numbers, arithmetic and arrays.
    public var nonConstantPart: (description: String, location: SourceLocation)? {
        switch self {
        case .number:
            return nil
        case .name(let name, let l):
            return ("the name '\(name)'", l)
        case .index(let name, _, let l):
            return ("the element '\(name)[…]'", l)
        case .call(let name, _, let l):
            return ("a call to '\(name)'", l)
        case .transpose(_, let l):
            return ("a transpose", l)
        case .negate(let operand, _):
            return operand.nonConstantPart
        case .binary(_, let lhs, let rhs, _):
            return lhs.nonConstantPart ?? rhs.nonConstantPart
        case .array(let elements, _):
            for element in elements {
                if let part = element.nonConstantPart { return part }
            }
            return nil
        }
    }
}
