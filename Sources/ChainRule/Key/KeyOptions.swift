/// What an answer key shows and how.
public struct KeyOptions: Hashable, Sendable {
    /// Whether answers are included (a key) or left out (a question sheet for students).
    public var includesAnswers: Bool
    /// The form each derivative answer is given in (the `steps` derivation is shown before it).
    public var form: DerivativeForm
    /// Whether local derivatives are also written out where the problem leaves its activation
    /// unspecified (`g`, as in the quiz, which says not to plug in); networks with concrete activations
    /// always get them.
    public var plugsInUnspecified: Bool
    /// Significant digits shown when a file does not say (`digits`).
    public var digits: Int
    /// Whether a key carries the notes from the problem file (they may name source files and
    /// commands, so they are for instructors; question sheets never carry them).
    public var includesNotes: Bool

    /// Creates options; by default a key with factored answers.
    public init(includesAnswers: Bool = true, form: DerivativeForm = .factored,
                plugsInUnspecified: Bool = false, digits: Int = 4, includesNotes: Bool = true) {
        self.includesAnswers = includesAnswers
        self.form = form
        self.plugsInUnspecified = plugsInUnspecified
        self.digits = digits
        self.includesNotes = includesNotes
    }

    /// The same options for a question sheet (no answers).
    public var questionSheet: KeyOptions {
        var copy = self
        copy.includesAnswers = false
        return copy
    }
}
