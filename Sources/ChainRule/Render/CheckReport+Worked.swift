/// The report on a worked example: one line per line checked, then a summary; JSON
/// `{"correct", "entries": [{"name", "given", "expected", "status", …}]}`.
extension CheckReport {
    /// A report on a checked worked example.
    public init(worked check: WorkedCheck) {
        content = .worked(check)
    }

    func workedText(_ check: WorkedCheck) -> String {
        var out = check.lines.map { "line \($0.entry.nameLocation.line): \(label($0.entry)): \(message($0, in: check))" }
        out += check.diagnostics.map { "line \($0.location.line): cannot read: \($0.message)" }
        out += check.layout.proseNumbers.map { "line \($0.line): not checked: a number in prose, not in an equation ('\($0.text)')" }
        out += check.layout.readings.map { "note: read '\($0.written)' (line \($0.location.line)) as \($0.name): it differs only by \($0.difference)" }
        out = CheckReport.collapsed(out)
        out += check.layout.notes.map { "note: " + $0 }
        out.append(summary(check))
        if let coverage = coverage(check) { out.append(coverage) }
        return out.joined(separator: "\n")
    }

    /// Runs of identical lines as one, with `(×N)`.
    static func collapsed(_ lines: [String]) -> [String] {
        var result: [String] = []
        var count = 0
        for (k, line) in lines.enumerated() {
            count += 1
            if k + 1 < lines.count, lines[k + 1] == line { continue }
            result.append(count > 1 ? "\(line) (×\(count))" : line)
            count = 0
        }
        return result
    }

    /// For a solution handed in as Markdown/LaTeX: how many lines that carry a number were checked, and
    /// what was skipped.
    func coverage(_ check: WorkedCheck) -> String? {
        let layout = check.layout
        guard !layout.numberLines.isEmpty || !layout.skipped.isEmpty else { return nil }
        let (full, part, none) = lineCoverage(check)
        let total = layout.numberLines.count
        let percent = total == 0 ? 100 : (full + part) * 100 / total
        var text = "\(full + part) of \(total) lines that carry a number checked (\(percent) %)"
        if part > 0 { text += ", \(part) of them in part (the equations not checked are listed above)" }
        if none > 0 { text += ", \(none) not checked (listed above)" }
        return text + "; \(layout.count(.prose)) lines of prose and \(layout.count(.formula)) formulas without a value skipped"
    }

    /// The lines that carry a number: checked in full, in part, not at all.
    func lineCoverage(_ check: WorkedCheck) -> (full: Int, part: Int, none: Int) {
        var checked: [Int: (yes: Int, no: Int)] = [:]
        for line in check.lines {
            for n in Set([line.entry.nameLocation.line, line.entry.location.line]) {
                if line.status == .unchecked { checked[n, default: (0, 0)].no += 1 } else { checked[n, default: (0, 0)].yes += 1 }
            }
        }
        for diagnostic in check.diagnostics { checked[diagnostic.location.line, default: (0, 0)].no += 1 }
        var (full, part, none) = (0, 0, 0)
        for n in check.layout.numberLines {
            let c = checked[n] ?? (0, 1)
            if c.yes > 0, c.no == 0 { full += 1 } else if c.yes > 0 { part += 1 } else { none += 1 }
        }
        return (full, part, none)
    }

    func workedJSON(_ check: WorkedCheck) -> JSONValue {
        func numbers(_ values: [Double?]) -> JSONValue {
            let items = values.map { $0.map(JSONValue.number) ?? .null }
            return items.count == 1 ? items[0] : .array(items)
        }
        let (full, part, none) = lineCoverage(check)
        return .object([
            ("correct", .bool(check.correct)),
            ("numberLines", .object([("total", .number(Double(check.layout.numberLines.count))), ("checked", .number(Double(full))),
                                     ("checkedInPart", .number(Double(part))), ("notChecked", .number(Double(none)))])),
            ("skipped", .object([("prose", .number(Double(check.layout.count(.prose)))),
                                 ("formulas", .number(Double(check.layout.count(.formula))))])),
            ("notes", .array(check.layout.notes.map(JSONValue.string))),
            ("unreadable", .array(check.diagnostics.map { .object([("line", .number(Double($0.location.line))),
                                                                  ("column", .number(Double($0.location.column))),
                                                                  ("message", .string($0.message))]) })),
            ("entries", .array(check.lines.map { line in
                .object([
                    ("name", .string(label(line.entry))),
                    ("line", .number(Double(line.entry.nameLocation.line))),
                    ("given", numbers(line.entry.numbers)),
                    ("expected", numbers(line.components.isEmpty ? [nil] : line.components.map(\.expected))),
                    ("status", .string(line.status.rawValue)),
                    ("message", .string(message(line, in: check))),
                ])
            })),
        ])
    }

    /// `12 lines: 9 ok, 1 wrong, 2 consistent with an earlier slip`.
    func summary(_ check: WorkedCheck) -> String {
        var parts = ["\(check.count(.ok)) ok", "\(check.count(.wrong)) wrong", "\(check.count(.consistent)) consistent with an earlier slip"]
        if check.count(.unchecked) > 0 { parts.append("\(check.count(.unchecked)) not checked") }
        if !check.diagnostics.isEmpty { parts.append("\(check.diagnostics.count) unreadable") }
        return "\(check.lines.count) lines: " + parts.joined(separator: ", ")
    }

    /// How the line names its quantity: `z`, `∂L/∂ŷ`, `W3′[1,1]`.
    func label(_ entry: WorkedEntry) -> String {
        let index = entry.index.isEmpty ? "" : "[" + entry.index.map(String.init).joined(separator: ",") + "]"
        let written = entry.writtenName.contains(where: { "\\/∂δ∇{".contains($0) }) ? printer.symbol(entry.name) : entry.writtenName
        switch entry.kind {
        case .value: return entry.writtenName + index
        case .gradient(let of): return "∂" + printer.symbol(of) + "/∂" + written + index
        case .updated: return written + "′" + index
        case .activationDerivative: return "σ′(" + written + ")" + index
        }
    }

    /// The verdict on one line in words.
    public func message(_ line: WorkedCheck.Line, in check: WorkedCheck) -> String {
        if let problem = line.problem { return "not checked: " + self.problem(problem) }
        let vector = line.components.count > 1
        func at(_ c: WorkedCheck.Component) -> String { vector ? "[\(c.name.split(separator: "[").last.map { String($0.dropLast()) } ?? c.name)] " : "" }
        func show(_ x: Double?, _ decimals: Int) -> String { x.map { DisplayNumber.fixed($0, places: max(decimals, 1)) } ?? "—" }
        var text: String
        switch line.status {
        case .ok:
            text = "ok"
        case .wrong:
            let wrong = line.components.filter { $0.status == .wrong }
            text = "wrong (" + wrong.map { "\(at($0))expected \(show($0.expected, $0.decimals)), got \(show($0.given, $0.decimals))" }
                .joined(separator: "; ") + ")"
        case .consistent:
            let slips = line.slips.map { k -> String in
                let slip = check.lines[k]
                return "line \(slip.entry.nameLocation.line) (\(label(slip.entry)))"
            }
            let correct = line.components.map { show($0.expected, $0.decimals) }
            text = "consistent with the earlier slip on " + slips.joined(separator: ", ")
                + " (the correct value is " + (vector ? "[" + correct.joined(separator: ", ") + "]" : correct.first ?? "—") + ")"
        case .unchecked:
            text = "not checked"
        }
        if let value = line.arithmetic, let arithmetic = line.entry.arithmetic {
            text += "; the arithmetic \(arithmetic) gives \(CheckReport.trimmed(value, (line.entry.decimals.first ?? 2) + 2))"
        }
        if let mismatch = line.lossMismatch { text += "; " + self.mismatch(mismatch, given: line.entry.numbers.first ?? .nan, decimals: line.entry.decimals.first ?? 4) }
        return text
    }

    /// `value` to `places` decimals without trailing zeros (0.32, not 0.3200).
    static func trimmed(_ value: Double, _ places: Int) -> String {
        var text = DisplayNumber.fixed(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private func mismatch(_ m: WorkedCheck.LossMismatch, given: Double, decimals: Int) -> String {
        let ways = m.matches.map { "\($0.loss.rawValue) gives for ∂L/∂\(printer.symbol($0.wrt)) (\(printer.render($0.formula)))" }
        return "loss/δ mismatch: \(DisplayNumber.fixed(given, places: decimals)) is what " + ways.joined(separator: ", and ")
            + "; under this file's loss ∂L/∂\(printer.symbol(m.wrt)) = \(printer.render(m.formula)) = "
            + "\(DisplayNumber.fixed(m.value, places: decimals)) from your numbers"
    }

    private func problem(_ problem: WorkedCheck.Problem) -> String {
        switch problem {
        case .unknownName(let name, let closest):
            "no quantity of the network is called '\(name)'" + (closest.isEmpty ? "" : "; did you mean \(CheckReport.alternatives(closest))?")
        case .shapeMismatch(let expected, let given): "the quantity has \(expected) components, the line gives \(given) numbers"
        case .notAnEdge(let q, let u): "∂\(q)/∂\(u) is not a local partial along an edge of the network"
        case .noIteration(let k): "iteration \(k) was not run"
        }
    }
}
