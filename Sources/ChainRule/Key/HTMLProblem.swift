/// One problem's section of a page: the picture, the given values, the questions, each derivative
/// in the forms asked, a table of the nodes (value, δ, local derivatives) and the worked example.
struct HTMLProblem {
    /// The `<section>`.
    var html: String
    /// Term id → paths as element ids of the picture.
    var links: [(id: String, paths: [[String]])]
    /// Picture node id → the id of its row in the node table.
    var nodes: [(node: String, row: String)]

    /// The section for `network` read from `fileName`, its element ids starting with `id`.
    init(fileName: String, network: Network, id: String, options: KeyOptions, forms: [DerivativeForm]) {
        let digits = network.digits ?? options.digits
        let printer = MathMLPrinter(digits: digits)
        let asksExample = network.questions.contains { [.forward, .loss, .backward, .update].contains($0.kind) }
        let numbers = options.includesAnswers ? HTMLProblem.numbers(network) : nil
        let shown = numbers.flatMap { $0.training.start.drawn.isEmpty && $0.training.batchSize == 1 ? $0 : nil }
        let picture = HTMLPicture(network: network, prefix: id + "-", values: shown?.values ?? [:],
                                  gradients: shown?.gradients ?? [:], digits: digits)
        links = []
        nodes = []
        html = ""

        var parts = ["<section class=\"problem\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">",
                     "<h2 id=\"\(id)-heading\">" + HTMLText.escaped(network.title ?? fileName) + "</h2>",
                     "<p class=\"file\">" + HTMLText.escaped(fileName) + "</p>",
                     "<figure>", picture.svg,
                     "<figcaption class=\"note\">The network" + (shown == nil ? "" : ": forward values on the nodes, weights and, where there is room, their gradients (grad = ∂L/∂w) on the edges") + ".</figcaption>",
                     "</figure>"]
        if options.includesAnswers { parts.append("<p class=\"info\" aria-live=\"polite\" hidden></p>") }
        parts += HTMLProblem.given(network, printer: printer, digits: digits)
        parts += HTMLProblem.questions(network, printer: printer)
        guard options.includesAnswers else {
            html = (parts + ["</section>"]).joined(separator: "\n")
            return
        }

        let derivatives = network.questions.compactMap { q -> (String, String)? in
            if case .derivative(let of, let wrt) = q.kind { return (of, wrt) } else { return nil }
        }
        if !derivatives.isEmpty { parts.append("<h3>Derivatives</h3>") }
        for (k, (of, wrt)) in derivatives.enumerated() {
            let derivative = HTMLDerivative(network: network, of: of, wrt: wrt, forms: forms,
                                            digits: digits, prefix: id + "-d\(k + 1)", picture: picture)
            parts.append(derivative.html)
            links += derivative.links
        }
        parts += nodeTable(network, picture: picture, numbers: shown, printer: printer, id: id)
        if asksExample, let numbers {
            parts.append("<h3>Worked example</h3>")
            parts.append(HTMLWorkedExample(digits: digits).render(WorkedExample(numbers.training, runtime: numbers.runtime)))
        }
        if network.questions.contains(where: { $0.kind == .layers }) { parts += HTMLProblem.layers(network, digits: digits) }
        html = (parts + ["</section>"]).joined(separator: "\n")
    }

    /// A training run and, from its first pass, every scalar's value, δ = ∂L/∂(scalar), and each
    /// weight's gradient, by component name; `nil` when the network cannot be run (an unspecified g).
    struct Numbers {
        var runtime: Runtime
        var training: Training
        var values: [String: Double] = [:]
        var deltas: [String: Double] = [:]
        var gradients: [String: Double] = [:]
    }

    static func numbers(_ network: Network) -> Numbers? {
        guard let runtime = try? Runtime(network), let point = try? Point(network: network) else { return nil }
        var numbers = Numbers(runtime: runtime, training: runtime.train(from: point))
        guard let pass = numbers.training.iterations.first?.passes.first else { return numbers }
        for (index, node) in network.nodes.enumerated() {
            for (k, name) in node.componentNames.enumerated() {
                numbers.values[name] = pass.evaluation.value(index).scalars[k]
                if let delta = pass.gradients?[index].scalars[k] {
                    numbers.deltas[name] = delta
                    if node.kind == .parameter { numbers.gradients[name] = delta }
                }
            }
        }
        return numbers
    }

    /// The layer-wise matrix derivation (``LayerMathML``), with its numbers when the file gives every
    /// value, as ``LayerAnswer`` has it in the LaTeX key.
    static func layers(_ network: Network, digits: Int) -> [String] {
        var parts = ["<h3>Layer-wise derivation</h3>"]
        let derivation: LayerDerivation
        do throws(LayerError) { derivation = try LayerDerivation(network) } catch {
            return parts + ["<p class=\"note\">" + HTMLText.escaped("The network has no layer-wise form: \(error).") + "</p>"]
        }
        parts += derivation.assumptions.map { "<p class=\"note\">" + HTMLText.escaped("Note: " + $0 + ".") + "</p>" }
        let values = LayerAnswer(network: network, digits: digits).values(derivation)
        if values == nil { parts.append("<p class=\"note\">The values are symbolic, so the derivation is given in symbols.</p>") }
        return parts + LayerMathML(digits: digits).lines(derivation, values: values)
    }

    /// The given values in one paragraph, and the symbolic names.
    static func given(_ network: Network, printer: MathMLPrinter, digits: Int) -> [String] {
        var valued: [String] = [], symbolic: [String] = []
        for node in network.nodes where node.kind.isLeaf && !node.isImplicit {
            let name = printer.math(.symbol(node.name), display: false)
            guard let value = node.value else { symbolic.append(name); continue }
            if node.shape.isScalar, let v = value.entries.first {
                valued.append(printer.equation(.symbol(node.name), .number(v), display: false))
            } else {
                valued.append(name + " = " + HTMLWorkedExample.matrix(value.entries.map { DisplayNumber.string($0, digits: digits) }, shape: node.shape))
            }
        }
        if let rate = network.rate { valued.append(printer.equation(.symbol("eta"), .number(rate), display: false)) }
        var lines: [String] = []
        if !valued.isEmpty { lines.append("<p>Given: " + valued.joined(separator: ", ") + ".</p>") }
        if !symbolic.isEmpty { lines.append("<p>Symbolic: " + symbolic.joined(separator: ", ") + ".</p>") }
        return lines
    }

    /// The value the file gives a scalar (`x1`, `x[2]`), exactly.
    static func given(_ name: String, _ network: Network) -> Number? {
        let node = network[HTMLPicture.base(name)]
        guard let node, node.kind.isLeaf, let value = node.value, let k = node.componentNames.firstIndex(of: name) else { return nil }
        return value.entries.indices.contains(k) ? value.entries[k] : nil
    }

    /// What the file asks, in words and symbols.
    static func questions(_ network: Network, printer: MathMLPrinter) -> [String] {
        guard !network.questions.isEmpty else { return [] }
        let items = network.questions.map { question -> String in
            switch question.kind {
            case .derivative(let of, let wrt): printer.math(.total(of: of, wrt: wrt), display: false)
            case .forward: "the forward pass: every node's value"
            case .loss: "the loss"
            case .backward: "the backward pass: δ per node and the gradient per parameter"
            case .update: "the update of every parameter"
            case .layers: "the layer-wise matrix derivation"
            }
        }
        return ["<h3>Questions</h3>", "<ul>" + items.map { "<li>" + $0 + "</li>" }.joined() + "</ul>"]
    }

    /// One row per drawn node: its value, its δ and its local derivatives (plugged in, with their
    /// values), the rows the script shows when a node is pointed at.
    private mutating func nodeTable(_ network: Network, picture: HTMLPicture, numbers: Numbers?,
                                    printer: MathMLPrinter, id: String) -> [String] {
        let graph = network.scalarGraph()
        let partials = LocalPartials(graph: graph, unitSums: network.unitSums)
        let loss = network.loss.map { network.nodes[$0].name }
        let showsDelta = loss != nil && numbers != nil
        var rows: [String] = []
        for (k, name) in picture.nodeNames.enumerated() {
            guard let nodeID = picture.nodeID(name) else { continue }
            var cells = [printer.math(.symbol(name), display: false)]
            if let numbers {
                let value = HTMLProblem.given(name, network) ?? numbers.values[name].map(Number.real)
                cells.append(value.map { printer.equation(.symbol(name), .number($0), display: false) } ?? "")
            }
            if showsDelta, let loss {
                cells.append(numbers?.deltas[name].map { printer.equation(.total(of: loss, wrt: name), .number(.real($0)), display: false) } ?? "")
            }
            var locals: [String] = []
            if picture.isScalar, let q = graph.index(of: name) {
                for u in graph.nodes[q].inputs {
                    let input = graph.nodes[u].name, local = partials.value(of: name, wrt: input)
                    var math = printer.equation(.partial(of: name, wrt: input), local, display: false)
                    if let values = numbers?.values, local.isVariable, case .success(let v) = local.evaluate(at: values) {
                        math = math.replacingOccurrences(of: "</math>", with: "<mo>=</mo>" + printer.render(.number(.real(v))) + "</math>")
                    }
                    locals.append(math)
                }
            }
            cells.append(locals.joined(separator: ", "))
            let rowID = id + "-row-\(k + 1)"
            nodes.append((nodeID, rowID))
            rows.append("<tr id=\"\(rowID)\"><th scope=\"row\">" + cells[0] + "</th>" + cells.dropFirst().map { "<td>" + $0 + "</td>" }.joined() + "</tr>")
        }
        var header = ["node"]
        if numbers != nil { header.append("value") }
        if showsDelta, let loss { header.append("δ = ∂" + loss + "/∂node") }
        header.append("local derivatives")
        return ["<h3>Nodes</h3>", "<table class=\"nodes\">",
                "<thead><tr>" + header.map { "<th scope=\"col\">" + HTMLText.escaped($0) + "</th>" }.joined() + "</tr></thead>",
                "<tbody>"] + rows + ["</tbody>", "</table>"]
    }
}
