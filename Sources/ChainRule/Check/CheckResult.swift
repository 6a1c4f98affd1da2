/// The verdict on one derivative answer, with the grader's findings as data.
///
/// A chain of equalities is checked side by side: each right-hand side is a ``Step``. The answer is
/// correct when every step is and nothing else is wrong (unknown names, a wrong left-hand side).
public struct CheckResult: Hashable, Sendable {
    /// One right-hand side of the answer.
    public struct Step: Hashable, Sendable {
        /// The expression as read (names mapped to the network's).
        public var expr: Expr
        /// Where it starts in the answer text.
        public var location: SourceLocation
        /// Whether this side equals ∂A/∂B.
        public var correct: Bool
        /// What is wrong (or noteworthy) about it.
        public var findings: [CheckFinding]
        /// How the plugged-in comparison was decided; `nil` for symbolic answers.
        public var method: Method?

        /// Creates a step.
        public init(expr: Expr, location: SourceLocation, correct: Bool, findings: [CheckFinding], method: Method? = nil) {
            self.expr = expr
            self.location = location
            self.correct = correct
            self.findings = findings
            self.method = method
        }

        /// The paths the step leaves out, as node chains from B to A.
        public var missing: [[String]] {
            findings.compactMap { if case .missingPath(_, let nodes) = $0 { nodes } else { nil } }
        }

        /// The products it has too many of: each surplus copy of a repeated path, and each product of
        /// edges that is not a path (its edges' nodes in order).
        public var extra: [[String]] {
            findings.flatMap { finding -> [[String]] in
                switch finding {
                case .repeatedPath(_, let nodes, let times): Array(repeating: nodes, count: max(times - 1, 0))
                case .brokenChain(_, let pieces): [pieces.flatMap { $0 }]
                case .wrongEnds(_, let nodes): [nodes]
                default: []
                }
            }
        }
    }

    /// How a plugged-in answer was compared with the derivative.
    public enum Method: Hashable, Sendable {
        /// Both sides simplify to the same expression (``Expr/isEquivalent(to:unitSums:)``).
        case algebra
        /// Evaluated at `points` random points drawn from `seed` (consistent node values).
        case evaluation(points: Int, seed: UInt64)
        /// Symbolic, compared as polynomials in the edge symbols at `points` random points modulo the
        /// prime 2⁶¹ − 1, because ∂A/∂B has `paths` paths, too many to multiply out.
        case modular(points: Int, paths: Int)
    }

    /// A: the quantity differentiated.
    public var of: String
    /// B: the variable.
    public var wrt: String
    /// The right-hand sides, in order; the last is the final answer.
    public var steps: [Step]
    /// Findings about the answer as a whole (unknown names, the left-hand side).
    public var findings: [CheckFinding]

    /// Creates a result.
    public init(of: String, wrt: String, steps: [Step], findings: [CheckFinding]) {
        self.of = of
        self.wrt = wrt
        self.steps = steps
        self.findings = findings
    }

    /// Whether the answer is right: every step equals ∂A/∂B and nothing else is wrong.
    public var correct: Bool {
        steps.allSatisfy(\.correct) && !findings.contains(where: \.isError)
    }

    /// The missing paths of every step, each once.
    public var missing: [[String]] { unique(steps.flatMap(\.missing)) }

    /// The extra products of every step.
    public var extra: [[String]] { steps.count == 1 ? steps[0].extra : unique(steps.flatMap(\.extra)) }

    private func unique(_ lists: [[String]]) -> [[String]] {
        var seen = Set<[String]>()
        return lists.filter { seen.insert($0).inserted }
    }
}
