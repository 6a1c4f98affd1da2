/// `for t in 1..3:` blocks: repeated layers or time steps written once.
///
/// The lines indented under the header (or the statement after its `:` on the same line) are parsed
/// once per value of the loop variable, with the variable read as that whole number. Indexed names
/// (`h[t] = tanh(w h[t-1] + u x[t] + b)`) then name one node per step (`h[1]`, `h[2]`, …), and every
/// other name (`w`, `u`, `b`) is the same node in every step: parameters are shared.
extension Parser {
    /// The most times a loop may repeat its body (all loops of a file together).
    static let maxExpansions = 10_000

    /// The logical lines with every `for` block replaced by its expanded body; a malformed header is
    /// reported and its block dropped.
    static func expandingLoops(_ lines: [[Token]], diagnostics: inout [Diagnostic]) -> [[Token]] {
        var budget = maxExpansions
        return expand(lines[...], diagnostics: &diagnostics, budget: &budget)
    }

    private static func expand(_ lines: ArraySlice<[Token]>, diagnostics: inout [Diagnostic],
                               budget: inout Int) -> [[Token]] {
        var result: [[Token]] = []
        var k = lines.startIndex
        while k < lines.endIndex {
            let line = lines[k]
            k += 1
            guard let keyword = line.first, keyword.kind == .name, keyword.text == "for" else {
                result.append(line)
                continue
            }
            var body: [[Token]] = []
            while k < lines.endIndex, let first = lines[k].first, first.location.line > keyword.location.line,
                  first.location.column > keyword.location.column {
                body.append(lines[k])
                k += 1
            }
            do throws(Diagnostic) {
                let (variable, values, inline) = try header(line)
                if let inline { body.insert(inline, at: 0) }
                guard !body.isEmpty else {
                    throw Diagnostic(at: keyword.location, "the loop has no body: indent the lines to repeat under 'for'")
                }
                guard values.count * body.count <= budget else {
                    throw Diagnostic(at: keyword.location, "the loops repeat too many lines: at most \(maxExpansions) in a file")
                }
                budget -= values.count * body.count
                for value in values {
                    let substituted = body.map { $0.map { $0.substituting(variable, by: value) } }
                    result += expand(substituted[...], diagnostics: &diagnostics, budget: &budget)
                }
            } catch {
                diagnostics.append(error)
            }
        }
        return result
    }

    /// `for NAME in LOW..HIGH:` → the variable, its values and the statement after `:` on the same line.
    private static func header(_ line: [Token]) throws(Diagnostic) -> (String, ClosedRange<Int>, [Token]?) {
        let keyword = line[0]
        func token(_ k: Int) -> Token { line[min(k, line.count - 1)] }
        let form = "expected 'for NAME in LOW..HIGH:'"
        let variable = token(1)
        guard variable.kind == .name, !variable.isKeyword else {
            throw Diagnostic(at: variable.location, "\(form), found \(variable.quoted)")
        }
        guard token(2).kind == .name, token(2).text == "in" else {
            throw Diagnostic(at: token(2).location, "\(form), found \(token(2).quoted)")
        }
        guard let low = token(3).wholeNumber else {
            throw Diagnostic(at: token(3).location, "\(form): the first step must be a whole number, found \(token(3).quoted)")
        }
        guard token(4).is("."), token(4).text == ".." else {
            throw Diagnostic(at: token(4).location, "\(form), found \(token(4).quoted)")
        }
        guard let high = token(5).wholeNumber else {
            throw Diagnostic(at: token(5).location, "\(form): the last step must be a whole number, found \(token(5).quoted)")
        }
        guard token(6).is(":") else { throw Diagnostic(at: token(6).location, "\(form), found \(token(6).quoted)") }
        guard low <= high else {
            throw Diagnostic(at: token(3).location, "the loop range \(low)..\(high) is empty")
        }
        _ = keyword
        let rest = Array(line.dropFirst(7))
        return (variable.text, low...high, rest.count > 1 ? rest : nil)
    }
}

extension Token {
    /// The token with the loop variable `name` replaced by the whole number `value`.
    func substituting(_ name: String, by value: Int) -> Token {
        guard kind == .name, text == name else { return self }
        var token = Token(kind: .number, text: String(value), location: location, length: length, spaced: spaced)
        if value < 0 { token.kind = .invalid; token.text = "loop value \(value) is negative" }
        return token
    }
}
