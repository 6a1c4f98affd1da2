import ChainRule
import Foundation

/// Reading inputs and writing outputs for the commands, with errors as ``Stop`` values.
enum Files {
    /// The text of a file (or standard input for `-`).
    static func read(_ path: String) throws(Stop) -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw Stop(.dataError, "<stdin>: error: input is not UTF-8 text")
            }
            return text
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Stop(.noInput, "\(path): error: no such file")
        }
        guard !isDirectory.boolValue else { throw Stop(.noInput, "\(path): error: is a folder, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Stop(.noInput, "\(path): error: cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Stop(.dataError, "\(path): error: the file is not UTF-8 text")
        }
        return text
    }

    /// Reads and builds a network, turning diagnostics into the compiler-style report (exit 65); the
    /// notes and warnings of a file that builds go to standard error.
    static func network(_ path: String) throws(Stop) -> Network {
        let source = try read(path)
        switch Network.parse(source) {
        case .success(let network):
            Console.error(Diagnostics(network.notes).formatted(file: path == "-" ? "<stdin>" : path, source: source))
            return network
        case .failure(let diagnostics):
            throw Stop(.dataError, diagnostics.formatted(file: path == "-" ? "<stdin>" : path, source: source))
        }
    }
}

/// Standard output and standard error.
enum Console {
    /// Prints to standard output; when that fails (a full disk, a closed pipe), says so and exits 73.
    static func out(_ text: String) {
        do throws(Stop) {
            try OutputFile.writeAll(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDOUT_FILENO, path: "<stdout>")
        } catch {
            Console.error(error.message)
            exit(ExitCode.cannotCreate.rawValue)
        }
    }

    /// Prints to standard error.
    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
