/// Turns the statements of a `.nn` file into a validated ``Network``.
///
/// It resolves names (a free name in a definition is a parameter), expands neurons
/// (`c = g(a, x2)` → `z_c = w_c_a a + v_c_x2 x2 + b_c`, `c = g(z_c)`: the quiz's v for weights from
/// network inputs, w for weights from neurons; `w_c_x2` is still read as `v_c_x2`), gives every node written as an
/// activation of an expression its pre-activation `z_NAME`, infers and checks shapes, orders nodes
/// topologically and reports every problem as a ``Diagnostic``.
public struct NetworkBuilder {
    /// The most gradient-descent passes a file may ask for (each is shown in full).
    public static let maxIterations = 10_000

    var nodes: [Node] = []
    var positions: [String: Int] = [:]
    private var definitions: [Int: SyntaxExpr] = [:]
    var paramDeclarations: [String: Declaration] = [:]
    private var order: [Int] = []
    private var diagnostics: [Diagnostic] = []
    /// Names used bare somewhere in a definition (`x` in `x y`): such a name called, `x(y + 1)`, is a product.
    var bareNames: Set<String> = []
    /// Named constants used, in order.
    var constants: [NamedConstant] = []
    /// Free names made parameters without a `param` declaration, in order of first use.
    var undeclared: [(name: String, location: SourceLocation)] = []
    var classTargets = ClassTargets()
    /// Old names of implicit weights from inputs (`w_c_x2`) → their names (`v_c_x2`).
    private var weightAliases: [String: String] = [:]

    /// Builds the network, or returns every error found; `warnings` (from the parser) and the builder's
    /// own warnings and notes go into ``Network/notes`` when it builds.
    public static func build(title: String?, statements: [Statement], warnings: [Diagnostic] = [])
        -> Result<Network, Diagnostics> {
        var builder = NetworkBuilder()
        builder.diagnostics = warnings.filter { $0.severity == .warning }
        let network = builder.run(title: title, statements: statements)
        if var network, !builder.diagnostics.contains(where: { $0.severity == .error }) {
            network.notes = builder.diagnostics.sortedKeepingNotes()
            return .success(network)
        }
        return .failure(Diagnostics(builder.diagnostics.sortedKeepingNotes()))
    }

    private mutating func run(title: String?, statements: [Statement]) -> Network? {
        var settings = Settings()
        for statement in statements { declare(statement, into: &settings) }
        bareNames = Set(definitions.values.flatMap(\.bareNames))
        let computed = nodes.indices.filter { definitions[$0] != nil }
        guard let sorted = topologicalOrder(computed) else { return nil }
        for index in sorted { resolve(index) }
        applyParameterValues()
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return assemble(title: title, settings: settings)
    }

    // MARK: Declarations

    private struct Settings {
        var loss: Int?
        var rate: Number?
        var iterations: Int?
        var digits: Int?
        var samples: [(Declaration, SourceLocation)] = []
        var sampleRows: [[Declaration]] = []
        var questions: [Question] = []
        var seen: [String: SourceLocation] = [:]
    }

    private mutating func declare(_ statement: Statement, into settings: inout Settings) {
        func once(_ keyword: String) -> Bool {
            if let first = settings.seen[keyword] {
                error(at: statement.location, "'\(keyword)' is given twice")
                note(at: first, "first given here")
                return false
            }
            settings.seen[keyword] = statement.location
            return true
        }
        switch statement.kind {
        case .input(let declarations):
            declarations.forEach { declareLeaf($0, kind: .input) }
        case .target(let declarations):
            declarations.forEach { declareLeaf($0, kind: .target) }
        case .param(let declarations):
            for declaration in declarations {
                if let first = paramDeclarations[declaration.name] {
                    error(at: declaration.location, "'\(declaration.name)' is defined twice")
                    note(at: first.location, "first defined here")
                } else {
                    paramDeclarations[declaration.name] = declaration
                }
            }
        case .node(let name, let expression):
            if let index = add(Node(name: name, kind: .computed, location: statement.location)) {
                definitions[index] = expression
            }
        case .loss(let name, let expression):
            guard once("loss") else { return }
            if let index = add(Node(name: name, kind: .loss, location: statement.location)) {
                definitions[index] = expression
                settings.loss = index
            }
        case .rate(let value):
            if once("rate") { settings.rate = value }
        case .iterations(let count):
            guard count <= NetworkBuilder.maxIterations else {
                error(at: statement.location, "iterations must be at most \(NetworkBuilder.maxIterations), got \(count)")
                return
            }
            if once("iterations") { settings.iterations = count }
        case .digits(let count):
            if once("digits") { settings.digits = count }
        case .sample(let declarations):
            settings.sampleRows.append(declarations)
            for declaration in declarations where declaration.classIndex != nil
                && positions[declaration.name].map({ nodes[$0].kind == .target }) ?? true {
                classTargets.declareInSample(declaration.name, at: declaration.location)
            }
        case .find(let questions):
            settings.questions += questions
        }
    }

    private mutating func declareLeaf(_ declaration: Declaration, kind: NodeKind) {
        var node = Node(name: declaration.name, kind: kind, shape: Shape(declaration.shape),
                        range: declaration.range, location: declaration.location)
        if let value = declaration.value, let tensor = tensor(value, declared: declaration) {
            node.value = tensor
            node.shape = tensor.shape
        }
        if let index = declaration.classIndex {
            guard kind == .target else {
                return error(at: declaration.location, "only a target can be a class number ('target \(declaration.name) = class \(index)')")
            }
            classTargets.declare(declaration.name, index: index, at: declaration.location)
        }
        _ = add(node)
    }

    /// Adds a node. A node may take a function's name (`g = g1 + 10 / f`): it shadows the function in
    /// this file, and only calling that name is an error (``FormulaResolver``).
    @discardableResult
    private mutating func add(_ node: Node) -> Int? {
        if let first = positions[node.name] {
            error(at: node.location, "'\(node.name)' is defined twice")
            note(at: nodes[first].location, "first defined here")
            return nil
        }
        positions[node.name] = nodes.count
        nodes.append(node)
        return nodes.count - 1
    }

    // MARK: Order

    /// Computed nodes ordered so that every node comes after the nodes it uses (file order otherwise);
    /// `nil` after reporting each cycle.
    private mutating func topologicalOrder(_ computed: [Int]) -> [Int]? {
        enum Mark { case visiting, done }
        var marks: [Int: Mark] = [:]
        var result: [Int] = []
        var stack: [Int] = []
        var cycles: [[Int]] = []
        func visit(_ index: Int) {
            if marks[index] == .done { return }
            if marks[index] == .visiting {
                if let start = stack.firstIndex(of: index) { cycles.append(Array(stack[start...]) + [index]) }
                return
            }
            marks[index] = .visiting
            stack.append(index)
            for name in definitions[index]?.referencedNames ?? [] {
                if let dependency = positions[name], definitions[dependency] != nil { visit(dependency) }
            }
            stack.removeLast()
            marks[index] = .done
            result.append(index)
        }
        computed.forEach(visit)
        for cycle in cycles {
            let names = cycle.map { nodes[$0].name }.joined(separator: " → ")
            error(at: nodes[cycle[0]].location, "cycle: \(names)")
        }
        return cycles.isEmpty ? result : nil
    }

    // MARK: Resolution

    private mutating func resolve(_ index: Int) {
        guard let expression = definitions[index] else { return }
        let name = nodes[index].name
        if case .call(let function, let arguments, let location) = expression, !isDefined(function),
           let builtin = BuiltinFunction.named(function), builtin.isActivation {
            if let neuronInputs = neuronInputs(builtin, arguments) {
                makeNeuron(index, builtin, neuronInputs, at: location)
                return
            }
            if arguments.count == 1, !arguments[0].isBareName, nodes[index].kind == .computed {
                guard let (inner, shape) = formula(arguments[0]) else { return }
                guard let z = add(Node(name: "z_" + name, kind: .preactivation, shape: shape, formula: inner,
                                       isImplicit: true, location: arguments[0].location)) else { return }
                order.append(z)
                nodes[index].preactivation = z
                nodes[index].formula = builtin == .softmax ? .softmax(.node(z)) : .apply(builtin.scalarFunction ?? .identity, [.node(z)])
                nodes[index].shape = shape
                if builtin == .softmax, shape.rank != 1 {
                    error(at: location, "softmax takes a vector, got \(shape)")
                }
                order.append(index)
                return
            }
        }
        guard let (resolved, shape) = formula(expression) else { return }
        if nodes[index].kind == .loss, !shape.isScalar, shape.count != 1 {
            error(at: expression.location, "the loss must be a scalar, got \(shape)")
        }
        nodes[index].formula = resolved
        nodes[index].shape = nodes[index].kind == .loss ? .scalar : shape
        order.append(index)
    }

    /// The node names of a neuron call (`g(a, b, x2)`, or any activation of two or more names), or `nil`
    /// when the call is an ordinary function application.
    private func neuronInputs(_ builtin: BuiltinFunction, _ arguments: [SyntaxExpr]) -> [(String, SourceLocation)]? {
        guard builtin != .softmax, builtin == .g || arguments.count >= 2 else { return nil }
        let names = arguments.compactMap { argument -> (String, SourceLocation)? in
            if case .name(let name, let location) = argument { return (name, location) }
            return nil
        }
        return names.count == arguments.count ? names : nil
    }

    private mutating func makeNeuron(_ index: Int, _ builtin: BuiltinFunction,
                                     _ inputs: [(String, SourceLocation)], at location: SourceLocation) {
        let name = nodes[index].name
        var terms: [Formula] = []
        for (input, inputLocation) in inputs {
            guard let source = positions[input] else {
                error(at: inputLocation, "unknown name '\(input)': a neuron's inputs must be nodes or inputs")
                continue
            }
            guard nodes[source].kind == .input || nodes[source].kind == .computed else {
                error(at: inputLocation, "'\(input)' is a \(nodes[source].kind.rawValue); a neuron's inputs must be nodes or inputs")
                continue
            }
            guard nodes[source].shape.isScalar else {
                error(at: inputLocation, "a neuron's inputs must be scalars; '\(input)' is \(nodes[source].shape)")
                continue
            }
            let fromInput = nodes[source].kind == .input
            let weightName = "\(fromInput ? "v" : "w")_\(name)_\(input)"
            if fromInput { weightAliases["w_\(name)_\(input)"] = weightName }
            guard let weight = parameter(named: weightName, at: inputLocation, implicit: true) else { continue }
            terms.append(.multiply(.node(weight), .node(source)))
        }
        guard let bias = parameter(named: "b_\(name)", at: location, implicit: true) else { return }
        let preactivation = (terms + [.node(bias)]).dropFirst().reduce(terms.first ?? .node(bias)) { .add($0, $1) }
        guard let z = add(Node(name: "z_" + name, kind: .preactivation, formula: preactivation,
                               isImplicit: true, location: location)) else { return }
        order.append(z)
        nodes[index].preactivation = z
        nodes[index].formula = .apply(builtin.scalarFunction ?? .identity, [.node(z)])
        order.append(index)
    }

    /// The parameter with this name, made on first use (with its `param` shape when declared).
    mutating func parameter(named name: String, at location: SourceLocation, implicit: Bool = false) -> Int? {
        if let existing = positions[name] { return existing }
        let alias = weightAliases.first { $0.value == name }?.key
        let shape = (paramDeclarations[name] ?? alias.flatMap { paramDeclarations[$0] }).map { Shape($0.shape) } ?? .scalar
        return add(Node(name: name, kind: .parameter, shape: shape, isImplicit: implicit, location: location))
    }

    private mutating func formula(_ expression: SyntaxExpr) -> (Formula, Shape)? {
        FormulaResolver.resolve(expression, in: &self)
    }

    // MARK: Values

    private mutating func applyParameterValues() {
        for declaration in paramDeclarations.values.sorted(by: { $0.location < $1.location }) {
            guard let index = positions[declaration.name] ?? weightAliases[declaration.name].flatMap({ positions[$0] }) else {
                error(at: declaration.location, "unknown name '\(declaration.name)': no node uses this parameter")
                continue
            }
            guard nodes[index].kind == .parameter else {
                error(at: declaration.location, "'\(declaration.name)' is a \(nodes[index].kind.rawValue), not a parameter")
                continue
            }
            nodes[index].range = declaration.range
            if let value = declaration.value, let tensor = tensor(value, declared: declaration) {
                if tensor.shape == nodes[index].shape {
                    nodes[index].value = tensor
                } else {
                    error(at: declaration.location, "shape mismatch: '\(declaration.name)' is \(nodes[index].shape) but its value is \(tensor.shape); declare the shape as \(declaration.name)\(tensor.shape)")
                }
            }
        }
    }

    /// The value of a constant expression, checked against a declared shape.
    private mutating func tensor(_ value: SyntaxExpr, declared declaration: Declaration) -> Tensor? {
        switch ConstantValue.evaluate(value) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let tensor):
            if declaration.hasShape, tensor.shape != Shape(declaration.shape) {
                error(at: value.location, "shape mismatch: '\(declaration.name)' is declared \(Shape(declaration.shape)) but its value is \(tensor.shape)")
                return nil
            }
            return tensor
        }
    }

    // MARK: Assembly

    private mutating func assemble(title: String?, settings: Settings) -> Network? {
        let leaves = nodes.indices.filter { nodes[$0].kind.isLeaf }
        let leafOrder = [NodeKind.input, .parameter, .target].flatMap { kind in leaves.filter { nodes[$0].kind == kind } }
        let final = leafOrder + order
        var map = Array(repeating: -1, count: nodes.count)
        for (new, old) in final.enumerated() { map[old] = new }
        let reordered: [Node] = final.map { old in
            var node = nodes[old]
            node.formula = node.formula?.remapped(map)
            node.preactivation = node.preactivation.map { map[$0] }
            return node
        }
        var network = Network(title: title, nodes: reordered, loss: settings.loss.map { map[$0] },
                              rate: settings.rate, iterations: settings.iterations ?? 1, digits: settings.digits)
        for (name, location) in classTargets.unsettled {
            error(at: location, "'\(name)' is a class number but no cross_entropy, hinge, bce or mse compares it with a prediction")
        }
        network.constants = constants
        network.undeclaredParameters = undeclared.map(\.name)
        if let first = undeclared.first {
            let names = undeclared.map { "'\($0.name)'" }.joined(separator: ", ")
            let (subject, role) = undeclared.count == 1 ? ("name \(names) is", "a symbolic parameter; declare it")
                : ("names \(names) are", "symbolic parameters; declare them")
            diagnostics.append(Diagnostic(.note, at: first.location,
                "undeclared \(subject) taken as \(role) with 'param' (a value is optional) to silence this note"))
        }
        network.samples = settings.sampleRows.compactMap { sample($0, in: network) }
        let scalarNames = Set(network.nodes.flatMap { [$0.name] + $0.componentNames })
        network.questions = settings.questions.map(renamingWeights).filter { check($0, names: scalarNames) }
        return diagnostics.contains { $0.severity == .error } ? nil : network
    }

    private mutating func sample(_ declarations: [Declaration], in network: Network) -> [Int: Tensor]? {
        var row: [Int: Tensor] = [:]
        for declaration in declarations {
            guard let index = network.index(of: declaration.name),
                  network.nodes[index].kind == .input || network.nodes[index].kind == .target else {
                error(at: declaration.location, "unknown name '\(declaration.name)': a sample gives values of inputs and targets")
                continue
            }
            if let k = declaration.classIndex {
                let shape = network.nodes[index].shape
                guard network.nodes[index].kind == .target else {
                    error(at: declaration.location, "only a target can be a class number ('\(declaration.name) = class \(k)')")
                    continue
                }
                guard shape.rank == 1, k <= shape.count else {
                    error(at: declaration.location, shape.rank == 1 ? "'\(declaration.name)' is class \(k), but there are only \(shape.count) classes"
                          : "'\(declaration.name)' is a class number, so it must be compared with a vector of scores or probabilities")
                    continue
                }
                row[index] = ClassTargets.oneHot(k, count: shape.count)
                continue
            }
            guard let value = declaration.value else {
                error(at: declaration.location, "expected '=' and a value for '\(declaration.name)' in the sample")
                continue
            }
            var shaped = declaration
            shaped.shape = network.nodes[index].shape.dimensions
            shaped.hasShape = true
            if let tensor = tensor(value, declared: shaped) { row[index] = tensor }
        }
        return row
    }

    /// `find dy/dw_c_x2` asks about `v_c_x2`, the weight's name now.
    private func renamingWeights(_ question: Question) -> Question {
        guard case .derivative(let of, let wrt) = question.kind else { return question }
        return Question(.derivative(of: weightAliases[of] ?? of, wrt: weightAliases[wrt] ?? wrt), at: question.location)
    }

    /// Whether a question names scalars of the network (`scalarNames`: every node and component name).
    private mutating func check(_ question: Question, names scalarNames: Set<String>) -> Bool {
        guard case .derivative(let of, let wrt) = question.kind else { return true }
        for name in [of, wrt] where !scalarNames.contains(name) {
            error(at: question.location, "find names nothing: no node '\(name)' in d\(of)/d\(wrt)")
            return false
        }
        return true
    }

    // MARK: Reporting

    mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    fileprivate mutating func note(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.note, at: location, message))
    }
}
