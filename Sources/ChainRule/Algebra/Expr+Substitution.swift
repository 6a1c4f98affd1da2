extension Expr {
    /// How many symbols occur (with repetition): a measure of how long the substituted form gets.
    public var symbolCount: Int {
        switch self {
        case .symbol: 1
        case .number, .partial, .total: 0
        case .sum(let items), .product(let items), .apply(_, let items): items.reduce(0) { $0 + $1.symbolCount }
        case .power(let a, let b): a.symbolCount + b.symbolCount
        }
    }

    /// The expression with every symbol that has a value replaced by that number.
    public func substituting(_ values: [String: Number]) -> Expr {
        switch self {
        case .symbol(let name): values[name].map(Expr.number) ?? self
        case .number, .partial, .total: self
        case .sum(let items): .sum(items.map { $0.substituting(values) })
        case .product(let items): .product(items.map { $0.substituting(values) })
        case .apply(let f, let items): .apply(f, items.map { $0.substituting(values) })
        case .power(let a, let b): .power(a.substituting(values), b.substituting(values))
        }
    }
}
