import Foundation
@testable import ChainRule

/// What the export tests share: the platforms' reference formats (read from ../shared/formats at test
/// time, never copied into the project), Python for running the exported scripts, and temporary folders.
enum ExportSupport {
    /// `shared/formats/NAME` beside the package (or beside its parent, for a worktree); `nil` when absent.
    static func formats(_ name: String) -> URL? {
        var folder = Package.root
        for _ in 0..<3 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/formats").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether python3 can import every module named.
    static func pythonHas(_ modules: [String]) -> Bool {
        guard let python = Shell.which("python3") else { return false }
        return (try? Shell.run(python, ["-c", modules.map { "import " + $0 }.joined(separator: "; ")]).status) == 0
    }

    /// Runs a Python script with arguments; its standard output.
    static func python(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, out: String, err: String) {
        try Shell.run(Shell.which("python3") ?? "/usr/bin/python3", ["-c", script] + arguments)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a bundle's files under `folder` (the test's own writer: plain files, executable bits).
    static func write(_ bundle: ExportBundle, to folder: URL) throws {
        for file in bundle.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
            if file.executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        }
    }

    /// Every problem of Problems/ as an export gets it: `variants` drawn (seed `seed`) where it declares ranges.
    static func problems(variants: Int? = 4, seed: UInt64 = 7) throws -> [ExportProblem] {
        try Package.problems.map { url in
            let source = try String(contentsOf: url, encoding: .utf8)
            let network = try Network.parse(source).get()
            return try ExportProblem(name: url.deletingPathExtension().lastPathComponent, network: network, source: source, variants: variants, seed: seed)
        }
    }

    /// A stand-in for the `chainrule` binary in bundles whose grader is not run.
    static let fakeBinary = Data([0x7f, 0x45, 0x4c, 0x46] + Array("not really".utf8))
}
