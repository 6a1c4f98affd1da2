/// One or more errors that stop a file from becoming a ``Network``, sorted by position.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems, errors first by position, each possibly followed by its notes.
    public var list: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ list: [Diagnostic]) { self.list = list }

    /// One diagnostic per line.
    public var description: String { list.map(\.description).joined(separator: "\n") }

    /// The compiler-style report for every diagnostic (see ``Diagnostic/formatted(file:source:)``).
    public func formatted(file: String, source: String) -> String {
        list.map { $0.formatted(file: file, source: source) }.joined(separator: "\n")
    }
}
