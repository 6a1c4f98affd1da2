extension Formula {
    /// The shape of the formula's value, given the shapes of the nodes it references. Formulas made by
    /// ``NetworkBuilder`` always have one; `nil` means an inconsistent hand-built formula.
    public func shape(nodeShapes: (Int) -> Shape) -> Shape? {
        func elementwise(_ a: Formula, _ b: Formula) -> Shape? {
            guard let sa = a.shape(nodeShapes: nodeShapes), let sb = b.shape(nodeShapes: nodeShapes) else { return nil }
            return Shape.broadcast(sa, sb)
        }
        switch self {
        case .node(let i): return nodeShapes(i)
        case .component, .constant, .sum, .bce, .crossEntropy, .mse, .reduce: return .scalar
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            return elementwise(a, b)
        case .power(let a, _), .negate(let a), .softmax(let a):
            return a.shape(nodeShapes: nodeShapes)
        case .matmul(let a, let b):
            guard let sa = a.shape(nodeShapes: nodeShapes), let sb = b.shape(nodeShapes: nodeShapes) else { return nil }
            return Shape.matmul(sa, sb)
        case .transpose(let a):
            return a.shape(nodeShapes: nodeShapes)?.transposed
        case .apply(_, let args):
            guard let first = args.first?.shape(nodeShapes: nodeShapes) else { return nil }
            return args.dropFirst().reduce(Optional(first)) { acc, arg in
                acc.flatMap { s in arg.shape(nodeShapes: nodeShapes).flatMap { Shape.broadcast(s, $0) } }
            }
        }
    }
}
