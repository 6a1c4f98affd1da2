/// A network compiled for numeric evaluation: every node and every operation inside its formula is
/// a slot, in an order where operands come first (micrograd's graph of values, flattened).
struct Tape: Sendable {
    /// How each slot is computed.
    var operations: [Operation] = []
    /// Each slot's shape.
    var shapes: [Shape] = []
    /// The node whose formula each slot belongs to.
    var owners: [Int] = []
    /// Whether a slot depends on no node (no gradient flows into it).
    var isConstant: [Bool] = []
    /// The slot holding each node's value.
    var nodeSlots: [Int] = []
    /// How many scalars each node holds.
    var nodeCounts: [Int] = []
    /// The first slot of each node's own operations (they run up to its value slot, contiguously).
    var nodeStarts: [Int] = []

    /// Compiles `network`; fails on an activation without numeric meaning (`g`).
    init(_ network: Network) throws(RuntimeError) {
        for (index, node) in network.nodes.enumerated() {
            guard let formula = node.formula else {
                nodeSlots.append(append(.leaf, shape: node.shape, owner: index, constant: false))
                continue
            }
            var slot = try compile(formula, owner: index, network: network)
            // A node's own slot always takes a gradient, even when its formula uses no other node
            // (`k = 3`): ∂L/∂k is asked for like any other.
            if owners[slot] != index || shapes[slot] != node.shape || isConstant[slot] {
                slot = append(.copy(slot), shape: node.shape, owner: index, constant: false)
            }
            nodeSlots.append(slot)
        }
        nodeCounts = network.nodes.map(\.shape.count)
        nodeStarts = Array(repeating: 0, count: network.nodes.count)
        for slot in owners.indices.reversed() { nodeStarts[owners[slot]] = slot }
    }

    private mutating func append(_ operation: Operation, shape: Shape, owner: Int, constant: Bool) -> Int {
        operations.append(operation)
        shapes.append(shape)
        owners.append(owner)
        isConstant.append(constant)
        return operations.count - 1
    }

    private mutating func add(_ operation: Operation, _ shape: Shape, _ owner: Int) -> Int {
        append(operation, shape: shape, owner: owner, constant: operation.operands.allSatisfy { isConstant[$0] })
    }

    private mutating func compile(_ formula: Formula, owner: Int, network: Network) throws(RuntimeError) -> Int {
        func sub(_ f: Formula) throws(RuntimeError) -> Int { try compile(f, owner: owner, network: network) }
        func elementwise(_ a: Formula, _ b: Formula, _ make: (Int, Int) -> Operation) throws(RuntimeError) -> Int {
            let (x, y) = (try sub(a), try sub(b))
            return add(make(x, y), Shape.broadcast(shapes[x], shapes[y]) ?? shapes[x], owner)
        }
        switch formula {
        case .node(let i):
            return nodeSlots[i]
        case .component(let i, let index):
            return add(.component(nodeSlots[i], offset: network.nodes[i].shape.offset(of: index)), .scalar, owner)
        case .constant(let n):
            return append(.constant(n.doubleValue), shape: .scalar, owner: owner, constant: true)
        case .add(let a, let b): return try elementwise(a, b, Operation.add)
        case .subtract(let a, let b): return try elementwise(a, b, Operation.subtract)
        case .multiply(let a, let b): return try elementwise(a, b, Operation.multiply)
        case .divide(let a, let b): return try elementwise(a, b, Operation.divide)
        case .power(let a, let b):
            let (x, y) = (try sub(a), try sub(b))
            return add(.power(x, y), shapes[x], owner)
        case .negate(let a):
            let x = try sub(a)
            return add(.negate(x), shapes[x], owner)
        case .transpose(let a):
            let x = try sub(a)
            return add(.transpose(x), shapes[x].transposed, owner)
        case .matmul(let a, let b):
            let (x, y) = (try sub(a), try sub(b))
            return add(.matmul(x, y), Shape.matmul(shapes[x], shapes[y]) ?? .scalar, owner)
        case .apply(let function, let arguments):
            switch function {
            case .unspecified(let name), .derivative(let name, _):
                throw .unspecifiedFunction(node: network.nodes[owner].name, function: name)
            default: break
            }
            if arguments.count == 2 { return try elementwise(arguments[0], arguments[1]) { .apply2(function, $0, $1) } }
            let x = try sub(arguments[0])
            if function == .log { return add(logarithm(x), shapes[x], owner) }
            return add(.apply(function, x), shapes[x], owner)
        case .softmax(let a):
            let x = try sub(a)
            return add(.softmax(x), shapes[x], owner)
        case .sum(let a):
            return add(.sum(try sub(a)), .scalar, owner)
        case .bce(let a, let b):
            let (p, t) = (try sub(a), try sub(b))
            let operation: Operation = sigmoidInput(p).map { .bceLogits(p: p, z: $0, t: t) } ?? .bce(p: p, t: t)
            return add(operation, .scalar, owner)
        case .crossEntropy(let a, let b):
            let (p, t) = (try sub(a), try sub(b))
            let operation: Operation = softmaxInput(p).map { .crossEntropyLogits(p: p, z: $0, t: t) } ?? .crossEntropy(p: p, t: t)
            return add(operation, .scalar, owner)
        case .mse(let a, let b):
            let (p, t) = (try sub(a), try sub(b))
            return add(.mse(p: p, t: t), .scalar, owner)
        case .reduce(let reduction, let operands):
            var slots: [Int] = []
            for operand in operands { slots.append(try sub(operand)) }
            return add(.reduce(reduction, slots), .scalar, owner)
        }
    }

    /// log of slot `x`, from the logits when `x` is σ(z), 1 − σ(z) or softmax(z).
    private func logarithm(_ x: Int) -> Operation {
        if let z = sigmoidInput(x) { return .logSigmoid(p: x, z: z) }
        if case .subtract(let one, let p) = operations[x], operations[one] == .constant(1),
           shapes[one].count == 1, let z = sigmoidInput(p) {
            return .logOneMinusSigmoid(q: x, p: p, z: z)
        }
        if let z = softmaxInput(x) { return .logSoftmax(p: x, z: z) }
        return .apply(.log, x)
    }

    private func sigmoidInput(_ slot: Int) -> Int? {
        if case .apply(.sigmoid, let z) = operations[slot] { return z }
        return nil
    }

    private func softmaxInput(_ slot: Int) -> Int? {
        if case .softmax(let z) = operations[slot] { return z }
        return nil
    }
}
