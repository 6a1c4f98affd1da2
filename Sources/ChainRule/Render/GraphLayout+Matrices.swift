extension GraphLayout {
    /// A parameter matrix drawn beside its layer, `W₁ = [0.1 0.2; 0.3 0.4; …]`, when the labels of
    /// its entries on the edges would collide. Entries are laid out as in the file (row i, column j
    /// of `W1[i,j]`).
    public struct Matrix: Hashable, Sendable {
        /// The parameter's name (`W1`).
        public var parameter: String
        /// The entries as shown, row by row (`·` for an entry no edge carries).
        public var rows: [[String]]
        /// The centre of the whole box (name, brackets and entries).
        public var center: Point
        /// The width of the box.
        public var width: Double
        /// The height of the box.
        public var height: Double
        /// The width of the name and its `=` at the left.
        public var nameWidth: Double
        /// The width of one column of entries.
        public var cellWidth: Double
        /// The height of one row of entries.
        public var rowHeight: Double

        /// `W₁ =`.
        public var name: DrawText { DrawText(name: parameter) + DrawText(plain: " =") }
        /// The left edge of the box.
        public var left: Double { center.x - width / 2 }
        /// The top edge of the box.
        public var top: Double { center.y - height / 2 }
        /// The x of the left bracket (the right one mirrors it at `left + width`).
        public var bracket: Double { left + nameWidth + 6 }
        /// The centre of entry (`row`, `column`), 0-based.
        public func cell(_ row: Int, _ column: Int) -> Point {
            Point(x: bracket + 5 + cellWidth * (Double(column) + 0.5), y: top + 3 + rowHeight * (Double(row) + 0.5))
        }
    }

    /// `W1` for an entry `W1[2,1]` of a matrix; `nil` for any other weight.
    static func matrixName(_ weight: String) -> String? {
        guard let open = weight.firstIndex(of: "["), weight.hasSuffix("]"),
              weight[weight.index(after: open)...].split(separator: ",").count == 2 else { return nil }
        return String(weight[..<open])
    }

    /// The (1-based) row and column of `W1[2,1]`.
    private static func entry(_ weight: String) -> (Int, Int)? {
        guard let open = weight.firstIndex(of: "[") else { return nil }
        let parts = weight[weight.index(after: open)...].dropLast().split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 && parts.allSatisfy({ $0 >= 1 }) ? (parts[0], parts[1]) : nil
    }

    /// The matrices some of whose entry labels cannot be read on their edge: the label (with some
    /// room around it, glyph widths being estimates) overlaps a node or another label, or another
    /// edge runs through it.
    func crowdedMatrices() -> Set<String> {
        let small = metrics.smallFontSize, room = 6.0
        let nodeBoxes = nodes.map { Box(center: $0.center, width: $0.width, height: $0.height) }
        let labels: [(edge: Int, name: String?, box: Box)] = edges.indices.compactMap { i in
            guard let at = edges[i].label, let label = graph.edges[i].label else { return nil }
            return (i, graph.edges[i].weight.flatMap(GraphLayout.matrixName),
                    Box(center: at, width: label.width * small + 6 + 2 * room, height: small * 1.25 + room))
        }
        let segments = edges.enumerated().flatMap { i, e in zip(e.route, e.route.dropFirst()).map { (i, $0, $1) } }
        var result = Set<String>()
        for (k, label) in labels.enumerated() {
            guard let name = label.name, !result.contains(name) else { continue }
            let hitsNode = nodeBoxes.contains { $0.overlap(label.box) > 0 }
            let hitsLabel = labels.indices.contains { $0 != k && labels[$0].box.overlap(label.box) > 0 }
            let crossed = segments.contains { $0.0 != label.edge && label.box.meets($0.1, $0.2) }
            if hitsNode || hitsLabel || crossed { result.insert(name) }
        }
        return result
    }

    /// Puts each matrix in `names` under the gap between the layers its edges join (in `graph`, the
    /// drawing with every label), below everything else, then refits the drawing.
    mutating func placeMatrices(_ names: Set<String>, of graph: DrawingGraph) {
        guard !names.isEmpty else { return }
        let small = metrics.smallFontSize
        var bottom = nodes.map { $0.center.y + $0.height / 2 }.max() ?? 0
        for edge in edges { bottom = max(bottom, edge.route.map(\.y).max() ?? bottom) }
        var placed: [Box] = []
        for name in names.sorted() {
            let members = graph.edges.filter { $0.weight.flatMap(GraphLayout.matrixName) == name }
            var entries: [[Int]: String] = [:]
            var rows = 0, cols = 0
            for edge in members {
                guard let weight = edge.weight, let (i, j) = GraphLayout.entry(weight) else { continue }
                entries[[i, j]] = edge.value.map { DisplayNumber.string($0) } ?? "·"
                (rows, cols) = (max(rows, i), max(cols, j))
            }
            guard rows > 0, cols > 0 else { continue }
            let grid = (1...rows).map { i in (1...cols).map { j in entries[[i, j]] ?? "·" } }
            let widest = grid.joined().map { DrawText(plain: $0).width }.max() ?? 1
            let cellWidth = widest * small + 10, rowHeight = small * 1.35
            let nameWidth = (DrawText(name: name) + DrawText(plain: " =")).width * small + 4
            let width = nameWidth + 18 + cellWidth * Double(cols), height = rowHeight * Double(rows) + 6
            let from = members.map { nodes[$0.from].center.x }, to = members.map { nodes[$0.to].center.x }
            let x = ((from.min() ?? 0) + (to.max() ?? 0)) / 2
            var box = Box(center: Point(x: x, y: bottom + 18 + height / 2), width: width, height: height)
            while let other = placed.first(where: { $0.overlap(Box(center: box.center, width: box.width + 12, height: box.height + 8)) > 0 }) {
                box.center.y = other.center.y + other.height / 2 + 10 + height / 2
            }
            placed.append(box)
            matrices.append(Matrix(parameter: name, rows: grid, center: box.center, width: width, height: height,
                                   nameWidth: nameWidth, cellWidth: cellWidth, rowHeight: rowHeight))
        }
        fit()
    }
}
