/// The names students use for a network's quantities that the network itself does not define, mapped to
/// the network's names.
///
/// - `z` alone: the only pre-activation (`z_yhat` in a one-neuron network);
/// - `z1`, `z_1`, `z3`: the pre-activation of the node whose name ends in that number (`z_a1`, `z_h1`),
///   when exactly one node with a pre-activation does;
/// - `η`, `eta`, `α`, `alpha`, `lr`: the learning rate (``rate``);
/// - the names the file declares with `notation` (``Network/notation``): `a_1^{(1)}` for h1, and
///   `\mathbf{x}` for the list (x1, x2) in ``groups``;
/// - `w_c_x2`: the implicit weight `v_c_x2` from the network input `x2` (its name before the quiz's
///   v/w notation was followed).
///
/// A name the network defines always means itself: aliases only fill gaps.
public struct NameAliases: Hashable, Sendable {
    /// The name standing for the learning rate.
    public static let rate = "rate"

    /// Alias → network name.
    public let map: [String: String]
    /// Alias → the network names of a vector the course writes as one name (`notation x = (x1, x2)`).
    public let groups: [String: [String]]
    /// Every name a student may write: the network's nodes and components, then the aliases.
    public let knownNames: [String]

    /// The aliases of `network`.
    public init(network: Network) {
        var names: [String] = []
        for node in network.nodes {
            names.append(node.name)
            if !node.shape.isScalar { names += node.componentNames }
        }
        let defined = Set(names)
        var map: [String: String] = [:]
        let preactivations = network.nodes.filter { $0.kind == .preactivation }
        if preactivations.count == 1, !defined.contains("z") { map["z"] = preactivations[0].name }
        var byNumber: [String: [String]] = [:]
        for node in network.nodes {
            guard let z = node.preactivation else { continue }
            let digits = String(node.name.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            if !digits.isEmpty, digits.count < node.name.count { byNumber[digits, default: []].append(network.nodes[z].name) }
        }
        for (number, targets) in byNumber where targets.count == 1 && !defined.contains("z" + number) {
            map["z" + number] = targets[0]
        }
        for name in ["eta", "alpha", "lr", "rate"] where !defined.contains(name) { map[name] = NameAliases.rate }
        // The quiz's v for an implicit weight from a network input was written w before: w_c_x2 is v_c_x2.
        for node in network.nodes where node.kind == .parameter && node.isImplicit && node.name.hasPrefix("v_") {
            let old = "w" + node.name.dropFirst()
            if !defined.contains(old) { map[old] = node.name }
        }
        var groups: [String: [String]] = [:]
        for notation in network.notation where !defined.contains(notation.key) {
            if notation.targets.count == 1 { map[notation.key] = notation.targets[0] } else { groups[notation.key] = notation.targets }
        }
        self.map = map
        self.groups = groups
        knownNames = names + map.keys.sorted() + groups.keys.sorted()
    }

    /// The network name for `name` (a whole quantity or a component such as `z2[3]`).
    public func canonical(_ name: String) -> String {
        if let mapped = map[name] { return mapped }
        guard let bracket = name.firstIndex(of: "["), let base = map[String(name[..<bracket])] else { return name }
        return base + name[bracket...]
    }

    /// `expr` with every aliased name (in symbols and partials) replaced by the network's name.
    public func canonical(_ expr: Expr) -> Expr {
        guard !map.isEmpty else { return expr }
        return expr.rewritten { e in
            switch e {
            case .symbol(let s): map[s].map(Expr.symbol)
            case .partial(let q, let u): .partial(of: canonical(q), wrt: canonical(u))
            case .total(let q, let u): .total(of: canonical(q), wrt: canonical(u))
            default: nil
            }
        }
    }
}
