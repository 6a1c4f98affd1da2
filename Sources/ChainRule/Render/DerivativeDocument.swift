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
    /// written stops with its error. Questions on the same graph (the network's contracted or
    /// uncontracted scalar graph, each built once) share one ``FactoredForms`` and one plug-in
    /// cache, so totals they have in common are factored and plugged in once.
    public func derivations() throws(DerivationError) -> [FormedDerivation] {
        var result: [FormedDerivation] = []
        var shared: [Bool: (partials: LocalPartials, forms: FactoredForms, cache: LocalPartials.Cache)] = [:]
        let unitSums = network.unitSums
        for (of, wrt) in questions {
            let contracting = try network.contractsPreactivations(of: of, wrt: wrt)
            if shared[contracting] == nil {
                let graph = network.scalarGraph(contractingPreactivations: contracting)
                shared[contracting] = (LocalPartials(graph: graph, unitSums: unitSums), FactoredForms(graph: graph), LocalPartials.Cache())
            }
            guard var work = shared[contracting] else { continue }
            shared[contracting] = nil  // `work` is the only copy while it grows
            let derivation = try Derivation(graph: work.forms.graph, of: of, wrt: wrt)
            let shown = try FormedDerivation(derivation, form: form, partials: work.partials, sharing: &work.forms)
            result.append(plugIn ? shown.pluggingIn(work.partials, sharing: &work.cache) : shown)
            shared[contracting] = work
        }
        return result
    }

    /// The document in `format`; `single` makes JSON one object when there is one question.
    public func text(_ format: Format, single: Bool = false) throws(DerivationError) -> String {
        let digits = network.digits
        let shown = try derivations()
        var latex = LaTeXPrinter(digits: digits), text = TextPrinter(digits: digits)
        (latex.memo, text.memo) = (PrintMemo(), PrintMemo())  // questions repeat their shared sub-forms
        switch format {
        case .json:
            let objects: [JSONValue] = zip(questions, shown).map { question, shown in
                var members: [(key: String, value: JSONValue)] = [
                    ("of", .string(question.of)), ("wrt", .string(question.wrt)), ("form", .string(form.rawValue)),
                    ("latex", .string(latex.render(shown, multiline: multiline))),
                    ("text", .string(text.render(shown, multiline: multiline))),
                    ("size", .number(Double(shown.size))), ("paths", shown.pathCount > Derivation.pathCountCap ? .string(Derivation.describe(paths: shown.pathCount)) : .number(Double(shown.pathCount))),
                ]
                if form == .steps { members.append(("lines", .array(shown.equations.map { .string(text.render($0.rhs)) }))) }
                if let reason = shown.zeroReason { members.append(("reason", .string(reason))) }
                if let value = shown.value { members.append(("value", .number(value))) }
                return .object(members)
            }
            return (single && objects.count == 1 ? objects[0] : .array(objects)).serialized(pretty: true)
        case .latex:
            return shown.map { latex.render($0, multiline: multiline) + ($0.zeroReason.map { " % " + $0 } ?? "") }
                .joined(separator: "\n")
        case .text:
            return shown.map { text.render($0, multiline: multiline) + ($0.zeroReason.map { "    (" + $0 + ")" } ?? "") }
                .joined(separator: "\n")
        }
    }
}
