/// One name a course uses for a quantity of the network, declared in a `.nn` file by a `notation`
/// statement: `notation a_1^{(1)} = h1, z_1^{(1)} = z1, \mathbf{x} = (x1, x2)`.
///
/// The written side is read as answers are read (LaTeX or Unicode), so `a_1^{(1)}`, `a_{1}^{(1)}` and
/// `a₁^{(1)}` are one name; the other side is a name of the network, or a list of names for a vector
/// the course writes as one (`\mathbf{x} = (x1, x2)`).
public struct Notation: Hashable, Sendable {
    /// The name as the course writes it.
    public var written: String
    /// Its matching key (see ``AnswerNameMatcher``): `a1^(1)`, `x`, `yhat`.
    public var key: String
    /// The network names it stands for: one, or several for a vector written as one name.
    public var targets: [String]
    /// Where the written name starts.
    public var location: SourceLocation

    /// Creates a notation.
    public init(written: String, key: String, targets: [String], location: SourceLocation) {
        self.written = written
        self.key = key
        self.targets = targets
        self.location = location
    }
}
