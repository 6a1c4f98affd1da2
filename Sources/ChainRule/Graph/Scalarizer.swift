extension Network {
    /// The network neuron by neuron: every vector and matrix split into scalar components, each computed
    /// component defined by an ``Expr`` over the symbols of its direct inputs.
    ///
    /// With `contractingPreactivations` (the default, the view of hand-written chain rules such as the
    /// quiz's), implicit pre-activations `z_NAME` are folded into their activation node, whose
    /// definition then reads `g(w_c_a a + …)` and whose ``ScalarGraph/Preactivation`` remembers `z_c`.
    /// Without it, `z_NAME` is a node of its own (the view for questions such as ∂E/∂z_h1).
    public func scalarGraph(contractingPreactivations: Bool = true) -> ScalarGraph {
        var scalarizer = Scalarizer(network: self, contracting: contractingPreactivations)
        return scalarizer.graph()
    }
}

/// Writes formulas out component by component (see ``Network/scalarGraph(contractingPreactivations:)``).
struct Scalarizer {
    let network: Network
    let contracting: Bool
    private var folded: [Int: [Expr]] = [:]

    init(network: Network, contracting: Bool) {
        self.network = network
        self.contracting = contracting
    }

    mutating func graph() -> ScalarGraph {
        var scalars: [ScalarGraph.Node] = []
        var positions: [String: Int] = [:]
        for (index, node) in network.nodes.enumerated() {
            let names = node.componentNames
            guard let formula = node.formula else {
                for (k, name) in names.enumerated() {
                    positions[name] = scalars.count
                    scalars.append(ScalarGraph.Node(name: name, kind: node.kind, value: node.value?.entries[k]))
                }
                continue
            }
            let entries = self.entries(formula)
            if contracting, folds(index) {
                folded[index] = entries
                continue
            }
            let preactivation = node.preactivation.flatMap { z in folded[z].map { (network.nodes[z], $0) } }
            for (k, name) in names.enumerated() {
                let definition = entries[k]
                let inputs = definition.symbols.compactMap { positions[$0] }
                let z = preactivation.map { ScalarGraph.Preactivation(name: $0.0.componentNames[k], definition: $0.1[k]) }
                positions[name] = scalars.count
                scalars.append(ScalarGraph.Node(name: name, kind: node.kind, inputs: inputs,
                                                definition: definition, preactivation: z))
            }
        }
        return ScalarGraph(nodes: scalars)
    }

    /// Whether node `index` is an implicit pre-activation to fold into its activation.
    private func folds(_ index: Int) -> Bool {
        network.nodes[index].kind == .preactivation
    }

    private func shape(_ formula: Formula) -> Shape {
        formula.shape { network.nodes[$0].shape } ?? .scalar
    }

    /// The scalar expressions of a formula's components, row-major.
    private func entries(_ formula: Formula) -> [Expr] {
        switch formula {
        case .node(let i):
            if let inlined = folded[i] { return inlined }
            return network.nodes[i].componentNames.map(Expr.symbol)
        case .component(let i, let index):
            let node = network.nodes[i]
            if let inlined = folded[i] { return [inlined[node.shape.offset(of: index)]] }
            return [.symbol(Node.componentName(node.name, index))]
        case .constant(let value):
            return [.number(value)]
        case .add(let a, let b):
            return zipped(a, b) { .sum([$0, $1]) }
        case .subtract(let a, let b):
            return zipped(a, b) { .sum([$0, .negation($1)]) }
        case .multiply(let a, let b):
            return zipped(a, b) { .product([$0, $1]) }
        case .divide(let a, let b):
            return zipped(a, b) { .quotient($0, $1) }
        case .power(let a, let b):
            let exponent = entries(b)[0]
            return entries(a).map { .power($0, exponent) }
        case .negate(let a):
            return entries(a).map(Expr.negation)
        case .transpose(let a):
            let s = shape(a)
            guard s.rank == 2 else { return entries(a) }
            let e = entries(a), rows = s.dimensions[0], cols = s.dimensions[1]
            return (0..<cols).flatMap { c in (0..<rows).map { r in e[r * cols + c] } }
        case .matmul(let a, let b):
            let sa = shape(a), sb = shape(b), ea = entries(a), eb = entries(b)
            let (rows, inner) = (sa.dimensions[0], sa.dimensions[1])
            let cols = sb.rank == 2 ? sb.dimensions[1] : 1
            return (0..<rows).flatMap { r in
                (0..<cols).map { c in
                    Expr.sum((0..<inner).map { k in .product([ea[r * inner + k], eb[k * cols + c]]) })
                }
            }
        case .apply(let function, let arguments):
            guard arguments.count == 2 else { return entries(arguments[0]).map { .apply(function, [$0]) } }
            return zipped(arguments[0], arguments[1]) { .apply(function, [$0, $1]) }
        case .softmax(let a):
            let exps = entries(a).map { Expr.apply(.exp, [$0]) }
            let total = Expr.sum(exps)
            return exps.map { .quotient($0, total) }
        case .sum(let a):
            return [.sum(entries(a))]
        case .reduce(let reduction, let operands):
            return [reduction.scalarExpression(operands.map(entries))]
        case .bce(let p, let t):
            return [.sum(zipped(p, t) { p, t in
                .sum([.negation(.product([t, .apply(.log, [p])])),
                      .negation(.product([.difference(.one, t), .apply(.log, [.difference(.one, p)])]))])
            })]
        case .crossEntropy(let p, let t):
            return [.negation(.sum(zipped(p, t) { p, t in .product([t, .apply(.log, [p])]) }))]
        case .mse(let p, let t):
            let half = Expr.number(.exact(Rational(1, 2) ?? .one))
            return [.product([half, .sum(zipped(p, t) { .power(.difference($0, $1), .integer(2)) })])]
        }
    }

    /// Pairs the components of two elementwise operands, broadcasting a single-entry side.
    private func zipped(_ a: Formula, _ b: Formula, _ combine: (Expr, Expr) -> Expr) -> [Expr] {
        let ea = entries(a), eb = entries(b)
        let count = max(ea.count, eb.count)
        return (0..<count).map { combine(ea.count == 1 ? ea[0] : ea[$0], eb.count == 1 ? eb[0] : eb[$0]) }
    }
}
