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
            let label = row.form == "direction" ? "Σ ±∂\(row.of)/∂(\(row.wrt))"
                : "∂\(row.of)/∂\(row.wrt)" + (row.form == "layers" ? " (matrix form)" : row.checkedAlongDirection ? " (direction)" : "")
            return [label, Self.number(row.symbolic), Self.number(row.backprop),
                    Self.number(row.finiteDifference), Self.error(error), status]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
        lines += v.notes.map { "note: " + $0 }
        for row in v.rows where !row.kinks.isEmpty {
            lines.append("note: ∂\(row.of)/∂\(row.wrt) passes near a kink (\(row.kinks.joined(separator: "; "))): one-sided derivatives may differ there")
        }
        if let worst = v.worst {
            let error = max(worst.symbolicError, worst.finiteDifferenceError)
            let at = worst.form == "direction" ? "the random direction of \(worst.wrt.split(separator: " ").first ?? "") derivatives" : "∂\(worst.of)/∂\(worst.wrt)"
            lines.append("worst relative error: \(Self.error(error)) at \(at) (tolerances: symbolic "
                         + "\(Self.error(v.tolerances.symbolic)), finite difference \(Self.error(v.tolerances.finiteDifference)))")
        }
        let failures = v.rows.filter { !$0.agrees }
        let derivatives = v.rows.filter { $0.form != "direction" }
        let together = derivatives.filter(\.checkedAlongDirection).count
        if failures.isEmpty, together > 0 {
            lines.append("all \(derivatives.count) derivatives agree: symbolic and backprop for each; finite differences one by one "
                         + "for \(derivatives.count - together), together along a random direction for \(together)")
        } else if failures.isEmpty {
            lines.append("all \(v.rows.count) derivatives agree three ways")
        } else {
            for row in failures {
                if let problem = row.problem {
                    lines.append("FAILED ∂\(row.of)/∂\(row.wrt): \(problem)")
                } else {
                    lines.append("FAILED ∂\(row.of)/∂\(row.wrt): symbolic differs from backprop by \(Self.error(row.symbolicError)) (relative), "
                                 + "finite difference by \(Self.error(row.finiteDifferenceError))")
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
            ("notes", .array(v.notes.map(JSONValue.string))),
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
                    ("checked_along_direction", .bool(row.checkedAlongDirection)),
                ])
            })),
        ])
    }

    /// Significant digits of the values compared: enough to see agreement to about 10⁻⁶.
    static let digits = 7

    /// A value of the table, by the one display rule (``DisplayNumber``) at ``digits`` digits.
    private static func number(_ x: Double?) -> String {
        guard let x else { return "—" }
        return TextPrinter(digits: digits).number(.real(x))
    }

    /// A relative error, by the same rule at 2 significant digits.
    private static func error(_ x: Double) -> String { TextPrinter(digits: 2).number(.real(x)) }
}
