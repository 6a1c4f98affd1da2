/// Values for the leaves of a network (inputs, parameters, targets), by node index: where the
/// runtime evaluates it.
public struct Point: Hashable, Sendable {
    /// Each leaf's value.
    public var values: [Int: RealTensor]
    /// The names whose values were drawn at random (symbolic in the file, not given), in node order.
    public var drawn: [String]

    /// A point from explicit values.
    public init(values: [Int: RealTensor], drawn: [String] = []) {
        self.values = values
        self.drawn = drawn
    }

    /// The file's values, overridden by `overrides` (a node name with a whole tensor, or a component
    /// name such as `W1[1,2]` with a scalar), with every remaining leaf drawn at random from `seed`:
    /// from its declared range, else uniformly from [−1, 1] (targets from [0, 1]). Inputs and targets
    /// that every batch sample gives are left to the samples.
    public init(network: Network, overrides: [String: RealTensor] = [:], seed: UInt64 = 0) throws(RuntimeError) {
        var values: [Int: RealTensor] = [:]
        for (index, node) in network.nodes.enumerated() where node.kind.isLeaf {
            if let value = node.value { values[index] = RealTensor(value) }
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            try Point.apply(name, value, network, &values)
        }
        var generator = SeededGenerator(seed: seed)
        var drawn: [String] = []
        for (index, node) in network.nodes.enumerated() where node.kind.isLeaf && values[index] == nil {
            if !network.samples.isEmpty, network.samples.allSatisfy({ $0[index] != nil }) { continue }
            let scalars = (0..<node.shape.count).map { _ in Point.draw(node, &generator) }
            values[index] = RealTensor(shape: node.shape, scalars: scalars)
            drawn.append(node.name)
        }
        self.init(values: values, drawn: drawn)
    }

    /// The point with one scalar component of a leaf replaced.
    public func setting(_ node: Int, offset: Int, to value: Double) -> Point {
        var copy = self
        copy.values[node]?.scalars[offset] = value
        return copy
    }

    private static func apply(_ name: String, _ value: RealTensor, _ network: Network,
                              _ values: inout [Int: RealTensor]) throws(RuntimeError) {
        if let index = network.index(of: name) {
            let node = network.nodes[index]
            guard node.kind.isLeaf else { throw .badValue(name: name, reason: "it is a \(node.kind.rawValue), not an input, parameter or target") }
            guard value.shape.count == node.shape.count else {
                throw .badValue(name: name, reason: "'\(name)' is \(node.shape) but the value is \(value.shape)")
            }
            values[index] = value.reshaped(node.shape)
            return
        }
        for (index, node) in network.nodes.enumerated() where node.kind.isLeaf {
            guard let position = node.componentNames.firstIndex(of: name) else { continue }
            guard let scalar = value.scalar else { throw .badValue(name: name, reason: "a component takes one number") }
            var tensor = values[index] ?? RealTensor(shape: node.shape, scalars: Array(repeating: .nan, count: node.shape.count))
            tensor.scalars[position] = scalar
            values[index] = tensor
            return
        }
        throw .badValue(name: name, reason: "no input, parameter or target has this name")
    }

    private static func draw(_ node: Node, _ generator: inout SeededGenerator) -> Double {
        switch node.range {
        case .interval(let low, let high, let step)?:
            let (l, h, s) = (low.doubleValue, high.doubleValue, step.doubleValue)
            guard s > 0, h >= l else { return l }
            return l + Double(Int.random(in: 0...Int(((h - l) / s + 1e-9).rounded(.down)), using: &generator)) * s
        case .choices(let options)?:
            return options.randomElement(using: &generator)?.doubleValue ?? 0
        case nil:
            return node.kind == .target ? Double.random(in: 0...1, using: &generator)
                : Double.random(in: -1...1, using: &generator)
        }
    }
}
