import Foundation
import Testing
@testable import ChainRule

/// A differential test against an oracle written only for this test: seeded random valid `.nn` files
/// covering the language (scalar DAGs with fan-out, constant nodes and every function, neurons with
/// implicit weights, vector/matrix layers in both orientations, every loss, batches of samples,
/// several iterations) are generated together with the same network as a tiny expression tree here,
/// which a forward-mode dual-number evaluator runs. Every forward value, the loss, every gradient and
/// every update of `Runtime.train` must equal the oracle's, and `derive`'s chain-rule values too.
///
/// `DIFFERENTIAL_FILES=N swift test --filter DifferentialOracle` runs a longer sweep.
@Suite("Differential: the runtime and derive against a dual-number oracle")
struct DifferentialOracleTests {
    /// A number with a derivative part: forward-mode automatic differentiation.
    struct Dual {
        var v: Double
        var d: Double
        static func + (a: Dual, b: Dual) -> Dual { Dual(v: a.v + b.v, d: a.d + b.d) }
        static func - (a: Dual, b: Dual) -> Dual { Dual(v: a.v - b.v, d: a.d - b.d) }
        static func * (a: Dual, b: Dual) -> Dual { Dual(v: a.v * b.v, d: a.d * b.v + a.v * b.d) }
        static func / (a: Dual, b: Dual) -> Dual { Dual(v: a.v / b.v, d: (a.d * b.v - a.v * b.d) / (b.v * b.v)) }
        static prefix func - (a: Dual) -> Dual { Dual(v: -a.v, d: -a.d) }
        func scaled(_ c: Double) -> Dual { Dual(v: v * c, d: d * c) }
    }

    /// The test's own model of an expression over scalar names.
    indirect enum T {
        case leaf(String), number(Double)
        case add(T, T), sub(T, T), mul(T, T), div(T, T), neg(T), pow(T, Int)
        case f(String, T), f2(String, T, T)

        func eval(_ env: [String: Dual]) -> Dual {
            switch self {
            case .leaf(let name): return env[name] ?? Dual(v: .nan, d: .nan)
            case .number(let c): return Dual(v: c, d: 0)
            case .add(let a, let b): return a.eval(env) + b.eval(env)
            case .sub(let a, let b): return a.eval(env) - b.eval(env)
            case .mul(let a, let b): return a.eval(env) * b.eval(env)
            case .div(let a, let b): return a.eval(env) / b.eval(env)
            case .neg(let a): return -a.eval(env)
            case .pow(let a, let n):
                let x = a.eval(env)
                return Dual(v: Foundation.pow(x.v, Double(n)), d: Double(n) * Foundation.pow(x.v, Double(n - 1)) * x.d)
            case .f(let name, let a):
                let x = a.eval(env)
                switch name {
                case "sigmoid": let s = 1 / (1 + Foundation.exp(-x.v)); return Dual(v: s, d: s * (1 - s) * x.d)
                case "tanh": let t = Foundation.tanh(x.v); return Dual(v: t, d: (1 - t * t) * x.d)
                case "relu": return Dual(v: x.v > 0 ? x.v : 0, d: x.v > 0 ? x.d : 0)
                case "step": return Dual(v: x.v > 0 ? 1 : 0, d: 0)
                case "identity": return x
                case "exp": let e = Foundation.exp(x.v); return Dual(v: e, d: e * x.d)
                case "log": return Dual(v: Foundation.log(x.v), d: x.d / x.v)
                case "abs": return Dual(v: Swift.abs(x.v), d: x.v > 0 ? x.d : x.v < 0 ? -x.d : 0)
                default: return Dual(v: .nan, d: .nan)
                }
            case .f2(let name, let a, let b):
                // The documented convention: at a tie the first argument takes the derivative.
                let (x, y) = (a.eval(env), b.eval(env))
                let first = name == "max" ? x.v >= y.v : x.v <= y.v
                return first ? x : y
            }
        }
    }

    /// A generated file and its model: computed scalars in order, the loss, leaf values, samples.
    struct Case {
        var source: [String] = []
        var computed: [(name: String, t: T)] = []
        var loss: T = .number(0)
        var values: [String: Double] = [:]
        var parameters: [String] = []
        var samples: [[String: Double]] = []
        var rate: Double?
        var iterations = 1
        var text: String { source.joined(separator: "\n") + "\n" }

        /// The loss and its derivative along `seed` (nil: none), at `point` with a sample row.
        func run(_ point: [String: Double], _ row: [String: Double], seed: String?) -> (loss: Dual, env: [String: Dual]) {
            var env: [String: Dual] = [:]
            for (name, value) in point.merging(row, uniquingKeysWith: { $1 }) { env[name] = Dual(v: value, d: name == seed ? 1 : 0) }
            for (name, t) in computed { env[name] = t.eval(env) }
            return (loss.eval(env), env)
        }
    }

    struct Generator {
        var rng: SplitMix64
        var count = 0

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func pick<E>(_ items: [E]) -> E { items[int(0...(items.count - 1))] }
        mutating func fresh(_ prefix: String) -> String { count += 1; return "\(prefix)\(count)" }
        /// A number with two decimals, as text and value.
        mutating func number(_ range: ClosedRange<Int> = -99...99) -> (String, Double) {
            let text = String(format: "%.2f", Double(int(range)) / 100)
            return (text, Double(text) ?? 0)
        }

        /// A parameter with a value, declared on a `param` line.
        mutating func parameter(_ c: inout Case, _ prefix: String = "w") -> String {
            let name = fresh(prefix)
            let (text, value) = number()
            c.source.append("param \(name) = \(text)")
            c.values[name] = value
            c.parameters.append(name)
            return name
        }

        /// A scalar DAG with fan-out, constant nodes, neurons and every scalar function, then a loss.
        mutating func scalarCase() -> Case {
            var c = Case()
            let inputs = (1...int(1...3)).map { "x\($0)" }
            let batch = int(0...3) == 0 ? int(2...3) : 0
            if batch > 0 {
                c.source += ["input " + inputs.joined(separator: ", "), "target y"]
                for _ in 0..<batch {
                    var row: [String: Double] = [:], said: [String] = []
                    for name in inputs { let (t, v) = number(); row[name] = v; said.append("\(name) = \(t)") }
                    let (t, v) = number(0...100)
                    row["y"] = v
                    c.samples.append(row)
                    c.source.append("sample " + (said + ["y = \(t)"]).joined(separator: ", "))
                }
            } else {
                var said: [String] = []
                for name in inputs { let (t, v) = number(); c.values[name] = v; said.append("\(name) = \(t)") }
                c.source.append("input " + said.joined(separator: ", "))
                let (t, v) = number(0...100)
                c.values["y"] = v
                c.source.append("target y = \(t)")
            }
            var names = inputs
            for k in 1...int(2...6) {
                let a = pick(names), b = pick(names)
                let name = "n\(k)"
                var options: [() -> (String, T)] = []
                options.append { ("\(a) * \(b)", .mul(.leaf(a), .leaf(b))) }
                options.append { ("tanh(\(a)) + \(b)", .add(.f("tanh", .leaf(a)), .leaf(b))) }
                options.append { ("relu(\(a) - \(b))", .f("relu", .sub(.leaf(a), .leaf(b)))) }
                options.append { ("\(a) / (1 + \(b)^2)", .div(.leaf(a), .add(.number(1), .pow(.leaf(b), 2)))) }
                options.append { ("exp(-(\(a)^2))", .f("exp", .neg(.pow(.leaf(a), 2)))) }
                options.append { ("log(1 + \(a)^2) * \(b)", .mul(.f("log", .add(.number(1), .pow(.leaf(a), 2))), .leaf(b))) }
                options.append { ("abs(\(a)) + \(b)", .add(.f("abs", .leaf(a)), .leaf(b))) }
                options.append { ("max(\(a), \(b))", .f2("max", .leaf(a), .leaf(b))) }
                options.append { ("min(\(a), \(b))", .f2("min", .leaf(a), .leaf(b))) }
                options.append { ("step(\(a)) * \(b) + \(a)", .add(.mul(.f("step", .leaf(a)), .leaf(b)), .leaf(a))) }
                options.append { ("\(a)^3 - \(b)", .sub(.pow(.leaf(a), 3), .leaf(b))) }
                options.append { ("identity(\(a) + 0.5)", .f("identity", .add(.leaf(a), .number(0.5)))) }
                var chosen = pick(options)()
                switch int(0...5) {
                case 0:
                    let w = parameter(&c), v = parameter(&c)
                    let f = pick(["sigmoid", "tanh", "relu", "identity"])
                    chosen = ("\(f)(\(w) \(a) + \(v) \(b) + 1)", .f(f, .add(.add(.mul(.leaf(w), .leaf(a)), .mul(.leaf(v), .leaf(b))), .number(1))))
                case 1 where a != b:
                    // A neuron of node names: implicit weights (the quiz's v_q_x from inputs, w_q_u from
                    // nodes) and bias b_q, given values here.
                    let f = pick(["sigmoid", "tanh", "relu", "identity"])
                    func weight(_ u: String) -> String { (inputs.contains(u) ? "v_" : "w_") + "\(name)_\(u)" }
                    var z: T = .leaf("b_" + name)
                    for u in [a, b] { z = .add(.mul(.leaf(weight(u)), .leaf(u)), z) }
                    for p in [weight(a), weight(b), "b_" + name] {
                        let (text, value) = number()
                        c.source.append("param \(p) = \(text)")
                        c.values[p] = value
                        c.parameters.append(p)
                    }
                    chosen = ("\(f)(\(a), \(b))", .f(f, z))
                case 2:
                    // A node of constants only (a hyperparameter written as a node), used downstream.
                    let (text, value) = number(1...99)
                    let k = "k\(name)"
                    c.source.append("\(k) = \(text)")
                    c.computed.append((k, .number(value)))
                    let w = parameter(&c)
                    chosen = ("\(k) \(w) \(a) + \(b)", .add(.mul(.mul(.leaf(k), .leaf(w)), .leaf(a)), .leaf(b)))
                default: break
                }
                c.source.append("\(name) = \(chosen.0)")
                c.computed.append((name, chosen.1))
                names.append(name)
            }
            let out = names.last ?? "x1"
            let p = T.f("sigmoid", .leaf(out)), y = T.leaf("y")
            let bce = T.neg(.add(.mul(y, .f("log", p)), .mul(.sub(.number(1), y), .f("log", .sub(.number(1), p)))))
            switch int(0...4) {
            case 0: c.source.append("loss L = 1/2 (\(out) - y)^2"); c.loss = .mul(.number(0.5), .pow(.sub(.leaf(out), y), 2))
            case 1: c.source.append("loss L = mse(\(out), y)"); c.loss = .mul(.number(0.5), .pow(.sub(.leaf(out), y), 2))
            case 2: c.source.append("loss L = bce(sigmoid(\(out)), y)"); c.loss = bce
            case 3:
                c.source += ["p = sigmoid(\(out))", "loss L = bce(p, y)"]
                c.computed.append(("p", p)); c.loss = bce
            default:
                c.source += ["p = sigmoid(\(out))", "loss L = -y log(p) - (1 - y) log(1 - p)"]
                c.computed.append(("p", p)); c.loss = bce
            }
            settings(&c)
            return c
        }

        /// Layers `a = f(W a + b)` or `f(Wᵀ a + b)` over vectors, then mse, bce, cross-entropy or a sum.
        mutating func layeredCase() -> Case {
            var c = Case()
            let sizes = (0..<int(2...4)).map { _ in int(1...3) }
            var previous = (0..<sizes[0]).map { "x[\($0 + 1)]" }
            var said: [String] = []
            for name in previous { let (t, v) = number(); c.values[name] = v; said.append(t) }
            c.source.append("input x[\(sizes[0])] = [\(said.joined(separator: ", "))]")
            var previousName = "x"
            for layer in 1..<sizes.count {
                let (n, m) = (sizes[layer - 1], sizes[layer])
                let transposed = int(0...1) == 1
                let (rows, cols) = transposed ? (n, m) : (m, n)
                var matrix: [String] = []
                for i in 1...rows {
                    var row: [String] = []
                    for j in 1...cols {
                        let (t, v) = number(); row.append(t)
                        let name = "W\(layer)[\(i),\(j)]"
                        c.values[name] = v; c.parameters.append(name)
                    }
                    matrix.append("[" + row.joined(separator: ", ") + "]")
                }
                var bias: [String] = []
                for i in 1...m {
                    let (t, v) = number(); bias.append(t)
                    c.values["b\(layer)[\(i)]"] = v; c.parameters.append("b\(layer)[\(i)]")
                }
                c.source.append("param W\(layer)[\(rows),\(cols)] = [\(matrix.joined(separator: ", "))]")
                c.source.append("param b\(layer)[\(m)] = [\(bias.joined(separator: ", "))]")
                let last = layer == sizes.count - 1
                let f = last ? "identity" : pick(["sigmoid", "tanh", "relu", "identity"])
                let name = last ? "out" : "a\(layer)"
                let product = transposed ? "W\(layer)^T \(previousName)" : "W\(layer) \(previousName)"
                c.source.append(last ? "\(name) = \(product) + b\(layer)" : "\(name) = \(f)(\(product) + b\(layer))")
                var outputs: [String] = []
                for i in 1...m {
                    var z: T = .leaf("b\(layer)[\(i)]")
                    for j in 1...n {
                        let w = transposed ? "W\(layer)[\(j),\(i)]" : "W\(layer)[\(i),\(j)]"
                        z = .add(z, .mul(.leaf(w), .leaf(previous[j - 1])))
                    }
                    let component = "\(name)[\(i)]"
                    c.computed.append((component, last ? z : .f(f, z)))
                    outputs.append(component)
                }
                previous = outputs
                previousName = name
            }
            let m = previous.count
            var targets: [String] = []
            let kind = int(0...3)
            let hot = int(1...m)
            for i in 1...m {
                let value: Double = kind == 2 ? (i == hot ? 1 : 0) : kind == 1 ? Double(int(0...1)) : number().1
                c.values["y[\(i)]"] = value
                targets.append(String(value))
            }
            c.source.append("target y[\(m)] = [\(targets.joined(separator: ", "))]")
            let outs = previous.map(T.leaf), ys = (1...m).map { T.leaf("y[\($0)]") }
            func total(_ terms: [T]) -> T { terms.dropFirst().reduce(terms[0]) { .add($0, $1) } }
            switch kind {
            case 0:
                c.source.append("loss L = mse(out, y)")
                c.loss = .mul(.number(0.5), total(zip(outs, ys).map { .pow(.sub($0, $1), 2) }))
            case 1:
                c.source.append("loss L = bce(sigmoid(out), y)")
                c.loss = total(zip(outs, ys).map { o, y in
                    let p = T.f("sigmoid", o)
                    return .neg(.add(.mul(y, .f("log", p)), .mul(.sub(.number(1), y), .f("log", .sub(.number(1), p)))))
                })
            case 2:
                c.source += ["p = softmax(out)", "loss L = cross_entropy(p, y)"]
                let denominator = total(outs.map { .f("exp", $0) })
                c.loss = .neg(total(zip(outs, ys).map { o, y in .mul(y, .f("log", .div(.f("exp", o), denominator))) }))
            default:
                c.source.append("loss L = sum((out - y)^2)")
                c.loss = total(zip(outs, ys).map { .pow(.sub($0, $1), 2) })
            }
            settings(&c)
            return c
        }

        /// A learning rate and several iterations, sometimes.
        mutating func settings(_ c: inout Case) {
            guard int(0...1) == 1 else { return }
            let (text, value) = number(1...50)
            c.rate = value
            c.iterations = int(1...3)
            c.source += ["rate \(text)", "iterations \(c.iterations)"]
        }
    }

    /// |a − b| within 1e-9 relative, or 1e-9 absolute (per unit of the loss's size) near zero.
    static func close(_ a: Double, _ b: Double, scale: Double = 1) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b), max(1, scale))
    }

    /// Checks one case; returns the first disagreement, if any.
    static func check(_ c: Case, derive: Bool) throws -> String? {
        let network = try Network.parse(c.text).get()
        let runtime = try Runtime(network)
        let training = runtime.train(from: try Point(network: network))
        var point = c.values
        let rows = c.samples.isEmpty ? [[:]] : c.samples
        guard training.iterations.count == (c.rate == nil || c.parameters.isEmpty ? 1 : c.iterations) else { return "iterations: \(training.iterations.count)" }
        for (k, iteration) in training.iterations.enumerated() {
            // Forward values and the loss, row by row.
            var loss = 0.0
            for (r, row) in rows.enumerated() {
                let (l, env) = c.run(point, row, seed: nil)
                loss += l.v / Double(rows.count)
                for (name, _) in c.computed {
                    guard let location = network.scalarLocation(name) else { return "no node \(name)" }
                    let got = iteration.passes[r].evaluation.value(location.node).scalars[location.offset]
                    if !close(got, env[name]?.v ?? .nan) { return "iteration \(k + 1) row \(r + 1): \(name) = \(got), oracle \(env[name]?.v ?? .nan)" }
                }
            }
            guard let got = iteration.loss, close(got, loss) else { return "iteration \(k + 1): loss \(iteration.loss ?? .nan), oracle \(loss)" }
            // Every gradient (batch-averaged) and every update.
            var next = point
            for p in c.parameters {
                let gradient = rows.reduce(0.0) { $0 + c.run(point, $1, seed: p).loss.d } / Double(rows.count)
                guard let location = network.scalarLocation(p) else { return "no parameter \(p)" }
                let value = iteration.deltas[location.node].scalars[location.offset]
                if !close(value, gradient, scale: abs(loss)) { return "iteration \(k + 1): ∂L/∂\(p) = \(value), oracle \(gradient)" }
                if let rate = c.rate {
                    let updated = iteration.updated[location.node]?.scalars[location.offset] ?? .nan
                    next[p] = (point[p] ?? 0) - rate * gradient
                    if !close(updated, next[p] ?? .nan, scale: abs(point[p] ?? 1)) { return "iteration \(k + 1): \(p) ← \(updated), oracle \(next[p] ?? .nan)" }
                }
            }
            // derive's chain-rule value (first pass, first row) for a few parameters.
            if derive, k == 0 {
                var leaves: [Int: Tensor] = [:]
                for (name, value) in rows[0] { if let l = network.scalarLocation(name), network.nodes[l.node].shape.isScalar { leaves[l.node] = Tensor(shape: .scalar, entries: [.real(value)]) } }
                let valued = network.settingValues(leaves)
                for p in c.parameters.prefix(3) {
                    let derivation = try valued.derivation(of: "L", wrt: p)
                    guard let values = NodeValues(graph: derivation.graph),
                          let symbolic = values.value(of: derivation.factored(), partials: LocalPartials(graph: derivation.graph, unitSums: valued.unitSums)) else {
                        return "derive: ∂L/∂\(p) cannot be evaluated"
                    }
                    let oracle = c.run(point, rows[0], seed: p).loss.d
                    if !close(symbolic, oracle, scale: abs(loss)) { return "derive: ∂L/∂\(p) = \(symbolic), oracle \(oracle)" }
                }
            }
            point = next
        }
        return nil
    }

    static var fileCount: Int { Int(ProcessInfo.processInfo.environment["DIFFERENTIAL_FILES"] ?? "") ?? 1_000 }

    /// ≥ 1,000 seeded random files (half scalar DAGs, half layered), in parallel chunks.
    @Test(arguments: 0..<8)
    func randomFilesAgreeWithTheOracle(_ chunk: Int) throws {
        let perChunk = (Self.fileCount + 7) / 8
        var generator = Generator(rng: SplitMix64(seed: 0xD1FF_0000 + UInt64(chunk)))
        var failures: [String] = []
        var kinds = Set<String>()
        for k in 0..<perChunk {
            generator.count = 0
            let c = k % 2 == 0 ? generator.scalarCase() : generator.layeredCase()
            for line in c.source { if let word = line.split(separator: " ").first { kinds.insert(String(word)) } }
            do {
                if let failure = try Self.check(c, derive: k % 4 < 2) { failures.append(failure + "\n" + c.text) }
            } catch {
                failures.append("\(error)\n" + c.text)
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n---\n"))")
        #expect(kinds.isSuperset(of: ["input", "param", "target", "loss", "rate", "iterations"]))
    }
}
