extension GraphLayout {
    /// Vertical positions: each layer stacked in its order with room between boxes, then relaxed
    /// toward the mean height of each vertex's neighbours (so edges run straight where they can)
    /// while keeping the order and the room.
    static func heights(order: [[Int]], sizes: [(Double, Double)], down: [[Int]], up: [[Int]],
                        gap: Double, real: Int) -> [Double] {
        var y = Array(repeating: 0.0, count: sizes.count)
        func separation(_ a: Int, _ b: Int) -> Double {
            let room = a < real && b < real ? gap : (a < real || b < real ? gap * 0.9 : gap * 0.8)
            return (sizes[a].1 + sizes[b].1) / 2 + room
        }
        for layer in order {
            var offset = 0.0
            for (i, v) in layer.enumerated() {
                if i > 0 { offset += separation(layer[i - 1], v) }
                y[v] = offset
            }
            let shift = offset / 2
            layer.forEach { y[$0] -= shift }
        }
        for round in 0..<24 {
            let sweep = round.isMultiple(of: 2) ? Array(order.indices) : order.indices.reversed()
            for l in sweep where !order[l].isEmpty {
                let layer = order[l]
                let desired = layer.map { v -> Double in
                    let near = up[v] + down[v]
                    return near.isEmpty ? y[v] : near.map { y[$0] }.reduce(0, +) / Double(near.count)
                }
                let weights = layer.map { $0 < real ? 1.0 : 0.5 }
                let room = zip(layer, layer.dropFirst()).map(separation)
                for (v, value) in zip(layer, GraphLayout.project(desired, weights: weights, room: room)) { y[v] = value }
            }
        }
        return y
    }

    /// The heights closest to `desired` (weighted least squares) with `y[i+1] − y[i] ≥ room[i]`:
    /// pool-adjacent-violators on the heights less their cumulative room.
    static func project(_ desired: [Double], weights: [Double], room: [Double]) -> [Double] {
        var offsets = [0.0]
        for r in room { offsets.append((offsets.last ?? 0) + r) }
        var blocks: [(value: Double, weight: Double, count: Int)] = []
        for i in desired.indices {
            blocks.append((desired[i] - offsets[i], weights[i], 1))
            while blocks.count > 1, blocks[blocks.count - 2].value > blocks[blocks.count - 1].value {
                let b = blocks.removeLast(), a = blocks.removeLast()
                let w = a.weight + b.weight
                blocks.append(((a.value * a.weight + b.value * b.weight) / w, w, a.count + b.count))
            }
        }
        var result: [Double] = []
        for block in blocks { result += Array(repeating: block.value, count: block.count) }
        return zip(result, offsets).map { $0 + $1 }
    }

    /// Puts each weight label on the first segment of its edge, at the position along it that
    /// covers the least: other labels and nodes (by area) and other edges (by crossings); the first
    /// position that covers nothing wins, trying the middle first.
    mutating func placeLabels(widths: [Double]) {
        let height = metrics.smallFontSize * 1.3
        var taken: [Box] = nodes.map { Box(center: $0.center, width: $0.width + 16, height: $0.height + 6) }
        let segments = edges.enumerated().flatMap { i, e in zip(e.route, e.route.dropFirst()).map { (i, $0, $1) } }
        let steps = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86]
        for (i, edge) in graph.edges.enumerated() where edge.label != nil && edges[i].route.count >= 2 {
            let a = edges[i].route[0], b = edges[i].route[1]
            var best: (cost: Double, box: Box)?
            for t in steps {
                let box = Box(center: Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t),
                              width: widths[i] + 6, height: height)
                let cost = taken.reduce(0) { $0 + $1.overlap(box) }
                    + 40 * Double(segments.count { $0.0 != i && box.meets($0.1, $0.2) })
                if best == nil || cost < (best?.cost ?? 0) - 0.01 { best = (cost, box) }
                if cost == 0 { break }
            }
            if let box = best?.box {
                edges[i].label = box.center
                taken.append(box)
            }
        }
    }

    /// Shifts everything so the drawing starts at the margin, and sets the size.
    mutating func fit() {
        var boxes = nodes.map { Box(center: $0.center, width: $0.width, height: $0.height) }
        for (i, edge) in edges.enumerated() {
            boxes += edge.route.map { Box(center: $0, width: 0, height: 0) }
            if let label = edge.label {
                boxes.append(Box(center: label, width: (graph.edges[i].label?.width ?? 0) * metrics.smallFontSize + 4,
                                 height: metrics.smallFontSize * 1.25))
            }
        }
        boxes += matrices.map { Box(center: $0.center, width: $0.width, height: $0.height) }
        let minX = boxes.map { $0.center.x - $0.width / 2 }.min() ?? 0
        let minY = boxes.map { $0.center.y - $0.height / 2 }.min() ?? 0
        let maxX = boxes.map { $0.center.x + $0.width / 2 }.max() ?? 0
        let maxY = boxes.map { $0.center.y + $0.height / 2 }.max() ?? 0
        let dx = metrics.margin - minX, dy = metrics.margin - minY
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        for i in nodes.indices { nodes[i].center = move(nodes[i].center) }
        for i in edges.indices {
            edges[i].route = edges[i].route.map(move)
            edges[i].label = edges[i].label.map(move)
        }
        for i in matrices.indices { matrices[i].center = move(matrices[i].center) }
        width = maxX - minX + 2 * metrics.margin
        height = maxY - minY + 2 * metrics.margin
    }

    /// An axis-aligned box.
    struct Box {
        var center: Point
        var width: Double
        var height: Double

        func overlap(_ other: Box) -> Double {
            let w = min(center.x + width / 2, other.center.x + other.width / 2) - max(center.x - width / 2, other.center.x - other.width / 2)
            let h = min(center.y + height / 2, other.center.y + other.height / 2) - max(center.y - height / 2, other.center.y - other.height / 2)
            return max(0, w) * max(0, h)
        }

        /// Whether the segment from `p` to `q` passes through the box (Liang–Barsky clipping).
        func meets(_ p: Point, _ q: Point) -> Bool {
            var low = 0.0, high = 1.0
            let d = (q.x - p.x, q.y - p.y)
            let tests = [(-d.0, p.x - (center.x - width / 2)), (d.0, center.x + width / 2 - p.x),
                         (-d.1, p.y - (center.y - height / 2)), (d.1, center.y + height / 2 - p.y)]
            for (a, b) in tests {
                if a == 0 { if b < 0 { return false } else { continue } }
                let t = b / a
                if a < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
            return true
        }
    }
}
