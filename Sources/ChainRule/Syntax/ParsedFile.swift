/// What the ``Parser`` makes of a `.nn` file: its title, its statements and the problems found.
public struct ParsedFile: Hashable, Sendable {
    /// The text of the first comment line before the first statement, without `#` and surrounding spaces.
    public var title: String?
    /// The statements that parsed, in source order (lines with errors are left out).
    public var statements: [Statement]
    /// The syntax errors, in source order; empty when the whole file parsed.
    public var diagnostics: [Diagnostic]
    /// The course's names for the network's quantities (`notation` statements), in source order.
    public var notations: [Notation] = []

    /// Creates a parsed file.
    public init(title: String?, statements: [Statement], diagnostics: [Diagnostic]) {
        self.title = title
        self.statements = statements
        self.diagnostics = diagnostics
    }
}
