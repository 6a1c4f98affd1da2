/// One piece of an answer key, independent of the output format.
///
/// Mathematics is carried as LaTeX source (which Markdown renders between `$…$` and `$$…$$`), prose
/// as plain text (each writer escapes it), so the LaTeX and Markdown keys say exactly the same thing.
public enum KeyBlock: Hashable, Sendable {
    /// A heading below the problem's title: level 1 a part of the problem, 2 a step within a part.
    case heading(level: Int, [Inline])
    /// A paragraph.
    case paragraph([Inline])
    /// A bulleted list, one item per entry.
    case list([[Inline]])
    /// Display mathematics: rows of one alignment (`lhs &= rhs`, continuation lines inside a row
    /// joined by `\\`), typeset as `align*` in LaTeX and `\begin{aligned}` inside `$$` in Markdown.
    case math([String])
    /// The network drawn (TikZ in LaTeX, Mermaid in Markdown), laid out once for every format.
    case figure(GraphLayout)
    /// A table with a plain-text header; each cell is one inline run.
    case table(header: [String], rows: [[Inline]])

    /// A run of text inside a paragraph, list item, heading or table cell.
    public enum Inline: Hashable, Sendable {
        /// Plain text, escaped by the writer.
        case text(String)
        /// Bold plain text.
        case bold(String)
        /// Inline mathematics, LaTeX source without the `$`.
        case math(String)
        /// Inline code (a command, a file name).
        case code(String)
    }
}
