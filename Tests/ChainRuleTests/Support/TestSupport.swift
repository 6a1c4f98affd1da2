import Foundation
@testable import ChainRule

/// Paths of the package, for tests that read Problems/ or run the built `chainrule` binary.
enum Package {
    /// The package root (the folder with Package.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Problems/NAME.
    static func problem(_ name: String) -> URL { root.appendingPathComponent("Problems").appendingPathComponent(name) }

    /// Every file in Problems/, sorted by name.
    static var problems: [URL] {
        let folder = root.appendingPathComponent("Problems")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".nn") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The text of a problem file.
    static func source(_ name: String) -> String {
        (try? String(contentsOf: problem(name), encoding: .utf8)) ?? ""
    }

    /// The network of a problem file; records an issue (via `nil`) when it does not build.
    static func network(_ name: String) -> Network? {
        try? Network.parse(source(name)).get()
    }

    /// The built `chainrule` executable (next to the test bundle, or in .build/debug).
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chainrule")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/chainrule")
    }

    /// Runs `chainrule` with arguments (and optional standard input); returns status and outputs.
    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        try Shell.run(executable.path, arguments, input: input, in: directory ?? root)
    }
}

/// Running external programs from tests.
enum Shell {
    /// Runs a program; returns its status, standard output and standard error.
    static func run(_ program: String, _ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Starts `arguments[0]` with `arguments` (standard error discarded) and returns its process id, for
    /// tests that signal the child. Use ``waitFor(_:)`` to reap it: Foundation's `Process` can miss the
    /// exit of a child killed right after it starts, and the test then hangs in `waitUntilExit`.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard result == 0 else { throw CocoaError(.executableLoad, userInfo: ["posix_spawn": result]) }
        return pid
    }

    /// Waits for a child started by ``spawn(_:)`` and returns its raw wait status.
    @discardableResult
    static func waitFor(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                // Reaped elsewhere (ECHILD): wait until the process is gone, at most 10 s.
                for _ in 0..<1000 where kill(pid, 0) == 0 { usleep(10_000) }
                break
            }
        }
        return status
    }

    /// The full path of a program on PATH, if installed.
    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A small seeded generator (SplitMix64) so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
