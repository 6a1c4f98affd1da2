import ChainRule
import Foundation

/// Reading inputs and writing outputs for the commands, with errors as ``Stop`` values.
enum Files {
    /// The text of a file (or standard input for `-`): UTF-8, with CR-only and CRLF line endings read
    /// as LF. Text that is not UTF-8 is reported at its first bad byte (`FILE:LINE:COL`).
    static func read(_ path: String) throws(Stop) -> String {
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Stop(.noInput, "\(path): error: no such file")
            }
            guard !isDirectory.boolValue else { throw Stop(.noInput, "\(path): error: is a folder, expected a file") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Stop(.noInput, "\(path): error: cannot read the file")
            }
            data = contents
        }
        let bytes = [UInt8](data)
        if let bad = firstInvalidUTF8(bytes) {
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            let diagnostic = Diagnostic(at: SourceLocation(line: line, column: column),
                                        "the file is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character")
            throw Stop(.dataError, diagnostic.formatted(file: name, source: String(decoding: bytes, as: UTF8.self)))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 (no overlong forms, no
    /// surrogates, nothing above U+10FFFF), or `nil` when all of it is.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let (more, smallest, bits): (Int, UInt32, UInt8) = switch lead {
            case 0xC2...0xDF: (1, 0x80, 0x1F)
            case 0xE0...0xEF: (2, 0x800, 0x0F)
            case 0xF0...0xF4: (3, 0x10000, 0x07)
            default: (0, 0, 0)
            }
            guard more > 0, i + more < bytes.count else { return i }
            var scalar = UInt32(lead & bits)
            for k in 1...more {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= smallest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            i += more + 1
        }
        return nil
    }

    /// Reads and builds a network, turning diagnostics into the compiler-style report (exit 65); the
    /// notes and warnings of a file that builds go to standard error.
    static func network(_ path: String) throws(Stop) -> Network {
        try load(path).network
    }

    /// Reads and builds a network, keeping its source text for later diagnostics.
    static func load(_ path: String) throws(Stop) -> (network: Network, source: String) {
        let source = try read(path)
        switch Network.parse(source) {
        case .success(let network):
            Console.error(Diagnostics(network.notes).formatted(file: path == "-" ? "<stdin>" : path, source: source))
            return (network, source)
        case .failure(let diagnostics):
            throw Stop(.dataError, diagnostics.formatted(file: path == "-" ? "<stdin>" : path, source: source))
        }
    }
}

/// Standard output and standard error.
enum Console {
    /// Prints to standard output; when that fails (a full disk, a closed pipe), says so and exits 73.
    static func out(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints `text` to standard output as it is (no newline added); when that fails, says so and exits 73.
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        do throws(Stop) {
            try OutputFile.writeAll(Data(text.utf8), to: STDOUT_FILENO, path: "<stdout>")
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
