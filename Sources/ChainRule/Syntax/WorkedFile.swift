/// What the ``WorkedFileParser`` makes of a student's worked example: its entries in file order and the
/// lines it could not read.
public struct WorkedFile: Hashable, Sendable {
    /// The entries, in the order written (iterations ascending).
    public var entries: [WorkedEntry]
    /// Malformed lines, in source order; the other lines still give entries.
    public var diagnostics: [Diagnostic]
    /// For a solution handed in as Markdown/LaTeX: what was skipped, which lines carry numbers, notes.
    public var layout: WorkedFileLayout

    /// Creates a worked file.
    public init(entries: [WorkedEntry], diagnostics: [Diagnostic], layout: WorkedFileLayout = WorkedFileLayout()) {
        self.entries = entries
        self.diagnostics = diagnostics
        self.layout = layout
    }

    /// The iterations that have entries, ascending.
    public var iterations: [Int] {
        var seen: [Int] = []
        for entry in entries where seen.last != entry.iteration { seen.append(entry.iteration) }
        return seen
    }

    /// The entries of one iteration, in order.
    public func entries(inIteration iteration: Int) -> [WorkedEntry] {
        entries.filter { $0.iteration == iteration }
    }
}
