/// Reads a worked solution handed in as Markdown/LaTeX, as pasted: display and inline mathematics
/// (`$$…$$` over one or several lines, `$…$`, `\[…\]`, `\(…\)`, `\begin{aligned}…\end{aligned}`), bare
/// equations (`W_1 new[0][0] = 0.1000 - 0.1 * (-0.0001) = 0.1000`), iteration headers
/// (`Iteration 1: Forward Pass`, `ITERATION 2:`), and update sections (a heading or sentence with
/// "update" makes `param = value` an update until the next forward or backward pass). Headings,
/// bullets, numbered steps and prose are skipped and counted; a decimal number left in prose is listed.
/// Each piece of mathematics is split into equations by ``WorkedFileStatements``.
struct WorkedFileDocument {
    typealias Cell = WorkedFileParser.Cell

    let parser: WorkedFileParser
    private(set) var entries: [WorkedEntry] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var layout = WorkedFileLayout()
    private var statements: WorkedFileStatements
    private var iteration = 1
    private var numberLines = Set<Int>()

    /// Whether a text is Markdown/LaTeX rather than a plain worked file.
    static func isDocument(_ text: String) -> Bool {
        text.contains("$") || text.contains("\\[") || text.contains("\\frac") || text.contains("\\begin")
            || text.contains("\\(")
    }

    init(parser: WorkedFileParser) {
        self.parser = parser
        statements = WorkedFileStatements(parser: parser)
    }

    /// Reads the whole text.
    mutating func read(_ text: String) -> WorkedFile {
        let lines = WorkedFileDocument.physicalLines(text)
        var k = 0
        var pendingName: [Cell]?
        while k < lines.count {
            var line = lines[k].trimmed.map { $0 }
            k += 1
            guard let first = line.first else { continue }
            let number = first.location.line
            if let name = pendingName {
                pendingName = nil
                if line.text.hasPrefix("new") { line = name + [(" ", first.location)] + line }
            }
            if let display = WorkedFileDocument.openDisplay(line) {
                var block = line
                while !WorkedFileDocument.closes(block, display), k < lines.count {
                    block += [(" ", block.last?.location ?? first.location)] + lines[k]
                    k += 1
                }
                line = block
            }
            let body = WorkedFileDocument.withoutMarkers(line)
            if let header = WorkedFileDocument.iterationHeader(body.text) {
                iteration = max(iteration, header)
                statements.updateSection = false
                layout.skipped.append(.init(line: number, kind: .prose))
                continue
            }
            let (math, outside) = WorkedFileDocument.mathSegments(body)
            let prose = outside.text.filter { !" .,;:-–".contains($0) }
            if math.isEmpty, !WorkedFileDocument.looksLikeEquation(body) {
                proseLine(body, number)
                continue
            }
            let chunks = math.isEmpty ? [body] : math
            var values = 0
            for chunk in chunks {
                let read = statements.read(chunk, iteration: iteration)
                values += read.values
                entries += read.entries
                diagnostics += read.diagnostics
                layout.readings += read.readings
                if read.values == 0, prose.isEmpty, math.count == 1, read.bareName { pendingName = chunk }
            }
            if values > 0 {
                numberLines.insert(number)
            } else if prose.isEmpty {
                layout.skipped.append(.init(line: number, kind: .formula))
            } else {
                proseLine(outside, number)
            }
        }
        layout.numberLines = numberLines.sorted()
        layout.notes = statements.finish(&entries)
        return WorkedFile(entries: entries, diagnostics: diagnostics, layout: layout)
    }

    /// A line of prose: skipped and counted; a decimal number in it is listed; "update" starts an
    /// update section, "forward" or "backward" ends it.
    private mutating func proseLine(_ cells: [Cell], _ number: Int) {
        let text = cells.text
        let lower = text.lowercased()
        if lower.contains("updat") { statements.updateSection = true }
        if lower.contains("forward") || lower.contains("backward") { statements.updateSection = false }
        if WorkedFileDocument.hasDecimal(text) {
            numberLines.insert(number)
            layout.proseNumbers.append(.init(line: number, text: text))
        } else {
            layout.skipped.append(.init(line: number, kind: .prose))
        }
    }

    // MARK: Lines

    /// The lines with each character's position (`\r\n` and `\n` break lines).
    static func physicalLines(_ text: String) -> [[Cell]] {
        var lines: [[Cell]] = [[]]
        var (line, column) = (1, 1)
        for c in text {
            if c.isNewline {
                (line, column) = (line + 1, 1)
                lines.append([])
                continue
            }
            lines[lines.count - 1].append((c, SourceLocation(line: line, column: column)))
            column += 1
        }
        return lines
    }

    /// The closing delimiter when the line opens display mathematics it does not close (`$$`, `\[`,
    /// `\begin{…}`).
    static func openDisplay(_ line: [Cell]) -> String? {
        let text = line.text
        if text.components(separatedBy: "$$").count % 2 == 0 { return "$$" }
        if text.components(separatedBy: "\\[").count > text.components(separatedBy: "\\]").count { return "\\]" }
        if text.components(separatedBy: "\\begin{").count > text.components(separatedBy: "\\end{").count { return "\\end{" }
        return nil
    }

    static func closes(_ block: [Cell], _ closer: String) -> Bool {
        let text = block.text
        switch closer {
        case "$$": return text.components(separatedBy: "$$").count % 2 == 1
        case "\\]": return text.components(separatedBy: "\\[").count <= text.components(separatedBy: "\\]").count
        default: return text.components(separatedBy: "\\begin{").count <= text.components(separatedBy: "\\end{").count
        }
    }

    /// The line without Markdown around it: `#` headings, `>` quotes, bullets, numbered steps, `**`.
    static func withoutMarkers(_ line: [Cell]) -> [Cell] {
        var cells = line
        var changed = true
        while changed {
            changed = false
            cells = Array(cells.trimmed)
            guard let first = cells.first?.character else { break }
            if "#>•".contains(first) || ((first == "-" || first == "*" || first == "+") && cells.count > 1 && cells[1].character == " ") {
                cells.removeFirst()
                changed = true
            } else if first.isASCII, first.isNumber {
                let digits = cells.prefix { $0.character.isASCII && $0.character.isNumber }.count
                if digits < cells.count - 1, ".)".contains(cells[digits].character), cells[digits + 1].character == " " {
                    cells.removeFirst(digits + 1)
                    changed = true
                }
            } else if cells.count > 1, first == "*", cells[1].character == "*" {
                cells.removeFirst(2)
                changed = true
            }
        }
        return cells
    }

    /// `Iteration 1: Forward Pass`, `ITERATION 2:`, `iteration 2` (no `=`): the number.
    static func iterationHeader(_ text: String) -> Int? {
        guard !text.contains("=") else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "*" })
        guard words.count >= 2, words[0].lowercased() == "iteration", let n = Int(words[1]), n >= 1, n <= 1_000_000 else { return nil }
        return n
    }

    /// The mathematics of a line (`$$…$$`, `$…$`, `\[…\]`, `\(…\)`, delimiters removed) and the text
    /// outside it.
    static func mathSegments(_ line: [Cell]) -> (math: [[Cell]], outside: [Cell]) {
        var math: [[Cell]] = []
        var outside: [Cell] = []
        var i = 0
        let pairs = [("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$")]
        func starts(_ s: String, at k: Int) -> Bool {
            let chars = Array(s)
            guard k + chars.count <= line.count else { return false }
            return (0..<chars.count).allSatisfy { line[k + $0].character == chars[$0] }
        }
        scan: while i < line.count {
            for (open, close) in pairs where starts(open, at: i) {
                var j = i + open.count
                while j < line.count, !starts(close, at: j) { j += 1 }
                math.append(Array(line[(i + open.count)..<min(j, line.count)]))
                i = min(j + close.count, line.count)
                continue scan
            }
            outside.append(line[i])
            i += 1
        }
        return (math.filter { !$0.trimmed.isEmpty }, outside)
    }

    /// A bare line that is an equation: a short name side (at most three words, no colon) before `=`.
    static func looksLikeEquation(_ line: [Cell]) -> Bool {
        let text = line.text
        guard let equals = text.firstIndex(where: { $0 == "=" || $0 == "←" || $0 == "≈" }) else { return false }
        let head = text[..<equals]
        return !head.contains(":") && head.split(separator: " ").count <= 3 && !head.isEmpty
    }

    /// Whether a text has a decimal number (`0.766`).
    static func hasDecimal(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.indices.contains { k in
            k > 0 && k + 1 < chars.count && chars[k] == "." && chars[k - 1].isASCII && chars[k - 1].isNumber
                && chars[k + 1].isASCII && chars[k + 1].isNumber
        }
    }
}
