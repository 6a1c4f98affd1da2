/// One row of an aligned display of equations, as ``ExprPrinter/aligned(_:)`` lays it out:
/// `lhs = body`, or a continuation under the row above (`= body` for the next step of a chain,
/// `+ d` for the next terms of a long right-hand side).
public struct AlignedRow: Hashable, Sendable {
    /// The left-hand side as printed; `nil` continues the equation above.
    public var lhs: String?
    /// The relation before the body (`=`); `nil` continues the right-hand side above.
    public var relation: String?
    /// The right-hand side (or its next terms) as printed.
    public var body: String

    /// Creates a row.
    public init(lhs: String? = nil, relation: String? = "=", body: String) {
        self.lhs = lhs
        self.relation = relation
        self.body = body
    }
}
