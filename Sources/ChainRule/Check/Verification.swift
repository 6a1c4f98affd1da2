import Foundation

/// The proof of a derivation: each ∂A/∂B computed three independent ways and compared.
///
/// 1. **symbolic** — the chain-rule form from `Derive` with every local partial plugged in, evaluated
///    at the point with Algebra's own evaluator;
/// 2. **backprop** — the `Runtime`'s reverse-mode pass (its own per-operation derivative code);
/// 3. **finite difference** — a central difference of the `Runtime`'s forward pass (for an inner
///    node B, the network is cut at B so that B becomes an input).
///
/// Where the file leaves values symbolic, a seeded random point is used and ``drawn`` says which.
/// An unspecified activation (`g`) is replaced by tanh for the numbers (the chain-rule structure being
/// checked does not depend on it) and ``substitute`` says so. A row near a ReLU/step/|·|/max/min kink
/// that disagrees is reported as a kink, not as a failure.
public struct Verification: Sendable {
    /// One ∂A/∂B checked.
    public struct Row: Sendable {
        /// A.
        public var of: String
        /// B.
        public var wrt: String
        /// The symbolic form evaluated: a chain-rule form (`factored`, …) or `layers` (the matrix form).
        public var form: String
        /// The symbolic form evaluated, when it could be.
        public var symbolic: Double?
        /// The runtime's backprop value.
        public var backprop: Double?
        /// The central finite difference.
        public var finiteDifference: Double?
        /// Relative disagreement of symbolic and backprop.
        public var symbolicError: Double
        /// Relative disagreement of the finite difference and backprop.
        public var finiteDifferenceError: Double
        /// The kinks near which the comparison is one-sided, when any lie on a path from B to A.
        public var kinks: [String]
        /// Why a value is missing, when one is.
        public var problem: String?
        /// Whether all three agree within the tolerances (or a disagreement is explained by a kink).
        public var agrees: Bool
        /// Whether the finite difference of this derivative was taken together with others', along a
        /// random direction (a row of form `direction`), instead of one by one.
        public var checkedAlongDirection = false

        /// A row's values.
        public init(of: String, wrt: String, form: String, symbolic: Double? = nil, backprop: Double? = nil,
                    finiteDifference: Double? = nil, symbolicError: Double, finiteDifferenceError: Double,
                    kinks: [String], problem: String? = nil, agrees: Bool) {
            self.of = of
            self.wrt = wrt
            self.form = form
            self.symbolic = symbolic
            self.backprop = backprop
            self.finiteDifference = finiteDifference
            self.symbolicError = symbolicError
            self.finiteDifferenceError = finiteDifferenceError
            self.kinks = kinks
            self.problem = problem
            self.agrees = agrees
        }
    }

    /// Every row, in the order asked.
    public var rows: [Row]
    /// Leaves whose values were drawn at random (seeded) because the file leaves them symbolic.
    public var drawn: [String]
    /// The seed of the random point.
    public var seed: UInt64
    /// The activation substituted for an unspecified `g`, when there was one.
    public var substitute: Function?
    /// The tolerances used.
    public var tolerances: Tolerances
    /// How many `sample` rows every value is averaged over (0 without samples: the file's point).
    public var batchSize: Int
    /// What was not checked, and why (the matrix form of a network that is not a chain of layers).
    public var notes: [String] = []

    /// A verification's results.
    public init(rows: [Row], drawn: [String], seed: UInt64, substitute: Function?, tolerances: Tolerances,
                batchSize: Int = 0, notes: [String] = []) {
        self.rows = rows
        self.drawn = drawn
        self.seed = seed
        self.substitute = substitute
        self.tolerances = tolerances
        self.batchSize = batchSize
        self.notes = notes
    }

    /// Whether every row agrees.
    public var agrees: Bool { rows.allSatisfy(\.agrees) }

    /// The row with the largest relative error (scaled by its tolerance).
    public var worst: Row? {
        rows.max { tolerances.score($0) < tolerances.score($1) }
    }

    /// Tolerances of the two comparisons: relative, and absolute (per unit of the size of A) for
    /// values near zero, where a relative test would demand more than double precision can give.
    public struct Tolerances: Sendable {
        /// Symbolic versus backprop: two exact methods, so only rounding separates them.
        public var symbolic: Double = 1e-9
        /// Finite difference versus backprop: truncation and rounding of the difference quotient.
        public var finiteDifference: Double = 1e-5
        /// Symbolic versus backprop, absolute, per unit of max(1, |A|): 64 ε ≈ 1.4e-14.
        public var symbolicAbsolute: Double = 64 * Double.ulpOfOne
        /// Finite difference versus backprop, absolute, per unit of max(1, |A|): 100 times the rounding
        /// error ε/h of a central difference with h = ∛ε, 100 ε^(2/3) ≈ 3.7e-9.
        public var finiteDifferenceAbsolute: Double = 100 * pow(Double.ulpOfOne, 2.0 / 3.0)

        /// Creates tolerances.
        public init(symbolic: Double = 1e-9, finiteDifference: Double = 1e-5) {
            self.symbolic = symbolic
            self.finiteDifference = finiteDifference
        }

        /// How far a row is from failing: its worst error as a multiple of its tolerance.
        public func score(_ row: Row) -> Double {
            max(row.symbolicError / symbolic, row.finiteDifferenceError / finiteDifference)
        }
    }
}

/// Why a verification could not run at all.
public enum VerificationError: Error, Sendable, CustomStringConvertible {
    /// The network cannot be evaluated numerically.
    case runtime(RuntimeError)
    /// A question names something that is not a scalar of the network.
    case derivation(DerivationError)

    /// One line.
    public var description: String {
        switch self {
        case .runtime(let e): "\(e)"
        case .derivation(let e): "\(e)"
        }
    }
}
