/// One problem of an answer key or question sheet: its title and its blocks, ready for a writer
/// (``KeyLaTeX``, ``KeyMarkdown``).
public struct KeySection: Hashable, Sendable {
    /// The problem's title (the file's first comment line).
    public var title: String
    /// The content, in order.
    public var blocks: [KeyBlock]

    /// Creates a section.
    public init(title: String, blocks: [KeyBlock]) {
        self.title = title
        self.blocks = blocks
    }
}
