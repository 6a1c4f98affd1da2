/// A worked numeric example as data, in the course's order: per iteration the forward pass (each
/// pre-activation and activation, with the arithmetic for scalar components), the loss, the backward
/// pass (δ per node, gradient per parameter, as chain-rule products along the edges) and the
/// updates p ← p − η ∂L/∂p. The text and LaTeX printers (and answer keys) render it.
///
/// Numbers are stored unrounded (given values exactly, computed values as reals); printers round.
public struct WorkedExample: Sendable {
    /// One displayed relation: `lhs = step₁ = step₂ = …` (or `lhs ← …` for an update).
    public struct Line: Sendable {
        /// The quantity defined.
        public var lhs: Expr
        /// Whether this is an assignment `←` (an update) rather than an equation.
        public var isUpdate: Bool = false
        /// The right-hand sides, most symbolic first, the value last.
        public var steps: [Step]
        /// For an update, the value before it: printers show the line with enough digits that the
        /// new value visibly differs (``shownDigits(_:)``).
        public var old: Double? = nil

        /// The significant digits to show this line with: `digits`, or more for an update whose change
        /// is below that precision (see ``DisplayNumber/digits(showingChangeFrom:to:digits:)``).
        public func shownDigits(_ digits: Int) -> Int {
            guard let old, case .expr(.number(let new))? = steps.last else { return digits }
            return DisplayNumber.digits(showingChangeFrom: old, to: new.doubleValue, digits: digits) ?? DisplayNumber.maxUpdateDigits
        }
    }

    /// One right-hand side.
    public enum Step: Sendable {
        /// An expression (symbolic, with numbers substituted, or a single number).
        case expr(Expr)
        /// A whole vector or matrix value.
        case tensor(RealTensor)
    }

    /// A titled group of lines: "Forward pass", "Loss", "Backward pass", "Update".
    public struct Section: Sendable {
        /// The heading.
        public var title: String
        /// The lines.
        public var lines: [Line]
    }

    /// One iteration (or, in a batch, one sample's passes, then the averaged gradients and update).
    public struct Block: Sendable {
        /// `Iteration 1`, `Iteration 1, sample 2`.
        public var heading: String
        /// The sections in order.
        public var sections: [Section]
    }

    /// The problem's title.
    public var title: String?
    /// Remarks before the first block: drawn values, batch averaging.
    public var notes: [String]
    /// Non-finite values and derivatives, by node name: errors to report, never silent `nan`s.
    public var errors: [String]
    /// The blocks in order.
    public var blocks: [Block]

    /// Vectors with more components than this are shown whole, not component by component.
    public static let componentLimit = 12
}
