import Foundation
import Testing
@testable import ChainRule

/// The reproducers of issue 13, each behaving as it should: right numbers on corner cases, bad input
/// refused cleanly (located, short, the documented exit status), and a command line that helps.
@Suite("Robustness: corner cases, bad input and the command line")
struct RobustnessTests {
    static func network(_ source: String) throws -> Network { try Network.parse(source).get() }

    /// Writes `text` to a scratch file and returns its path.
    static func file(_ text: String, _ name: String = "t.nn") throws -> String {
        try bytes(Data(text.utf8), name)
    }

    static func bytes(_ data: Data, _ name: String = "t.nn") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    // MARK: Numbers

    /// ∂L/∂k for a node k = 3 that depends on nothing: x, in the runtime, run's JSON and verify.
    @Test func aNodeOfConstantsTakesItsGradient() throws {
        let source = "input x = 2\nk = 3\nloss L = k x\nfind dL/dk\n"
        let network = try Self.network(source)
        let runtime = try Runtime(network)
        let evaluation = runtime.forward(at: try Point(network: network))
        #expect(runtime.backward(evaluation)["k"]?.scalars == [2.0])
        let path = try Self.file(source)
        let run = try Package.run(["run", path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let gradients = (json?["iterations"] as? [[String: Any]])?.first?["deltas"] as? [String: Any]
        #expect((gradients?["k"] as? Double) == 2.0, "\(run.out)")
        let verify = try Package.run(["verify", path])
        #expect(verify.status == 0, "\(verify.out)")
        let lambda = try Self.file("input x = 0.5\nparam w = 0.3\nlambda = 0.1\nloss L = (w x - 1)^2 + lambda w^2\nfind dL/dlambda\n")
        #expect(try Package.run(["verify", lambda]).status == 0)
    }

    /// Zero and tiny derivatives agree: the test is relative for large values, absolute near zero.
    @Test(arguments: ["input a = 0.3\no = (a + 1)^2 - a^2 - 2 a\nfind do/da\n", "input m = 1.86\nb = tanh(m^4)\nfind db/dm\n"])
    func zeroAndTinyDerivativesVerify(_ source: String) throws {
        let result = try Package.run(["verify", try Self.file(source)])
        #expect(result.status == 0, "\(result.out)")
        // … while a real error still fails: 1.01 times a partial.
        let perturbed = try Package.run(["verify", try Self.file(source), "--perturb", source.contains("tanh") ? "b,m" : "o,a"])
        #expect(perturbed.status == 1 || source.contains("- 2 a"), "\(perturbed.out)")
    }

    /// The tie convention: the first argument of max/min takes the whole derivative, in derive, run
    /// (the runtime), check's symbolic derivative and the key; verify calls the tie a kink.
    @Test(arguments: ["max", "min"])
    func tiesGoToTheFirstArgumentEverywhere(_ f: String) throws {
        for (a, b) in [(0.5, 0.5), (0.3, 0.7), (0.7, 0.3)] {
            let source = "input a = \(a), b = \(b)\ny = \(f)(a, b)\nloss L = 2 y\nfind dy/da, dy/db\n"
            let firstWins = f == "max" ? a >= b : a <= b
            let expected = (firstWins ? 1.0 : 0.0, firstWins ? 0.0 : 1.0)
            let network = try Self.network(source)
            let runtime = try Runtime(network)
            let gradients = runtime.backward(runtime.forward(at: try Point(network: network)), of: network.index(of: "y"))
            #expect(gradients["a"]?.scalars == [expected.0] && gradients["b"]?.scalars == [expected.1], "\(source)")
            let symbolicA = try network.derivation(of: "y", wrt: "a"), symbolicB = try network.derivation(of: "y", wrt: "b")
            let partials = LocalPartials(graph: symbolicA.graph)
            let values = try #require(NodeValues(graph: symbolicA.graph))
            #expect(values.value(of: symbolicA.factored(), partials: partials) == expected.0)
            #expect(values.value(of: symbolicB.factored(), partials: partials) == expected.1)
            let path = try Self.file(source)
            let derive = try Package.run(["derive", path, "--format", "json"])
            let rows = try JSONSerialization.jsonObject(with: Data(derive.out.utf8)) as? [[String: Any]]
            #expect(rows?.map { $0["value"] as? Double } == [expected.0, expected.1], "\(derive.out)")
            let verify = try Package.run(["verify", path])
            #expect(verify.status == 0, "\(verify.out)")
            if a == b { #expect(verify.out.contains("ok (kink)")) }
        }
    }

    /// With `sample` rows verify checks the batch-averaged loss: its values equal the average of the
    /// per-sample gradients computed here by hand, (h − y) h (1 − h) x and (h − y) h (1 − h).
    @Test func verifyAveragesOverTheSamples() throws {
        let rows: [(x: Double, y: Double)] = [(1, 0), (2, 1), (-1, 1)]
        let (w, b) = (0.5, 0.1)
        let source = "input x\ntarget y\nparam w = \(w), b = \(b)\nh = sigmoid(w x + b)\nloss L = 1/2 (h - y)^2\n"
            + rows.map { "sample x = \(Int($0.x)), y = \(Int($0.y))" }.joined(separator: "\n") + "\n"
        var expected = (w: 0.0, b: 0.0)
        for row in rows {
            let h = 1 / (1 + exp(-(w * row.x + b)))
            expected.w += (h - row.y) * h * (1 - h) * row.x / 3
            expected.b += (h - row.y) * h * (1 - h) / 3
        }
        let result = try Package.run(["verify", try Self.file(source), "--format", "json"])
        #expect(result.status == 0, "\(result.out)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["batch_size"] as? Double == 3)
        let table = try #require(json["rows"] as? [[String: Any]])
        for row in table {
            let want = row["wrt"] as? String == "w" ? expected.w : expected.b
            for key in ["symbolic", "backprop", "finite_difference"] {
                let got = try #require(row[key] as? Double)
                #expect(abs(got - want) <= 1e-7 * max(1, abs(want)), "\(key) of ∂L/∂\(row["wrt"] ?? "")")
            }
        }
    }

    @Test func iterationsWithoutARateAreCalledOut() throws {
        let result = try Package.run(["run", try Self.file("input x = 2\nparam w = 1\nloss L = w x\niterations 3\n")])
        #expect(result.status == 0)
        #expect(result.err.contains("warning: 'iterations 3' without a 'rate'"), "\(result.err)")
    }

    // MARK: Size, long lines, encodings

    @Test(arguments: [("input x[1000000000]\nloss L = sum(x)\n", ":1:8: error: 'x[1000000000]' is too large"),
                      ("param W[100000,100000]\ninput x[100000]\ny = W x\n", ":1:8: error: 'W[100000, 100000]' is too large"),
                      ("input x[100000, 1], u[1, 100000]\ny = x u\nloss L = sum(y)\n", "error: the product of")])
    func hugeShapesAreRefusedAtTheShape(_ source: String, _ expected: String) throws {
        let result = try Package.run(["show", try Self.file(source)])
        #expect(result.status == 65 && result.err.contains(expected), "\(result.err)")
    }

    /// A 1 MB line with an error far along it, and a 1 MB unknown name: a short report either way.
    @Test func aLongLineShowsAWindowAroundTheCaret() throws {
        let far = try Package.run(["show", try Self.file("input x = 1\nloss L = x" + String(repeating: " ", count: 1_000_000) + "$ 2\n")])
        #expect(far.status == 65)
        #expect(far.err.utf8.count < 1_000, "\(far.err.utf8.count) bytes of diagnostics")
        let lines = far.err.split(separator: "\n")
        #expect(lines.first?.contains(":2:1000011: error:") == true, "\(lines.first ?? "")")
        #expect(lines.count >= 3 && lines[1].hasPrefix("…") && lines[2].hasSuffix("^"))
        if lines.count >= 3 { #expect(Array(lines[1])[lines[2].count - 1] == "$") }
        let name = try Package.run(["show", try Self.file("input x = 1\nloss L = x + " + String(repeating: "y", count: 1_000_000) + "(x)\n")])
        #expect(name.status == 65 && name.err.utf8.count < 1_500, "\(name.err.utf8.count) bytes of diagnostics")
        #expect(name.err.contains(":2:14: error:"), "\(name.err.prefix(300))")
    }

    @Test func bytesThatAreNotUTF8ArePointedAt() throws {
        let path = try Self.bytes(Data("input x = 2\nloss L = é x".utf8) + Data([0xFF]) + Data("\n".utf8))
        let result = try Package.run(["show", path])
        #expect(result.status == 65)
        #expect(result.err.hasPrefix(path + ":2:13: error: the file is not UTF-8 text: byte 0xFF"), "\(result.err)")
        #expect(Array(result.err.split(separator: "\n"))[2] == String(repeating: " ", count: 12) + "^")
    }

    @Test func carriageReturnLineEndingsAreRead() throws {
        let cr = try Package.run(["derive", try Self.file("input x = 2\r# note\rloss L = x^3\rfind dL/dx\r"), "--format", "json"])
        #expect(cr.status == 0, "\(cr.err)")
        #expect(cr.out.contains("\"value\" : 12") || cr.out.contains("\"value\": 12"), "\(cr.out)")
        let crlf = try Package.run(["show", try Self.file("input x = 2\r\nloss L = x^3\r\n")])
        #expect(crlf.status == 0, "\(crlf.err)")
    }

    @Test func numbersThatUnderflowAreRefused() throws {
        let nn = try Package.run(["show", try Self.file("input x = 1e-400\nloss L = x\n")])
        #expect(nn.status == 65 && nn.err.contains(":1:11: error: number '1e-400' is too small"), "\(nn.err)")
        let worked = try Self.file("L = 1e-400\n", "w.txt")
        let check = try Package.run(["check", "Problems/perceptron.nn", "--worked", worked])
        #expect(check.status == 65 && check.err.contains("1e-400' is too small"), "\(check.out)\(check.err)")
        #expect(check.out.utf8.count + check.err.utf8.count < 4_000)
    }

    @Test func feedbackIsCapped() throws {
        let names = (1...80).map { "h\($0)" }
        let source = "input x\n" + names.map { "\($0) = w\($0) x" }.joined(separator: "\n") + "\ny = " + names.joined(separator: " + ") + "\nfind dy/dx\n"
        let result = try Package.run(["check", try Self.file(source), "--answer", "∂y/∂h1 ∂h1/∂x"])
        #expect(result.status == 1)
        let messages = result.out.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(messages.count == CheckReport.maxMessages + 1, "\(messages.count) messages")
        #expect(messages.last?.contains("29 more findings not shown (79 in all)") == true, "\(messages.last ?? "")")
    }

    @Test func hugeValuesPrintInScientificNotation() throws {
        // The one number rule (DisplayNumber): `digits` significant digits, scientific from 10⁶ up.
        #expect(DisplayNumber.string(1e308, digits: 4) == "1.000e+308")
        #expect(DisplayNumber.string(-2.5e21, digits: 2) == "-2.5e+21")
        #expect(DisplayNumber.string(123456.0, digits: 2) == "123456")
        let run = try Package.run(["run", try Self.file("input x = 1e308\nloss L = x\n")])
        #expect(run.status == 0 && run.out.split(separator: "\n").allSatisfy { $0.count < 120 }, "\(run.out)")
        #expect(run.out.contains("1.000×10³⁰⁸") && !run.out.contains("000000000"), "\(run.out)")
    }

    // MARK: Command line

    @Test func versionAndSuggestions() throws {
        let version = try Package.run(["--version"])
        #expect(version.status == 0 && version.out.hasPrefix("chainrule "))
        let command = try Package.run(["deriv", "Problems/perceptron.nn"])
        #expect(command.status == 2 && command.err.contains("did you mean 'derive'?"))
        #expect(command.err.split(separator: "\n").count <= 3 && command.err.contains("--help"), "\(command.err)")
        let flag = try Package.run(["derive", "Problems/perceptron.nn", "--from", "steps"])
        #expect(flag.status == 2 && flag.err.contains("did you mean '--form'?"), "\(flag.err)")
        let choice = try Package.run(["derive", "Problems/perceptron.nn", "--form", "factord"])
        #expect(choice.status == 2 && choice.err.contains("did you mean 'factored'?"), "\(choice.err)")
    }

    @Test(arguments: [["derive"], ["check", "--answer", "0"], ["verify"]])
    func unknownNamesAreCommandLineErrors(_ command: [String]) throws {
        let file = "Problems/perceptron.nn"
        let wrt = try Package.run([command[0], file] + command.dropFirst() + ["--of", "L", "--wrt", "w11"])
        #expect(wrt.status == 2 && wrt.err.contains("no 'w11'; did you mean 'w1'"), "\(wrt.err)")
        let of = try Package.run([command[0], file] + command.dropFirst() + ["--of", "LL", "--wrt", "w1"])
        #expect(of.status == 2 && of.err.contains("no 'LL'; did you mean 'L'"), "\(of.err)")
    }

    @Test func perturbingANonEdgeIsRefused() throws {
        let result = try Package.run(["verify", "Problems/perceptron.nn", "--perturb", "L,w1"])
        #expect(result.status == 2 && result.err.contains("'w1' is not a direct input of 'L'"), "\(result.err)")
        #expect(try Package.run(["verify", "Problems/perceptron.nn", "--perturb", "yhat,zz"]).status == 2)
    }

    @Test func runOnAnUnspecifiedActivationPointsAtTheNode() throws {
        let path = try Self.file("input x = 2\nh = g(x)\nloss L = h^2\n")
        let result = try Package.run(["run", path])
        #expect(result.status == 65 && result.err.hasPrefix(path + ":2:1: error: 'h' uses the unspecified activation 'g'"), "\(result.err)")
    }
}
