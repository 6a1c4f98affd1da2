/// A sum of monomials with like terms collected, kept in order of first occurrence: the working
/// representation behind ``Expr/expanded()`` and ``Expr/normalized(unitSums:)``.
struct Polynomial: Sendable {
    private var slots: [Monomial] = []
    private var slotOfUnit: [Monomial: Int] = [:]

    /// The zero polynomial.
    init() {}

    /// The sum of `terms`, collected.
    init(_ terms: [Monomial]) { terms.forEach { add($0) } }

    /// The constant `value`.
    init(constant value: Number) { self.init([Monomial(value)]) }

    /// The single atom `atom`.
    init(atom: Expr) { self.init([Monomial(factors: [.init(atom)])]) }

    /// The non-zero terms, in order of first occurrence.
    var terms: [Monomial] { slots.filter { !$0.coefficient.isZero } }

    /// The only term (the zero monomial for the zero polynomial), or `nil` for two or more terms.
    var singleTerm: Monomial? {
        let terms = terms
        return terms.count > 1 ? nil : terms.first ?? Monomial(.zero)
    }

    /// Adds a term, collecting it with a like term.
    mutating func add(_ term: Monomial) {
        let unit = term.unit
        if let slot = slotOfUnit[unit] {
            slots[slot].coefficient = slots[slot].coefficient + term.coefficient
        } else {
            slotOfUnit[unit] = slots.count
            slots.append(term)
        }
    }

    /// The sum as a canonical expression.
    var expr: Expr {
        let terms = terms.map(\.expr)
        return terms.isEmpty ? .zero : terms.count == 1 ? terms[0] : .sum(terms)
    }

    static func + (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        var result = lhs
        rhs.terms.forEach { result.add($0) }
        return result
    }

    /// The distributed product: each term of `lhs` times each term of `rhs`, in that order.
    static func * (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        var result = Polynomial()
        for a in lhs.terms {
            for b in rhs.terms { result.add(a * b) }
        }
        return result
    }

    /// Whether `self^n` multiplied out has at most `limit` terms (n ≥ 0), so expanding it is cheap.
    func hasSmallPower(_ n: Int, limit: Int = 10_000) -> Bool {
        // At most C(n + k − 1, k − 1) distinct terms for k terms to the n-th power.
        let k = terms.count
        guard k > 1 else { return n <= limit }
        var count = 1
        for i in 1..<k {
            let (factor, overflow1) = n.addingReportingOverflow(i)
            let (product, overflow2) = count.multipliedReportingOverflow(by: factor)
            guard !overflow1, !overflow2 else { return false }
            count = product / i
            if count > limit { return false }
        }
        return true
    }

    /// `self^n` for `n ≥ 0`, multiplied out.
    func power(_ n: Int) -> Polynomial {
        (0..<max(n, 0)).reduce(Polynomial(constant: .one)) { product, _ in product * self }
    }
}
