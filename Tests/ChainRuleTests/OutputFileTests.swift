import Foundation
import Testing

/// Every command that writes (`derive -o`, `draw -o`, `key`, `key --variants`) through the built binary:
/// no user file replaced without `--force`, devices/FIFOs/`-` written directly, symbolic links followed,
/// a failed write exits 73 and leaves nothing, a kill leaves no temporary file, and variant folders
/// appear whole or not at all.
@Suite("Files: writing outputs")
struct OutputFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func entries(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test(arguments: [["derive", "Problems/quiz-problem-3.nn"], ["draw", "Problems/quiz-problem-3.nn"]])
    func anExistingFileIsReplacedOnlyWithForce(_ command: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mine.txt").path
        try "my notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let refused = try Package.run(command + ["-o", path])
        #expect(refused.status == 73 && refused.err.contains("exists; use --force"), "\(refused.err)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
        let forced = try Package.run(command + ["-o", path, "--force"])
        #expect(forced.status == 0, "\(forced.err)")
        let printed = try Package.run(command)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.out)
        #expect(try Self.entries(folder) == ["mine.txt"])
    }

    @Test func aSymbolicLinkIsFollowedNotReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real.svg"), link = folder.appendingPathComponent("link.svg")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.svg")
        let result = try Package.run(["draw", "Problems/quiz-problem-3.nn", "-o", link.path, "--force"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.svg")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("<svg"))
        #expect(try Self.entries(folder) == ["link.svg", "real.svg"])
    }

    @Test func aFIFOIsWrittenDirectly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let result = try Package.run(["derive", "Problems/quiz-problem-3.nn", "-o", fifo])
        #expect(result.status == 0, "\(result.err)")
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer[..<max(0, count)], as: UTF8.self).contains("∂"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func dashIsStandardOutputAndAFullDeviceFails() throws {
        let dash = try Package.run(["draw", "Problems/quiz-problem-3.nn", "-o", "-"])
        #expect(dash.status == 0 && dash.out.contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: Package.root.appendingPathComponent("-").path))
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let full = try Package.run(["draw", "Problems/quiz-problem-3.nn", "-o", "/dev/full"])
        #expect(full.status == 73 && full.err.contains("No space left"), "\(full.err)")
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/full is still a device")
    }

    @Test func variantsAppearWholeAndRefuseAnExistingFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("v").path
        let arguments = ["key", "Problems/example-3-bce.nn", "--variants", "2", "--seed", "1", "-o", out]
        #expect(try Package.run(arguments).status == 0)
        try "stale".write(toFile: out + "/stray.txt", atomically: true, encoding: .utf8)
        let refused = try Package.run(arguments)
        #expect(refused.status == 73 && refused.err.contains("folder exists; use --force"), "\(refused.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/stray.txt"))
        let forced = try Package.run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.err)")
        let names = try Self.entries(URL(fileURLWithPath: out))
        #expect(names.count == 5 && !names.contains("stray.txt"), "\(names)")
        #expect(try Self.entries(folder) == ["v"], "no staging folder left")
    }

    /// A one-character output name (`-o d`, `-o v`) is written, not a trap: Foundation's
    /// `deletingLastPathComponent` traps on such a path, so the CLI splits paths itself.
    @Test func oneCharacterNamesAreWritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let derived = try Package.run(["derive", Package.problem("quiz-problem-3.nn").path, "-o", "d"], in: folder)
        #expect(derived.status == 0, "\(derived.err)")
        let keyed = try Package.run(["key", Package.problem("example-3-bce.nn").path, "--variants", "1", "-o", "v"], in: folder)
        #expect(keyed.status == 0, "\(keyed.err)")
        #expect(try Self.entries(folder) == ["d", "v"])
    }

    /// A kill in the middle of writing leaves nothing visible or hidden: SIGTERM during many variants,
    /// and `kill -9` (cleaned by the next run) .
    @Test(arguments: [SIGTERM, SIGKILL])
    func aKillLeavesNoLitter(_ signal: Int32) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pid = try Shell.spawn([Package.executable.path, "key", Package.problem("example-3-bce.nn").path, "--variants", "3000",
                                   "--seed", "1", "-o", folder.appendingPathComponent("v").path])
        var waited = 0
        while waited < 200, (try? Self.entries(folder))?.isEmpty ?? true { usleep(10_000); waited += 1 }
        kill(pid, signal)
        Shell.waitFor(pid)
        if signal == SIGKILL {
            // The next run into the same place removes what the killed one could not.
            _ = try Package.run(["key", Package.problem("example-3-bce.nn").path, "--variants", "1", "-o", "v"], in: folder)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("v"))
        }
        let left = try Self.entries(folder)
        #expect(left == [], "left behind: \(left)")
    }
}
