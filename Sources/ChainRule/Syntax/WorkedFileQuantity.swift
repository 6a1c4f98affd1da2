import Foundation

/// Reads the first side of a worked solution's equation: which quantity it gives.
///
/// - a name as the course writes it (`w_1`, `\hat{y}`, `z_1^{(1)}`, `E_{total}`, `\mathbf{x}`): its value;
/// - a derivative (`\frac{\partial L}{\partial w_1}`, `\partial L/\partial w_1`, `dL/dw1`): a gradient, or
///   a local partial when the numerator is not the loss; an unknown name in it is an error with the
///   closest names, never a silent substitution;
/// - `\delta_3`, `δ^{(2)}`, `\delta_1^{(1)}`: ∂L/∂z with the same marks (`z_3`, `z^{(2)}`, `z_1^{(1)}`);
/// - `\nabla W_3`, `∇b_3`, `\nabla_{W_3} L`: ∂L/∂W₃;
/// - `\sigma'(z_1^{(1)})`: the activation's derivative at a pre-activation;
/// - updates: `w_1 \leftarrow …`, `w_1^{+}`, `w_1^{\text{new}}`, `w_{new}`, `w_1'`, `W_3 new[0]`, `Wnew[1][0]` (the
///   matrix of the updates around it), `w = w - \eta …`, or a parameter inside an update section.
///   Indices written after `new` are 0-based when any of them is 0 (the report says so).
struct WorkedFileQuantity {
    typealias Cell = WorkedFileParser.Cell

    /// What the first side gives.
    struct Quantity {
        var name: String
        var written: String
        var index: [Int]
        var kind: WorkedEntry.Kind
        var location: SourceLocation
        var readings: [Answer.Reading] = []
    }

    let parser: WorkedFileParser
    /// The entries whose index was written after `new` (by name location), and whether one is 0.
    private var newIndexed = Set<SourceLocation>()
    private var sawZero = false
    /// The quantity of the last update, for `Wnew[1][0]`.
    private var lastUpdated: String?

    init(parser: WorkedFileParser) {
        self.parser = parser
    }

    /// The suffixes that mark an updated value.
    static let updateMarks = ["^{+}", "^+", "^{\\text{new}}", "^{\\mathrm{new}}", "^{new}", "^{(new)}", "_{new}",
                              "_{\\text{new}}", "_{\\mathrm{new}}", "^{\\prime}", "'", "′", "^{(t+1)}"]

    mutating func read(_ equation: WorkedFileStatements.Equation, updateSection: Bool) throws(Diagnostic) -> Quantity {
        var lhs = Array(equation.sides[0].trimmed)
        guard let start = lhs.first?.location else {
            throw Diagnostic(at: equation.sides.dropFirst().first?.first?.location ?? SourceLocation(line: 1, column: 1),
                             "expected a name before '='")
        }
        var updated = equation.arrow
        var newIndex: [Int]?
        let text = lhs.text
        if let range = text.range(of: #"\s*new\s*((\[\s*\d+\s*\])+)\s*$"#, options: .regularExpression) {
            newIndex = text[range].split { !$0.isNumber }.compactMap { Int($0) }
            lhs = Array(lhs.prefix(text.distance(from: text.startIndex, to: range.lowerBound)))
            updated = true
        }
        for mark in WorkedFileQuantity.updateMarks where lhs.text.hasSuffix(mark) && lhs.count > mark.count {
            lhs = Array(lhs.dropLast(mark.count).trimmed)
            updated = true
            break
        }
        let compact = { (s: String) in s.filter { $0 != " " } }
        if !updated, equation.sides.count >= 3, compact(equation.sides[1].text).contains(compact(lhs.text)),
           ["\\eta", "η", "\\alpha", "α"].contains(where: { equation.sides[1].text.contains($0) }) {
            updated = true
        }
        var quantity = try name(lhs, start: start, updated: updated, updateSection: updateSection, contextual: newIndex != nil)
        if let newIndex {
            quantity.index = newIndex
            newIndexed.insert(start)
            if newIndex.contains(0) { sawZero = true }
        }
        if case .updated = quantity.kind { lastUpdated = quantity.name }
        return quantity
    }

    /// The name side, without update marks.
    private mutating func name(_ lhs: [Cell], start: SourceLocation, updated: Bool, updateSection: Bool, contextual: Bool)
        throws(Diagnostic) -> Quantity {
        let written = lhs.text
        let at = { (location: SourceLocation) in location.line == 1 && !lhs.isEmpty ? lhs[min(max(location.column - 1, 0), lhs.count - 1)].location : start }
        let tokens = AnswerLexer(written).tokens
        guard let first = tokens.first, first.kind != .end else { throw Diagnostic(at: start, "expected a name before '='") }
        if first.is("∇") {
            var rest = Array(lhs.dropFirst(first.length).trimmed)
            if rest.first?.character == "_", let close = rest.firstIndex(where: { $0.character == "}" }), rest.count > 2, rest[1].character == "{" {
                rest = Array(rest[2..<close])
            }
            var quantity = try name(rest, start: rest.first?.location ?? start, updated: false, updateSection: false, contextual: false)
            guard case .value = quantity.kind else { throw Diagnostic(at: start, "expected a name after '∇'") }
            quantity.kind = .gradient(of: parser.lossName)
            quantity.written = written
            return quantity
        }
        if first.kind == .word, first.value == "delta" {
            var reader = AnswerReader(tokens, names: parser.names.matcher)
            let delta = try reader.readName(after: nil)
            let key = "z" + delta.key.dropFirst("delta".count)
            let written = "z" + delta.written.dropFirst(first.text.count)
            guard let z = parser.names.matcher.resolve(key: key, written: written) ?? parser.names.matcher.approximate(key: key)?.name else {
                let closest = parser.names.matcher.closest(to: key)
                throw Diagnostic(at: start, "'\(delta.written)' reads as ∂L/∂\(written), and no quantity is called \(written)"
                    + (closest.isEmpty ? "" : "; did you mean \(closest.joined(separator: ", "))?"))
            }
            let (base, index) = WorkedFileQuantity.split(z)
            return Quantity(name: base, written: delta.written, index: index, kind: .gradient(of: parser.lossName), location: start)
        }
        let answer: Answer
        do throws(Diagnostic) { answer = try parser.names.parse(written) } catch { throw Diagnostic(at: at(error.location), error.message) }
        let readings = answer.readings.map { Answer.Reading($0.written, as: $0.name, difference: $0.difference, at: at($0.location)) }
        guard answer.lhs == nil, let expr = answer.rhs.first?.expr else {
            throw Diagnostic(at: start, "expected a quantity before '=', found '\(written)'")
        }
        switch expr {
        case .partial(let of, let wrt):
            if let unknown = answer.unknownNames.first {
                let hint = unknown.closest.isEmpty ? "" : "; did you mean \(unknown.closest.joined(separator: ", "))?"
                throw Diagnostic(at: at(unknown.location), "unknown name '\(unknown.written)' in the derivative '\(written)'\(hint)")
            }
            let (base, index) = WorkedFileQuantity.split(wrt)
            return Quantity(name: base, written: written, index: index, kind: .gradient(of: of), location: start, readings: readings)
        case .apply(.derivative(_, 1), let arguments) where arguments.count == 1:
            guard case .symbol(let z) = arguments[0], answer.unknownNames.isEmpty else {
                throw Diagnostic(at: start, "expected the derivative of an activation at a pre-activation, such as \\sigma'(z_1)")
            }
            return Quantity(name: z, written: written, index: [], kind: .activationDerivative, location: start, readings: readings)
        case .symbol(let symbol):
            var (base, index) = WorkedFileQuantity.split(symbol)
            var readings = readings
            if !answer.unknownNames.isEmpty, contextual, let last = lastUpdated,
               last.lowercased().hasPrefix(base.lowercased()) {
                readings.append(Answer.Reading(written, as: last, difference: "its number, taken from the updates around it", at: start))
                base = last
            }
            let kind: WorkedEntry.Kind = updated || (updateSection && parser.parameters.contains(base)) ? .updated : .value
            return Quantity(name: base, written: written, index: index, kind: kind, location: start, readings: readings)
        default:
            throw Diagnostic(at: start, "expected a quantity before '=' (a name, ∂L/∂w, δ_3, ∇W_3 or σ'(z)), found '\(written)'")
        }
    }

    /// `W3[1,2]` as `W3` and [1, 2].
    static func split(_ name: String) -> (String, [Int]) {
        guard let bracket = name.firstIndex(of: "[") else { return (name, []) }
        return (String(name[..<bracket]), name[bracket...].split { !$0.isNumber }.compactMap { Int($0) })
    }

    /// Shifts indices written after `new` to 1-based when one of them is 0; the notes to report.
    func finish(_ entries: inout [WorkedEntry]) -> [String] {
        guard sawZero else { return [] }
        for k in entries.indices where newIndexed.contains(entries[k].nameLocation) {
            entries[k].index = entries[k].index.map { $0 + 1 }
        }
        return ["indices written after 'new' are 0-based in this file (new[0] is the first component); they are read as components 1, 2, …"]
    }
}
