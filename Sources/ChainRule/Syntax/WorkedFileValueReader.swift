/// Reads the value at the end of a worked-file line: a number, a vector `[a, b]` or a matrix
/// `[[a, b], [c, d]]`, keeping the decimal places written for each number.
struct WorkedFileValueReader {
    /// The numbers row by row, their decimal places and their arrangement.
    struct Values {
        var numbers: [Double] = []
        var decimals: [Int] = []
        var shape: WorkedEntry.Shape = .scalar
    }

    private enum Node {
        case number(Double, decimals: Int)
        case array([Node], at: SourceLocation)
    }

    /// The trimmed value text.
    let cells: [WorkedFileParser.Cell]
    private var i = 0

    /// A reader for the (non-empty, trimmed) value text.
    init(cells: [WorkedFileParser.Cell]) {
        self.cells = cells
    }

    /// The value, or a diagnostic saying what is wrong with it.
    mutating func read() throws(Diagnostic) -> Values {
        let node = try readNode(depth: 0)
        skipSpaces()
        guard i == cells.count else {
            throw failure("expected a single number or array after the last '=', found '\(String(cells[i...].map(\.character)))'")
        }
        var values = Values()
        switch node {
        case .number(let x, let decimals):
            values.numbers = [x]
            values.decimals = [decimals]
        case .array(let items, _):
            for item in items { Self.collect(item, into: &values) }
            let rows = items.compactMap { if case .array(let row, let at) = $0 { (row.count, at) } else { nil } }
            if rows.isEmpty {
                values.shape = .vector(items.count)
            } else {
                if let ragged = rows.first(where: { $0.0 != rows[0].0 }) {
                    throw Diagnostic(at: ragged.1, "the rows of a matrix must have the same length: this row has "
                        + "\(ragged.0) numbers, the first has \(rows[0].0)")
                }
                values.shape = .matrix(rows: rows.count, columns: rows[0].0)
            }
        }
        return values
    }

    private static func collect(_ node: Node, into values: inout Values) {
        switch node {
        case .number(let x, let decimals):
            values.numbers.append(x)
            values.decimals.append(decimals)
        case .array(let items, _):
            for item in items { collect(item, into: &values) }
        }
    }

    private mutating func readNode(depth: Int) throws(Diagnostic) -> Node {
        skipSpaces()
        guard i < cells.count else { throw failure("expected a number or '['") }
        guard cells[i].character == "[" else { return try readNumber() }
        let open = cells[i].location
        guard depth < 2 else { throw failure("arrays nest at most two deep (a matrix)") }
        i += 1
        var items: [Node] = []
        var sawArray = false, sawNumber = false
        repeat {
            let item = try readNode(depth: depth + 1)
            if case .array = item { sawArray = true } else { sawNumber = true }
            guard !(sawArray && sawNumber) else {
                throw Diagnostic(at: open, "an array holds either numbers or rows, not both")
            }
            items.append(item)
            skipSpaces()
        } while next(",")
        guard next("]") else {
            throw failure(i < cells.count ? "expected ',' or ']' in the array, found '\(cells[i].character)'"
                : "expected ']' to close the '[' at \(open)")
        }
        return .array(items, at: open)
    }

    /// `-0.0501`, `−1`, `5.1`, `1.5e-3`; the decimals are the places written after the point, less the
    /// exponent (never below 0).
    private mutating func readNumber() throws(Diagnostic) -> Node {
        let start = i
        var text = ""
        if i < cells.count, "+-−".contains(cells[i].character) {
            text = cells[i].character == "+" ? "" : "-"
            i += 1
        }
        let whole = digits()
        var fraction = ""
        if next(".") { fraction = digits() }
        guard !(whole + fraction).isEmpty else {
            i = start
            throw failure("expected a number or '['" + (i < cells.count ? ", found '\(cells[i].character)'" : ""))
        }
        text += whole + (fraction.isEmpty ? "" : "." + fraction)
        var exponent = 0
        if i < cells.count, cells[i].character == "e" || cells[i].character == "E" {
            let mark = i
            i += 1
            var sign = ""
            if i < cells.count, "+-−".contains(cells[i].character) {
                sign = cells[i].character == "+" ? "" : "-"
                i += 1
            }
            let power = digits()
            if power.isEmpty || power.count > 4 {
                i = mark
            } else {
                exponent = Int(sign + power) ?? 0
                text += "e" + sign + power
            }
        }
        let isEnd = { (cell: WorkedFileParser.Cell) in cell.character.isWhitespace || ",]".contains(cell.character) }
        if i < cells.count, !isEnd(cells[i]) {
            let word = cells[start...].prefix { !isEnd($0) }.map(\.character)
            throw Diagnostic(at: cells[start].location, "expected a number, found '\(String(word))'")
        }
        guard let value = Double(text), value.isFinite else {
            throw Diagnostic(at: cells[start].location, "the number '\(text)' is too large")
        }
        if value == 0, text.contains(where: { ("1"..."9").contains($0) }) {
            throw Diagnostic(at: cells[start].location, "the number '\(text)' is too small: it underflows to 0 in double precision (below about 5e-324)")
        }
        return .number(value, decimals: max(0, fraction.count - exponent))
    }

    private mutating func digits() -> String {
        var result = ""
        while i < cells.count, cells[i].character.isASCII, cells[i].character.isNumber {
            result.append(cells[i].character)
            i += 1
        }
        return result
    }

    private mutating func skipSpaces() {
        while i < cells.count, cells[i].character.isWhitespace { i += 1 }
    }

    /// Consumes `c` if it comes next.
    private mutating func next(_ c: Character) -> Bool {
        guard i < cells.count, cells[i].character == c else { return false }
        i += 1
        return true
    }

    /// A diagnostic at the cursor (or just after the last character).
    private func failure(_ message: String) -> Diagnostic {
        if i < cells.count { return Diagnostic(at: cells[i].location, message) }
        let last = cells.last?.location ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(at: SourceLocation(line: last.line, column: last.column + 1), message)
    }
}
