/// Writes the elements of a Moodle XML question file (`<quiz>`), as Moodle's own export does: plain
/// values escaped, HTML and code in `<text>` elements, HTML wrapped in CDATA.
///
/// A writer is a value that collects indented lines; ``text`` is the finished XML.
struct MoodleXML {
    /// The lines written so far.
    private(set) var lines: [String] = []
    /// The current indentation depth (two spaces each).
    private var depth = 0

    /// Opens `<name attributes…>`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        lines.append(indent + "<" + name + Self.attributes(attributes) + ">")
        depth += 1
    }

    /// Closes `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        lines.append(indent + "</" + name + ">")
    }

    /// `<name>value</name>` with the value escaped; `<name/>` when it is empty.
    mutating func leaf(_ name: String, _ value: String) {
        lines.append(indent + (value.isEmpty ? "<\(name)/>" : "<\(name)>" + Self.escape(value) + "</\(name)>"))
    }

    /// `<name format="…"><text>…</text></name>`: `html` text goes in CDATA, other text is escaped.
    mutating func text(_ name: String, _ content: String, format: String? = nil, cdata: Bool = false) {
        open(name, format.map { [("format", $0)] } ?? [])
        textLeaf(content, cdata: cdata)
        close(name)
    }

    /// `<text>…</text>` (CDATA when asked and not empty; `<text/>` when empty).
    mutating func textLeaf(_ content: String, cdata: Bool = false) {
        if content.isEmpty { lines.append(indent + "<text/>") } else {
            lines.append(indent + "<text>" + (cdata ? Self.cdata(content) : Self.escape(content)) + "</text>")
        }
    }

    /// Opens `<question type="…">` and writes what every question starts with: its name, its HTML
    /// question text and general feedback.
    mutating func openQuestion(_ type: String, name: String, text: String, feedback: String) {
        open("question", [("type", type)])
        self.text("name", name)
        self.text("questiontext", text, format: "html", cdata: true)
        self.text("generalfeedback", feedback, format: "html", cdata: true)
    }

    /// A comment line (its text made safe: no `--`).
    mutating func comment(_ text: String) {
        lines.append(indent + "<!-- " + text.replacingOccurrences(of: "--", with: "- -") + " -->")
    }

    /// The document: the XML declaration and the lines.
    var text: String {
        (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"] + lines).joined(separator: "\n") + "\n"
    }

    private var indent: String { String(repeating: "  ", count: max(depth, 0)) }

    /// ` a="v" b="w"`, values escaped.
    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"" + escape($0.1) + "\"" }.joined()
    }

    /// Text escaped for XML content and attribute values (``HTMLText/escaped(_:)``), with the
    /// characters XML 1.0 cannot carry (control characters other than tab and line breaks) dropped.
    static func escape(_ text: String) -> String {
        HTMLText.escaped(String(String.UnicodeScalarView(text.unicodeScalars.filter(allowed))))
    }

    /// `<![CDATA[…]]>`, with each `]]>` inside split across two sections (`]]]]><![CDATA[>`), as
    /// Moodle's own export does, and characters XML cannot carry dropped.
    static func cdata(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter(allowed)))
        return "<![CDATA[" + clean.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Whether XML 1.0 allows the character.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
    }
}
