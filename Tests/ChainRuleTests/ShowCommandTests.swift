import Foundation
import Testing
@testable import ChainRule

@Suite("show command")
struct ShowCommandTests {
    @Test(arguments: Package.problems.map(\.lastPathComponent))
    func showsEveryProblem(_ name: String) throws {
        let text = try Package.run(["show", "Problems/" + name])
        #expect(text.status == 0 && text.err.isEmpty, "\(name): \(text.err)")
        #expect(text.out.contains("nodes (topological order):"))
        let json = try Package.run(["show", "Problems/" + name, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let nodes = object?["nodes"] as? [[String: Any]]
        #expect(nodes?.count == Package.network(name)?.nodes.count)
    }

    @Test func helpAndBadCommandLines() throws {
        let help = try Package.run(["--help"])
        #expect(help.status == 0 && help.out.contains("usage: chainrule COMMAND"))
        for command in ["show", "derive", "draw", "run", "verify", "check"] {
            let result = try Package.run([command, "--help"])
            #expect(result.status == 0 && result.out.hasPrefix("usage: chainrule \(command)"), "\(command)")
        }
        let unknown = try Package.run(["frobnicate"])
        #expect(unknown.status == 2 && unknown.err.hasPrefix("chainrule: unknown command 'frobnicate'"))
        let badFlag = try Package.run(["show", "Problems/perceptron.nn", "--colour"])
        #expect(badFlag.status == 2 && badFlag.err.hasPrefix("chainrule show: unknown option '--colour'\nusage:"))
        let badChoice = try Package.run(["show", "Problems/perceptron.nn", "--format", "yaml"])
        #expect(badChoice.status == 2 && badChoice.err.contains("--format must be one of text, json"))
        let missing = try Package.run(["show", "Problems/nope.nn"])
        #expect(missing.status == 66 && missing.err == "Problems/nope.nn: error: no such file\n")
    }
}
