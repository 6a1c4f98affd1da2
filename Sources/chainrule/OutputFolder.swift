import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole folder of output atomically: every file goes into a hidden staging folder beside the
/// target, which is then renamed into place (exchanged with the old folder where the system allows, so
/// a kill at any moment leaves either the complete old output or the complete new one). An existing
/// folder is replaced only when a ChainRule command wrote it (its marker file says so), or with `--force`.
struct OutputFolder {
    /// One file of the output: its path inside the folder, its bytes, whether it is executable.
    struct File {
        var path: String
        var data: Data
        var executable = false

        init(_ path: String, _ text: String) {
            self.path = path
            data = Data(text.utf8)
        }

        init(_ path: String, data: Data, executable: Bool = false) {
            self.path = path
            self.data = data
            self.executable = executable
        }
    }

    /// The marker file every folder written this way holds, naming the command.
    static let marker = ".written-by-chainrule"

    /// The folder's path.
    var path: String
    /// The command writing it (`chainrule grade`), recorded in the marker.
    var command: String

    /// Stops unless the folder is absent, or was written by a ChainRule command, or `force`.
    func checkReplaceable(force: Bool) throws(Stop) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !force else { return }
        guard isDirectory.boolValue else {
            throw Stop(.cannotCreate, "\(path): error: a file of that name exists; use --force to replace it")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty || FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(OutputFolder.marker)) else {
            throw Stop(.cannotCreate, "\(path): error: the folder exists and was not written by chainrule; use --force to replace it")
        }
    }

    /// Writes `files` (and the marker) into a staging folder and renames it into place.
    func write(_ files: [File], force: Bool) throws(Stop) {
        try checkReplaceable(force: force)
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent(), name = url.lastPathComponent
        let fm = FileManager.default
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files + [File(OutputFolder.marker, command + "\n")] {
                let target = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: target)
                if file.executable { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path) }
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw Stop(.cannotCreate, "\(path): error: cannot write the output: \(error.localizedDescription)")
        }
        if fm.fileExists(atPath: url.path) {
            if exchange(staging.path, url.path) {
                try? fm.removeItem(at: staging)
                return
            }
            let old = parent.appendingPathComponent(".\(name).old-\(getpid())-\(UUID().uuidString.prefix(8))")
            do { try fm.moveItem(at: url, to: old) } catch {
                try? fm.removeItem(at: staging)
                throw Stop(.cannotCreate, "\(path): error: cannot replace the folder: \(error.localizedDescription)")
            }
            defer { try? fm.removeItem(at: old) }
            guard rename(staging.path, url.path) == 0 else {
                try? fm.moveItem(at: old, to: url)
                try? fm.removeItem(at: staging)
                throw Stop(.cannotCreate, "\(path): error: cannot rename the output into place")
            }
            return
        }
        guard rename(staging.path, url.path) == 0 else {
            try? fm.removeItem(at: staging)
            throw Stop(.cannotCreate, "\(path): error: cannot rename the output into place")
        }
    }

    /// Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE); false where unsupported.
    private func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }  // RTLD_DEFAULT
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) == 0  // RENAME_EXCHANGE
        #else
        return false
        #endif
    }

    /// Staging and old folders a killed run left beside the target.
    private func removeLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(".\(name).partial-") || entry.hasPrefix(".\(name).old-") {
            let pid = entry.hasPrefix(".\(name).partial-") ? Int32(entry.dropFirst(name.count + 10).prefix { $0 != "-" })
                : Int32(entry.dropFirst(name.count + 6).prefix { $0 != "-" })
            if let pid, pid != getpid(), kill(pid, 0) == 0 { continue }  // another run still writing
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
