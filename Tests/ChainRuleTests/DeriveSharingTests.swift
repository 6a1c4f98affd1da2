import Foundation
import Testing
@testable import ChainRule

/// What makes `derive --plug-in` fast on deep networks must not change what it writes: the bounded
/// hash, plugging in with a cache shared across questions (and its memory of shapes that do not
/// shrink), and printing through a memo.
@Suite struct DeriveSharingTests {
    /// 4 inputs, `layers` hidden layers of `width` sigmoid neurons, ŷ their sum, ½(ŷ − y)², every
    /// parameter asked (the `chainrule-bench scale` networks).
    static func dense(layers: Int, width: Int = 8) -> (source: String, parameters: [String]) {
        var lines = ["input x0, x1, x2, x3", "target y"], previous = ["x0", "x1", "x2", "x3"], parameters: [String] = []
        for l in 1...layers {
            let current = (1...width).map { "h\(l)_\($0)" }
            for name in current {
                lines.append("\(name) = sigmoid(\(previous.joined(separator: ", ")))")
                parameters += previous.map { "w_\(name)_\($0)" } + ["b_\(name)"]
            }
            previous = current
        }
        lines += ["yhat = " + previous.joined(separator: " + "), "loss L = 1/2 (yhat - y)^2",
                  "find " + parameters.map { "dL/d" + $0 }.joined(separator: ", ")]
        return (lines.joined(separator: "\n"), parameters)
    }

    /// An expression rebuilt node by node: equal, but sharing no storage with the original.
    static func copied(_ expr: Expr) -> Expr {
        expr.children.isEmpty ? expr : expr.replacingChildren(expr.children.map(copied))
    }

    @Test func theBoundedHashAgreesWithEquality() throws {
        var rng = SplitMix64(seed: 61)
        // Deep sums that agree on far more than the hashed nodes and differ only in their last leaf.
        func deep(_ last: String) -> Expr {
            var expr = Expr.symbol(last)
            for k in 0..<60 { expr = .sum([.product([.symbol("a\(k % 3)"), .partial(of: "h", wrt: "g")]), expr]) }
            return expr
        }
        let a = deep("x"), b = deep("y")
        #expect(a != b)
        #expect(a == Self.copied(a) && a.hashValue == Self.copied(a).hashValue)
        #expect(Set([a, b, Self.copied(a), Self.copied(b)]).count == 2)
        var table: [Expr: Int] = [:]
        for k in 0..<200 {
            let expr = Expr.sum([.symbol("s\(Int.random(in: 0..<20, using: &rng))"), deep("leaf\(k)")])
            table[expr] = k
            #expect(table[Self.copied(expr)] == k)
        }
    }

    @Test func pluggingInWithOneCacheWritesWhatEachQuestionWritesAlone() throws {
        // Dense sigmoid/MSE, softmax with cross-entropy and BCE after a sigmoid: the cache's memory of
        // shapes that do not shrink must not stop the ones that do (p − t, ŷ − y).
        let softmax = """
            input h[2]
            param W[3,2], b[3]
            p = softmax(W h + b)
            target t[3]
            loss L = cross_entropy(p, t)
            """
        var networks = [try Network.parse(Self.dense(layers: 3, width: 4).source).get(), try Network.parse(softmax).get()]
        networks.append(try #require(Package.network("example-3-bce.nn")))
        networks.append(try #require(Package.network("relu-4-3-2-1-classification.nn")))
        for network in networks {
            let graph = network.scalarGraph()
            let partials = LocalPartials(graph: graph, unitSums: network.unitSums)
            var forms = FactoredForms(graph: graph), cache = LocalPartials.Cache()
            let loss = try #require(network.defaultOutput)
            for node in graph.nodes where node.definition == nil && node.kind != .target {
                let derivation = try Derivation(graph: graph, of: loss, wrt: node.name)
                let shared = partials.plugging(into: derivation.factored(sharing: &forms), sharing: &cache)
                let alone = partials.plugging(into: derivation.factored())
                #expect(shared == alone, "\(network.title ?? "") ∂\(loss)/∂\(node.name)")
            }
        }
        // p − t after the softmax's cache has seen the shapes of every other question.
        let network = networks[1], graph = network.scalarGraph(contractingPreactivations: false)
        let partials = LocalPartials(graph: graph, unitSums: network.unitSums)
        var cache = LocalPartials.Cache()
        for name in ["W[1,1]", "b[2]", "z_p[3]", "z_p[1]"] {
            let derivation = try Derivation(graph: graph, of: "L", wrt: name)
            _ = partials.plugging(into: derivation.factored(), sharing: &cache)
        }
        let last = try Derivation(graph: graph, of: "L", wrt: "z_p[2]")
        #expect(partials.plugging(into: last.factored(), sharing: &cache) == .sum([.symbol("p[2]"), .product([.integer(-1), .symbol("t[2]")])]))
    }

    @Test func pluggedInDenseNetworkValuesMatchFiniteDifferences() throws {
        let (source, parameters) = Self.dense(layers: 3, width: 5)
        let network = try Network.parse(source).get()
        var graph = network.scalarGraph()
        var rng = SplitMix64(seed: 16)
        for i in graph.nodes.indices where graph.nodes[i].definition == nil {
            graph.nodes[i].value = .real(Double.random(in: -1...1, using: &rng))
        }
        let partials = LocalPartials(graph: graph)
        let values = try #require(NodeValues(graph: graph))
        func loss(_ index: Int, _ shift: Double) -> Double {
            var g = graph
            g.nodes[index].value = .real((g.nodes[index].value?.doubleValue ?? 0) + shift)
            return NodeValues(graph: g)?.values["L"] ?? .nan
        }
        var forms = FactoredForms(graph: graph), cache = LocalPartials.Cache()
        let leaves = graph.nodes.indices.filter { graph.nodes[$0].definition == nil && graph.nodes[$0].kind == .parameter }
        #expect(leaves.count == parameters.count)
        for (k, index) in leaves.enumerated() {
            let derivation = Derivation(graph: graph, of: graph.index(of: "L") ?? 0, wrt: index)
            let plugged = partials.plugging(into: derivation.factored(sharing: &forms), sharing: &cache)
            let value = try plugged.evaluate(at: values.values).get()
            let adjoint = try #require(values.value(of: derivation.adjoint(), partials: partials))
            #expect(abs(value - adjoint) <= 1e-12 * max(1, abs(adjoint)), "\(graph.nodes[index].name)")
            if k % 9 == 0 {
                let h = 1e-6, numeric = (loss(index, h) - loss(index, -h)) / (2 * h)
                #expect(abs(value - numeric) < 1e-7, "\(graph.nodes[index].name)")
            }
        }
    }

    @Test func printingThroughAMemoPrintsWhatThePrintersPrint() throws {
        let network = try Network.parse(Self.dense(layers: 3, width: 3).source).get()
        let questions = network.questions.compactMap { question -> (of: String, wrt: String)? in
            if case .derivative(let of, let wrt) = question.kind { return (of, wrt) }
            return nil
        }
        #expect(questions.count == 3 * 5 + 2 * 4 * 3)
        for form in DerivativeForm.allCases where form != .expanded {
            for plugIn in [false, true] {
                let document = DerivativeDocument(network: network, questions: questions, form: form, plugIn: plugIn)
                let shown = try document.derivations()
                let latex = shown.map { LaTeXPrinter().render($0) }.joined(separator: "\n")
                let text = shown.map { TextPrinter().render($0) }.joined(separator: "\n")
                #expect(try document.text(.latex) == latex)
                #expect(try document.text(.text) == text)
                // Printing a copy that shares no storage gives the same text as well.
                let memo = PrintMemo()
                var printer = LaTeXPrinter()
                printer.memo = memo
                for derivation in shown {
                    for equation in derivation.equations {
                        #expect(printer.render(Self.copied(equation.rhs)) == LaTeXPrinter().render(equation.rhs))
                    }
                }
            }
        }
    }
}
