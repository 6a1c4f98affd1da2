/// The names a written expression mentions, and the order of diagnostics, for ``NetworkBuilder``.
extension SyntaxExpr {
    /// Whether the expression is a single name.
    var isBareName: Bool {
        if case .name = self { return true }
        return false
    }

    /// Every name the expression may refer to, in order: names, indexed names both as the vector and
    /// as a node of that indexed name (`h[2]`), and called names (`x(y + 1)` may be a product).
    var referencedNames: [String] {
        switch self {
        case .number: []
        case .name(let name, _): [name]
        case .index(let name, let index, _): [name, name + "[" + index.map(String.init).joined(separator: ",") + "]"]
        case .array(let items, _): items.flatMap(\.referencedNames)
        case .negate(let a, _), .transpose(let a, _): a.referencedNames
        case .binary(_, let a, let b, _): a.referencedNames + b.referencedNames
        case .call(let name, let arguments, _): [name] + arguments.flatMap(\.referencedNames)
        }
    }

    /// The names used bare (not called), in order.
    var bareNames: [String] {
        switch self {
        case .number, .index: []
        case .name(let name, _): [name]
        case .array(let items, _): items.flatMap(\.bareNames)
        case .negate(let a, _), .transpose(let a, _): a.bareNames
        case .binary(_, let a, let b, _): a.bareNames + b.bareNames
        case .call(_, let arguments, _): arguments.flatMap(\.bareNames)
        }
    }
}

extension Array where Element == Diagnostic {
    /// Errors ordered by position, each note kept right after the diagnostic it explains.
    func sortedKeepingNotes() -> [Diagnostic] {
        var groups: [[Diagnostic]] = []
        for diagnostic in self {
            if diagnostic.severity == .note, !groups.isEmpty { groups[groups.count - 1].append(diagnostic) }
            else { groups.append([diagnostic]) }
        }
        return groups.enumerated()
            .sorted { ($0.element[0].location, $0.offset) < ($1.element[0].location, $1.offset) }
            .flatMap(\.element)
    }
}
