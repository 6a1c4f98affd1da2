/// Backprop's form of ∂A/∂B: named totals δ_q = ∂A/∂q defined from the output backward, then each
/// ∂A/∂B in terms of them.
///
/// δ_q = Σ over the consumers r of q of δ_r ∂r/∂q (with δ_A = 1 left out), for every node on a path
/// from some B to A, in reverse topological order. Each edge is written once, so the size is linear
/// in the number of edges; one `Adjoint` serves the gradients with respect to many B at once.
public struct Adjoint: Hashable, Sendable {
    /// One equation `∂A/∂q = value`.
    public struct Definition: Hashable, Sendable {
        /// The node q.
        public var node: String
        /// Σ δ_r ∂r/∂q, with δ_r written as ``Expr/total(of:wrt:)``.
        public var value: Expr
    }

    /// A's name.
    public var output: String
    /// The named totals, in the order they are defined (reverse topological).
    public var definitions: [Definition]
    /// ∂A/∂B for each B asked for, in the order asked.
    public var results: [Definition]

    /// The adjoint form of the derivatives of node `of` with respect to each of `wrt`.
    public init(graph: ScalarGraph, of: Int, wrt: [Int]) {
        let nodes = graph.nodes
        output = nodes.indices.contains(of) ? nodes[of].name : ""
        definitions = []
        results = []
        guard nodes.indices.contains(of) else { return }
        let asked = Set(wrt)
        let start = wrt.filter { $0 >= 0 && $0 <= of }.min() ?? of
        var useful = Array(repeating: false, count: nodes.count)
        useful[of] = true
        for i in stride(from: of, through: 0, by: -1) where useful[i] {
            for input in nodes[i].inputs { useful[input] = true }
        }
        var reached = Array(repeating: false, count: nodes.count)
        for i in start...of where useful[i] {
            reached[i] = asked.contains(i) || nodes[i].inputs.contains { reached[$0] }
        }
        var consumers = Array(repeating: [Int](), count: nodes.count)
        for i in start...of where reached[i] {
            for input in nodes[i].inputs where reached[input] {
                // The output's own partial first, then the other consumers in topological order.
                if i == of { consumers[input].insert(i, at: 0) } else { consumers[input].append(i) }
            }
        }
        let name = output
        func value(_ q: Int) -> Expr {
            let terms = consumers[q].map { r -> Expr in
                let local = Expr.partial(of: nodes[r].name, wrt: nodes[q].name)
                return r == of ? local : .product([.total(of: name, wrt: nodes[r].name), local])
            }
            return terms.isEmpty ? .zero : terms.count == 1 ? terms[0] : .sum(terms)
        }
        for q in stride(from: of - 1, through: start, by: -1) where reached[q] && !asked.contains(q) {
            definitions.append(Definition(node: nodes[q].name, value: value(q)))
        }
        results = wrt.map { b in
            Definition(node: nodes.indices.contains(b) ? nodes[b].name : "",
                       value: b == of ? .one : nodes.indices.contains(b) ? value(b) : .zero)
        }
    }

    /// How many partial and total symbols the definitions and results write.
    public var partialCount: Int {
        (definitions + results).reduce(0) { $0 + $1.value.partialCount }
    }

    /// Each result with every named total replaced by its definition (written out, not simplified).
    public func substituted() -> [Expr] {
        var known: [String: Expr] = [:]
        for definition in definitions {
            known[definition.node] = definition.value.replacingTotals(of: output, with: known)
        }
        for result in results { known[result.node] = known[result.node] ?? result.value.replacingTotals(of: output, with: known) }
        return results.map { $0.value.replacingTotals(of: output, with: known) }
    }
}

extension Expr {
    /// Replaces each total ∂output/∂q that has an entry in `values` (by q), splicing products.
    func replacingTotals(of output: String, with values: [String: Expr]) -> Expr {
        rewritten { expr in
            switch expr {
            case .total(let of, let wrt) where of == output: return values[wrt]
            case .product(let factors):
                let flat = factors.flatMap { factor -> [Expr] in
                    if case .product(let inner) = factor { return inner }
                    return [factor]
                }
                return flat == factors ? nil : .product(flat)
            default: return nil
            }
        }
    }
}
