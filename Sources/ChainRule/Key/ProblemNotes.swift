/// The notes of a problem file (its comment lines after the title) typeset for a key: Markdown-style
/// `` `backquotes` `` and file names (`002_08c6.txt`) as code, words written with `^` and `_`
/// (`w^(2)_11`, `z_{1j}`, `ℝ^{3×4}`) as mathematics (w^{(2)}_{11}), the rest as text.
///
/// Notes name source files and commands, so they belong in an instructor's key only: question sheets
/// never carry them (``KeyPlan``), and ``KeyOptions/includesNotes`` leaves them out of keys too.
enum ProblemNotes {
    /// The runs of `text`.
    static func inlines(_ text: String) -> [KeyBlock.Inline] {
        var runs: [KeyBlock.Inline] = [], plain = ""
        func flush() {
            if !plain.isEmpty { runs.append(.text(plain)) }
            plain = ""
        }
        for (i, segment) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            if i % 2 == 1 {
                flush()
                runs.append(.code(String(segment)))
                continue
            }
            for (k, word) in segment.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if k > 0 { plain += " " }
                let lead = word.prefix { "(\"“".contains($0) }
                let rest = word.dropFirst(lead.count)
                var core = rest
                while let last = core.last, ".,;:)\"”".contains(last), !balanced(core) || ".,;:\"”".contains(last) { core.removeLast() }
                let trail = rest.dropFirst(core.count)
                if isFileName(core) {
                    plain += lead
                    flush()
                    runs.append(.code(String(core)))
                    plain += trail
                } else if let math = math(core) {
                    plain += lead
                    flush()
                    runs.append(.math(math))
                    plain += trail
                } else {
                    plain += word
                }
            }
        }
        flush()
        return runs
    }

    /// Whether parentheses in `word` are balanced (a trailing `)` of `σ(z_j)` belongs to it).
    private static func balanced(_ word: Substring) -> Bool {
        word.filter { $0 == "(" }.count == word.filter { $0 == ")" }.count
    }

    /// `name.txt`, `file.nn`: a word ending in a file extension.
    static func isFileName(_ word: Substring) -> Bool {
        let extensions = [".txt", ".nn", ".tex", ".md", ".csv", ".html", ".pdf", ".svg", ".json"]
        return word.count > 4 && extensions.contains { word.hasSuffix($0) } && word.allSatisfy { $0.isLetter || $0.isNumber || "._-/".contains($0) }
    }

    /// The word as LaTeX mathematics when it has a `^` or `_` after a letter or a closing bracket and
    /// every character can be typeset; `nil` otherwise.
    static func math(_ word: Substring) -> String? {
        guard word.contains(where: { $0 == "^" || $0 == "_" }), let first = word.first, first != "^", first != "_" else { return nil }
        var result = "", rest = word[...]
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "^" || c == "_" {
                let argument: Substring
                if rest.first == "{" || rest.first == "(" {
                    let close: Character = rest.first == "{" ? "}" : ")"
                    guard let end = rest.firstIndex(of: close) else { return nil }
                    argument = rest[...end]
                    rest = rest[rest.index(after: end)...]
                } else {
                    argument = rest.prefix { $0.isLetter || $0.isNumber }
                    rest = rest.dropFirst(argument.count)
                }
                guard !argument.isEmpty else { return nil }
                var inner = argument
                if inner.first == "{" { inner = inner.dropFirst().dropLast() }
                guard let typeset = symbols(inner) else { return nil }
                result += String(c) + "{" + typeset + "}"
            } else {
                guard let typeset = symbols(Substring(String(c))) else { return nil }
                result += typeset
            }
        }
        return result
    }

    /// Characters as math-mode LaTeX; `nil` when one has no command.
    private static func symbols(_ text: Substring) -> String? {
        let table: [Character: String] = [
            "ℝ": "\\mathbb{R}", "×": "\\times ", "σ": "\\sigma ", "δ": "\\delta ", "η": "\\eta ", "α": "\\alpha ",
            "Σ": "\\Sigma ", "ŷ": "\\hat{y}", "ᵀ": "^{\\top}", "−": "-", "·": "\\cdot ", "∂": "\\partial ", "∇": "\\nabla ",
        ]
        var result = ""
        for c in text {
            if let command = table[c] { result += command } else if c.isASCII, !"\\$%&#~".contains(c) { result.append(c) } else { return nil }
        }
        return result
    }
}
