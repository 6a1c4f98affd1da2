/// Finite differences at scale: when differencing every derivative one by one would cost more than
/// ``Verifier/finiteDifferenceBudget``, a seeded sample is differenced one by one and the rest together
/// along a random ±1 direction per A (PyTorch's `gradcheck` fast mode checks a random projection the
/// same way). Symbolic and backprop are still compared for every derivative.
extension Verifier {
    /// A derivative whose finite difference is taken along the direction.
    struct DirectionMember {
        /// Its row among the verification's rows.
        var row: Int
        /// A and B as scalar locations.
        var of: (node: Int, offset: Int)
        var wrt: (node: Int, offset: Int)
        /// |A| (averaged over the batch), the size for the absolute tolerance.
        var scale: Double
    }

    /// The questions differenced one by one (`nil`: all of them), with a note when not all are.
    func sampledQuestions(_ count: Int, rows: Int, operations: Int, notes: inout [String]) -> Set<Int>? {
        let (perRow, overflow1) = count.multipliedReportingOverflow(by: operations)
        let (cost, overflow2) = perRow.multipliedReportingOverflow(by: max(1, rows))
        guard let budget = finiteDifferenceBudget, overflow1 || overflow2 || cost > budget,
              count > sampledDifferences else { return nil }
        var generator = SeededGenerator(seed: seed ^ 0xD1FF_E2E4_CE5A_3B1E)
        var chosen = Set<Int>()
        // Evenly spread, each shifted at random within its stretch, so every part of the list is sampled.
        let stretch = Double(count) / Double(sampledDifferences)
        for k in 0..<sampledDifferences {
            let start = Int(Double(k) * stretch), end = max(start, Int(Double(k + 1) * stretch) - 1)
            chosen.insert(Int.random(in: start...min(end, count - 1), using: &generator))
        }
        notes.append("finite differences: \(count) derivatives × \(max(1, rows)) row\(rows == 1 ? "" : "s") × \(operations) operations "
                     + "exceed the budget of \(budget) operation evaluations, so \(chosen.count) (a seeded sample) are differenced "
                     + "one by one and the others all together along one random ±1 direction per A (rows marked \"direction\"); "
                     + "symbolic and backprop are compared for every derivative")
        return chosen
    }

    /// One row per A: Σ sᵢ ∂A/∂Bᵢ over the members with random signs sᵢ = ±1, symbolic and backprop
    /// from the members' rows, the finite difference taken once along (s₁, s₂, …).
    func directionRows(_ runtime: Runtime, _ contexts: [Context], _ members: [DirectionMember],
                       _ rows: [Verification.Row]) -> [Verification.Row] {
        var groups: [[DirectionMember]] = []
        var position: [[Int]: Int] = [:]
        for member in members {
            let key = [member.of.node, member.of.offset]
            if let at = position[key] { groups[at].append(member) } else { position[key] = groups.count; groups.append([member]) }
        }
        var generator = SeededGenerator(seed: seed ^ 0x5167_4E5D_1EC7_1011)
        return groups.map { group in
            let signs = group.map { _ in Bool.random(using: &generator) ? 1.0 : -1.0 }
            let members = zip(group, signs).map { (member: $0, sign: $1, row: rows[$0.row]) }
            var symbolic: Double? = 0, backprop: Double? = 0
            for m in members {
                symbolic = symbolic.flatMap { sum in m.row.symbolic.map { sum + m.sign * $0 } }
                backprop = backprop.flatMap { sum in m.row.backprop.map { sum + m.sign * $0 } }
            }
            let direction = members.map { (node: $0.member.wrt.node, offset: $0.member.wrt.offset, weight: $0.sign) }
            let a = group[0].of
            let fd = contexts.reduce(0) { sum, context in
                sum + FiniteDifference.directional(runtime, at: context.point, of: a.node, component: a.offset, along: direction)
            } / Double(max(1, contexts.count))
            let kinks = Array(Set(members.flatMap(\.row.kinks))).sorted()
            var row = Verification.Row(of: rows[group[0].row].of, wrt: "\(group.count) derivatives along a random ±1 direction",
                                       form: "direction", symbolic: symbolic, backprop: backprop, finiteDifference: fd,
                                       symbolicError: 0, finiteDifferenceError: 0, kinks: kinks, agrees: true)
            judge(&row, scale: group.map(\.scale).max() ?? 0)
            if !row.agrees, row.problem == nil {
                row.problem = "the finite difference along the direction disagrees: one of the \(group.count) derivatives is wrong "
                    + "(verify with --all-differences to find it)"
            }
            return row
        }
    }
}
