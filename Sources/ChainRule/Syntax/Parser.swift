/// Reads the `.nn` network description language into statements and diagnostics.
///
/// The language is line based: one statement per line, continued onto the following lines while a
/// bracket is open (so matrices may span lines). A line with an error is reported and skipped, so one
/// pass reports the errors of every line. `for` blocks are expanded first (``expandingLoops(_:diagnostics:)``).
/// Warnings (a division followed by a juxtaposed product) are reported once per file. Parsing never
/// traps, whatever the input.
public struct Parser {
    /// Parses a whole `.nn` source text.
    public static func parse(_ source: String) -> ParsedFile {
        let (rest, notations, notationErrors) = Parser.notations(source)
        let lexer = Lexer(rest)
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = notationErrors
        var warned = false
        let lines = logicalLines(lexer.tokens)
        for line in expandingLoops(lines, diagnostics: &diagnostics) {
            var parser = LineParser(line)
            do throws(Diagnostic) {
                statements.append(try parser.parseStatement())
                if !warned, let warning = parser.warnings.first {
                    diagnostics.append(warning)
                    warned = true
                }
            } catch where !diagnostics.contains(error) {
                diagnostics.append(error)
            } catch {}
        }
        if lines.isEmpty {
            diagnostics.append(Diagnostic(at: SourceLocation(line: 1, column: 1),
                                          "the file is empty: expected at least one statement"))
        }
        var file = ParsedFile(title: lexer.title, statements: statements, diagnostics: diagnostics)
        file.notations = notations
        return file
    }

    /// The `notation` lines (read by ``NotationParser``) and the source with them blanked out, so that
    /// line numbers stay.
    static func notations(_ source: String) -> (String, [Notation], [Diagnostic]) {
        guard source.contains("notation") else { return (source, [], []) }
        var lines: [Substring] = []
        var notations: [Notation] = []
        var errors: [Diagnostic] = []
        for (k, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard NotationParser.isNotation(line) else { lines.append(line); continue }
            do throws(Diagnostic) { notations += try NotationParser.parse(line, line: k + 1) } catch { errors.append(error) }
            lines.append("")
        }
        return (lines.joined(separator: "\n"), notations, errors)
    }

    /// Groups tokens into statements: a line break ends a statement unless a bracket is open and the
    /// next line does not look like a new statement (a keyword, or a name followed by `=`), which keeps
    /// one unclosed bracket from swallowing the rest of the file. Each group ends in an `.end` token.
    static func logicalLines(_ tokens: [Token]) -> [[Token]] {
        var lines: [[Token]] = []
        var current: [Token] = []
        var depth = 0
        for k in tokens.indices {
            let token = tokens[k]
            guard token.kind == .newline else {
                if token.isOpener { depth += 1 }
                if token.isCloser { depth = max(0, depth - 1) }
                current.append(token)
                continue
            }
            guard let last = current.last else { continue }
            if depth > 0, !startsStatement(tokens, after: k) { continue }
            current.append(Token(kind: .end, text: "", location: last.endLocation, length: 0, spaced: true))
            lines.append(current)
            current = []
            depth = 0
        }
        return lines
    }

    /// Whether the token after the line break at `index` begins a statement, or there is none. A blank
    /// line answers false: the decision waits for the last line break before the next token.
    private static func startsStatement(_ tokens: [Token], after index: Int) -> Bool {
        let next = index + 1
        guard next < tokens.count else { return true }
        let token = tokens[next]
        if token.isKeyword { return true }
        return token.kind == .name && next + 1 < tokens.count && tokens[next + 1].is("=")
    }
}
