/// What ``FormulaResolver`` asks of the builder while it resolves a definition: names, named
/// constants, indexed nodes, class targets, and reporting.
extension NetworkBuilder {
    /// Access for ``FormulaResolver``: look up a name, creating a free name as a parameter.
    mutating func reference(_ name: String, at location: SourceLocation) -> (Int, Shape)? {
        if let index = positions[name] { return (index, nodes[index].shape) }
        if BuiltinFunction(rawValue: name) != nil {
            error(at: location, "'\(name)' is a function; call it as \(name)(…)")
            return nil
        }
        guard let index = parameter(named: name, at: location) else { return nil }
        if paramDeclarations[name] == nil { undeclared.append((name, location)) }
        return (index, nodes[index].shape)
    }

    /// Access for ``FormulaResolver``: the named constant `name` stands for, when no node or parameter
    /// takes that name (recorded for ``Network/constants``).
    mutating func constant(named name: String) -> NamedConstant? {
        guard positions[name] == nil, paramDeclarations[name] == nil, let constant = NamedConstant(rawValue: name)
        else { return nil }
        if !constants.contains(constant) { constants.append(constant) }
        return constant
    }

    /// Access for ``FormulaResolver``: gives the class target `name` (`target y = class 3`) the shape of
    /// the prediction it is compared with and its one-hot value; nothing for other names.
    mutating func settleClassTarget(_ name: String, like prediction: Shape, at location: SourceLocation) {
        guard let index = positions[name], let (shape, value, problem) = classTargets.settle(name, like: prediction) else { return }
        if let problem { return error(at: location, problem) }
        nodes[index].shape = shape
        if let value { nodes[index].value = value }
    }

    /// Access for ``FormulaResolver``: whether `name` is a node, a declared parameter or a name used
    /// bare in some definition (a parameter), so that `name(…)` is not a function call.
    func isDefined(_ name: String) -> Bool {
        positions[name] != nil || paramDeclarations[name] != nil || bareNames.contains(name)
    }

    /// Access for ``FormulaResolver``: the node a written element `h[2]` names when a node is defined
    /// with that indexed name (a `for` loop's `h[t] = …`), else `nil`.
    func indexedNode(_ name: String, _ index: [Int]) -> (Int, Shape)? {
        positions[name + "[" + index.map(String.init).joined(separator: ",") + "]"].map { ($0, nodes[$0].shape) }
    }

    /// Access for ``FormulaResolver``: report an error.
    mutating func report(at location: SourceLocation, _ message: String) {
        error(at: location, message)
    }
}
