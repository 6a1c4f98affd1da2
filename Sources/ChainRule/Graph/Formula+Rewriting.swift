extension Formula {
    /// The same operation with new operands (in the order of ``children``).
    public func replacingChildren(_ c: [Formula]) -> Formula {
        switch self {
        case .node, .component, .constant: self
        case .negate: .negate(c[0])
        case .transpose: .transpose(c[0])
        case .softmax: .softmax(c[0])
        case .sum: .sum(c[0])
        case .add: .add(c[0], c[1])
        case .subtract: .subtract(c[0], c[1])
        case .multiply: .multiply(c[0], c[1])
        case .matmul: .matmul(c[0], c[1])
        case .divide: .divide(c[0], c[1])
        case .power: .power(c[0], c[1])
        case .bce: .bce(c[0], c[1])
        case .crossEntropy: .crossEntropy(c[0], c[1])
        case .mse: .mse(c[0], c[1])
        case .apply(let f, _): .apply(f, c)
        case .reduce(let r, _): .reduce(r, c)
        }
    }

    /// Rebuilds the formula bottom-up, replacing each part for which `transform` returns a value.
    public func rewritten(_ transform: (Formula) -> Formula?) -> Formula {
        let children = self.children
        let rebuilt = children.isEmpty ? self : replacingChildren(children.map { $0.rewritten(transform) })
        return transform(rebuilt) ?? rebuilt
    }

    /// The same formula with every node index `i` replaced by `map[i]`.
    public func remapped(_ map: [Int]) -> Formula {
        rewritten {
            switch $0 {
            case .node(let i): .node(map[i])
            case .component(let i, let index): .component(map[i], index)
            default: nil
            }
        }
    }
}
