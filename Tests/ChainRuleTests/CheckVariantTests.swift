import Foundation
import Testing
@testable import ChainRule

/// `chainrule check --variant K --seed S` checks against the values of variant K, the same values
/// `chainrule key --variants N --seed S` wrote into variant K's sheet and the grader's CSV.
@Suite("check against a variant")
struct CheckVariantTests {
    @Test func workedValuesAreJudgedAgainstTheVariant() throws {
        let network = try #require(Package.network("example-3-bce.nn"))
        let variant = try Variants.variant(2, of: network, seed: 7).network
        let runtime = try Runtime(variant)
        let evaluation = runtime.forward(at: try Point(network: variant))
        let z = try #require(evaluation.value(named: "z_h1")?.scalar)
        let original = try #require(Runtime(network).forward(at: try Point(network: network)).value(named: "z_h1")?.scalar)
        try #require(abs(z - original) > 0.01, "the variant must differ from the file's own values")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-variant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let worked = folder.appendingPathComponent("worked.txt")
        try "z_h1 = \(String(format: "%.4f", z))\n".write(to: worked, atomically: true, encoding: .utf8)

        let against = try Package.run(["check", "Problems/example-3-bce.nn", "--worked", worked.path, "--variant", "2", "--seed", "7"])
        #expect(against.status == 0, "\(against.out)\(against.err)")
        let plain = try Package.run(["check", "Problems/example-3-bce.nn", "--worked", worked.path])
        #expect(plain.status == 1, "without --variant the file's own values apply")
        let bad = try Package.run(["check", "Problems/quiz-problem-3.nn", "--answer", "∂y/∂x1", "--variant", "1"])
        #expect(bad.status == 65 && bad.err.contains("cannot make variant 1"))
    }
}
