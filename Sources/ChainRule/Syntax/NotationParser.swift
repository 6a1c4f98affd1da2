/// Reads `notation` statements of a `.nn` file, which the ``Parser`` hands over as raw lines (their
/// written names are LaTeX, which the `.nn` lexer does not read).
///
/// `notation NAME = TARGET, NAME = (T1, T2), …`: NAME as the course writes it, TARGET a network name.
/// Whether the targets exist is checked when the network is built (``Network/parse(_:)``).
enum NotationParser {
    /// Whether a source line is a `notation` statement.
    static func isNotation(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("notation") else { return false }
        let after = trimmed.dropFirst("notation".count).first
        return after == nil || after == " " || after == "\t"
    }

    /// The notations of one `notation` line (line number `line`), or the first error.
    static func parse(_ text: Substring, line: Int) throws(Diagnostic) -> [Notation] {
        let chars = Array(text)
        var start = 0
        while start < chars.count, chars[start] == " " || chars[start] == "\t" { start += 1 }
        start += "notation".count
        let column = { (k: Int) in SourceLocation(line: line, column: k + 1) }
        var end = chars.count
        if let hash = chars.indices.first(where: { chars[$0] == "#" && $0 >= start }) { end = hash }
        var items: [(Int, Int)] = []
        var depth = 0, from = start
        for k in start..<end {
            switch chars[k] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            case "," where depth == 0:
                items.append((from, k))
                from = k + 1
            default: break
            }
        }
        items.append((from, end))
        var notations: [Notation] = []
        for (a, b) in items {
            let item = chars[a..<b]
            guard let equals = item.firstIndex(of: "=") else {
                throw Diagnostic(at: column(a), "expected 'NAME = NETWORK_NAME' in a notation, such as a_1^{(1)} = h1")
            }
            let left = trimmedRange(chars, a, equals), right = trimmedRange(chars, equals + 1, b)
            guard left.0 < left.1 else { throw Diagnostic(at: column(equals), "expected the course's name before '='") }
            guard right.0 < right.1 else { throw Diagnostic(at: column(equals), "expected a network name after '='") }
            let written = String(chars[left.0..<left.1])
            var reader = AnswerReader(AnswerLexer(written).tokens, names: AnswerNameMatcher([]))
            let name: AnswerReader.WrittenName
            do throws(Diagnostic) {
                name = try reader.readName(after: nil)
            } catch {
                throw Diagnostic(at: column(left.0 + error.location.column - 1), error.message)
            }
            guard reader.current.kind == .end else {
                throw Diagnostic(at: column(left.0 + reader.current.location.column - 1),
                                 "expected one name before '=', found \(reader.current.quoted)")
            }
            var target = String(chars[right.0..<right.1])
            let isList = target.hasPrefix("(") && target.hasSuffix(")")
            if isList { target = String(target.dropFirst().dropLast()) }
            let targets = target.split(separator: ",").map { $0.trimmingSpaces }
            guard !targets.isEmpty, targets.allSatisfy(isNetworkName), isList || targets.count == 1 else {
                throw Diagnostic(at: column(right.0), "expected a network name (h1, W3[1]) or a list of them (x1, x2) after '='")
            }
            notations.append(Notation(written: written, key: name.key, targets: targets, location: column(left.0)))
        }
        return notations
    }

    private static func trimmedRange(_ chars: [Character], _ a: Int, _ b: Int) -> (Int, Int) {
        var (a, b) = (a, b)
        while a < b, chars[a].isWhitespace { a += 1 }
        while b > a, chars[b - 1].isWhitespace { b -= 1 }
        return (a, b)
    }

    /// A `.nn` name, with an optional component index: `h1`, `z_h1`, `W3[1]`, `W2[1,3]`.
    private static func isNetworkName(_ text: String) -> Bool {
        let head = text.prefix { $0 != "[" }
        guard let first = head.first, first.isLetter || first == "_",
              head.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
        let index = text.dropFirst(head.count)
        return index.isEmpty || (index.hasPrefix("[") && index.hasSuffix("]")
            && index.allSatisfy { $0.isNumber || "[], ".contains($0) })
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
