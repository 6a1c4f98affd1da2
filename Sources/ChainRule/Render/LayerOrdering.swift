/// Orders the vertices within each layer of a proper layered graph (every edge joins consecutive
/// layers) so that few edges cross: an exhaustive search over all orders when there are few, else
/// barycenter sweeps followed by exhaustive search of each small layer against its neighbours.
///
/// Ties are broken by straightness (edges joining similar relative heights) and then by the first
/// order found, starting from the order given, so the result is deterministic.
struct LayerOrdering {
    /// Vertices per layer, in the initial order.
    let initial: [[Int]]
    /// The successors (next layer) of each vertex.
    let down: [[Int]]
    /// The predecessors (previous layer) of each vertex.
    let up: [[Int]]

    /// The largest number of whole-graph orders searched exhaustively.
    static let exhaustiveLimit = 5040
    /// The largest layer whose orders are searched exhaustively against fixed neighbours.
    static let layerLimit = 6

    /// What an order costs: crossings first, then crookedness.
    struct Cost: Comparable {
        var crossings: Int
        var crookedness: Double
        static func < (a: Cost, b: Cost) -> Bool {
            (a.crossings, a.crookedness) < (b.crossings, b.crookedness)
        }
    }

    /// The best order found.
    func ordered() -> [[Int]] {
        var total = 1
        for layer in initial {
            for k in stride(from: 2, through: layer.count, by: 1) {
                total *= k
                if total > LayerOrdering.exhaustiveLimit { return heuristic() }
            }
        }
        return exhaustive()
    }

    /// The cost of a whole order.
    func cost(_ order: [[Int]]) -> Cost {
        let position = positions(order)
        var cost = Cost(crossings: 0, crookedness: 0)
        for l in order.indices.dropLast() {
            let pair = pairCost(order[l], order[l + 1], position)
            cost.crossings += pair.crossings
            cost.crookedness += pair.crookedness
        }
        return cost
    }

    /// Crossings between consecutive layers of `order`.
    func crossings(_ order: [[Int]]) -> Int { cost(order).crossings }

    // MARK: Search

    private func exhaustive() -> [[Int]] {
        let choices = initial.map(LayerOrdering.permutations)
        var digits = Array(repeating: 0, count: choices.count)
        var best = initial, bestCost = cost(initial)
        while true {
            var l = choices.count - 1
            while l >= 0, digits[l] + 1 == choices[l].count { digits[l] = 0; l -= 1 }
            guard l >= 0 else { return best }
            digits[l] += 1
            let order = digits.indices.map { choices[$0][digits[$0]] }
            let c = cost(order)
            if c < bestCost { (best, bestCost) = (order, c) }
        }
    }

    private func heuristic() -> [[Int]] {
        var order = initial
        for l in order.indices.dropFirst() { order[l] = sorted(order[l], by: up, against: order[l - 1]) }
        var best = order, bestCost = cost(order)
        for _ in 0..<12 {
            for l in order.indices.dropFirst() { order[l] = sorted(order[l], by: up, against: order[l - 1]) }
            for l in order.indices.dropLast().reversed() { order[l] = sorted(order[l], by: down, against: order[l + 1]) }
            let c = cost(order)
            if c < bestCost { (best, bestCost) = (order, c) } else { break }
        }
        order = best
        for _ in 0..<4 {
            var improved = false
            for l in order.indices where order[l].count > 1 && order[l].count <= LayerOrdering.layerLimit {
                var bestLocal = localCost(order, l)
                for candidate in LayerOrdering.permutations(order[l]) {
                    var trial = order
                    trial[l] = candidate
                    let c = localCost(trial, l)
                    if c < bestLocal { (order, bestLocal, improved) = (trial, c, true) }
                }
            }
            if !improved { break }
        }
        return order
    }

    /// `layer` sorted by the mean position of each vertex's neighbours in `other` (vertices without
    /// neighbours keep their place).
    private func sorted(_ layer: [Int], by neighbours: [[Int]], against other: [Int]) -> [Int] {
        var position: [Int: Double] = [:]
        for (i, v) in other.enumerated() { position[v] = Double(i) }
        let keys = layer.enumerated().map { i, v -> (Double, Int, Int) in
            let ps = neighbours[v].compactMap { position[$0] }
            let scale = Double(max(other.count - 1, 1)) / Double(max(layer.count - 1, 1))
            return (ps.isEmpty ? Double(i) * scale : ps.reduce(0, +) / Double(ps.count), i, v)
        }
        return keys.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    // MARK: Parts

    /// The cost of the edges into and out of layer `l` only.
    private func localCost(_ order: [[Int]], _ l: Int) -> Cost {
        let near = Array(order[max(l - 1, 0)...min(l + 1, order.count - 1)])
        return cost(near)
    }

    private func positions(_ order: [[Int]]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for layer in order {
            let middle = Double(layer.count - 1) / 2
            for (i, v) in layer.enumerated() { result[v] = Double(i) - middle }
        }
        return result
    }

    private func pairCost(_ upper: [Int], _ lower: [Int], _ position: [Int: Double]) -> Cost {
        var segments: [(Double, Double)] = []
        for u in upper { for v in down[u] { if let a = position[u], let b = position[v] { segments.append((a, b)) } } }
        var cost = Cost(crossings: 0, crookedness: 0)
        for (i, s) in segments.enumerated() {
            cost.crookedness += (s.0 - s.1) * (s.0 - s.1)
            for t in segments[(i + 1)...] where (s.0 - t.0) * (s.1 - t.1) < 0 { cost.crossings += 1 }
        }
        return cost
    }

    /// Every order of `items`, the given order first, then in lexicographic order of positions.
    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
