/// One piece of an answer key, independent of the output format.
///
/// Mathematics is carried as LaTeX source (which Markdown renders between `$$`), prose as plain text
/// (each writer escapes it), so the LaTeX and Markdown keys say exactly the same thing.
public enum KeyBlock: Hashable, Sendable {
    /// A heading below the problem's title.
    case heading(String)
    /// A paragraph of plain text.
    case text(String)
    /// Display mathematics: each string one equation or `aligned` block, in LaTeX.
    case math([String])
    /// The network drawn (TikZ in LaTeX, Mermaid in Markdown).
    case figure(Network)
    /// A table; cells are LaTeX math (`$…$` is added by the writer) unless `mathCells` is false.
    case table(header: [String], rows: [[String]], mathCells: Bool)
}
