import Testing
@testable import ChainRule

/// 10,000 seeded random mutations of the Problems/ files through the whole front end (parser and
/// network builder): each ends in a network or in diagnostics that point inside the file.
@Suite("Front end fuzzing")
struct FrontEndFuzzTests {
    @Test func tenThousandMutationsEndInANetworkOrADiagnostic() throws {
        let sources = Package.problems.map { Package.source($0.lastPathComponent) }
        try #require(sources.count >= 7)
        var random = SplitMix64(seed: 2026)
        var networks = 0, rejected = 0
        for _ in 0..<10_000 {
            let original = sources[Int.random(in: 0..<sources.count, using: &random)]
            let mutated = Self.mutate(original, using: &random)
            switch Network.parse(mutated) {
            case .success(let network):
                networks += 1
                #expect(network.inputs.enumerated().allSatisfy { index, inputs in inputs.allSatisfy { $0 < index } })
            case .failure(let diagnostics):
                rejected += 1
                let lines = mutated.split(separator: "\n", omittingEmptySubsequences: false)
                for d in diagnostics.list {
                    #expect(d.location.line >= 1 && d.location.line <= max(lines.count, 1), "\(d)")
                    let width = d.location.line <= lines.count ? lines[d.location.line - 1].count : 0
                    #expect(d.location.column >= 1 && d.location.column <= width + 1, "\(d)")
                }
            }
        }
        #expect(networks + rejected == 10_000)
        #expect(networks > 100 && rejected > 1_000)
    }

    /// One to three random edits: delete, duplicate or swap characters or lines, or insert a character.
    static func mutate(_ source: String, using random: inout SplitMix64) -> String {
        var characters = Array(source)
        let alphabet = Array("()[],=+-*/^#.0123456789 xyzabcdgw_\n\t{}∂é")
        for _ in 0..<Int.random(in: 1...3, using: &random) where !characters.isEmpty {
            let i = Int.random(in: 0..<characters.count, using: &random)
            let j = Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: characters.remove(at: i)
            case 1: characters.insert(characters[i], at: i)
            case 2: characters.swapAt(i, j)
            case 3: characters.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: i)
            default:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let a = Int.random(in: 0..<lines.count, using: &random), b = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: lines.remove(at: a)
                case 1: lines.insert(lines[a], at: b)
                default: lines.swapAt(a, b)
                }
                characters = Array(lines.joined(separator: "\n"))
            }
        }
        return String(characters)
    }
}
