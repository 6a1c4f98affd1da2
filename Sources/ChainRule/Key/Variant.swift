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
        let title = "Variant \(number)"
        let sheet = AnswerKey.section(network, options: options.questionSheet)
        let key = AnswerKey.section(network, options: options)
        return (KeyDocument(kind: .questions, title: title + ": questions", sections: [sheet]),
                KeyDocument(kind: .key, title: title + ": answer key", sections: [key]))
    }
}
