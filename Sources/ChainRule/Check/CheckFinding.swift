/// One thing a grader would say about a derivative answer, as data (``CheckReport`` words it).
///
/// Paths are node chains from B to A (`["x1", "b", "d", "e", "y"]`); products are written back as
/// expressions of local partials, output side first (`∂y/∂c ∂c/∂a ∂a/∂x1`).
public enum CheckFinding: Hashable, Sendable {
    /// A path of the derivative that the answer leaves out (its product, and the chain of nodes).
    case missingPath(Expr, nodes: [String])
    /// A path written more than once (`times` in all).
    case repeatedPath(Expr, nodes: [String], times: Int)
    /// A path whose coefficient is not 1 (−1: a wrong sign; ½; 0 never: that is missing).
    case wrongCoefficient(Expr, nodes: [String], coefficient: Number)
    /// A product of edges that is not one path: its edges form these separate chains.
    case brokenChain(Expr, pieces: [[String]])
    /// A product of edges that is one chain, but not from B to A.
    case wrongEnds(Expr, nodes: [String])
    /// A constant term with no partial derivative in it.
    case constantTerm(Number)
    /// ∂of/∂wrt written where wrt is not a direct input of of and of does not depend on wrt either.
    case notAnEdge(of: String, wrt: String)
    /// Something that is not a partial derivative (a name, a function, a power) where only ∂q/∂u
    /// symbols belong (without plugging in).
    case notADerivative(Expr)
    /// A name that matches nothing in the network, as written, with where it was written and the
    /// closest names of the network ("did you mean …?").
    case unknownName(String, at: SourceLocation, closest: [String] = [])
    /// A name that matches a name of the network only up to case, a prime, a hat or a layer mark,
    /// read as that name (a note: it does not make the answer wrong).
    case readAs(String, name: String, difference: String, at: SourceLocation)
    /// The left-hand side of a chain of equalities is not ∂A/∂B.
    case wrongLeftSide(Expr, expected: Expr)
    /// A correct answer that writes more partial symbols than the factored form.
    case notFactored(written: Int, factored: Int)
    /// The answer is not in the form asked for (`--form`), with the reason.
    case notInForm(DerivativeForm, reason: FormReason)
    /// A plugged-in answer that differs from the derivative at a random point.
    case valueDiffers(answer: Double, expected: Double)
    /// A plugged-in answer that cannot be evaluated (a name without a value, a function that has none).
    case cannotEvaluate(Expr)
    /// The answer multiplies out to too many products to compare.
    case tooLarge
    /// Compared as polynomials in the edge symbols at random points modulo a prime (∂A/∂B has `paths`
    /// paths, too many to list), the answer differs from ∂A/∂B.
    case polynomialDiffers(paths: Int)

    /// Why an answer is not in the form asked for.
    public enum FormReason: Hashable, Sendable {
        /// It writes total derivatives (not along one edge).
        case usesTotals([Expr])
        /// It has parentheses or repeated products where the expanded form writes one product per path.
        case notASumOfPaths
        /// It writes more partial symbols than the factored form.
        case moreSymbols(written: Int, factored: Int)
    }

    /// Whether the finding makes an answer incorrect (a note such as ``notFactored`` does not).
    public var isError: Bool {
        switch self {
        case .notFactored, .readAs: false
        default: true
        }
    }
}
