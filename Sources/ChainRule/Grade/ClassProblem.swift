/// A problem of a class assignment: its network, its questions, and how its variants were drawn.
public struct ClassProblem: Sendable {
    /// The problem's name (its file name without `.nn`).
    public var name: String
    /// The problem as written.
    public var network: Network
    /// The seed its variants were drawn with (`chainrule key --variants N --seed S`); `nil` when every
    /// student has the problem's own values.
    public var seed: UInt64?
    /// What it asks.
    public var questions: [ClassQuestion]

    /// A problem named `name`; `seed` is used only when the file declares ranges to draw from.
    public init(name: String, network: Network, seed: UInt64?) {
        self.name = name
        self.network = network
        let drawn = network.nodes.contains { $0.kind.isLeaf && $0.range != nil }
        self.seed = drawn ? seed : nil
        questions = ClassQuestion.questions(of: network, problem: name)
    }
}
