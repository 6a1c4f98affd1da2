/// One problem as an export hands it to students: its network, the values each student may get (the
/// variants `chainrule key --variants N --seed S` draws, or the file's own values), and the numbers
/// and derivatives asked, all taken from the Key stage (``VariantAnswers``, ``KeyPlan``,
/// ``AnswerChecker``) so that every platform gets the same answers as the printed keys.
public struct ExportProblem {
    /// The problem's name: its file name without `.nn`, made safe as a folder name.
    public let name: String
    /// The problem as written.
    public let network: Network
    /// The file's text (bundled for the graders).
    public let source: String
    /// The seed of the drawn variants; `nil` when students get the file's own values.
    public let seed: UInt64?
    /// The values students get: the drawn variants (numbered from 1), or the file's own values as one
    /// variant numbered 0; empty when the problem has no values to compute with.
    public let variants: [Variant]
    /// The decimal places the key shows (the file's `digits`, else the key's default), used as the
    /// significant digits numeric answers are compared to.
    public let digits: Int
    /// The numbers asked (forward values, loss, gradients, updates, values of `find dA/dB`), in the
    /// column order of the variants CSV.
    public let numbers: [ExportNumber]
    /// The `find dA/dB` questions, in the order asked.
    public let derivatives: [(of: String, wrt: String)]
    /// The key's plan, made once for every variant.
    let plan: KeyPlan

    /// The problem `name` (a file name without `.nn`); with `variants` (a count), its values drawn for
    /// that many students from `seed`, as `chainrule key --variants N --seed S` draws them. A problem
    /// that declares no range keeps its own values; a count the ranges cannot give is an error.
    public init(name: String, network: Network, source: String, variants count: Int? = nil, seed: UInt64 = 0) throws(Variants.Failure) {
        self.name = ExportProblem.safeName(name)
        self.network = network
        self.source = source
        let plan = KeyPlan(network: network)
        self.plan = plan
        digits = plan.digits
        let ranged = network.nodes.contains { $0.kind.isLeaf && $0.range != nil }
        let runnable = !network.usesUnspecifiedActivation && network.samples.isEmpty
        if let count, ranged, runnable {
            variants = try Variants.generate(network: network, count: count, seed: seed)
            self.seed = seed
        } else {
            variants = network.isFullyValued && runnable ? [Variant(number: 0, network: network, drawn: [])] : []
            self.seed = nil
        }
        derivatives = network.questions.compactMap { question in
            if case .derivative(let of, let wrt) = question.kind { return (of, wrt) } else { return nil }
        }
        numbers = variants.first.map { first in
            ExportNumber.numbers(VariantAnswers.expected(first, plan: plan).map(\.column), network: network)
        } ?? []
    }

    /// Whether students get drawn variants (rather than the file's own values).
    public var isDrawn: Bool { seed != nil }

    /// The numbers of `variant`, in the order of ``numbers``.
    public func values(of variant: Variant) -> [Double] {
        let expected = VariantAnswers.expected(variant, plan: plan)
        let byColumn = Dictionary(expected.map { ($0.column, $0.value) }, uniquingKeysWith: { a, _ in a })
        return numbers.map { byColumn[$0.column] ?? .nan }
    }

    /// Every given scalar of `variant`: `(component name, value)` for each input, parameter and target
    /// with a value, in node order.
    public func given(_ variant: Variant) -> [(name: String, value: Number)] {
        variant.network.nodes.filter { $0.kind.isLeaf }.flatMap { node -> [(name: String, value: Number)] in
            guard let value = node.value else { return [] }
            return zip(node.componentNames, value.entries).map { (name: $0.0, value: $0.1) }
        }
    }

    /// A file or folder name: letters, digits, `-`, `_` and `.` kept, anything else `_`, never empty
    /// and never starting with a dot.
    public static func safeName(_ name: String) -> String {
        let kept = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        let trimmed = kept.drop { $0 == "." }
        return trimmed.isEmpty ? "problem" : String(trimmed)
    }
}
