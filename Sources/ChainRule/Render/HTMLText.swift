/// Escaping text for HTML and XML: element content and double-quoted attribute values.
public enum HTMLText {
    /// The text with `&`, `<`, `>` and `"` written as character references, safe both as element
    /// content and inside a double-quoted attribute.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(c)
            }
        }
        return result
    }

    /// An identifier made of ASCII letters, digits, `-` and `_` from any text (`quiz-problem-3.nn` →
    /// `quiz-problem-3-nn`), starting with a letter; `fallback` when nothing is left.
    public static func identifier(_ text: String, fallback: String = "id") -> String {
        var id = ""
        for c in text {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_") { id.append(c) }
            else if !id.isEmpty && id.last != "-" { id.append("-") }
        }
        while id.last == "-" { id.removeLast() }
        guard let first = id.first else { return fallback }
        return first.isLetter ? id : fallback + "-" + id
    }
}
