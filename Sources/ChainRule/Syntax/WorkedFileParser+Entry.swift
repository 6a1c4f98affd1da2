/// One `NAME = [arithmetic =] VALUE` line: the name side, the value and the rounding of each number.
extension WorkedFileParser {
    /// Reads a trimmed, non-empty line that is not an iteration header.
    func entry(_ line: [Cell], iteration: Int) throws(Diagnostic) -> WorkedEntry {
        let separators = line.indices.filter { line[$0].character == "=" || line[$0].character == "≈" }
        guard let first = separators.first, let last = separators.last else {
            throw Diagnostic(at: line[0].location,
                             "expected 'NAME = VALUE', 'dL/dNAME = VALUE', 'NAME' = VALUE' or 'iteration N'")
        }
        let head = line[..<first].trimmed
        guard !head.isEmpty else {
            throw Diagnostic(at: line[first].location, "expected a name before '\(line[first].character)'")
        }
        let value = line[(last + 1)...].trimmed
        guard let valueStart = value.first else {
            throw Diagnostic(at: line[last].location.advanced(by: 1),
                             "expected a number or an array after '\(line[last].character)'")
        }
        let arithmetic = first < last ? line[(first + 1)..<last].trimmed : nil
        if let arithmetic, arithmetic.isEmpty {
            throw Diagnostic(at: line[last].location, "expected arithmetic between the two '='")
        }
        let (kind, written, index) = try nameSide(head)
        var reader = WorkedFileValueReader(cells: Array(value))
        let values = try reader.read()
        return WorkedEntry(iteration: iteration, name: resolve(written), writtenName: written, index: index,
                           kind: kind, numbers: values.numbers, shape: values.shape, decimals: values.decimals,
                           arithmetic: arithmetic?.text, arithmeticLocation: arithmetic?.first?.location,
                           location: valueStart.location, nameLocation: head[head.startIndex].location)
    }

    /// `NAME`, `NAME[i,j]`, `NAME'`, `dL/dNAME`, `∂L/∂NAME[i]`.
    private func nameSide(_ head: ArraySlice<Cell>) throws(Diagnostic) -> (WorkedEntry.Kind, String, [Int]) {
        let isD: (Character) -> Bool = { $0 == "d" || $0 == "∂" }
        if let d = head.first, isD(d.character), let slash = head.firstIndex(where: { $0.character == "/" }),
           slash > head.startIndex + 1, slash + 1 < head.endIndex, isD(head[slash + 1].character) {
            let loss = head[(head.startIndex + 1)..<slash].trimmed
            let (written, index, primes) = try name(head[(slash + 2)...].trimmed, in: head)
            guard isName(loss), primes == 0 else {
                throw Diagnostic(at: head[head.startIndex].location, "expected a gradient such as dL/dw1")
            }
            return (.gradient(of: resolve(loss.text)), written, index)
        }
        let (written, index, primes) = try name(head, in: head)
        guard primes <= 1 else { throw Diagnostic(at: head[head.startIndex].location, "expected at most one prime") }
        return (primes == 1 ? .updated : .value, written, index)
    }

    /// A name with an optional index and primes in either order (`W3'[1]`, `W3[1]'`).
    private func name(_ cells: ArraySlice<Cell>, in head: ArraySlice<Cell>) throws(Diagnostic)
        -> (String, [Int], primes: Int) {
        var end = cells.endIndex
        var primes = 0
        var index: [Int] = []
        while end > cells.startIndex {
            let c = cells[end - 1].character
            if "'′’".contains(c) {
                primes += 1
                end -= 1
            } else if c == "]", let open = cells[..<end].lastIndex(where: { $0.character == "[" }) {
                let inner = cells[(open + 1)..<(end - 1)].text.split(separator: ",", omittingEmptySubsequences: false)
                let parts = inner.map { Int($0.filter { $0 != " " }) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
                    throw Diagnostic(at: cells[open].location, "expected a component index such as [1] or [1,3]")
                }
                index = parts.compactMap { $0 } + index
                end = open
            } else {
                break
            }
        }
        let base = cells[cells.startIndex..<end].trimmed
        guard isName(base) else {
            let at = base.first?.location ?? head[head.startIndex].location
            throw Diagnostic(at: at, "expected a name before '=', found '\(head.text)'")
        }
        return (base.text, index, primes)
    }

    /// A letter, then letters, digits, `_` and subscript digits.
    private func isName(_ cells: ArraySlice<Cell>) -> Bool {
        guard let first = cells.first?.character, AnswerLexer.isWordStart(first) else { return false }
        return cells.allSatisfy { AnswerLexer.isWordContinuation($0.character) || $0.character == "_" }
    }
}

extension SourceLocation {
    /// The position `n` characters further on the same line.
    fileprivate func advanced(by n: Int) -> SourceLocation { SourceLocation(line: line, column: column + n) }
}
