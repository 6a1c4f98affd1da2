import ChainRule
import Foundation

/// `chainrule-bench derive`: the adjoint form of ∂L/∂(every parameter) for dense sigmoid networks of
/// 1 to 8 layers, 128 wide: time, size in partial symbols and in LaTeX characters, against edges.
enum DeriveBenchmark {
    static let width = 128

    /// The `.nn` text of a dense network with `layers` weight layers.
    static func source(layers: Int) -> String {
        var lines = ["input x[\(width)]", "target y[\(width)]"]
        for k in 1...layers {
            lines.append("param W\(k)[\(width),\(width)], b\(k)[\(width)]")
            lines.append("a\(k) = sigmoid(W\(k) \(k == 1 ? "x" : "a\(k - 1)") + b\(k))")
        }
        lines.append("loss L = mse(a\(layers), y)")
        return lines.joined(separator: "\n")
    }

    static func run() {
        print("adjoint form of dL/d(every parameter), dense sigmoid networks \(width) wide")
        print("layers   edges     params    build graph   adjoint      symbols    symbols/edge  LaTeX chars   LaTeX time")
        for layers in 1...8 {
            guard case .success(let network) = Network.parse(source(layers: layers)) else {
                print("\(layers): the generated network does not build"); continue
            }
            var graph = ScalarGraph(nodes: [])
            let build = Stopwatch.best(of: 1) { graph = network.scalarGraph() }
            let edges = graph.nodes.reduce(0) { $0 + $1.inputs.count }
            let parameters = graph.nodes.indices.filter { graph.nodes[$0].kind == .parameter }
            guard let loss = graph.index(of: "L") else { continue }
            var adjoint = Adjoint(graph: graph, of: loss, wrt: [])
            let time = Stopwatch.best(of: 3) { adjoint = Adjoint(graph: graph, of: loss, wrt: parameters) }
            let symbols = adjoint.partialCount
            var characters = 0
            let printer = LaTeXPrinter(totalStyle: .delta)
            let latexTime = Stopwatch.best(of: 1) {
                characters = (adjoint.definitions + adjoint.results).reduce(0) { $0 + printer.render($1.value).count + 16 }
            }
            let row = [String(layers), String(edges), String(parameters.count), Stopwatch.format(build),
                       Stopwatch.format(time), String(symbols), String(format: "%.2f", Double(symbols) / Double(max(edges, 1))),
                       String(characters), Stopwatch.format(latexTime)]
            print(zip(row, [9, 10, 10, 14, 13, 11, 14, 14, 12]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined())
        }
    }
}
