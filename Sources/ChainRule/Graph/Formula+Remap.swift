extension Formula {
    /// The same formula with every node index `i` replaced by `map[i]`.
    public func remapped(_ map: [Int]) -> Formula {
        switch self {
        case .node(let i): .node(map[i])
        case .component(let i, let index): .component(map[i], index)
        case .constant: self
        case .add(let a, let b): .add(a.remapped(map), b.remapped(map))
        case .subtract(let a, let b): .subtract(a.remapped(map), b.remapped(map))
        case .multiply(let a, let b): .multiply(a.remapped(map), b.remapped(map))
        case .matmul(let a, let b): .matmul(a.remapped(map), b.remapped(map))
        case .divide(let a, let b): .divide(a.remapped(map), b.remapped(map))
        case .power(let a, let b): .power(a.remapped(map), b.remapped(map))
        case .negate(let a): .negate(a.remapped(map))
        case .transpose(let a): .transpose(a.remapped(map))
        case .apply(let f, let args): .apply(f, args.map { $0.remapped(map) })
        case .softmax(let a): .softmax(a.remapped(map))
        case .sum(let a): .sum(a.remapped(map))
        case .bce(let a, let b): .bce(a.remapped(map), b.remapped(map))
        case .crossEntropy(let a, let b): .crossEntropy(a.remapped(map), b.remapped(map))
        case .mse(let a, let b): .mse(a.remapped(map), b.remapped(map))
        }
    }
}
