/// A derivation ∂A/∂B shown in one ``DerivativeForm``: the equations that form writes, as data, and
/// the value at the file's point where every leaf has one.
///
/// This is the one place that decides what each form writes; the command line, the HTML page and the
/// answer key all print these equations (through ``ExprPrinter``), so they agree by construction.
///
/// - ``DerivativeForm/expanded``: `∂A/∂B = Σ paths`.
/// - ``DerivativeForm/factored``: `∂A/∂B = the node-splitting form`.
/// - ``DerivativeForm/steps``: one chain `∂A/∂B = step₁ = step₂ = …`.
/// - ``DerivativeForm/adjoint``: `δ_q = …` for each named total, then `∂A/∂B = …` in terms of them.
///
/// When B is A every form is `∂A/∂A = 1`; when no path leads from B to A every form is `∂A/∂B = 0`
/// (``zeroReason`` says why).
public struct FormedDerivation: Hashable, Sendable {
    /// One equation `lhs = rhs`.
    public struct Equation: Hashable, Sendable {
        /// The left-hand side: ∂A/∂B, or a named total ∂A/∂q of the adjoint form.
        public var lhs: Expr
        /// The right-hand side.
        public var rhs: Expr
        /// Whether the left-hand side is a named total δ_q (adjoint definitions).
        public var namedLHS: Bool
        /// Whether the totals on the right are named totals δ_q (the adjoint form).
        public var namedRHS: Bool
        /// The (A, B) pairs, as `[A, B]`, whose total ∂A/∂B and local partial ∂A/∂B both appear in the
        /// derivation (B is a direct input of A and also reaches A through other nodes): one symbol
        /// with two meanings, so printers write these totals dA/dB.
        public var distinguished: Set<[String]> = []

        /// Creates an equation.
        public init(lhs: Expr, rhs: Expr, namedLHS: Bool = false, namedRHS: Bool = false) {
            self.lhs = lhs
            self.rhs = rhs
            self.namedLHS = namedLHS
            self.namedRHS = namedRHS
        }
    }

    /// The form shown.
    public let form: DerivativeForm
    /// ∂A/∂B, the left-hand side of the answer.
    public let total: Expr
    /// The equations, in order. For a chain (``isChain``) they share ∂A/∂B as their left-hand side.
    public private(set) var equations: [Equation]
    /// Whether the equations are one chain of equalities `∂A/∂B = r₁ = r₂ = …` (the steps form).
    public let isChain: Bool
    /// The value of ∂A/∂B at the file's point; `nil` when a value is missing.
    public let value: Double?
    /// Why ∂A/∂B is 0, when no path leads from B to A.
    public let zeroReason: String?
    /// How many paths lead from B to A.
    public let pathCount: Int

    /// `derivation` in `form`; `partials` are the graph's local partials (built with the network's
    /// ``Network/unitSums``), used for the value. Throws when the form cannot be written (the expanded
    /// form of too many paths).
    public init(_ derivation: Derivation, form: DerivativeForm, partials: LocalPartials) throws(DerivationError) {
        var forms = FactoredForms(graph: derivation.graph)
        try self.init(derivation, form: form, partials: partials, sharing: &forms)
    }

    /// ``init(_:form:partials:)``, reusing (and adding to) the factored forms already found in `forms`
    /// (see ``Derivation/factored(sharing:)``): a file's questions on one graph share their common totals.
    public init(_ derivation: Derivation, form: DerivativeForm, partials: LocalPartials,
                sharing forms: inout FactoredForms) throws(DerivationError) {
        self.form = form
        let total = derivation.total
        self.total = total
        zeroReason = derivation.zeroReason
        pathCount = derivation.pathCount
        let values = NodeValues(graph: derivation.graph)
        if let trivial = derivation.trivialValue {
            equations = [Equation(lhs: total, rhs: trivial)]
            isChain = false
            value = trivial == .one ? 1 : 0
            return
        }
        switch form {
        case .expanded:
            equations = [Equation(lhs: total, rhs: try derivation.expanded())]
            isChain = false
        case .factored:
            equations = [Equation(lhs: total, rhs: derivation.factored(sharing: &forms))]
            isChain = false
        case .steps:
            equations = derivation.steps(sharing: &forms).map { Equation(lhs: total, rhs: $0) }
            isChain = equations.count > 1
        case .adjoint:
            let adjoint = derivation.adjoint()
            equations = adjoint.definitions.map {
                Equation(lhs: .total(of: adjoint.output, wrt: $0.node), rhs: $0.value, namedLHS: true, namedRHS: true)
            } + adjoint.results.map { Equation(lhs: total, rhs: $0.value, namedRHS: true) }
            isChain = false
            value = values?.value(of: adjoint, partials: partials)
            symbolicSize = equations.reduce(0) { $0 + $1.rhs.partialCount }
            equations = Self.distinguishingTotals(equations, paths: pathCount)
            return
        }
        equations = Self.distinguishingTotals(equations, paths: pathCount)
        value = values?.value(of: derivation.factored(sharing: &forms), partials: partials)
        symbolicSize = equations.reduce(0) { $0 + $1.rhs.partialCount }
    }

    /// The same equations with every local partial replaced by its value (σ′ = q(1 − q), ∂z/∂w = u, …).
    public func pluggingIn(_ partials: LocalPartials) -> FormedDerivation {
        var cache = LocalPartials.Cache()
        return pluggingIn(partials, sharing: &cache)
    }

    /// ``pluggingIn(_:)``, reusing (and adding to) what plugging in has already worked out in `cache`,
    /// which must come from the same graph: a factored form repeats its sub-forms, and a file's questions share them.
    public func pluggingIn(_ partials: LocalPartials, sharing cache: inout LocalPartials.Cache) -> FormedDerivation {
        var copy = self
        copy.equations = equations.map {
            var equation = $0
            equation.rhs = partials.plugging(into: $0.rhs, sharing: &cache)
            return equation
        }
        return copy
    }

    /// `equations` with ``Equation/distinguished`` set to the pairs written both as a total and as a
    /// local partial anywhere in them (`y = h + q + q x`: ∂y/∂x = … + ∂y/∂x). With a single path from
    /// B to A every total is its edge (∂E/∂ŷ = ∂E/∂ŷ says the truth), so nothing is marked.
    private static func distinguishingTotals(_ equations: [Equation], paths: Int) -> [Equation] {
        guard paths > 1 else { return equations }
        var partials = Set<[String]>(), totals = Set<[String]>()
        for equation in equations {
            for side in [equation.lhs, equation.rhs] {
                side.visit {
                    switch $0 {
                    case .partial(let q, let u): partials.insert([q, u])
                    case .total(let q, let u): totals.insert([q, u])
                    default: break
                    }
                }
            }
        }
        let both = partials.intersection(totals)
        guard !both.isEmpty else { return equations }
        return equations.map { var equation = $0; equation.distinguished = both; return equation }
    }

    /// How many partials the right-hand sides write before anything is plugged in (a measure of the
    /// form's size).
    public var size: Int { symbolicSize }
    private var symbolicSize = 0

    /// The distinct local partials ∂q/∂u the right-hand sides use, in order of appearance.
    public var localPartials: [Expr] {
        var seen = Set<Expr>(), order: [Expr] = []
        for equation in equations {
            equation.rhs.visit { if case .partial = $0, seen.insert($0).inserted { order.append($0) } }
        }
        return order
    }
}

extension Network {
    /// ∂`of`/∂`wrt` shown in `form` (see ``FormedDerivation``), with the network's local partials.
    public func formed(of: String, wrt: String, form: DerivativeForm) throws(DerivationError) -> FormedDerivation {
        let derivation = try derivation(of: of, wrt: wrt)
        return try FormedDerivation(derivation, form: form, partials: LocalPartials(graph: derivation.graph, unitSums: unitSums))
    }
}
