/// The total derivative ∂A/∂B on a ``ScalarGraph``, and the chain-rule forms that write it.
///
/// Only the nodes on some path from B to A take part. Local partials along edges are
/// ``Expr/partial(of:wrt:)``; named totals are ``Expr/total(of:wrt:)``. All forms are pure functions
/// of the graph.
public struct Derivation: Sendable {
    /// The graph differentiated.
    public let graph: ScalarGraph
    /// A: the quantity differentiated (index into the graph's nodes).
    public let of: Int
    /// B: the quantity differentiated against.
    public let wrt: Int
    /// The nodes on some path from B to A, in topological order (B first, A last); empty when none.
    public let relevant: [Int]
    /// For each relevant node (by position in ``relevant``), its relevant inputs (positions), in written order.
    let localInputs: [[Int]]

    /// The derivative of node `of` with respect to node `wrt`.
    public init(graph: ScalarGraph, of: Int, wrt: Int) {
        self.graph = graph
        self.of = of
        self.wrt = wrt
        let nodes = graph.nodes
        var reaches = Array(repeating: false, count: nodes.count)   // from B
        if wrt <= of, nodes.indices.contains(of), nodes.indices.contains(wrt) {
            reaches[wrt] = true
            for i in stride(from: wrt + 1, through: of, by: 1) where nodes[i].inputs.contains(where: { reaches[$0] }) {
                reaches[i] = true
            }
        }
        var useful = Array(repeating: false, count: nodes.count)    // reaches A
        if nodes.indices.contains(of), reaches[of] {
            useful[of] = true
            for i in stride(from: of, through: wrt, by: -1) where useful[i] && reaches[i] {
                for input in nodes[i].inputs where reaches[input] { useful[input] = true }
            }
        }
        let relevant = nodes.indices.filter { reaches[$0] && useful[$0] && $0 >= wrt && $0 <= of }
        self.relevant = relevant
        let position = Dictionary(uniqueKeysWithValues: relevant.enumerated().map { ($1, $0) })
        localInputs = relevant.map { node in nodes[node].inputs.compactMap { position[$0] } }
    }

    /// The derivative of the node named `of` with respect to the node named `wrt`.
    public init(graph: ScalarGraph, of: String, wrt: String) throws(DerivationError) {
        guard let a = graph.index(of: of) else { throw .unknownName(of) }
        guard let b = graph.index(of: wrt) else { throw .unknownName(wrt) }
        self.init(graph: graph, of: a, wrt: b)
    }

    /// A's name.
    public var ofName: String { graph.nodes[of].name }
    /// B's name.
    public var wrtName: String { graph.nodes[wrt].name }

    /// ∂A/∂B as a formal total, for the left-hand side of an equation.
    public var total: Expr { .total(of: ofName, wrt: wrtName) }

    /// Whether A is B (∂A/∂A = 1).
    public var isIdentity: Bool { of == wrt }

    /// Why ∂A/∂B is 0 (no path from B to A), or `nil` when some path exists.
    public var zeroReason: String? {
        guard !isIdentity, relevant.isEmpty else { return nil }
        return "\(ofName) does not depend on \(wrtName): no path leads from \(wrtName) to \(ofName)"
    }

    /// The constant answer when there is no path (0) or A is B (1); `nil` otherwise.
    var trivialValue: Expr? {
        isIdentity ? .one : relevant.isEmpty ? .zero : nil
    }

    /// The number of paths from B to A, counted without enumerating them (saturates at `Int.max`).
    public var pathCount: Int {
        guard !isIdentity else { return 1 }
        guard !relevant.isEmpty else { return 0 }
        var count = Array(repeating: 0, count: relevant.count)
        count[0] = 1
        for i in 1..<relevant.count {
            for j in localInputs[i] {
                let (sum, overflow) = count[i].addingReportingOverflow(count[j])
                count[i] = overflow ? Int.max : sum
            }
        }
        return count[relevant.count - 1]
    }

    /// The local partial along the edge from relevant position `u` into relevant position `q`.
    func edge(_ q: Int, _ u: Int) -> Expr {
        .partial(of: graph.nodes[relevant[q]].name, wrt: graph.nodes[relevant[u]].name)
    }

    /// The form asked for as one expression (for ``DerivativeForm/steps`` the last line, for
    /// ``DerivativeForm/adjoint`` the result in terms of named totals).
    public func form(_ form: DerivativeForm, limit: Int = Derivation.pathLimit) throws(DerivationError) -> Expr {
        switch form {
        case .expanded: try expanded(limit: limit)
        case .factored: factored()
        case .steps: steps().last ?? factored()
        case .adjoint: adjoint().results.first?.value ?? .zero
        }
    }

    /// The largest number of paths the expanded form writes out.
    public static let pathLimit = 10_000

    /// The path counts above which ``describe(paths:)`` says "more than 10¹⁸" (``pathCount`` saturates
    /// at `Int.max` ≈ 9.2 × 10¹⁸ instead of overflowing).
    public static let pathCountCap = 1_000_000_000_000_000_000

    /// A path count for people: the number, or "more than 10¹⁸" beyond ``pathCountCap``.
    public static func describe(paths: Int) -> String {
        paths > pathCountCap ? "more than 10¹⁸" : String(paths)
    }
}

extension Derivation {
    /// Bauer's formula: one product per path from B to A, paths in graph order (from A, each node's
    /// inputs in written order), each product from the output toward B.
    public func expanded(limit: Int = Derivation.pathLimit) throws(DerivationError) -> Expr {
        if let trivial = trivialValue { return trivial }
        let count = pathCount
        guard count <= limit else { throw .tooManyPaths(count: count, limit: limit) }
        // Depth-first from A over each node's inputs in written order, with an explicit stack.
        var products: [Expr] = []
        var path: [Expr] = [], nodes = [relevant.count - 1], next = [0]
        while let q = nodes.last {
            if q == 0 { products.append(path.count == 1 ? path[0] : .product(path)) }
            let k = next[next.count - 1]
            guard q != 0, k < localInputs[q].count else {
                nodes.removeLast(); next.removeLast()
                if !path.isEmpty { path.removeLast() }
                continue
            }
            next[next.count - 1] = k + 1
            path.append(edge(q, localInputs[q][k]))
            nodes.append(localInputs[q][k]); next.append(0)
        }
        return products.count == 1 ? products[0] : .sum(products)
    }

    /// The factored form (see ``FactoredForms``): the smallest node-splitting form when at most
    /// ``Factorizer/exhaustiveLimit`` nodes lie between B and A, else one built from the graph's structure.
    public func factored() -> Expr {
        var forms = FactoredForms(graph: graph)
        return factored(sharing: &forms)
    }

    /// The factored form, reusing (and adding to) the forms already found in `forms`, which must be on
    /// the same graph: a file's many questions share their common totals this way.
    public func factored(sharing forms: inout FactoredForms) -> Expr {
        if let trivial = trivialValue { return trivial }
        if forms.graph != graph { forms = FactoredForms(graph: graph) }
        return forms.form(of: of, wrt: wrt)
    }

    /// Backprop's form with named totals (see ``Adjoint``).
    public func adjoint() -> Adjoint {
        Adjoint(graph: graph, of: of, wrt: [wrt])
    }
}
