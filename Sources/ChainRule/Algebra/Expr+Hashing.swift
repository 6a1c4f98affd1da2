/// Hashing that costs the same for any size of expression.
///
/// The hash combines the first ``hashedNodes`` nodes of the tree, level by level (breadth first, so
/// that the names nearest the top, which tell sibling sub-forms apart, are read): each node's case,
/// its leaf payload (number, name, function) and its number of children. Equal
/// expressions have equal hashes (the synthesized `==` compares all of this and more); expressions
/// that agree on their first nodes and differ deeper collide, and `==` tells them apart. A chain-rule
/// form of a deep network is a tree that repeats shared sub-forms (the same array storage): a full
/// hash would walk every repetition at every level where the form is memoized, while `==` on shared
/// storage answers at once (`Array`'s `==` compares storage identity first).
extension Expr {
    /// How many nodes the hash reads.
    static let hashedNodes = 32

    /// Hashes the first ``hashedNodes`` nodes breadth first (a queue holding at most the nodes that
    /// can still be read).
    public func hash(into hasher: inout Hasher) {
        var queue: [Expr] = [self], next = 0
        while next < queue.count, next < Expr.hashedNodes {
            let expr = queue[next]
            next += 1
            let budget = Expr.hashedNodes - queue.count
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
                queue.append(contentsOf: terms.prefix(budget))
            case .product(let factors):
                hasher.combine(5)
                hasher.combine(factors.count)
                queue.append(contentsOf: factors.prefix(budget))
            case .power(let base, let exponent):
                hasher.combine(6)
                queue.append(contentsOf: [base, exponent].prefix(budget))
            case .apply(let f, let arguments):
                hasher.combine(7)
                hasher.combine(f)
                hasher.combine(arguments.count)
                queue.append(contentsOf: arguments.prefix(budget))
            }
        }
    }
}

/// The identity of a sum's or product's storage, for memos of walks over trees that share sub-trees.
///
/// A chain-rule form of a deep network repeats its sub-forms by sharing them (the same array storage,
/// as values are copied). A memo keyed by that storage finds a repeated sub-form in constant time, where
/// a structural key would compare near-identical large trees. Two separately built equal trees have
/// different identities: a memo keyed this way misses them (and does the work again), nothing worse.
/// The key keeps the expression (``expr``) so that its storage, and the address, stay in use.
public struct SharedExpr: Hashable, @unchecked Sendable {
    private let address: UnsafeRawPointer
    /// The expression (kept so that its storage is not freed and its address not reused).
    public let expr: Expr

    /// The identity of a sum or product with at least one operand; `nil` for anything else.
    public init?(_ expr: Expr) {
        let items: [Expr]
        switch expr {
        case .sum(let terms): items = terms
        case .product(let factors): items = factors
        default: return nil
        }
        guard let address = items.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }), !items.isEmpty else { return nil }
        self.address = address
        self.expr = expr
    }

    /// Equal when the storage is the same.
    public static func == (a: SharedExpr, b: SharedExpr) -> Bool { a.address == b.address && a.isSum == b.isSum }

    /// Hashes the address.
    public func hash(into hasher: inout Hasher) { hasher.combine(address) }

    private var isSum: Bool { if case .sum = expr { true } else { false } }
}
