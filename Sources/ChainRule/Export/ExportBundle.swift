import Foundation

/// A tree of files made by an export, as data: relative paths with their bytes and whether each is
/// executable. The library builds it; the `chainrule` command writes it into one folder atomically.
public struct ExportBundle: Sendable {
    /// One file of the tree.
    public struct File: Sendable, Hashable {
        /// The path inside the bundle, `/`-separated, never absolute and never with `..`.
        public var path: String
        /// The file's bytes.
        public var data: Data
        /// Whether it is written with execute permission (scripts, the `chainrule` binary).
        public var executable: Bool

        /// A text file (UTF-8).
        public init(_ path: String, text: String, executable: Bool = false) {
            self.init(path, data: Data(text.utf8), executable: executable)
        }

        /// A file of bytes.
        public init(_ path: String, data: Data, executable: Bool = false) {
            self.path = path
            self.data = data
            self.executable = executable
        }

        /// The file's text, when it is UTF-8.
        public var text: String? { String(data: data, encoding: .utf8) }
    }

    /// The files, in the order they were added.
    public private(set) var files: [File] = []

    /// An empty bundle.
    public init() {}

    /// Adds a file; a later file with the same path replaces the earlier one. Empty, `.` and `..`
    /// components are dropped from the path, so that it stays inside the bundle.
    public mutating func add(_ file: File) {
        var file = file
        file.path = file.path.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "/")
        if let k = files.firstIndex(where: { $0.path == file.path }) { files[k] = file } else { files.append(file) }
    }

    /// Adds every file of `other` under the folder `prefix` (empty for the root).
    public mutating func add(_ other: ExportBundle, under prefix: String = "") {
        for file in other.files {
            add(File(prefix.isEmpty ? file.path : prefix + "/" + file.path, data: file.data, executable: file.executable))
        }
    }

    /// The file at `path`, if any.
    public subscript(path: String) -> File? { files.first { $0.path == path } }
}
