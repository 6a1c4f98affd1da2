import Foundation
@testable import ChainRule

/// The test's own oracle for grading: the quiz's paths from its edge list, the 2-2-1 network's
/// numbers by hand-written forward and backward passes, and a class of students with known answers
/// and the score each must get under the default rubric (worked out here, not by the grader).
enum GradeOracle {
    /// Quiz Problem 3's edges, from the problem's comment (u → q).
    static let quizEdges: [(String, String)] = [("x1", "a"), ("x1", "b"), ("x2", "c"), ("x2", "d"), ("a", "c"), ("a", "d"),
                                                 ("b", "d"), ("d", "e"), ("c", "y"), ("d", "y"), ("e", "y")]

    /// Every path from `from` to y, as node lists.
    static func paths(from: String) -> [[String]] {
        if from == "y" { return [["y"]] }
        return quizEdges.filter { $0.0 == from }.flatMap { edge in paths(from: edge.1).map { [from] + $0 } }
    }

    /// A path's product of partials, output side first.
    static func product(_ path: [String]) -> String {
        zip(path.dropFirst(), path).reversed().map { "∂\($0.0)/∂\($0.1)" }.joined(separator: " ")
    }

    /// The factored answers as the quiz solution writes them (what a good student hands in).
    static let factored = [
        "x2": "∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2",
        "x1": "∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)",
    ]

    /// Partial symbols in an answer.
    static func symbols(_ text: String) -> Int { text.filter { $0 == "∂" }.count / 2 }

    /// The kinds of symbolic answers students hand in.
    enum Symbolic: CaseIterable {
        case factored, expanded, missing, repeated, wrongSign, broken, unreadable
    }

    /// A symbolic answer to ∂y/∂`wrt` of the given kind, with the score the default rubric gives it.
    static func quizAnswer(_ kind: Symbolic, wrt: String, pick: Int) -> (text: String, score: Double) {
        let all = paths(from: wrt)
        let p = Double(all.count), k = pick % all.count
        let expanded = all.map(product)
        switch kind {
        case .factored: return (factored[wrt]!, 1)
        case .expanded: return (expanded.joined(separator: " + "), symbols(expanded.joined()) > symbols(factored[wrt]!) ? 0.75 : 1)
        case .missing: return (expanded.enumerated().filter { $0.offset != k }.map(\.element).joined(separator: " + "), (p - 1) / p)
        case .repeated: return ((expanded + [expanded[k]]).joined(separator: " + "), (p - 1) / p)
        case .wrongSign:
            let terms = expanded.enumerated().map { ($0.offset == k ? "- " : $0.offset == 0 ? "" : "+ ") + $0.element }
            return (terms.joined(separator: " "), (p - 1) / p)
        case .broken:  // two edges that do not join: one product that is not a path
            return (expanded.joined(separator: " + ") + (wrt == "x2" ? " + ∂y/∂e ∂c/∂x2" : " + ∂y/∂e ∂a/∂x1"), (p - 1) / p)
        case .unreadable: return ("∂y/∂c ∂c/∂\(wrt) + (∂y/∂d", 0)
        }
    }

    /// The 2-2-1 network's quantities for given leaf values, in the order a student writes them: each
    /// value, each gradient, each update; `slip` adds to h1 and every later number follows from it (as
    /// written, rounded to 4 decimals).
    static func worked(_ v: [String: Double], slip: Double = 0) -> [(name: String, value: Double)] {
        func s(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        func r(_ x: Double) -> Double { slip == 0 ? x : (x * 10_000).rounded() / 10_000 }
        let (x1, x2, y) = (v["x1"]!, v["x2"]!, v["y"]!)
        let z1 = r(v["w11"]! * x1 + v["w12"]! * x2 + v["b1"]!), h1 = r(s(z1) + slip)
        let z2 = r(v["w21"]! * x1 + v["w22"]! * x2 + v["b2"]!), h2 = r(s(z2))
        let z = r(v["v1"]! * h1 + v["v2"]! * h2 + v["c"]!), yhat = r(s(z))
        let loss = r(-y * log(yhat) - (1 - y) * log(1 - yhat))
        let d = yhat - y                                       // ∂L/∂z for BCE after a sigmoid
        let d1 = d * v["v1"]! * h1 * (1 - h1), d2 = d * v["v2"]! * h2 * (1 - h2)
        let gradients: [(String, Double)] = [("w11", d1 * x1), ("w12", d1 * x2), ("b1", d1), ("w21", d2 * x1), ("w22", d2 * x2), ("b2", d2),
                                             ("v1", d * h1), ("v2", d * h2), ("c", d)].map { ($0.0, r($0.1)) }
        let eta = 0.01
        return [("z_h1", z1), ("h1", h1), ("z_h2", z2), ("h2", h2), ("z_yhat", z), ("yhat", yhat), ("L", loss)]
            + gradients.map { ("dL/d" + $0.0, $0.1) } + gradients.map { ($0.0 + "'", v[$0.0]! - eta * $0.1) }
    }

    /// A worked solution's text, 4 decimals.
    static func text(_ lines: [(name: String, value: Double)]) -> String {
        lines.map { "\($0.name) = " + String(format: "%.4f", $0.value) }.joined(separator: "\n")
    }
}

/// Writing a CSV in tests (the test's own quoting).
func csvLine(_ fields: [String]) -> String {
    fields.map { $0.contains(where: { ",\"\n".contains($0) }) ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
        .joined(separator: ",")
}
