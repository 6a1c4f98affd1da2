import Foundation
import Testing
@testable import ChainRule

/// The printer protocols for the ``Formula`` and ``LayerExpr`` trees: a new format is one new
/// conforming type (here test-only ASCII printers), with parentheses from the shared ``Precedence``.
@Suite("Render: printer protocols")
struct RenderPrinterProtocolTests {
    /// A test-only format: the `.nn` syntax with square brackets for grouping and `**` for powers.
    struct BracketFormula: FormulaPrinter {
        var network: Network
        func node(_ index: Int) -> String { network.nodes[index].name }
        func component(_ index: Int, _ position: [Int]) -> String { Node.componentName(network.nodes[index].name, position) }
        func constant(_ value: Number) -> String { value.description }
        func add(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " + " + print(b, .product) }
        func subtract(_ a: Formula, _ b: Formula) -> String { print(a, .sum) + " - " + print(b, .product) }
        func multiply(_ a: Formula, _ b: Formula) -> String { print(a, .product) + " * " + print(b, .prefix) }
        func matmul(_ a: Formula, _ b: Formula) -> String { print(a, .product) + " @ " + print(b, .prefix) }
        func divide(_ a: Formula, _ b: Formula) -> String { print(a, .product) + " / " + print(b, .prefix) }
        func power(_ a: Formula, _ b: Formula) -> String { print(a, .atom) + "**" + print(b, .power) }
        func negate(_ a: Formula) -> String { "-" + print(a, .prefix) }
        func transpose(_ a: Formula) -> String { print(a, .atom) + ".T" }
        func apply(_ function: Function, _ arguments: [Formula]) -> String {
            function.name + "(" + arguments.map { print($0, .sum) }.joined(separator: ", ") + ")"
        }
        func softmax(_ a: Formula) -> String { "softmax(" + print(a, .sum) + ")" }
        func sum(_ a: Formula) -> String { "sum(" + print(a, .sum) + ")" }
        func bce(_ a: Formula, _ b: Formula) -> String { "bce(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
        func crossEntropy(_ a: Formula, _ b: Formula) -> String { "ce(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
        func mse(_ a: Formula, _ b: Formula) -> String { "mse(" + print(a, .sum) + ", " + print(b, .sum) + ")" }
        func reduce(_ reduction: Reduction, _ arguments: [Formula]) -> String {
            reduction.name + "(" + arguments.map { print($0, .sum) }.joined(separator: ", ") + ")"
        }
        func parenthesized(_ text: String) -> String { "[" + text + "]" }
    }

    @Test func aNewFormulaFormatIsOneConformer() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        func node(_ name: String) throws -> Formula { .node(try #require(network.nodes.firstIndex { $0.name == name })) }
        let (x1, x2, w11) = (try node("x1"), try node("x2"), try node("w11"))
        let printer = BracketFormula(network: network)
        // Grouping comes from Precedence through the protocol's dispatcher, not from the conformer.
        #expect(printer.render(.multiply(.add(x1, w11), .negate(x2))) == "[x1 + w11] * -x2")
        #expect(printer.render(.power(.subtract(x1, x2), .constant(Number(2)))) == "[x1 - x2]**2")
        #expect(printer.render(.subtract(x1, .subtract(x2, w11))) == "x1 - [x2 - w11]")
        #expect(printer.render(.negate(.multiply(x1, x2))) == "-[x1 * x2]")
        #expect(printer.terms(.add(.subtract(x1, x2), .multiply(w11, x1))) == ["x1", "- x2", "+ w11 * x1"])
        // Where both write the same operators, it groups exactly as the built-in text printer.
        for url in Package.problems {
            let name = url.lastPathComponent
            let net = try #require(Package.network(name))
            let text = FormulaText(network: net), bracket = BracketFormula(network: net)
            for f in net.nodes.compactMap(\.formula) where Self.writtenAlike(f) {
                let swapped = bracket.render(f).replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
                #expect(swapped == text.text(f), "\(name)")
            }
        }
    }

    /// Whether a formula uses only operators both printers write the same way.
    static func writtenAlike(_ f: Formula) -> Bool {
        switch f {
        case .multiply, .matmul, .power, .transpose, .crossEntropy: false
        case .constant(let n): !n.description.contains("/")
        default: f.children.allSatisfy(writtenAlike)
        }
    }

    /// A test-only format for layer-wise expressions: plain ASCII, MATLAB-like operators.
    struct ASCIILayers: LayerPrinter {
        func symbol(_ s: LayerSymbol, transposed: Bool) -> String {
            let letters: [LayerSymbol.Role: String] = [
                .input: "x", .preactivation: "z", .activation: "a", .output: "yhat", .target: "y", .weight: "W",
                .bias: "b", .delta: "d", .ones: "1", .loss: "L",
            ]
            let base = letters[s.role] ?? "?"
            return (s.batch ? base.uppercased() : base) + (s.layer.map { "(\($0))" } ?? "") + (transposed ? "'" : "")
        }
        func gradient(_ s: LayerSymbol) -> String { "dL/d" + symbol(s) }
        func constant(_ n: Number) -> String { DisplayNumber(n).plain }
        func transpose(_ a: LayerExpr) -> String { wrapped(a, below: .atom) + "'" }
        func product(_ factors: [LayerExpr]) -> String { factors.map { wrapped($0, below: .atom) }.joined(separator: " ") }
        func hadamard(_ operands: [LayerExpr], scalar: Bool) -> String {
            operands.map { wrapped($0, below: .atom) }.joined(separator: " .* ")
        }
        func quotient(_ a: LayerExpr, _ b: LayerExpr, scalar: Bool) -> String { wrapped(a, below: .atom) + " ./ " + wrapped(b, below: .atom) }
        func sum(_ terms: [LayerExpr]) -> String {
            terms.enumerated().map { k, term in
                if k > 0, let positive = negated(term) { return "- " + wrapped(positive, below: .product) }
                return (k > 0 ? "+ " : "") + wrapped(term, below: k == 0 ? .sum : .product)
            }.joined(separator: " ")
        }
        func scaled(_ scale: LayerScale, _ a: LayerExpr) -> String {
            let (numerator, denominator) = fraction(scale)
            let coefficient = numerator + (denominator.isEmpty ? "" : "/" + denominator) + (scale.perSample ? "/m" : "")
            return (scale.factor.isNegative ? "-" : "") + (coefficient == "1" ? "" : coefficient + " * ") + wrapped(a, below: .atom)
        }
        func apply(_ function: LayerFunction, _ a: LayerExpr) -> String {
            guard case .scalar(let f) = function else { return "softmax(" + render(a) + ")" }
            if case .step = f { return "step(" + render(a) + ")" }
            if case .identity = f { return render(a) }
            return f.name + "(" + render(a) + ")"
        }
        func squaredNorm(_ a: LayerExpr) -> String { "norm(" + render(a) + ")^2" }
        func total(_ a: LayerExpr) -> String { "sum(" + render(a) + ")" }
        func parenthesized(_ text: String) -> String { "(" + text + ")" }
        func space(_ shape: LayerShape, matrix: Bool) -> String { "R^" + shape.rows.description + "x" + shape.cols.description }
    }

    @Test func aNewLayerFormatIsOneConformer() throws {
        let derivation = try LayerDerivation(try #require(Package.network("relu-4-3-2-1-regression.nn")))
        let printer = ASCIILayers()
        let lines = derivation.lines.map { line in ([line.lhs] + line.forms).map(printer.render).joined(separator: " = ") }
        #expect(lines.count == derivation.lines.count)
        #expect(lines.first == "z(1) = W(1) x + b(1)")
        #expect(lines.contains("d(2) = dL/dz(2) = (W(3)' d(3)) .* step(z(2))"), "\(lines)")
        #expect(printer.space(of: derivation.lines[0]) == "R^3x1")
        // The built-in printers are conformers of the same protocol, line for line.
        let builtIn: [any LayerPrinter] = [LayerTextNotation(), LayerLaTeXNotation(), LayerMathML()]
        for p in builtIn { #expect(derivation.lines.map { p.render($0.lhs) }.count == lines.count) }
        #expect(LayerTextNotation().render(derivation.lines[0].forms[0]) == "W⁽¹⁾x + b⁽¹⁾")
    }
}
