/// A student's answer read into expressions: an optional left-hand side and one or more right-hand
/// sides, as in a chain of equalities (`∂y/∂x2 = A = B`), so that every step can be checked.
///
/// Every written derivative is a ``Expr/partial(of:wrt:)``; the checker decides whether it means a
/// local partial or a total. Names are those of the network where they matched (see ``AnswerParser``);
/// the others are kept as written and listed in ``unknownNames``.
public struct Answer: Hashable, Sendable {
    /// One side of the chain with where it starts in the answer text.
    public struct Side: Hashable, Sendable {
        /// The expression.
        public var expr: Expr
        /// The position of its first character.
        public var location: SourceLocation

        /// Creates a side.
        public init(_ expr: Expr, at location: SourceLocation) {
            self.expr = expr
            self.location = location
        }
    }

    /// A name that matched none of the known names, as written, with where it was written.
    public struct UnknownName: Hashable, Sendable {
        /// The name as written (`x_{3}`, `q`).
        public var written: String
        /// Where it starts.
        public var location: SourceLocation
        /// The known names closest to it (fewest edits first), for "did you mean …?".
        public var closest: [String]

        /// Creates an unknown name.
        public init(_ written: String, at location: SourceLocation, closest: [String] = []) {
            self.written = written
            self.location = location
            self.closest = closest
        }
    }

    /// A name that matches a known name only up to case, a prime, a hat or a layer mark, read as that
    /// name (`Y` as `y`, `\hat{c}` as `c`).
    public struct Reading: Hashable, Sendable {
        /// The name as written.
        public var written: String
        /// The known name it is read as.
        public var name: String
        /// What differs (`case`, `a prime`, `a hat`).
        public var difference: String
        /// Where it starts.
        public var location: SourceLocation

        /// Creates a reading.
        public init(_ written: String, as name: String, difference: String, at location: SourceLocation) {
            self.written = written
            self.name = name
            self.difference = difference
            self.location = location
        }
    }

    /// What the answer computes (`∂y/∂x2` in `∂y/∂x2 = …`), when written; `nil` for a bare expression.
    public var lhs: Side?
    /// The right-hand sides in order; never empty. The last one is the final answer.
    public var rhs: [Side]
    /// Names that matched no known name, in order of appearance.
    public var unknownNames: [UnknownName]
    /// Names read as a known name they match only approximately, in order of appearance.
    public var readings: [Reading]

    /// Creates an answer.
    public init(lhs: Side?, rhs: [Side], unknownNames: [UnknownName] = [], readings: [Reading] = []) {
        self.lhs = lhs
        self.rhs = rhs
        self.unknownNames = unknownNames
        self.readings = readings
    }
}
