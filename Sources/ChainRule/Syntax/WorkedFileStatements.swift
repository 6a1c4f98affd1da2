/// Splits a piece of a worked solution's mathematics into equations and reads each one with a value
/// into a ``WorkedEntry``.
///
/// Equations are separated by `\quad`, `\qquad`, `\;`, `\ ` (with or without a comma before them), by
/// a comma between two equations, and by a value followed directly by the next name
/// (`W_1 = [[…]] b_1 = [0.1, 0.1]`); `\\` is layout. An equation's sides are joined by `=`, `≈`,
/// `\approx`, `←`, `\leftarrow`, `\gets` or `:=`; the first side names the quantity (see
/// ``WorkedFileQuantity``), the last is the value, and the last side of plain numbers before it is the
/// arithmetic. An equation without a value is a formula and gives no entry.
struct WorkedFileStatements {
    typealias Cell = WorkedFileParser.Cell

    /// What one piece of mathematics gave.
    struct Read {
        var entries: [WorkedEntry] = []
        var diagnostics: [Diagnostic] = []
        var readings: [Answer.Reading] = []
        /// How many equations had a value.
        var values = 0
        /// Whether the piece is a name alone (`$$W_3$$` before `new[0] = …`).
        var bareName = false
    }

    let parser: WorkedFileParser
    /// Whether `param = value` means an update (inside an update section).
    var updateSection = false
    var quantities: WorkedFileQuantity

    init(parser: WorkedFileParser) {
        self.parser = parser
        quantities = WorkedFileQuantity(parser: parser)
    }

    /// Reads a piece of mathematics (delimiters removed).
    mutating func read(_ chunk: [Cell], iteration: Int) -> Read {
        var read = Read()
        let cleaned = WorkedFileStatements.cleaned(chunk)
        let equations = WorkedFileStatements.pieces(cleaned).flatMap(WorkedFileStatements.equations)
        if equations.count == 1, equations[0].sides.count == 1 {
            read.bareName = !equations[0].sides[0].text.contains(where: \.isNumber) || equations[0].sides[0].text.contains("_")
        }
        for equation in equations where equation.sides.count >= 2 {
            guard let valueSide = equation.sides.last?.trimmed, !valueSide.isEmpty,
                  let literal = WorkedFileStatements.literal(Array(valueSide)) else { continue }
            read.values += 1
            do throws(Diagnostic) {
                var reader = WorkedFileValueReader(cells: literal)
                let values = try reader.read()
                let arithmetic = equation.sides.dropFirst().dropLast().last { side in
                    side.contains { $0.character.isNumber } && (try? AnswerParser().parseExpression(side.text))?.isConstant == true
                }?.trimmed
                let quantity = try quantities.read(equation, updateSection: updateSection)
                read.readings += quantity.readings
                read.entries.append(WorkedEntry(
                    iteration: iteration, name: quantity.name, writtenName: quantity.written, index: quantity.index,
                    kind: quantity.kind, numbers: values.numbers, shape: values.shape, decimals: values.decimals,
                    arithmetic: arithmetic?.text, arithmeticLocation: arithmetic?.first?.location,
                    location: valueSide.first?.location ?? quantity.location, nameLocation: quantity.location))
            } catch {
                read.diagnostics.append(error)
            }
        }
        return read
    }

    /// Applies what is decided for the whole file (0-based indices); returns the notes to report.
    func finish(_ entries: inout [WorkedEntry]) -> [String] {
        quantities.finish(&entries)
    }

    // MARK: Splitting

    /// One equation: its sides, and whether it is written with an arrow (an update).
    struct Equation {
        var sides: [[Cell]]
        var arrow = false
    }

    /// Without environments, alignment and line breaks: `\begin{…}`, `\end{…}`, `&`, `\\`.
    static func cleaned(_ cells: [Cell]) -> [Cell] {
        var result: [Cell] = []
        var i = 0
        while i < cells.count {
            let c = cells[i].character
            if c == "\\", let name = command(cells, at: i) {
                if name == "begin" || name == "end", let close = cells[i...].firstIndex(where: { $0.character == "}" }) {
                    result.append((" ", cells[i].location))
                    i = close + 1
                    continue
                }
                if name == "\\" {
                    result.append((" ", cells[i].location))
                    i += 2
                    continue
                }
            }
            result.append(c == "&" ? (" ", cells[i].location) : cells[i])
            i += 1
        }
        return result
    }

    /// The command name at a backslash (`quad`, `,`, `\`), or `nil` at the end.
    static func command(_ cells: [Cell], at i: Int) -> String? {
        guard i + 1 < cells.count else { return nil }
        guard cells[i + 1].character.isASCII, cells[i + 1].character.isLetter else { return String(cells[i + 1].character) }
        var j = i + 1
        while j < cells.count, cells[j].character.isASCII, cells[j].character.isLetter { j += 1 }
        return String(cells[(i + 1)..<j].map(\.character))
    }

    /// The separator commands between equations.
    static let separators: Set<String> = ["quad", "qquad", ";", " "]

    /// Pieces between top-level separators (a comma just before one goes with it; a comma between two
    /// equations separates them).
    static func pieces(_ cells: [Cell]) -> [[Cell]] {
        var pieces: [[Cell]] = []
        var current: [Cell] = []
        var depth = 0
        var i = 0
        while i < cells.count {
            let c = cells[i].character
            if c == "\\", let name = command(cells, at: i) {
                let length = 1 + name.count
                if depth == 0, separators.contains(name) {
                    while let last = current.last, last.character == " " || last.character == "," { current.removeLast() }
                    pieces.append(current)
                    current = []
                    i += length
                    continue
                }
                if name == "{" { depth += 1 } else if name == "}" { depth = max(0, depth - 1) }
                current += cells[i..<min(i + length, cells.count)]
                i += length
                continue
            }
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth = max(0, depth - 1) }
            if c == ",", depth == 0, current.contains(where: { $0.character == "=" }),
               WorkedFileStatements.restHasEquals(cells, after: i) {
                pieces.append(current)
                current = []
                i += 1
                continue
            }
            current.append(cells[i])
            i += 1
        }
        pieces.append(current)
        var merged: [[Cell]] = []
        for piece in pieces.map({ Array($0.trimmed) }) where !piece.isEmpty {
            let startsEquation = startsName(piece.prefix { $0.character != "=" }.map { $0 }) || piece.first?.character == "\\"
            if let last = merged.last, !piece.contains(where: { $0.character == "=" }) || !startsEquation {
                merged[merged.count - 1] = last + [(" ", last.last?.location ?? piece[0].location)] + piece
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    /// Whether a top-level `=` follows position `i` before the next top-level comma.
    private static func restHasEquals(_ cells: [Cell], after i: Int) -> Bool {
        var depth = 0
        for cell in cells[(i + 1)...] {
            if "([{".contains(cell.character) { depth += 1 }
            if ")]}".contains(cell.character) { depth -= 1 }
            if depth < 0 { return false }
            if depth == 0, cell.character == "," { return false }
            if depth == 0, cell.character == "=" { return true }
        }
        return false
    }

    /// The equations of a piece: its sides at top-level `=`-like signs, split again where a value is
    /// followed by the next name.
    static func equations(_ piece: [Cell]) -> [Equation] {
        var sides: [[Cell]] = [[]]
        var arrows: [Bool] = []
        var depth = 0
        var i = 0
        while i < piece.count {
            let c = piece[i].character
            var separator = 0
            var arrow = false
            if depth == 0 {
                if c == "=" || c == "≈" { separator = 1 }
                if c == "←" { (separator, arrow) = (1, true) }
                if c == ":", i + 1 < piece.count, piece[i + 1].character == "=" { (separator, arrow) = (2, true) }
                if c == "\\", let name = command(piece, at: i), ["approx", "leftarrow", "gets", "longleftarrow"].contains(name) {
                    (separator, arrow) = (1 + name.count, name != "approx")
                }
            }
            if separator > 0 {
                sides.append([])
                arrows.append(arrow)
                i += separator
                continue
            }
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth = max(0, depth - 1) }
            sides[sides.count - 1].append(piece[i])
            i += 1
        }
        var equations: [Equation] = []
        var current = Equation(sides: [sides[0]], arrow: arrows.first ?? false)
        for k in 1..<max(sides.count, 1) {
            let side = Array(sides[k].trimmed)
            if let end = literalEnd(side), end < side.count, startsName(Array(side[end...].trimmed)) {
                current.sides.append(Array(side[..<end]))
                equations.append(current)
                current = Equation(sides: [Array(side[end...].trimmed)], arrow: arrows.indices.contains(k) ? arrows[k] : false)
            } else {
                current.sides.append(side)
            }
        }
        equations.append(current)
        return equations
    }

    // MARK: Literals

    /// The end of a number, `[…]` or `(…)` of numbers at the start of a side; `nil` when there is none.
    static func literalEnd(_ side: [Cell]) -> Int? {
        guard let first = side.first?.character else { return nil }
        if first == "[" || first == "(" {
            var depth = 0
            for (k, cell) in side.enumerated() {
                if "[(".contains(cell.character) { depth += 1 }
                if "])".contains(cell.character) { depth -= 1 }
                if depth == 0 {
                    let inner = side[1..<k].filter { !" \\,!−-+.".contains($0.character) && !$0.character.isNumber && !"[]()".contains($0.character) && $0.character != "e" }
                    return inner.isEmpty && side[1..<k].contains(where: { $0.character.isNumber }) ? k + 1 : nil
                }
            }
            return nil
        }
        var k = 0
        if "-−+".contains(first) { k += 1 }
        let digitsStart = k
        while k < side.count, side[k].character.isNumber || side[k].character == "." { k += 1 }
        return k > digitsStart ? k : nil
    }

    /// Commands that are operators, not the start of a name.
    static let operators: Set<String> = ["cdot", "times", "ast", "div", "pm", "mp", "left", "right", "approx",
                                         "cdotp", "to", "rightarrow", "ldots", "dots", "cdots", "text", ",", "!", ":", ";",
                                         "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "quad", "qquad", "%"]

    /// Whether a side's rest starts a new name (a letter, `\delta`, `\nabla`, `∇`, `∂`).
    static func startsName(_ rest: [Cell]) -> Bool {
        guard let first = rest.first?.character else { return false }
        let text = rest.text
        guard !text.contains("+"), !text.contains("*"), !text.contains(" - "), !text.contains("\\cdot"),
              !text.contains("\\times") else { return false }
        if first == "\\" { return command(rest, at: 0).map { !operators.contains($0) && $0.first?.isLetter == true } ?? false }
        return first.isLetter || first == "∇" || first == "∂"
    }

    /// The value side as cells the ``WorkedFileValueReader`` reads: spacing commands removed, `−` as
    /// `-`, `(a, b)` as `[a, b]`, trailing punctuation dropped; `nil` when it is not a literal.
    static func literal(_ side: [Cell]) -> [Cell]? {
        var cells: [Cell] = []
        var i = 0
        while i < side.count {
            if side[i].character == "\\", let name = command(side, at: i), [",", "!", ":", ";", " "].contains(name) {
                i += 2
                continue
            }
            var cell = side[i]
            if cell.character == "−" { cell.character = "-" }
            if cell.character == "(" { cell.character = "[" }
            if cell.character == ")" { cell.character = "]" }
            cells.append(cell)
            i += 1
        }
        while let last = cells.last, ".,;".contains(last.character) || last.character == " " { cells.removeLast() }
        guard let end = literalEnd(cells), end == cells.count else { return nil }
        return cells
    }
}
