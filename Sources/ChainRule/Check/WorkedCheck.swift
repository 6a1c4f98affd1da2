/// The verdict on a student's worked numeric example, line by line, as data (``CheckReport`` words it).
///
/// Each line is compared with the correct value at the rounding the student used, and with the value
/// that follows from the student's own earlier numbers (error carried forward), so that one early slip
/// is marked once and what is computed correctly from it is marked consistent.
public struct WorkedCheck: Hashable, Sendable {
    /// How a line (or one number of it) fares.
    public enum Status: String, Hashable, Sendable {
        /// Correct at the rounding written.
        case ok
        /// Neither correct nor following from the student's earlier numbers: a slip.
        case wrong
        /// Not correct, but computed correctly from an earlier slip.
        case consistent
        /// Not checked (see ``Line/problem``).
        case unchecked
    }

    /// What a line gives.
    public enum Quantity: Hashable, Sendable {
        /// A node's (or leaf's) value.
        case value(String)
        /// ∂L/∂(node): a δ or a parameter's gradient.
        case gradient(String)
        /// A local partial ∂of/∂wrt along one edge.
        case partial(of: String, wrt: String)
        /// A parameter after the update.
        case updated(String)
        /// The learning rate.
        case rate
    }

    /// Why a line was not checked.
    public enum Problem: Hashable, Sendable {
        /// The name matches nothing in the network (as written), with the closest names.
        case unknownName(String, closest: [String] = [])
        /// The line gives `given` numbers for a quantity of `expected` components.
        case shapeMismatch(expected: Int, given: Int)
        /// ∂of/∂wrt is not along an edge of the network.
        case notAnEdge(of: String, wrt: String)
        /// The iteration has no computed values (it is past the iterations run).
        case noIteration(Int)
    }

    /// One number of a line.
    public struct Component: Hashable, Sendable {
        /// The scalar quantity (`z_a2[1]`, `w1`).
        public var name: String
        /// The number written.
        public var given: Double
        /// Its decimal places.
        public var decimals: Int
        /// The correct value, full precision.
        public var expected: Double?
        /// The value that follows from the student's earlier numbers.
        public var consistent: Double?
        /// How it fares.
        public var status: Status
    }

    /// The loss a wrong output δ matches instead of the file's.
    public enum LossKind: String, Hashable, Sendable, CaseIterable {
        /// ½(ŷ − y)².
        case squaredError = "squared error"
        /// −y log ŷ − (1 − y) log(1 − ŷ).
        case crossEntropy = "binary cross-entropy"
    }

    /// An output δ (∂L/∂ŷ or ∂L/∂z of the output) that is what another loss gives.
    public struct LossMismatch: Hashable, Sendable {
        /// One way the written number comes about.
        public struct Match: Hashable, Sendable {
            /// The other loss.
            public var loss: LossKind
            /// The quantity it is ∂L/∂ of under that loss (the output or its pre-activation).
            public var wrt: String
            /// Its formula in the network's names (ŷ − y).
            public var formula: Expr
        }

        /// What the line should give: ∂L/∂`wrt`.
        public var wrt: String
        /// The ways the number written comes about under other losses.
        public var matches: [Match]
        /// The formula under the file's loss.
        public var formula: Expr
        /// Its value from the student's numbers.
        public var value: Double
    }

    /// One checked line.
    public struct Line: Hashable, Sendable {
        /// The line as read.
        public var entry: WorkedEntry
        /// What it gives.
        public var quantity: Quantity
        /// Its numbers.
        public var components: [Component]
        /// How it fares as a whole (wrong if any number is, consistent if any is).
        public var status: Status
        /// The lines (indexes into ``WorkedCheck/lines``) of the earlier slips a consistent line follows from.
        public var slips: [Int]
        /// A wrong output δ that another loss would give.
        public var lossMismatch: LossMismatch?
        /// The value of the arithmetic written before the result, when it is plain numbers and does not
        /// give the result written.
        public var arithmetic: Double?
        /// Why the line was not checked.
        public var problem: Problem?
    }

    /// The lines, in file order.
    public var lines: [Line]
    /// Lines that could not be read.
    public var diagnostics: [Diagnostic]
    /// What the reader skipped and decided, for a solution handed in as Markdown/LaTeX.
    public var layout = WorkedFileLayout()

    /// Creates a check.
    public init(lines: [Line], diagnostics: [Diagnostic]) {
        self.lines = lines
        self.diagnostics = diagnostics
    }

    /// Whether every line is correct.
    public var correct: Bool { lines.allSatisfy { $0.status == .ok } && diagnostics.isEmpty }

    /// How many lines have each status.
    public func count(_ status: Status) -> Int { lines.filter { $0.status == status }.count }
}
