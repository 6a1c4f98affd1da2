import Foundation
import Testing
@testable import ChainRule

/// Every malformed file gets `LINE:COL: error: MESSAGE` from the library and, through the command
/// line, `FILE:LINE:COL: error: MESSAGE`, the offending line, a caret and exit status 65.
@Suite("Malformed .nn files")
struct MalformedFileTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var source: String
        var line: Int
        var column: Int
        var message: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown name in a neuron", source: "input x1\na = g(x1, q)\n", line: 2, column: 11, message: "unknown name 'q'"),
        Case(name: "name defined twice", source: "input x\nh = x + 1\nh = x * 2\n", line: 3, column: 1, message: "'h' is defined twice"),
        Case(name: "cycle", source: "input x\na = b + x\nb = a * 2\n", line: 2, column: 1, message: "cycle: a → b → a"),
        Case(name: "shape mismatch", source: "input x[3]\nparam W[2,4]\nh = W x\n", line: 3, column: 5, message: "shape mismatch: cannot multiply [2,4] by [3]"),
        Case(name: "shape mismatch in a sum", source: "input x[3], y[2]\nh = x + y\n", line: 2, column: 5, message: "shape mismatch: cannot add [3] and [2]"),
        Case(name: "unknown function", source: "input x\nh = sigmoud(x)\n", line: 2, column: 5, message: "unknown function 'sigmoud'"),
        Case(name: "wrong number of arguments", source: "input x\nh = exp(x, x)\n", line: 2, column: 5, message: "wrong number of arguments: exp takes 1, got 2"),
        Case(name: "find names nothing", source: "input x\nh = tanh(x)\nfind dq/dx\n", line: 3, column: 6, message: "find names nothing: no node 'q'"),
        Case(name: "bad number", source: "input x = 0.2.3\n", line: 1, column: 11, message: "bad number '0.2.3'"),
        Case(name: "unbalanced brackets", source: "input x\nh = sigmoid((x + 1)\n", line: 2, column: 12, message: "unclosed '('"),
        Case(name: "empty file", source: "# nothing here\n\n", line: 1, column: 1, message: "the file is empty"),
        Case(name: "value shape differs from declared", source: "input x[3] = [1, 2]\n", line: 1, column: 14, message: "shape mismatch: 'x' is declared [3] but its value is [2]"),
        Case(name: "parameter nobody uses", source: "input x\nh = x\nparam zz = 1\n", line: 3, column: 7, message: "unknown name 'zz'"),
        Case(name: "loss must be scalar", source: "input x[2]\nloss L = x + 1\n", line: 2, column: 10, message: "the loss must be a scalar, got [2]"),
        Case(name: "index out of range", source: "input x[2]\nh = x[3] + 1\n", line: 2, column: 5, message: "index [3] does not fit 'x'"),
        Case(name: "keyword as node name", source: "input x\nrate = x\n", line: 2, column: 1, message: "'rate' is a keyword"),
    ]

    @Test(arguments: cases)
    func libraryReportsLineColumnAndMessage(_ c: Case) {
        guard case .failure(let diagnostics) = Network.parse(c.source) else {
            Issue.record("\(c.name): expected an error")
            return
        }
        let first = diagnostics.list.first { $0.severity == .error }
        #expect(first?.location == SourceLocation(line: c.line, column: c.column), "\(c.name): \(diagnostics)")
        #expect(first?.message.contains(c.message) == true, "\(c.name): \(diagnostics)")
    }

    @Test(arguments: cases)
    func commandLineExits65WithCaret(_ c: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-malformed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.nn")
        try c.source.write(to: file, atomically: true, encoding: .utf8)
        let result = try Package.run(["show", file.path])
        #expect(result.status == 65, "\(c.name)")
        let lines = result.err.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("\(file.path):\(c.line):\(c.column): error: ") == true, "\(c.name): \(result.err)")
        #expect(lines.count >= 3 && lines[2].hasSuffix("^") && lines[2].count == c.column, "\(c.name): \(result.err)")
        #expect(!result.err.contains("Fatal error") && result.out.isEmpty)
    }
}
