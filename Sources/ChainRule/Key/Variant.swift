/// One numbered version of a problem for one student: the problem's network with its own values,
/// drawn by ``Variants`` from the ranges the file declares.
public struct Variant: Hashable, Sendable {
    /// The variant's number, from 1.
    public var number: Int
    /// The network with the drawn values set (and the ranges dropped).
    public var network: Network
    /// The drawn leaves' node indices, in node order.
    public var drawn: [Int]

    /// Creates a variant.
    public init(number: Int, network: Network, drawn: [Int]) {
        self.number = number
        self.network = network
        self.drawn = drawn
    }

    /// Every drawn scalar: `(component name, value)` in node order.
    public var drawnValues: [(name: String, value: Number)] {
        drawn.flatMap { index -> [(name: String, value: Number)] in
            let node = network.nodes[index]
            guard let value = node.value else { return [] }
            return Array(zip(node.componentNames, value.entries)).map { (name: $0.0, value: $0.1) }
        }
    }

    /// The question sheet (no answers) and the key of this variant, one section each.
    public func documents(options: KeyOptions = KeyOptions()) -> (questions: KeyDocument, key: KeyDocument) {
        documents(plan: KeyPlan(network: network, options: options))
    }

    /// The question sheet and the key, reusing `plan` (made once for the problem, see ``KeyPlan``).
    public func documents(plan: KeyPlan) -> (questions: KeyDocument, key: KeyDocument) {
        let statement = AnswerKey.statement(network, digits: plan.digits)
        let title = network.title ?? "Problem"
        let sheet = KeySection(title: title, blocks: [.paragraph([.text("Name: " + String(repeating: "_", count: 40))])] + statement)
        let key = KeySection(title: title, blocks: statement + plan.answers(network))
        return (KeyDocument(kind: .questions, title: "Variant \(number): questions", sections: [sheet]),
                KeyDocument(kind: .key, title: "Variant \(number): answer key", sections: [key]))
    }
}
