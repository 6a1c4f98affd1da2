/// What `chainrule derive` prints for some questions ∂A/∂B of a network in one form: each
/// ``FormedDerivation`` laid out as text or LaTeX (one block per question, why it is zero after it),
/// or as JSON objects with both layouts, the size, the number of paths and the value.
public struct DerivativeDocument: Sendable {
    /// An output format of the document.
    public enum Format: String, Sendable, CaseIterable {
        /// Unicode text for a terminal.
        case text
        /// LaTeX math.
        case latex
        /// JSON: one object per question (or the object alone for one explicit question).
        case json
    }

    /// The network.
    public var network: Network
    /// The (A, B) pairs asked.
    public var questions: [(of: String, wrt: String)]
    /// The form written.
    public var form: DerivativeForm
    /// Whether local partials are replaced by their values.
    public var plugIn: Bool
    /// Whether long sums break over lines.
    public var multiline: Bool

    /// Creates a document.
    public init(network: Network, questions: [(of: String, wrt: String)], form: DerivativeForm, plugIn: Bool = false, multiline: Bool = false) {
        self.network = network
        self.questions = questions
        self.form = form
        self.plugIn = plugIn
        self.multiline = multiline
    }

    /// Each question shown in the form, plugged in when asked; the first question that cannot be
    /// written stops with its error. Questions on the same graph share one ``FactoredForms`` and one
    /// plug-in cache, so totals they have in common are factored and plugged in once.
    public func derivations() throws(DerivationError) -> [FormedDerivation] {
        var result: [FormedDerivation] = []
        var shared: [(forms: FactoredForms, cache: LocalPartials.Cache)] = []
        for (of, wrt) in questions {
            let derivation = try network.derivation(of: of, wrt: wrt)
            let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
            let index = shared.firstIndex { $0.forms.graph == derivation.graph } ?? {
                shared.append((FactoredForms(graph: derivation.graph), LocalPartials.Cache()))
                return shared.count - 1
            }()
            let shown = try FormedDerivation(derivation, form: form, partials: partials, sharing: &shared[index].forms)
            result.append(plugIn ? shown.pluggingIn(partials, sharing: &shared[index].cache) : shown)
        }
        return result
    }

    /// The document in `format`; `single` makes JSON one object when there is one question.
    public func text(_ format: Format, single: Bool = false) throws(DerivationError) -> String {
        let digits = network.digits
        let shown = try derivations()
        switch format {
        case .json:
            let objects: [JSONValue] = zip(questions, shown).map { question, shown in
                var members: [(key: String, value: JSONValue)] = [
                    ("of", .string(question.of)), ("wrt", .string(question.wrt)), ("form", .string(form.rawValue)),
                    ("latex", .string(LaTeXPrinter(digits: digits).render(shown, multiline: multiline))),
                    ("text", .string(TextPrinter(digits: digits).render(shown, multiline: multiline))),
                    ("size", .number(Double(shown.size))), ("paths", shown.pathCount > Derivation.pathCountCap ? .string(Derivation.describe(paths: shown.pathCount)) : .number(Double(shown.pathCount))),
                ]
                if form == .steps { members.append(("lines", .array(shown.equations.map { .string(TextPrinter(digits: digits).render($0.rhs)) }))) }
                if let reason = shown.zeroReason { members.append(("reason", .string(reason))) }
                if let value = shown.value { members.append(("value", .number(value))) }
                return .object(members)
            }
            return (single && objects.count == 1 ? objects[0] : .array(objects)).serialized(pretty: true)
        case .latex:
            return shown.map { LaTeXPrinter(digits: digits).render($0, multiline: multiline) + ($0.zeroReason.map { " % " + $0 } ?? "") }
                .joined(separator: "\n")
        case .text:
            return shown.map { TextPrinter(digits: digits).render($0, multiline: multiline) + ($0.zeroReason.map { "    (" + $0 + ")" } ?? "") }
                .joined(separator: "\n")
        }
    }
}
