/// What an answer key shows and how.
public struct KeyOptions: Hashable, Sendable {
    /// Whether answers are included (a key) or left out (a question sheet for students).
    public var includesAnswers: Bool
    /// Whether local derivatives are also shown worked out (plugged in).
    public var plugsIn: Bool
    /// Decimal places shown when a file does not say (`digits`).
    public var digits: Int

    /// Creates options; by default a key with answers and local derivatives written out.
    public init(includesAnswers: Bool = true, plugsIn: Bool = true, digits: Int = 4) {
        self.includesAnswers = includesAnswers
        self.plugsIn = plugsIn
        self.digits = digits
    }
}
