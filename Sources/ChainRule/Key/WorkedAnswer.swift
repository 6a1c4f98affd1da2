/// The answers to `find forward, loss, backward, update`: the worked numeric example laid out as
/// the course does (each node's z and a with the arithmetic, the loss, δ per node, each gradient and
/// each update line), per iteration, every line broken to fit the page; or, when the values are
/// symbolic, what can be said instead.
struct WorkedAnswer {
    /// The network worked.
    var network: Network
    /// Which of forward, loss, backward and update are asked.
    var asked: Set<Question.Kind>
    /// Decimal places shown.
    var digits: Int

    /// The parts of the example asked, by section title.
    private func isAsked(_ section: WorkedExample.Section) -> Bool {
        let title = section.title
        if title.hasPrefix("Forward") { return asked.contains(.forward) }
        if title.hasPrefix("Loss") { return asked.contains(.loss) }
        if title.hasPrefix("Backward") || title.hasPrefix("Gradients") { return asked.contains(.backward) }
        if title.hasPrefix("Update") { return asked.contains(.update) }
        return true
    }

    /// The blocks under the "Worked example" heading.
    var blocks: [KeyBlock] {
        if network.usesUnspecifiedActivation {
            return [.paragraph([.text("The activation g is left unspecified, so there are no numbers to work out: the answers are the chain-rule forms.")])]
        }
        guard network.isFullyValued else { return symbolic }
        let training: Training, runtime: Runtime
        do {
            runtime = try Runtime(network)
            training = runtime.train(from: try Point(network: network))
        } catch {
            return [.paragraph([.text("The example cannot be worked numerically: \(error).")])]
        }
        let example = WorkedExample(training, runtime: runtime)
        var blocks: [KeyBlock] = example.notes.map { .paragraph([.text("Note: " + $0 + ".")]) }
        let printer = LaTeXPrinter(digits: digits)
        let several = example.blocks.count > 1
        for block in example.blocks {
            let sections = block.sections.filter { !$0.lines.isEmpty && isAsked($0) }
            guard !sections.isEmpty else { continue }
            if several { blocks.append(.heading(level: 2, [.text(block.heading)])) }
            for section in sections {
                blocks.append(several ? .paragraph([.bold(section.title + ".")]) : .heading(level: 2, [.text(section.title)]))
                blocks += math(section.lines.map { equation($0, printer) })
            }
        }
        blocks += example.errors.map { .paragraph([.bold("Error: "), .text($0 + ".")]) }
        return blocks
    }

    /// Display blocks for a section's equations: runs of short value-only lines side by side in a
    /// block of their own, the other lines one per row.
    private func math(_ equations: [MathLayout.Equation]) -> [KeyBlock] {
        var blocks: [KeyBlock] = [], pending: [MathLayout.Equation] = [], simple: [MathLayout.Equation] = []
        func flush() {
            if !pending.isEmpty { blocks.append(.math(MathLayout.page.rows(pending))) }
            pending = []
            if let grid = MathLayout.page.grid(simple) { blocks.append(.math(grid)) } else { pending = simple }
            simple = []
        }
        for equation in equations {
            if equation.steps.count == 1 {
                simple.append(equation)
            } else {
                if !simple.isEmpty { flush() }
                pending.append(equation)
            }
        }
        flush()
        if !pending.isEmpty { blocks.append(.math(MathLayout.page.rows(pending))) }
        return blocks
    }

    /// One line of the example as an equation to lay out.
    private func equation(_ line: WorkedExample.Line, _ printer: LaTeXPrinter) -> MathLayout.Equation {
        // An update shows as many digits as it takes to see its change.
        let shown = line.shownDigits(digits), printer = LaTeXPrinter(digits: shown)
        var steps = line.steps.map { step -> MathLayout.Piece in
            if case .expr(let e) = step { return MathLayout.Piece(e, printer) }
            return MathLayout.Piece(WorkedExampleLaTeX(digits: shown).render(step))
        }
        // A change too small for the digits is said beside the value, as every display says it.
        if let change = line.hiddenChange, let last = steps.indices.last, !steps[last].terms.isEmpty {
            steps[last].terms[steps[last].terms.count - 1].append(WorkedExampleLaTeX.changeNote(WorkedExampleLaTeX(digits: digits).change(change)))
        }
        return MathLayout.Equation(lhs: WorkedExampleLaTeX(digits: digits).render(line.lhs),
                                   relation: line.isUpdate ? "\\leftarrow" : "=", steps: steps)
    }

    /// For a network with symbolic values: a note, and for `backward` each parameter's gradient in
    /// symbols.
    private var symbolic: [KeyBlock] {
        let missing = network.nodes.filter { $0.kind.isLeaf && $0.value == nil && !$0.isImplicit }.map(\.name)
        var blocks: [KeyBlock] = [.paragraph([.text("The values are symbolic (no numbers are given for "
            + missing.map { SymbolName($0).text }.joined(separator: ", ")
            + "), so the forward pass and the loss are the formulas of the network above, and the backward pass is written in symbols.")])]
        guard asked.contains(.backward), let loss = network.loss else { return blocks }
        let lossName = network.nodes[loss].name
        let parameters = network.indices(of: .parameter).flatMap { network.nodes[$0].componentNames }
        guard parameters.count <= 40 else { return blocks }
        let printer = LaTeXPrinter(digits: digits)
        var equations: [MathLayout.Equation] = []
        for name in parameters {
            guard let derivation = try? network.derivation(of: lossName, wrt: name) else { continue }
            let partials = LocalPartials(graph: derivation.graph, unitSums: network.unitSums)
            equations.append(MathLayout.Equation(lhs: printer.render(derivation.total),
                                                 steps: [MathLayout.Piece(partials.plugging(into: derivation.factored()), printer)]))
        }
        blocks.append(.heading(level: 2, [.text("Backward pass")]))
        blocks.append(.math(MathLayout.page.rows(equations)))
        return blocks
    }
}
