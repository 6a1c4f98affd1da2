/// Structural questions about an expression: its children, its symbols, its size in partials.
extension Expr {
    /// The direct subexpressions, in order (a power's base then exponent).
    public var children: [Expr] {
        switch self {
        case .number, .symbol, .partial, .total: []
        case .sum(let items), .product(let items), .apply(_, let items): items
        case .power(let base, let exponent): [base, exponent]
        }
    }

    /// The same node with its children replaced (`children.count` must match; extra are ignored).
    public func replacingChildren(_ newChildren: [Expr]) -> Expr {
        switch self {
        case .number, .symbol, .partial, .total: self
        case .sum: .sum(newChildren)
        case .product: .product(newChildren)
        case .apply(let f, _): .apply(f, newChildren)
        case .power(let base, let exponent):
            .power(newChildren.first ?? base, newChildren.dropFirst().first ?? exponent)
        }
    }

    /// Whether this is a leaf that stands for a value: a symbol, a partial or a total.
    public var isAtom: Bool {
        switch self {
        case .symbol, .partial, .total: true
        default: false
        }
    }

    /// The names of all `.symbol`s, each once, in order of first occurrence.
    public var symbols: [String] {
        var seen = Set<String>(), order: [String] = []
        visit { if case .symbol(let name) = $0, seen.insert(name).inserted { order.append(name) } }
        return order
    }

    /// How many `.partial` and `.total` leaves are written: the size of a chain-rule form.
    public var partialCount: Int {
        var count = 0
        visit {
            switch $0 {
            case .partial, .total: count += 1
            default: break
            }
        }
        return count
    }

    /// Whether the expression contains no symbol, partial or total (only numbers and functions of them).
    public var isConstant: Bool { !contains(where: \.isAtom) }

    /// Whether the symbol `name` occurs.
    public func depends(on name: String) -> Bool { contains { $0 == .symbol(name) } }

    /// Whether some subexpression (or the expression itself) satisfies `predicate` (parents before
    /// children, in written order; an explicit stack, so any depth is fine).
    public func contains(where predicate: (Expr) -> Bool) -> Bool {
        var stack = [self]
        while let expr = stack.popLast() {
            if predicate(expr) { return true }
            stack.append(contentsOf: expr.children.reversed())
        }
        return false
    }

    /// Calls `body` on every subexpression, parents before children, in written order (an explicit
    /// stack, so any depth is fine).
    public func visit(_ body: (Expr) -> Void) {
        var stack = [self]
        while let expr = stack.popLast() {
            body(expr)
            stack.append(contentsOf: expr.children.reversed())
        }
    }
}
