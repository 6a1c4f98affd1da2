/// What a written document is: an answer key or a question sheet, and its title. Its first line
/// marks it as written by `chainrule key`, so that writing again may replace it (and nothing else).
public struct KeyDocument: Hashable, Sendable {
    /// Whether this is a key (answers) or a question sheet.
    public enum Kind: String, Hashable, Sendable {
        /// With answers.
        case key = "Answer key"
        /// Without answers, for students.
        case questions = "Question sheet"
    }

    /// Key or question sheet.
    public var kind: Kind
    /// The title on the first page.
    public var title: String
    /// The problems, one section each.
    public var sections: [KeySection]

    /// Creates a document.
    public init(kind: Kind, title: String, sections: [KeySection]) {
        self.kind = kind
        self.title = title
        self.sections = sections
    }

    /// The words every marker line contains.
    public static let signature = "written by chainrule key"

    /// `Answer key written by chainrule key`.
    public var marker: String { kind.rawValue + " " + KeyDocument.signature }

    /// Whether `text` (an existing file's contents) was written by `chainrule key`: its first line
    /// carries the marker (a comment in LaTeX or Markdown, or the answers CSV's header).
    public static func isWrittenByKey(_ text: Substring) -> Bool {
        let first = text.prefix { $0 != "\n" }
        return first.contains(signature) || first.hasPrefix(VariantAnswers.headerStart)
    }
}
