/// Hashing that costs the same for any size of expression.
///
/// The hash combines the first ``hashedNodes`` nodes of the tree in written (pre-order) order: each
/// node's case, its leaf payload (number, name, function) and its number of children. Equal
/// expressions have equal hashes (the synthesized `==` compares all of this and more); expressions
/// that agree on their first nodes and differ deeper collide, and `==` tells them apart. A chain-rule
/// form of a deep network is a tree that repeats shared sub-forms (the same array storage): a full
/// hash would walk every repetition at every level where the form is memoized, while `==` on shared
/// storage answers at once (`Array`'s `==` compares storage identity first).
extension Expr {
    /// How many nodes the hash reads.
    static let hashedNodes = 32

    /// Hashes the first ``hashedNodes`` nodes in pre-order (an explicit stack holding at most the
    /// children that can still be read).
    public func hash(into hasher: inout Hasher) {
        var stack: [Expr] = [self], budget = Expr.hashedNodes
        while budget > 0, let expr = stack.popLast() {
            budget -= 1
            switch expr {
            case .number(let n):
                hasher.combine(0)
                hasher.combine(n)
            case .symbol(let name):
                hasher.combine(1)
                hasher.combine(name)
            case .partial(let of, let wrt):
                hasher.combine(2)
                hasher.combine(of)
                hasher.combine(wrt)
            case .total(let of, let wrt):
                hasher.combine(3)
                hasher.combine(of)
                hasher.combine(wrt)
            case .sum(let terms):
                hasher.combine(4)
                hasher.combine(terms.count)
                stack.append(contentsOf: terms.prefix(budget).reversed())
            case .product(let factors):
                hasher.combine(5)
                hasher.combine(factors.count)
                stack.append(contentsOf: factors.prefix(budget).reversed())
            case .power(let base, let exponent):
                hasher.combine(6)
                stack.append(exponent)
                stack.append(base)
            case .apply(let f, let arguments):
                hasher.combine(7)
                hasher.combine(f)
                hasher.combine(arguments.count)
                stack.append(contentsOf: arguments.prefix(budget).reversed())
            }
        }
    }
}
