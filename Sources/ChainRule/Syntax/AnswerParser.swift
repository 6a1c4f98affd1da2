/// Reads the expressions students write for a derivative, in LaTeX or plain Unicode/ASCII, into
/// ``Answer``s over the names of a network.
///
/// Understood: `\frac{\partial y}{\partial c}` (`\dfrac`, `\tfrac`), `\partial y/\partial c`, `∂y/∂c`,
/// `dy/dc`; `+ - − * · × \cdot \times /`, juxtaposition, `^`, `²`; `\left( \right)`, `\bigl[ \bigr]`,
/// `\{ \}`, braces; numbers (exact decimals); `σ`/`\sigma`, `tanh`, `ReLU`, `g`, `exp`/`e^{…}`, `log`/`ln`,
/// `max`, `min` applied to arguments, with primes for derivatives (`g'`, `\sigma'`, `σ′`, `g''`);
/// indicators `1[z > 0]`, `\mathbb{1}[z>0]`, `\mathbf{1}\{z>0\}` as `step(z)`; chains `A = B = C` with
/// `&=` and `\\` inside `$…$`, `$$…$$`, `\[…\]` or `\begin{aligned}…\end{aligned}`. Spacing commands are
/// ignored.
///
/// Written names are matched to the known names through a normalized key (see ``AnswerNameMatcher``):
/// `x_1`, `x_{1}`, `x1` and `x₁` all give `x1`, `w_{c,a}` gives `w_c_a`, `\hat{y}` and `ŷ` give `yhat`.
/// Names that match nothing are kept as written and listed in ``Answer/unknownNames``. Unreadable
/// input is a ``Diagnostic`` with line and column (counted in characters of the answer); parsing never
/// traps or loops, whatever the input.
public struct AnswerParser: Sendable {
    /// The network's node names, as in its `.nn` file (`x1`, `yhat`, `w_c_a`, `a1[2]`).
    public let knownNames: [String]
    let matcher: AnswerNameMatcher

    /// A parser that matches names against `knownNames`.
    public init(knownNames: [String] = []) {
        self.knownNames = knownNames
        matcher = AnswerNameMatcher(knownNames)
    }

    /// Reads one answer: an expression, or a chain `lhs = rhs = rhs …`. `firstLine` numbers the first
    /// line of `text` (for an answer cut out of a longer file by ``split(_:)``).
    public func parse(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> Answer {
        var reader = AnswerReader(AnswerLexer(text, firstLine: firstLine).tokens, names: matcher)
        return try reader.readAnswer()
    }

    /// Reads a single expression (no `=`), such as the arithmetic of a worked-example line.
    public func parseExpression(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> Expr {
        var reader = AnswerReader(AnswerLexer(text, firstLine: firstLine).tokens, names: matcher)
        return try reader.readExpression()
    }

    /// The known name that a name written in plain text or Unicode stands for (`x_1`, `x₁`, `ŷ`, `w_{c,a}`,
    /// `W1[1][2]`), or `nil`.
    public func resolve(_ written: String) -> String? {
        matcher.resolve(key: AnswerNameMatcher.key(written), written: written)
    }

    /// Splits a text holding several answers at lines consisting of `---` (three or more dashes). Each
    /// answer comes with the number of its first line; blank answers are left out and leading blank
    /// lines skipped.
    public static func split(_ text: String) -> [(text: String, line: Int)] {
        var answers: [(text: String, line: Int)] = []
        var lines: [Substring] = []
        var first = 1
        func flush() {
            while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
            if !lines.isEmpty { answers.append((lines.joined(separator: "\n"), first)) }
            lines = []
        }
        for (k, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let (dashes, others) = line.unicodeScalars.reduce(into: (0, 0)) { counts, scalar in
                if scalar == "-" { counts.0 += 1 } else if !scalar.properties.isWhitespace { counts.1 += 1 }
            }
            if dashes >= 3, others == 0 {
                flush()
                first = k + 2
            } else if lines.isEmpty, dashes + others == 0 {
                first = k + 2
            } else {
                lines.append(line)
            }
        }
        flush()
        return answers
    }
}
