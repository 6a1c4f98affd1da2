/// Writes answer-key blocks (``KeyBlock``) as the HTML of a Moodle question text: prose escaped,
/// mathematics between `\(…\)` and `\[…\]` for Moodle's MathJax filter, aligned rows in an
/// `aligned` environment, tables as HTML tables. The drawn network is left out (the equations that
/// follow it say the same, and Moodle's editors strip inline SVG).
enum MoodleHTML {
    /// The blocks, one HTML element each.
    static func blocks(_ blocks: [KeyBlock]) -> String {
        blocks.compactMap(block).joined(separator: "\n")
    }

    /// One block; `nil` for the figure.
    static func block(_ block: KeyBlock) -> String? {
        switch block {
        case .heading(_, let inlines):
            return "<h4>" + inline(inlines) + "</h4>"
        case .paragraph(let inlines):
            return "<p>" + inline(inlines) + "</p>"
        case .list(let items):
            return "<ul>" + items.map { "<li>" + inline($0) + "</li>" }.joined() + "</ul>"
        case .math(let rows):
            return display(rows)
        case .figure:
            return nil
        case .table(let header, let rows):
            let head = "<tr>" + header.map { "<th>" + escape($0) + "</th>" }.joined() + "</tr>"
            let body = rows.map { "<tr>" + $0.map { "<td>" + inline([$0]) + "</td>" }.joined() + "</tr>" }.joined()
            return "<table class=\"generaltable\">" + head + body + "</table>"
        }
    }

    /// Display mathematics: rows of one alignment.
    static func display(_ rows: [String]) -> String {
        "<p>" + escape("\\[\\begin{aligned}" + rows.joined(separator: " \\\\ ") + "\\end{aligned}\\]") + "</p>"
    }

    /// Inline mathematics `\(…\)`, escaped for HTML.
    static func math(_ latex: String) -> String { escape("\\(" + latex + "\\)") }

    /// Inline runs.
    static func inline(_ inlines: [KeyBlock.Inline]) -> String {
        inlines.map { run in
            switch run {
            case .text(let text): escape(text)
            case .bold(let text): "<strong>" + escape(text) + "</strong>"
            case .math(let latex): math(latex)
            case .code(let text): "<code>" + escape(text) + "</code>"
            }
        }.joined()
    }

    /// Text escaped for HTML (``HTMLText/escaped(_:)``).
    static func escape(_ text: String) -> String { HTMLText.escaped(text) }
}
