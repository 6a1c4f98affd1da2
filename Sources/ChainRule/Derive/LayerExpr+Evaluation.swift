import Foundation

extension LayerExpr {
    /// The value in full `Double` precision, with `values` giving every ``symbol(_:)`` and
    /// ``gradient(_:)`` used and `m` the batch size.
    public func evaluate(_ values: [LayerExpr: LayerMatrix], m: Int) throws(LayerError) -> LayerMatrix {
        switch self {
        case .symbol, .gradient:
            guard let value = values[self] else { throw .notNumeric("no value for \(self.name)") }
            return value
        case .constant(let n):
            return LayerMatrix(rows: 1, cols: 1, entries: [n.doubleValue])
        case .transpose(let a):
            return try a.evaluate(values, m: m).transposed
        case .product(let factors):
            guard let first = factors.first else { return LayerMatrix(rows: 1, cols: 1, entries: [1]) }
            var result = try first.evaluate(values, m: m)
            for factor in factors.dropFirst() {
                let next = try factor.evaluate(values, m: m)
                guard result.cols == next.rows else {
                    throw .notNumeric("a product of \(result.rows)×\(result.cols) and \(next.rows)×\(next.cols) values")
                }
                result = result.multiplied(by: next)
            }
            return result
        case .hadamard(let operands):
            return try LayerExpr.fold(operands, values, m, *)
        case .sum(let terms):
            return try LayerExpr.fold(terms, values, m, +)
        case .quotient(let a, let b):
            return try LayerExpr.fold([a, b], values, m, /)
        case .scaled(let scale, let a):
            let factor = scale.value(m: m)
            return try a.evaluate(values, m: m).map { factor * $0 }
        case .apply(.scalar(let function), let a):
            guard function.numericValue([0]) != nil || function == .log else {
                throw .notNumeric("the activation '\(function.name)' has no numeric value")
            }
            return try a.evaluate(values, m: m).map { function.numericValue([$0]) ?? .nan }
        case .apply(.softmax, let a):
            let z = try a.evaluate(values, m: m)
            let byRow = (try? a.shape().rows) == .batch
            return byRow ? LayerMatrix.softmaxRows(z) : LayerMatrix.softmaxRows(z.transposed).transposed
        case .squaredNorm(let a):
            return LayerMatrix(rows: 1, cols: 1, entries: [try a.evaluate(values, m: m).entries.reduce(0) { $0 + $1 * $1 }])
        case .total(let a):
            return LayerMatrix(rows: 1, cols: 1, entries: [try a.evaluate(values, m: m).entries.reduce(0, +)])
        }
    }

    /// A short plain name for messages: `z(2)`, `dL/dW(1)`.
    var name: String {
        switch self {
        case .symbol(let s): s.role.rawValue + (s.layer.map { "(\($0))" } ?? "")
        case .gradient(let s): "dL/d" + LayerExpr.symbol(s).name
        default: "an expression"
        }
    }

    private static func fold(_ operands: [LayerExpr], _ values: [LayerExpr: LayerMatrix], _ m: Int,
                             _ operation: (Double, Double) -> Double) throws(LayerError) -> LayerMatrix {
        guard let first = operands.first else { throw .notNumeric("an empty operation") }
        var result = try first.evaluate(values, m: m)
        for operand in operands.dropFirst() {
            let next = try operand.evaluate(values, m: m)
            guard result.entries.count == next.entries.count || result.entries.count == 1 || next.entries.count == 1 else {
                throw .notNumeric("entry-by-entry operation on \(result.rows)×\(result.cols) and \(next.rows)×\(next.cols) values")
            }
            result = result.combined(with: next, operation)
        }
        return result
    }
}

extension LayerMatrix {
    /// softmax of each row, computed stably (the row's maximum subtracted first).
    static func softmaxRows(_ z: LayerMatrix) -> LayerMatrix {
        var out = z.entries
        for r in 0..<z.rows {
            let row = r * z.cols..<(r + 1) * z.cols
            let top = z.entries[row].max() ?? 0
            var total = 0.0
            for k in row { out[k] = exp(z.entries[k] - top); total += out[k] }
            for k in row { out[k] /= total }
        }
        return LayerMatrix(rows: z.rows, cols: z.cols, entries: out)
    }
}
