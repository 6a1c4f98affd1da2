import ChainRule
import Foundation

/// The package's Problems/ folder, for benchmarks that measure the course's own networks.
enum ProblemFiles {
    /// The package root (two folders above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Problems/NAME.
    static func url(_ name: String) -> URL { root.appendingPathComponent("Problems").appendingPathComponent(name) }

    /// Every `.nn` file name in Problems/, sorted.
    static var names: [String] {
        let folder = root.appendingPathComponent("Problems").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".nn") }.sorted()
    }

    /// The network of Problems/NAME, or `nil` when it cannot be read or built.
    static func network(_ name: String) -> Network? {
        guard let source = try? String(contentsOf: url(name), encoding: .utf8) else { return nil }
        return try? Network.parse(source).get()
    }
}
