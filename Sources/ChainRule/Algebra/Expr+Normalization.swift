/// Rational simplification: the cancellations across quotients that a course relies on.
extension Expr {
    /// The expression as a sum of Laurent monomials in which factors cancel across quotients before
    /// anything is multiplied out, and groups of symbols known to sum to 1 are collected.
    ///
    /// d/dŷ ½(ŷ − y)² gives ŷ − y; (−y/ŷ + (1−y)/(1−ŷ)) · ŷ(1−ŷ) gives ŷ − y; and for softmax with
    /// cross-entropy Σₖ (−tₖ/pₖ) · pₖ(δₖᵢ − pᵢ) gives pᵢ − tᵢ given `unitSums: [["t1", "t2", "t3"]]`.
    /// Sums that remain in a denominator stay whole (as the first of their equal multiples written).
    /// - Parameter unitSums: groups of symbol names whose values add up to 1.
    public func normalized(unitSums: [[String]] = []) -> Expr { normalizedMonomials(unitSums: unitSums).expr }

    /// The monomials of ``normalized(unitSums:)``, in order.
    public func normalizedMonomials(unitSums: [[String]] = []) -> [Monomial] {
        var normalizer = RationalNormalizer(unitSums: unitSums)
        return normalizer.normalize(self).terms
    }

    /// Whether `self − other` normalizes to 0: a symbolic equivalence test (sound, not complete).
    public func isEquivalent(to other: Expr, unitSums: [[String]] = []) -> Bool {
        (self - other).normalized(unitSums: unitSums) == .zero
    }
}

extension [Monomial] {
    /// The monomials' sum as a canonical expression.
    var expr: Expr {
        let terms = map(\.expr)
        return terms.isEmpty ? .zero : terms.count == 1 ? terms[0] : .sum(terms)
    }
}
