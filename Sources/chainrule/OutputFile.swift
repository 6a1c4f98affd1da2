import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a command's output files so that nothing is ever half-written, replaced by surprise or
/// left behind:
///
/// - `-` is standard output; an existing device, FIFO or socket (`/dev/stdout`, `/dev/null`) is written
///   to directly, never replaced;
/// - a symbolic link is followed: the file it points to is written, the link stays;
/// - an existing regular file is replaced only with `force` (exit 73 otherwise);
/// - a regular file is written to an unnamed temporary file in the target's folder (Linux `O_TMPFILE`)
///   that is linked into place only when complete, so a failed write (disk full) or a kill — even
///   `kill -9` — leaves nothing behind; where the file system has no unnamed files, a hidden temporary
///   file is removed on failure and on SIGINT, SIGTERM and SIGHUP;
/// - a folder (``writeFolder(at:force:_:)``) is built beside its target and renamed into place.
enum OutputFile {
    /// Writes `text` to `path` (see ``OutputFile``); `force` allows replacing an existing regular file.
    static func write(_ text: String, to path: String, force: Bool) throws(Stop) {
        try write(Data(text.utf8), to: path, force: force)
    }

    /// Writes `data` to `path` (see ``OutputFile``); `force` allows replacing an existing regular file.
    static func write(_ data: Data, to path: String, force: Bool) throws(Stop) {
        if path == "-" {
            try writeAll(data, to: STDOUT_FILENO, path: "<stdout>")
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw Stop(.cannotCreate, "\(path): error: cannot write the file: it is a folder") }
            if type != S_IFREG { return try writeDirectly(data, to: path) }
            guard force else {
                throw Stop(.cannotCreate, "\(path): error: the file exists; use --force to replace it")
            }
        }
        try replace(resolved(path), with: data, path: path, force: force)
    }

    /// Builds a folder at `path`: `fill` writes its files into a fresh hidden folder beside `path`
    /// (given to it), which is then renamed into place, so a failure or a kill never leaves a partial
    /// folder, and two runs never mix their files. An existing folder is refused unless `force`, and
    /// then replaced as a whole. The staging folder is removed on failure and on SIGINT, SIGTERM, SIGHUP,
    /// and after `kill -9` by the next run into the same place.
    static func writeFolder(at path: String, force: Bool, _ fill: (String) throws(Stop) -> Void) throws(Stop) {
        var info = stat()
        let exists = lstat(path, &info) == 0
        if exists {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw Stop(.cannotCreate, "\(path): error: exists and is not a folder")
            }
            guard force else { throw Stop(.cannotCreate, "\(path): error: the folder exists; use --force to replace it") }
        }
        removeStale(beside: path)
        let staging = hiddenSibling(of: path, suffix: "partial")
        guard mkdir(staging, 0o777) == 0 else {
            throw Stop(.cannotCreate, "\(path): error: cannot create the folder: \(reason())")
        }
        let cleanup = SignalCleanup(removing: staging)
        defer { cleanup.cancel() }
        do throws(Stop) {
            try fill(staging)
            if exists {
                let old = hiddenSibling(of: path, suffix: "old")
                guard rename(path, old) == 0 else { throw Stop(.cannotCreate, "\(path): error: cannot replace the folder: \(reason())") }
                guard rename(staging, path) == 0 else {
                    let why = reason()
                    _ = rename(old, path)
                    throw Stop(.cannotCreate, "\(path): error: cannot replace the folder: \(why)")
                }
                try? FileManager.default.removeItem(atPath: old)
            } else if rename(staging, path) != 0 {
                throw Stop(.cannotCreate, "\(path): error: cannot create the folder: \(reason())")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    // MARK: - Pieces

    /// The path a symbolic link finally points to (the path itself when it is not a link).
    private static func resolved(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : joined(split(current).folder, target)
        }
        return current
    }

    /// The folder part (empty for a bare name) and the last component of `path`, split at the last `/`
    /// by hand: Foundation's `deletingLastPathComponent` traps on a one-character path such as `v`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// `folder/name` (just `name` for an empty folder).
    static func joined(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// A fresh hidden name beside `path`: `.NAME.chainrule-PID-RANDOM.SUFFIX`.
    private static func hiddenSibling(of path: String, suffix: String) -> String {
        let (folder, last) = split(path)
        return joined(folder, "." + last + ".chainrule-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(suffix)")
    }

    /// Removes the staging folders of earlier runs beside `path` whose process is gone (killed with a
    /// signal that cannot be caught).
    private static func removeStale(beside path: String) {
        let (folder, last) = split(path)
        let prefix = "." + last + ".chainrule-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names where name.hasPrefix(prefix) && (name.hasSuffix(".partial") || name.hasSuffix(".old")) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: joined(folder, name))
        }
    }

    /// The text of `errno`.
    private static func reason() -> String { String(cString: strerror(errno)) }

    /// Writes into an existing device, FIFO or socket.
    private static func writeDirectly(_ data: Data, to path: String) throws(Stop) {
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { throw Stop(.cannotCreate, "\(path): error: cannot write the file: \(reason())") }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    /// Writes every byte to a descriptor, or stops with the reason (exit 73).
    static func writeAll(_ data: Data, to fd: Int32, path: String) throws(Stop) {
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(fd, base, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = reason()
                    return
                }
                left -= written
                base += written
            }
        }
        if let failure { throw Stop(.cannotCreate, "\(path): error: cannot write the file: \(failure)") }
    }

    /// Writes `target` from a temporary file; without `force` the final link refuses to replace a file
    /// that appeared meanwhile.
    private static func replace(_ target: String, with data: Data, path: String, force: Bool) throws(Stop) {
        let folder = split(target).folder
        let fail = { (why: String) in Stop(.cannotCreate, "\(path): error: cannot write the file: \(why)") }
        let unnamed = open(folder.isEmpty ? "." : folder, O_WRONLY | O_DIRECTORY | 0o20000000, 0o666)
        if unnamed >= 0 {
            defer { close(unnamed) }
            try writeAll(data, to: unnamed, path: path)
            let proc = "/proc/self/fd/\(unnamed)"
            if !force {
                guard linkat(AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 else {
                    throw errno == EEXIST ? Stop(.cannotCreate, "\(path): error: the file exists; use --force to replace it") : fail(reason())
                }
                return
            }
            let temporary = hiddenSibling(of: target, suffix: "tmp")
            guard linkat(AT_FDCWD, proc, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else { throw fail(reason()) }
            guard rename(temporary, target) == 0 else {
                let why = reason()
                unlink(temporary)
                throw fail(why)
            }
            return
        }
        guard errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL else { throw fail(reason()) }
        // No unnamed files here: a hidden temporary file, removed on failure or a signal.
        let temporary = hiddenSibling(of: target, suffix: "tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard fd >= 0 else { throw fail(reason()) }
        let cleanup = SignalCleanup(removing: temporary)
        defer { cleanup.cancel() }
        var isOpen = true
        do throws(Stop) {
            try writeAll(data, to: fd, path: path)
            isOpen = false
            guard close(fd) == 0 else { throw fail(reason()) }
            if !force {
                guard link(temporary, target) == 0 else {
                    throw errno == EEXIST ? Stop(.cannotCreate, "\(path): error: the file exists; use --force to replace it") : fail(reason())
                }
                unlink(temporary)
            } else if rename(temporary, target) != 0 {
                throw fail(reason())
            }
        } catch {
            if isOpen { close(fd) }
            unlink(temporary)
            throw error
        }
    }
}

/// While alive, removes a temporary path and exits (128 + signal) on SIGINT, SIGTERM or SIGHUP.
struct SignalCleanup {
    private let sources: [DispatchSourceSignal]

    /// Starts watching the signals; `path` (file or folder) is removed if one arrives.
    init(removing path: String) {
        sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: path)
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
    }
}
