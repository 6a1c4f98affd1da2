/// A sum of products over numbered atoms, fully multiplied out: what ``AnswerChecker`` compares.
///
/// A product is the sorted list of its atoms' numbers (an atom raised to n appears n times), so a path
/// of the chain rule is the set of its edges' numbers, whatever order the factors were written in.
/// Like products are collected with their coefficients; a zero coefficient drops the product.
struct PathSum: Hashable, Sendable {
    /// Each product with its coefficient (never zero).
    private(set) var terms: [[Int]: Number]

    /// The most products an expansion may reach before the checker gives up on it.
    static let limit = 100_000

    /// A sum of the given products.
    init(terms: [[Int]: Number] = [:]) {
        self.terms = terms.filter { !$0.value.isZero }
    }

    /// The constant `value`.
    static func constant(_ value: Number) -> PathSum { PathSum(terms: [[]: value]) }

    /// The single atom `id`.
    static func atom(_ id: Int) -> PathSum { PathSum(terms: [[id]: .one]) }

    /// 0.
    static let zero = PathSum()

    /// 1.
    static let one = PathSum.constant(.one)

    /// The sum of two sums.
    static func + (lhs: PathSum, rhs: PathSum) -> PathSum {
        var result = lhs.terms.count >= rhs.terms.count ? lhs : rhs
        for (key, c) in (lhs.terms.count >= rhs.terms.count ? rhs : lhs).terms { result.add(key, c) }
        return result
    }

    /// The product of two sums, multiplied out; `nil` beyond ``limit`` products.
    func times(_ other: PathSum) -> PathSum? {
        guard terms.count.multipliedReportingOverflow(by: other.terms.count).partialValue <= PathSum.limit,
              terms.count <= PathSum.limit, other.terms.count <= PathSum.limit else { return nil }
        if other.terms.count == 1, let (key, c) = other.terms.first, key.isEmpty {
            return c.isOne ? self : PathSum(terms: terms.mapValues { $0 * c })
        }
        var result = PathSum()
        for (a, ca) in terms {
            for (b, cb) in other.terms { result.add(PathSum.merge(a, b), ca * cb) }
        }
        return result
    }

    /// The sum to a non-negative integer power; `nil` beyond ``limit`` products.
    func power(_ n: Int) -> PathSum? {
        var result = PathSum.one
        for _ in 0..<n {
            guard let next = result.times(self) else { return nil }
            result = next
        }
        return result
    }

    /// The coefficient of a product (0 when absent).
    subscript(key: [Int]) -> Number { terms[key] ?? .zero }

    private mutating func add(_ key: [Int], _ c: Number) {
        let sum = (terms[key] ?? .zero) + c
        terms[key] = sum.isZero ? nil : sum
    }

    /// Two sorted lists merged into one sorted list.
    private static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] <= b[j] { result.append(a[i]); i += 1 } else { result.append(b[j]); j += 1 }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}
