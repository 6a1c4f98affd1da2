extension WorkedExample {
    /// The worked example of a training run.
    public init(_ training: Training, runtime: Runtime) {
        let network = training.network
        title = network.title
        notes = []
        errors = []
        blocks = []
        if !training.start.drawn.isEmpty {
            notes.append("values drawn at random for the symbolic names: " + training.start.drawn.joined(separator: ", "))
        }
        if training.batchSize > 1 {
            notes.append("batch of \(training.batchSize) samples: the loss and the gradients are averaged over the batch")
        }
        if training.rate == nil { notes.append("no learning rate (rate) given: no update step") }
        let totalComponents = network.nodes.reduce(0) { $0 + $1.shape.count }
        let graph = totalComponents <= 4000 ? network.scalarGraph(contractingPreactivations: false) : nil
        let definitions = Dictionary((graph?.nodes ?? []).compactMap { node in node.definition.map { (node.name, $0) } },
                                     uniquingKeysWith: { a, _ in a })
        let builder = Builder(network: network, runtime: runtime, definitions: definitions)
        let layered = LayerBuilder(network: network)
        for (number, iteration) in training.iterations.enumerated() {
            let label = "Iteration \(training.firstIteration + number)"
            for (k, pass) in iteration.passes.enumerated() {
                let heading = iteration.passes.count > 1 ? label + ", sample \(k + 1)" : label
                let single = iteration.passes.count == 1
                var sections = layered?.sections(pass.evaluation, pass.gradients, parameters: single)
                    ?? [builder.forward(pass.evaluation), builder.loss(pass.evaluation)].compactMap { $0 }
                errors += pass.evaluation.nonFinite.map { "\(heading): the value of \($0) is not a finite number" }
                if let gradients = pass.gradients {
                    if layered == nil { sections.append(builder.backward(pass.evaluation, gradients, parameters: single)) }
                    errors += gradients.nonFinite.filter { network[$0]?.kind.isLeaf == false || network[$0]?.kind == .parameter }
                        .map { "\(heading): ∂L/∂\($0) is not a finite number" }
                }
                blocks.append(Block(heading: heading, sections: sections))
            }
            var closing: [Section] = []
            if iteration.passes.count > 1 {
                closing.append(Section(title: "Gradients averaged over the batch",
                                       lines: layered?.averaged(iteration) ?? builder.averaged(iteration)))
            }
            if let rate = training.rate, !iteration.updated.isEmpty {
                let rate = network.rate ?? .real(rate)
                closing.append(layered?.update(iteration, rate: rate) ?? builder.update(iteration, rate: rate))
            }
            if iteration.passes.count == 1, !blocks.isEmpty {
                blocks[blocks.count - 1].sections += closing
            } else if !closing.isEmpty {
                blocks.append(Block(heading: label + ", batch", sections: closing))
            }
        }
    }

    /// Makes the lines of one network.
    private struct Builder {
        let network: Network
        let runtime: Runtime
        let definitions: [String: Expr]

        /// Every scalar component's value as a `Number`: given values exactly while unchanged.
        func numbers(_ evaluation: Evaluation) -> [String: Number] {
            var result: [String: Number] = [:]
            for (index, node) in network.nodes.enumerated() {
                let value = evaluation.value(index)
                let exact = node.value.flatMap { $0.doubles == value.scalars ? $0.entries : nil }
                for (k, name) in node.componentNames.enumerated() {
                    result[name] = exact?[k] ?? .real(value.scalars[k])
                }
            }
            return result
        }

        /// `definition = substituted = value` for each component of a computed node.
        func valueLines(_ index: Int, _ evaluation: Evaluation, _ numbers: [String: Number]) -> [Line] {
            let node = network.nodes[index], value = evaluation.value(index)
            guard node.shape.count <= WorkedExample.componentLimit else {
                return [Line(lhs: .expr(.symbol(node.name)), steps: [.tensor(value)])]
            }
            return node.componentNames.enumerated().map { k, name in
                var steps: [Step] = []
                if let definition = definitions[name] {
                    steps.append(.expr(definition))
                    if definition.symbolCount <= WorkedExample.componentLimit {
                        steps.append(.expr(definition.substituting(numbers)))
                    }
                }
                steps.append(.expr(.number(.real(value.scalars[k]))))
                return Line(lhs: .expr(.symbol(name)), steps: steps)
            }
        }

        func forward(_ evaluation: Evaluation) -> Section? {
            let numbers = numbers(evaluation)
            let lines = network.nodes.indices.filter { network.nodes[$0].formula != nil && $0 != network.loss }
                .flatMap { valueLines($0, evaluation, numbers) }
            return lines.isEmpty ? nil : Section(title: "Forward pass", lines: lines)
        }

        func loss(_ evaluation: Evaluation) -> Section? {
            guard let loss = network.loss else { return nil }
            return Section(title: "Loss", lines: valueLines(loss, evaluation, numbers(evaluation)))
        }

        /// δ per computed node (reverse order), then ∂L/∂p per parameter (when `parameters`), each as
        /// Σ over consumers c of ∂L/∂c · ∂c/∂node when everything involved is a single number.
        func backward(_ evaluation: Evaluation, _ gradients: Gradients, parameters: Bool) -> Section {
            guard let loss = network.loss else { return Section(title: "Backward pass", lines: []) }
            let lossName = network.nodes[loss].name
            let consumers = network.inputs.enumerated().reduce(into: [Int: [Int]]()) { result, pair in
                for input in pair.element { result[input, default: []].append(pair.offset) }
            }
            var locals: [Int: [Int: RealTensor]] = [:]
            func local(_ c: Int) -> [Int: RealTensor] {
                if let cached = locals[c] { return cached }
                let result = runtime.localPartials(evaluation, of: c)
                locals[c] = result
                return result
            }
            let computed = network.nodes.indices.reversed().filter { network.nodes[$0].formula != nil && $0 != loss }
            let shownParameters = parameters ? network.indices(of: .parameter) : []
            var lines: [Line] = []
            for index in computed + shownParameters {
                let node = network.nodes[index], gradient = gradients[index]
                let users = consumers[index] ?? []
                if node.shape.count == 1, users != [loss], !users.isEmpty,
                   users.allSatisfy({ network.nodes[$0].shape.count == 1 }) {
                    let name = node.componentNames[0]
                    let symbolic = Expr.sum(users.map { c in
                        .product([.total(of: lossName, wrt: network.nodes[c].componentNames[0]),
                                  .partial(of: network.nodes[c].componentNames[0], wrt: name)])
                    })
                    let numeric = Expr.sum(users.map { c in
                        .product([.number(.real(gradients[c].scalars[0])),
                                  .number(.real(local(c)[index]?.scalars[0] ?? .nan))])
                    })
                    lines.append(Line(lhs: .expr(.total(of: lossName, wrt: name)),
                                      steps: [.expr(symbolic), .expr(numeric), .expr(.number(.real(gradient.scalars[0])))]))
                } else if node.shape.count == 1, users == [loss],
                          let definition = definitions[network.nodes[loss].componentNames[0]] {
                    // The node the loss reads: the loss's derivative, numbers in, then the value.
                    let name = node.componentNames[0], derivative = definition.derivative(withRespectTo: name)
                    var steps: [Step] = [.expr(derivative)]
                    if !derivative.isConstant, derivative.symbolCount <= WorkedExample.componentLimit {
                        steps.append(.expr(derivative.substituting(numbers(evaluation))))
                    }
                    steps.append(.expr(.number(.real(gradient.scalars[0]))))
                    lines.append(Line(lhs: .expr(.total(of: lossName, wrt: name)), steps: steps))
                } else {
                    lines += components(index, gradient, lossName)
                }
            }
            return Section(title: "Backward pass", lines: lines)
        }

        /// `∂L/∂name = value` per component (or one tensor line for a large node).
        func components(_ index: Int, _ gradient: RealTensor, _ lossName: String) -> [Line] {
            let node = network.nodes[index]
            guard node.shape.count <= WorkedExample.componentLimit else {
                return [Line(lhs: .expr(.total(of: lossName, wrt: node.name)), steps: [.tensor(gradient)])]
            }
            return node.componentNames.enumerated().map { k, name in
                Line(lhs: .expr(.total(of: lossName, wrt: name)), steps: [.expr(.number(.real(gradient.scalars[k])))])
            }
        }

        func averaged(_ iteration: Iteration) -> [Line] {
            let lossName = network.loss.map { network.nodes[$0].name } ?? "L"
            return network.indices(of: .parameter).flatMap { components($0, iteration.deltas[$0], lossName) }
        }

        /// `p ← p − η ∂L/∂p = old − η · gradient = new` per parameter component.
        func update(_ iteration: Iteration, rate: Number) -> Section {
            let lossName = network.loss.map { network.nodes[$0].name } ?? "L"
            let old = iteration.passes.first.map { numbers($0.evaluation) } ?? [:]
            var lines: [Line] = []
            for index in network.indices(of: .parameter) {
                guard let new = iteration.updated[index] else { continue }
                let node = network.nodes[index], gradient = iteration.deltas[index]
                guard node.shape.count <= WorkedExample.componentLimit else {
                    lines.append(Line(lhs: .expr(.symbol(node.name)), isUpdate: true, steps: [.tensor(new)]))
                    continue
                }
                for (k, name) in node.componentNames.enumerated() {
                    let symbolic = Expr.difference(.symbol(name), .product([.symbol("eta"), .total(of: lossName, wrt: name)]))
                    let numeric = Expr.difference(.number(old[name] ?? .real(.nan)),
                                                  .product([.number(rate), .number(.real(gradient.scalars[k]))]))
                    lines.append(Line(lhs: .expr(.symbol(name)), isUpdate: true,
                                      steps: [.expr(symbolic), .expr(numeric), .expr(.number(.real(new.scalars[k])))],
                                      old: old[name].map { [$0.doubleValue] }))
                }
            }
            return Section(title: "Update (η = \(DisplayNumber.string(rate)))", lines: lines)
        }
    }
}
