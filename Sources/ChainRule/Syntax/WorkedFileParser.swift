/// Reads a student's worked example: a plain file of lines giving values, gradients and updates.
///
/// ```
/// # comments and blank lines are ignored
/// x = [0.5, 0.3]                      a value (vectors `[…]`, matrices `[[…], […]]`)
/// z = 0.2·0.5 + 0.4·0.3 + 0.1 = 0.35  arithmetic may come first: the value is what follows the last '='
/// ŷ = σ(0.35) ≈ 0.5866                ('≈' counts as '=')
/// dL/dw1 = -0.0501                    a gradient (also ∂L/∂w1, and dL/dW2[1,3] for one component)
/// w1' = 0.2005                        an updated value
/// iteration 2                         the entries after it belong to iteration 2 (the first needs no header)
/// ```
/// A line whose brackets are still open continues on the next line. Names are matched to the known
/// names as ``AnswerParser`` matches them. Malformed lines become diagnostics and the rest is still read.
public struct WorkedFileParser: Sendable {
    /// A character with its position in the file.
    typealias Cell = (character: Character, location: SourceLocation)

    let names: AnswerParser
    /// The loss's name, for gradients written without it (`δ_3`, `∇W_3`).
    let lossName: String
    /// The parameters' names, which an update section updates.
    let parameters: Set<String>

    /// A parser that matches names against the network's names (`x1`, `yhat`, `W2`).
    public init(knownNames: [String] = []) {
        self.init(knownNames: knownNames, lossName: "L", parameters: [])
    }

    /// A parser that also knows the loss's name and the parameters (for `δ_3`, `∇W_3` and update
    /// sections of a solution handed in as Markdown/LaTeX).
    public init(knownNames: [String], lossName: String, parameters: Set<String>) {
        names = AnswerParser(knownNames: knownNames)
        self.lossName = lossName
        self.parameters = parameters
    }

    /// Reads a whole worked file: a plain file of `NAME = VALUE` lines, or a solution as handed in,
    /// Markdown/LaTeX as pasted (see ``WorkedFileDocument``).
    public func parse(_ text: String) -> WorkedFile {
        if WorkedFileDocument.isDocument(text) {
            var document = WorkedFileDocument(parser: self)
            return document.read(text)
        }
        var entries: [WorkedEntry] = []
        var diagnostics: [Diagnostic] = []
        var iteration = 1
        for line in WorkedFileParser.logicalLines(text) {
            do throws(Diagnostic) {
                if let header = try WorkedFileParser.iterationHeader(line) {
                    guard header >= iteration else {
                        throw Diagnostic(at: line[0].location, "iteration \(header) comes after iteration \(iteration)")
                    }
                    iteration = header
                } else {
                    entries.append(try entry(line, iteration: iteration))
                }
            } catch {
                diagnostics.append(error)
            }
        }
        return WorkedFile(entries: entries, diagnostics: diagnostics)
    }

    /// The network name for a written name, or the name in `.nn` spelling.
    func resolve(_ written: String) -> String {
        names.resolve(written) ?? AnswerNameMatcher.plain(written)
    }

    /// The non-blank lines without comments, trimmed. A line with an unclosed `[` runs on to the next
    /// unless that one is blank or looks like a line of its own (it has `=` or starts with `iteration`),
    /// so one missing `]` spoils one line only.
    static func logicalLines(_ text: String) -> [[Cell]] {
        var physical: [[Cell]] = [[]]
        var (line, column) = (1, 1)
        var comment = false
        for c in text {
            if c.isNewline {
                (line, column, comment) = (line + 1, 1, false)
                physical.append([])
                continue
            }
            if c == "#" { comment = true }
            if !comment { physical[physical.count - 1].append((c, SourceLocation(line: line, column: column))) }
            column += 1
        }
        var lines: [[Cell]] = []
        var k = 0
        while k < physical.count {
            var current = physical[k]
            k += 1
            while current.bracketDepth > 0, k < physical.count, !physical[k].startsEntry {
                current += [(" ", current.last?.location ?? SourceLocation(line: 1, column: 1))] + physical[k]
                k += 1
            }
            let trimmed = current.trimmed
            if !trimmed.isEmpty { lines.append(Array(trimmed)) }
        }
        return lines
    }

    /// `iteration N` (any capitalization, an optional `:` and title after it): N; `nil` for other lines.
    static func iterationHeader(_ line: [Cell]) throws(Diagnostic) -> Int? {
        let text = String(line.map(\.character))
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
        guard let first = words.first, first.lowercased() == "iteration", !text.contains("="), !text.contains("≈")
        else { return nil }
        guard words.count >= 2, let number = Int(words[1]), number >= 1, number <= 1_000_000 else {
            throw Diagnostic(at: line[0].location, "expected a whole number from 1 after 'iteration'")
        }
        return number
    }
}

extension Collection where Element == WorkedFileParser.Cell {
    /// Without leading and trailing whitespace.
    var trimmed: SubSequence {
        let start = firstIndex { !$0.character.isWhitespace } ?? endIndex
        var end = endIndex
        var k = start
        while k != endIndex {
            if !self[k].character.isWhitespace { end = index(after: k) }
            k = index(after: k)
        }
        return self[start..<end]
    }

    /// The characters as a string.
    var text: String { String(map(\.character)) }

    /// How many `[` are still open at the end.
    var bracketDepth: Int {
        reduce(0) { depth, cell in cell.character == "[" ? depth + 1 : cell.character == "]" ? Swift.max(0, depth - 1) : depth }
    }

    /// Whether this line stands on its own rather than continuing an open bracket: blank, or with `=`, or
    /// an `iteration` header.
    var startsEntry: Bool {
        let text = trimmed.text
        return text.isEmpty || text.contains("=") || text.contains("≈") || text.lowercased().hasPrefix("iteration")
    }
}
