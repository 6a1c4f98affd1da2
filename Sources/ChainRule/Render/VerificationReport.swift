import Foundation

/// Prints a ``Verification``: a table of the three values per derivative and the worst relative
/// error (text), or the same as JSON.
public struct VerificationReport {
    /// The verification to print.
    public var verification: Verification
    /// The problem's title, when known.
    public var title: String?

    /// Creates a report.
    public init(_ verification: Verification, title: String? = nil) {
        self.verification = verification
        self.title = title
    }

    /// The table and summary.
    public var text: String {
        let v = verification
        var lines: [String] = []
        if let title { lines.append("Verifying: \(title)") }
        if let substitute = v.substitute {
            lines.append("g is unspecified: the numbers use g = \(substitute.name) (the chain-rule structure does not depend on it)")
        }
        if v.batchSize > 0 {
            lines.append("every value is the average over the \(v.batchSize) sample\(v.batchSize == 1 ? "" : "s") (the batch-averaged loss, as run reports it)")
        }
        if !v.drawn.isEmpty {
            lines.append("values drawn at random (seed \(v.seed)) for the symbolic leaves: " + v.drawn.joined(separator: ", "))
        }
        let header = ["derivative", "symbolic", "backprop", "finite diff.", "rel. error", ""]
        let rows = v.rows.map { row -> [String] in
            let error = max(row.symbolicError, row.finiteDifferenceError)
            let status = row.agrees ? (row.kinks.isEmpty ? "ok" : "ok (kink)") : (row.problem ?? "DISAGREES")
            let label = "∂\(row.of)/∂\(row.wrt)" + (row.form == "layers" ? " (matrix form)" : "")
            return [label, Self.number(row.symbolic), Self.number(row.backprop),
                    Self.number(row.finiteDifference), String(format: "%.1e", error), status]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
        for row in v.rows where !row.kinks.isEmpty {
            lines.append("note: ∂\(row.of)/∂\(row.wrt) passes near a kink (\(row.kinks.joined(separator: "; "))): one-sided derivatives may differ there")
        }
        if let worst = v.worst {
            let error = max(worst.symbolicError, worst.finiteDifferenceError)
            lines.append(String(format: "worst relative error: %.2e at ∂%@/∂%@ (tolerances: symbolic %.0e, finite difference %.0e)",
                                error, worst.of, worst.wrt, v.tolerances.symbolic, v.tolerances.finiteDifference))
        }
        let failures = v.rows.filter { !$0.agrees }
        if failures.isEmpty {
            lines.append("all \(v.rows.count) derivatives agree three ways")
        } else {
            for row in failures {
                if let problem = row.problem {
                    lines.append("FAILED ∂\(row.of)/∂\(row.wrt): \(problem)")
                } else {
                    lines.append(String(format: "FAILED ∂%@/∂%@: symbolic differs from backprop by %.2e (relative), finite difference by %.2e",
                                        row.of, row.wrt, row.symbolicError, row.finiteDifferenceError))
                }
            }
            lines.append("\(failures.count) of \(v.rows.count) derivatives disagree")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"agrees", "drawn", "seed", "substitute", "batch_size", "rows": [{"of", "wrt", "symbolic", "backprop", "finite_difference", …}]}`.
    public var json: JSONValue {
        let v = verification
        func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        return .object([
            ("agrees", .bool(v.agrees)),
            ("seed", .number(Double(v.seed))),
            ("drawn", .array(v.drawn.map(JSONValue.string))),
            ("substitute", v.substitute.map { .string($0.name) } ?? .null),
            ("batch_size", .number(Double(v.batchSize))),
            ("rows", .array(v.rows.map { row in
                .object([
                    ("of", .string(row.of)), ("wrt", .string(row.wrt)), ("form", .string(row.form)),
                    ("symbolic", number(row.symbolic)), ("backprop", number(row.backprop)),
                    ("finite_difference", number(row.finiteDifference)),
                    ("symbolic_error", number(row.symbolicError)), ("finite_difference_error", number(row.finiteDifferenceError)),
                    ("kinks", .array(row.kinks.map(JSONValue.string))),
                    ("problem", row.problem.map(JSONValue.string) ?? .null),
                    ("agrees", .bool(row.agrees)),
                ])
            })),
        ])
    }

    private static func number(_ x: Double?) -> String {
        guard let x else { return "—" }
        return x.isFinite ? String(format: "%.10g", x) : "\(x)"
    }
}
