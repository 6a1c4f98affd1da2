import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of the `chainrule` executable as a child process: its wall time, its own peak resident
/// memory (from `wait4`'s resource usage of that child alone), the size of what it wrote to standard
/// output, and its exit status. A run longer than the time limit is killed.
struct ChildRun {
    var seconds: Double
    var peakBytes: Int
    var outputBytes: Int
    var status: Int32
    var timedOut: Bool

    /// The `chainrule` executable next to this benchmark (`swift build -c release` builds both), or the
    /// one named by the environment variable `CHAINRULE` (to measure another build side by side).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CHAINRULE"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chainrule")
    }

    /// Runs `chainrule ARGUMENTS` with standard output to a temporary file; `nil` when it cannot start.
    static func run(_ arguments: [String], limit: Double = 60) -> ChildRun? {
        let path = executable.path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bench-\(getpid()).out").path
        defer { unlink(output) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 { return nil }
            if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > limit, !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, outputBytes: size, status: exit, timedOut: timedOut)
    }

    /// `12.3 MB`, `456 KB`.
    static func bytes(_ count: Int) -> String {
        count >= 1 << 20 ? String(format: "%.1f MB", Double(count) / Double(1 << 20))
            : count >= 1 << 10 ? String(format: "%.0f KB", Double(count) / Double(1 << 10)) : "\(count) B"
    }

    /// One line: label, time, peak memory, output size, exit status when not 0.
    func line(_ label: String) -> String {
        let time = timedOut ? "> \(Stopwatch.format(seconds))" : Stopwatch.format(seconds)
        return "  " + label.padding(toLength: 52, withPad: " ", startingAt: 0)
            + time.padding(toLength: 12, withPad: " ", startingAt: 0)
            + ("peak " + ChildRun.bytes(peakBytes)).padding(toLength: 16, withPad: " ", startingAt: 0)
            + "output " + ChildRun.bytes(outputBytes) + (status == 0 ? "" : "   (exit \(status)\(timedOut ? ", killed" : ""))")
    }
}
