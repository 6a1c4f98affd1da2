import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Many command lines in one process, for the CLI fuzzer (`Tests/…/CLIFuzzTests`): with the environment
/// variable `CHAINRULE_BATCH=1`, standard input holds one JSON array of arguments per line; each is run
/// exactly as `chainrule ARGS…` would run it (standard output and error captured in temporary files),
/// and one JSON object per line, `{"status", "out", "err", "seconds"}`, is written to standard output
/// before the next starts — so a crash or a hang is pinned to the case it happened in.
enum Batch {
    /// Runs every line of standard input; returns the exit status of the batch itself.
    static func run() -> Int32 {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-batch-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        let savedOut = dup(STDOUT_FILENO), savedErr = dup(STDERR_FILENO), savedIn = dup(STDIN_FILENO)
        let empty = open("/dev/null", O_RDONLY)
        dup2(empty, STDIN_FILENO)
        for line in input.split(separator: UInt8(ascii: "\n")) {
            guard let arguments = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String] else { continue }
            let out = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600), err = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            dup2(out, STDOUT_FILENO)
            dup2(err, STDERR_FILENO)
            close(out)
            close(err)
            let start = Date()
            let status = CLI.run(arguments)
            let seconds = Date().timeIntervalSince(start)
            dup2(savedOut, STDOUT_FILENO)
            dup2(savedErr, STDERR_FILENO)
            let record: [String: Any] = [
                "status": Int(status), "seconds": seconds,
                "out": String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                "err": String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            ]
            guard let data = try? JSONSerialization.data(withJSONObject: record) else { continue }
            try? OutputFile.writeAll(data + Data("\n".utf8), to: STDOUT_FILENO, path: "<stdout>")
        }
        dup2(savedIn, STDIN_FILENO)
        return 0
    }
}
