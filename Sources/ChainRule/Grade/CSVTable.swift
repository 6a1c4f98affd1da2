/// Comma-separated values as LMS exports write them (RFC 4180): fields separated by commas, a field in
/// double quotes may hold commas, line breaks and doubled quotes (`""`). Rows end at a line break
/// outside quotes (`\n` or `\r\n`); blank lines are skipped.
public enum CSVTable {
    /// One row: its fields and the line it starts on (from 1).
    public struct Row: Hashable, Sendable {
        /// The fields, unquoted.
        public var fields: [String]
        /// The line the row starts on.
        public var line: Int
    }

    /// The rows of `text`; throws a diagnostic for a quote left open or text after a closing quote.
    public static func rows(_ text: String) throws(Diagnostic) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, afterQuote = false, rowHasContent = false
        var line = 1, column = 0, rowLine = 1
        var quoteStart = SourceLocation(line: 1, column: 1)
        func endRow() {
            if rowHasContent || !fields.isEmpty { rows.append(Row(fields: fields + [field], line: rowLine)) }
            fields = []
            field = ""
            rowHasContent = false
            afterQuote = false
        }
        for character in text {
            column += 1
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(character)
                    if character.isNewline { line += 1; column = 0 }
                }
                continue
            }
            switch character {
            case "\"":
                if afterQuote {
                    field.append("\"")
                    quoted = true
                    afterQuote = false
                } else if field.isEmpty {
                    quoted = true
                    rowHasContent = true
                    quoteStart = SourceLocation(line: line, column: column)
                } else {
                    throw Diagnostic(at: SourceLocation(line: line, column: column), "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
                rowHasContent = true
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                column = 0
                rowLine = line
            default:
                if afterQuote {
                    throw Diagnostic(at: SourceLocation(line: line, column: column), "text after the closing quote of a field")
                }
                field.append(character)
                rowHasContent = true
            }
        }
        if quoted { throw Diagnostic(at: quoteStart, "this quote is never closed") }
        endRow()
        return rows
    }

    /// A CSV line from fields, each quoted when it holds a comma, quote or line break.
    public static func line(_ fields: [String]) -> String {
        fields.map(VariantAnswers.field).joined(separator: ",")
    }
}
