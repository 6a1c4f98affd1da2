import Foundation
import Testing
@testable import ChainRule

/// The worked example of a network written with vectors and matrices (seed 004's 4-2-3-1) in vector
/// and matrix form, against a dense forward and backward pass written here from the file's values.
@Suite("Render: vector worked examples")
struct WorkedVectorTests {
    /// One iteration of the 4-2-3-1 sigmoid network with cross-entropy, W stored in × out.
    struct Pass {
        var z: [[Double]] = [], a: [[Double]] = [], delta: [[Double]] = []
        /// ∂L/∂W⁽ˡ⁾ (in × out) and the updated W⁽ˡ⁾, b⁽ˡ⁾.
        var gradW: [[[Double]]] = [], newW: [[[Double]]] = [], newB: [[Double]] = []
    }

    /// Two iterations recomputed from the parameters the file gives.
    static func recompute(_ network: Network) throws -> [Pass] {
        func value(_ name: String) throws -> [Double] { try #require(network[name]?.value?.doubles) }
        let x = try value("x"), y = try value("y")[0], eta = 0.1
        var W: [[[Double]]] = [], b: [[Double]] = []
        for (name, rows, cols) in [("W1", 4, 2), ("W2", 2, 3), ("W3", 3, 1)] {
            let flat = try value(name)
            W.append((0..<rows).map { i in Array(flat[i * cols..<(i + 1) * cols]) })
        }
        b = [try value("b1"), try value("b2"), try value("b3")]
        func sigmoid(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
        var passes: [Pass] = []
        for _ in 0..<2 {
            var pass = Pass()
            var input = x
            for l in 0..<3 {
                let z = (0..<b[l].count).map { j in b[l][j] + input.indices.reduce(0) { $0 + W[l][$1][j] * input[$1] } }
                pass.z.append(z)
                input = z.map(sigmoid)
                pass.a.append(input)
            }
            var deltas = [[Double]](repeating: [], count: 3)
            deltas[2] = [pass.a[2][0] - y]
            for l in stride(from: 1, through: 0, by: -1) {
                deltas[l] = pass.a[l].indices.map { j in
                    let back = deltas[l + 1].indices.reduce(0) { $0 + W[l + 1][j][$1] * deltas[l + 1][$1] }
                    return back * pass.a[l][j] * (1 - pass.a[l][j])
                }
            }
            pass.delta = deltas
            for l in 0..<3 {
                let before = l == 0 ? x : pass.a[l - 1]
                let grad = before.map { u in deltas[l].map { u * $0 } }
                pass.gradW.append(grad)
                W[l] = zip(W[l], grad).map { row, g in zip(row, g).map { $0 - eta * $1 } }
                b[l] = zip(b[l], deltas[l]).map { $0 - eta * $1 }
            }
            pass.newW = W
            pass.newB = b
            passes.append(pass)
        }
        return passes
    }

    static func example() throws -> (Network, WorkedExample) {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let runtime = try Runtime(network)
        return (network, WorkedExample(runtime.train(from: try Point(network: network)), runtime: runtime))
    }

    static func close(_ t: RealTensor?, _ expected: [Double], shape: [Int]? = nil) -> Bool {
        guard let t, t.scalars.count == expected.count else { return false }
        if let shape, t.shape.dimensions != shape { return false }
        return zip(t.scalars, expected).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    static func value(_ line: WorkedExample.Line) -> RealTensor? {
        if case .tensor(let t)? = line.steps.last { return t }
        return nil
    }

    static func lhs(_ line: WorkedExample.Line) -> String {
        WorkedExampleText(digits: 4).render(line.lhs)
    }

    /// z, a, δ vectors, ∂L/∂W matrices with the outer product, updated W matrices, iteration by iteration.
    @Test func structureAndNumbersMatchARecomputation() throws {
        let (network, example) = try Self.example()
        let passes = try Self.recompute(network)
        #expect(example.blocks.map(\.heading) == ["Iteration 1", "Iteration 2"])
        for (block, pass) in zip(example.blocks, passes) {
            #expect(block.sections.map(\.title) == ["Forward pass", "Loss", "Backward pass", "Update (η = 0.1)"])
            let lines = Dictionary(block.sections.flatMap(\.lines).map { (Self.lhs($0) + ($0.isUpdate ? "←" : ""), $0) },
                                   uniquingKeysWith: { a, _ in a })
            let outputs = ["a⁽¹⁾", "a⁽²⁾", "ŷ"]
            for l in 0..<3 {
                let z = try #require(lines["z⁽\(LayerTextNotation.superscript(String(l + 1)))⁾"])
                guard case .layer(let form) = z.steps.first, case .entries(let entries) = z.steps[1] else {
                    Issue.record("z line \(l + 1) is not form = entries = value")
                    continue
                }
                #expect(LayerTextNotation().render(form).contains("ᵀ"), "the file's orientation z = Wᵀa + b")
                #expect(entries.count == pass.z[l].count)
                #expect(Self.close(Self.value(z), pass.z[l]))
                #expect(Self.close(Self.value(try #require(lines[outputs[l]])), pass.a[l]))
                let sup = LayerTextNotation.superscript(String(l + 1))
                #expect(Self.close(Self.value(try #require(lines["δ⁽\(sup)⁾"])), pass.delta[l]))
                let gradient = try #require(lines["∂L/∂W⁽\(sup)⁾"])
                let rows = pass.gradW[l].count, cols = pass.gradW[l][0].count
                #expect(Self.close(Self.value(gradient), pass.gradW[l].flatMap { $0 }, shape: [rows, cols]))
                guard case .combination(let operands) = gradient.steps[gradient.steps.count - 2] else {
                    Issue.record("∂L/∂W line \(l + 1) does not show its outer product")
                    continue
                }
                #expect(operands.count == 2 && operands[1].join == .times)
                #expect(operands[0].value.entries.count == rows && operands[1].value.entries.count == cols)
                let update = try #require(lines["W⁽\(sup)⁾←"])
                #expect(Self.close(Self.value(update), pass.newW[l].flatMap { $0 }, shape: [rows, cols]))
                let bias = try #require(lines["b⁽\(sup)⁾←"])
                #expect(Self.close(Self.value(bias), pass.newB[l]))
            }
            // δ⁽ˡ⁾ with its recursion: W⁽ˡ⁺¹⁾δ⁽ˡ⁺¹⁾ (W stored in × out) times f′.
            let delta2 = try #require(lines["δ⁽²⁾"])
            #expect(WorkedExampleText(digits: 4).render(delta2).contains("= (W⁽³⁾δ⁽³⁾) ⊙ a⁽²⁾ ⊙ (1 − a⁽²⁾) = "))
        }
    }

    /// A number as `run` prints it.
    static func shown(_ value: Double) -> String {
        let text = DisplayNumber.string(value, digits: 4)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    static func vector(_ values: [Double]) -> String { "[" + values.map(shown).joined(separator: ", ") + "]" }

    /// The significant digits an updated matrix shows: 4, or as many as its smallest change needs.
    static func digits(_ old: [[Double]], _ new: [[Double]]) -> Int {
        zip(old.joined(), new.joined()).map { DisplayNumber.digits(showingChangeFrom: $0, to: $1, digits: 4) ?? 8 }.max() ?? 4
    }

    /// An updated matrix as `run` prints it.
    static func updated(_ old: [[Double]], _ new: [[Double]]) -> String {
        let k = digits(old, new)
        return "[" + new.map { "[" + $0.map { TextPrinter(digits: k).number(.real($0)) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
    static func matrix(_ rows: [[Double]]) -> String { "[" + rows.map(vector).joined(separator: ", ") + "]" }

    @Test func runPrintsVectorsAndMatricesInTextAndLaTeX() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let passes = try Self.recompute(network)
        let text = try Package.run(["run", "Problems/sigmoid-4-2-3-1.nn"])
        #expect(text.status == 0, "\(text.err)")
        let iterations = text.out.components(separatedBy: "\nIteration ").dropFirst()
        #expect(iterations.count == 2)
        let given = try ["W1", "W2"].map { name -> [[Double]] in
            let flat = try #require(network[name]?.value?.doubles), cols = name == "W1" ? 2 : 3
            return stride(from: 0, to: flat.count, by: cols).map { Array(flat[$0..<$0 + cols]) }
        }
        let olds = [given, [passes[0].newW[0], passes[0].newW[1]]]
        for ((out, pass), old) in zip(zip(iterations, passes), olds) {
            #expect(out.contains("z⁽¹⁾ = W⁽¹⁾ᵀx + b⁽¹⁾ = [") && out.contains("] = " + Self.vector(pass.z[0]) + "\n"))
            #expect(out.contains("a⁽²⁾ = σ(z⁽²⁾) = " + Self.vector(pass.a[1]) + "\n"))
            #expect(out.contains("δ⁽¹⁾ = ∂L/∂z⁽¹⁾ = (W⁽²⁾δ⁽²⁾) ⊙ a⁽¹⁾ ⊙ (1 − a⁽¹⁾) = "))
            #expect(out.contains(" = " + Self.vector(pass.delta[1]) + "\n"))
            #expect(out.contains("∂L/∂W⁽²⁾ = a⁽¹⁾δ⁽²⁾ᵀ = " + Self.vector(pass.a[0]) + " " + Self.vector(pass.delta[1]) + "ᵀ = "
                                 + Self.matrix(pass.gradW[1]) + "\n"))
            #expect(out.contains("W⁽²⁾ ← W⁽²⁾ − η ∂L/∂W⁽²⁾ = ") && out.contains(" = " + Self.updated(old[1], pass.newW[1]) + "\n"))
            #expect(out.contains(" = " + Self.updated(old[0], pass.newW[0]) + "\n"))
        }
        #expect(!text.out.contains("W1[2,1]"), "no component-by-component grid")

        let latex = try Package.run(["run", "Problems/sigmoid-4-2-3-1.nn", "--format", "latex"])
        #expect(latex.status == 0, "\(latex.err)")
        func bmatrix(_ rows: [[Double]], digits: Int = 4) -> String {
            "\\begin{bmatrix}" + rows.map { $0.map { LaTeXPrinter(digits: digits).number(.real($0)) }.joined(separator: " & ") }
                .joined(separator: " \\\\ ") + "\\end{bmatrix}"
        }
        let blocks = latex.out.components(separatedBy: "\\paragraph{Iteration ").dropFirst()
        #expect(blocks.count == 2)
        for ((block, pass), old) in zip(zip(blocks, passes), olds) {
            #expect(block.contains("\\mathbf{z}^{(1)} &= W^{(1)\\top} \\mathbf{x} + \\mathbf{b}^{(1)} = "))
            #expect(block.contains(" = " + bmatrix(pass.z[0].map { [$0] }) + " \\\\"))
            #expect(block.contains("\\boldsymbol{\\delta}^{(2)} &= "))
            #expect(block.contains(" = " + bmatrix(pass.delta[1].map { [$0] }) + " \\\\"))
            #expect(block.contains("\\frac{\\partial L}{\\partial W^{(2)}} &= \\mathbf{a}^{(1)} \\boldsymbol{\\delta}^{(2)\\top} = "
                                   + bmatrix(pass.a[0].map { [$0] }) + " "
                                   + "\\begin{bmatrix}" + pass.delta[1].map { DisplayNumber.string($0, digits: 4) }.joined(separator: " & ") + "\\end{bmatrix}"
                                   + " = " + bmatrix(pass.gradW[1])))
            #expect(block.contains("W^{(1)} &\\leftarrow W^{(1)} - \\eta \\frac{\\partial L}{\\partial W^{(1)}} = "))
            #expect(block.contains(" = " + bmatrix(pass.newW[0], digits: Self.digits(old[0], pass.newW[0]))))
        }
    }

    @Test func jsonListsEachLayersVectorsAndMatrices() throws {
        let network = try #require(Package.network("sigmoid-4-2-3-1.nn"))
        let passes = try Self.recompute(network)
        let result = try Package.run(["run", "Problems/sigmoid-4-2-3-1.nn", "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let iterations = try #require(object["iterations"] as? [[String: Any]])
        #expect(iterations.count == 2)
        func near(_ a: [Double]?, _ b: [Double]) -> Bool {
            guard let a, a.count == b.count else { return false }
            return zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 }
        }
        for (iteration, pass) in zip(iterations, passes) {
            let layers = try #require(iteration["layers"] as? [[String: Any]])
            #expect(layers.count == 3)
            for (l, layer) in layers.enumerated() {
                #expect(layer["layer"] as? Int == l + 1)
                #expect(near(layer["z"] as? [Double], pass.z[l]) && near(layer["a"] as? [Double], pass.a[l]))
                #expect(near(layer["delta"] as? [Double], pass.delta[l]) && near(layer["dL_db"] as? [Double], pass.delta[l]))
                let rows = try #require(layer["dL_dW"] as? [[Double]])
                #expect(rows.count == pass.gradW[l].count && zip(rows, pass.gradW[l]).allSatisfy { near($0, $1) })
            }
        }
    }

    /// Networks of scalar neurons keep the component-by-component layout.
    @Test func scalarNetworksKeepTheirLayout() throws {
        for name in ["perceptron.nn", "example-3-bce.nn", "regression-1-5-1.nn"] {
            let network = try #require(Package.network(name))
            #expect(WorkedExample.LayerBuilder(network: network) == nil, "\(name)")
            let runtime = try Runtime(network)
            let example = WorkedExample(runtime.train(from: try Point(network: network)), runtime: runtime)
            let steps = example.blocks.flatMap(\.sections).flatMap(\.lines).flatMap { [$0.lhs] + $0.steps }
            #expect(!steps.contains { if case .layer = $0 { true } else { false } }, "\(name)")
        }
        for name in ["relu-4-3-2-1-classification.nn", "relu-4-3-2-1-regression.nn"] {
            #expect(WorkedExample.LayerBuilder(network: try #require(Package.network(name))) != nil, "\(name)")
        }
    }

    /// The page's worked example fills the formula and "with numbers" columns of every backward row
    /// that has something between its quantity and its value.
    @Test func htmlBackwardRowsHaveFormulasAndNumbers() throws {
        for name in ["sigmoid-4-2-3-1.nn", "example-3-bce.nn"] {
            let network = try #require(Package.network(name))
            let runtime = try Runtime(network)
            let example = WorkedExample(runtime.train(from: try Point(network: network)), runtime: runtime)
            let html = HTMLWorkedExample(digits: 4).render(example)
            if name.hasPrefix("sigmoid") {
                // δ⁽³⁾ = ∂L/∂z⁽³⁾ = ∂L/∂ŷ ⊙ … = ŷ − y: equal forms in one cell are joined by =.
                #expect(html.contains(#" <math xmlns="http://www.w3.org/1998/Math/MathML"><mo>=</mo></math> "#))
            }
            let backward = html.components(separatedBy: "<caption>Backward pass</caption>").dropFirst()
            #expect(!backward.isEmpty)
            for table in backward {
                let body = table.components(separatedBy: "</tbody>")[0]
                let rows = body.components(separatedBy: "<tr>").dropFirst().filter { $0.contains("scope=\"row\"") }
                #expect(!rows.isEmpty)
                for row in rows.prefix(name.hasPrefix("sigmoid") ? rows.count : 1) {
                    let cells = row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
                    #expect(cells.count == 3 && !cells[0].isEmpty, "\(name): \(row.prefix(200))")
                }
            }
        }
    }
}
