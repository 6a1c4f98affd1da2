import Foundation

/// Writes a ``KeyDocument`` as Markdown that GitHub and Jupyter render: mathematics between `$…$`
/// and in `$$` blocks (an `aligned` environment, never `align*`), the network as a Mermaid
/// flowchart, tables as pipe tables.
public enum KeyMarkdown {
    /// The whole document.
    public static func document(_ document: KeyDocument) -> String {
        var parts = ["<!-- " + document.marker + " -->", "# " + escape(document.title)]
        for section in document.sections {
            parts.append("## " + escape(section.title))
            parts += section.blocks.map(block)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One block.
    static func block(_ block: KeyBlock) -> String {
        switch block {
        case .heading(let level, let inlines):
            return String(repeating: "#", count: min(level + 2, 6)) + " " + inline(inlines)
        case .paragraph(let inlines):
            return inline(inlines)
        case .list(let items):
            return items.map { "- " + inline($0) }.joined(separator: "\n")
        case .math(let rows):
            return "$$\n\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}\n$$"
        case .figure(let layout):
            return "```mermaid\n" + MermaidDrawing(layout: layout).text + "```"
        case .table(let header, let rows):
            let lines = ["| " + header.map(escape).joined(separator: " | ") + " |",
                         "|" + String(repeating: " --- |", count: header.count)]
                + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n")
        }
    }

    /// A table cell: pipes escaped, and matrix rows ended by `\cr` rather than `\\`, which Markdown
    /// could read as an escaped backslash inside a table.
    static func cell(_ run: KeyBlock.Inline) -> String {
        var text = inline([run]).replacingOccurrences(of: "|", with: "\\|")
        if case .math = run { text = text.replacingOccurrences(of: " \\\\ ", with: " \\cr ") }
        return text
    }

    /// Inline runs as Markdown.
    static func inline(_ inlines: [KeyBlock.Inline]) -> String {
        inlines.map { run in
            switch run {
            case .text(let text): escape(text)
            case .bold(let text): "**" + escape(text).trimmingCharacters(in: .whitespaces) + "**" + (text.hasSuffix(" ") ? " " : "")
            case .math(let latex): "$" + latex + "$"
            case .code(let text): "`" + text + "`"
            }
        }.joined()
    }

    /// Plain text with Markdown's special characters escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for c in text {
            if "\\`*_[]<>|$".contains(c) { result.append("\\") }
            result.append(c)
        }
        return result
    }
}
