import ChainRule
import Foundation

/// `chainrule export --to PLATFORM PROBLEM…`: problems (with their variants) and ChainRule's grading
/// delivered into a learning platform's own format, written atomically into one folder.
enum ExportCommand {
    /// The platforms, in the order `--help` lists them.
    static let targets = ["prairielearn", "moodle", "gradescope"]

    static let spec = CommandSpec(
        name: "export", summary: "export problems and ChainRule's grading to PrairieLearn, Moodle or Gradescope",
        synopsis: "--to \(targets.joined(separator: "|")) PROBLEM… [--variants N --seed S] [--roster CSV] [-o FOLDER] [--force] [--binary PATH]",
        options: [("to", targets, "the platform"),
                  ("variants", [], "give students N variants of each problem that declares ranges (as chainrule key --variants N draws them)"),
                  ("seed", [], "the seed of the variants (default 0; the same as chainrule key's)"),
                  ("roster", [], "gradescope: a CSV with student (e-mail or SID) and variant columns"),
                  ("binary", [], "the chainrule executable bundled for the graders (default: this one)"),
                  ("output", [], "the folder written (default prairielearn-export, moodle-export or gradescope-export)")],
        flags: [("force", "replace an existing output folder")],
        aliases: ["o": "output"],
        operands: 1...Int.max,
        details: """
            PROBLEMs are .nn files or folders (their *.nn files). The folder is built beside its place and
            renamed into it when complete, so a failure or a kill leaves the complete folder or none; an
            existing folder is replaced only with --force. The graders run the bundled chainrule binary:
            build a self-contained one with 'swift build -c release --static-swift-stdlib' and pass it
            with --binary (a warning says when the bundled one needs Swift's shared libraries). --to moodle
            writes quiz.xml (Cloze and STACK questions; no binary) and a README.md. Exit 0 when
            written, 2 for a wrong command line, 65 for a malformed problem or roster or impossible
            variants, 66 for a missing input, 73 when the folder cannot be written.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        guard let target = arguments.value("to") else { throw spec.usageError("give --to \(targets.joined(separator: "|"))") }
        let count = try arguments.integer("variants", in: 1...100_000, command: spec)
        guard let seed = UInt64(arguments.value("seed") ?? "0") else {
            throw spec.usageError("--seed takes a whole number from 0 to \(UInt64.max), got '\(arguments.value("seed") ?? "")'")
        }
        if count == nil, arguments.values["seed"] != nil { throw spec.usageError("--seed needs --variants") }
        let path = arguments.value("output") ?? target + "-export"
        let force = arguments.flags.contains("force")
        try refuseExisting(path, force: force)
        let problems = try read(arguments.positional, variants: count, seed: seed)
        var roster: Roster?
        if let path = arguments.value("roster") {
            guard target == "gradescope" else { throw spec.usageError("--roster is for --to gradescope") }
            let text = try Files.read(path)
            do throws(Diagnostic) { roster = try Roster.csv(text) } catch { throw Stop(.dataError, error.formatted(file: path, source: text)) }
        }
        if target == "gradescope", roster == nil, problems.contains(where: \.isDrawn) {
            throw spec.usageError("--to gradescope with --variants needs --roster CSV (student,variant) to find each student's variant")
        }
        let bundle: ExportBundle
        switch target {
        case "prairielearn": bundle = PrairieLearnExport.bundle(problems, binary: try readBinary(arguments.value("binary")))
        case "moodle": bundle = MoodleQuiz(problems).bundle
        case "gradescope":
            let binary = try readBinary(arguments.value("binary"))
            do throws(StoredZip.Failure) { bundle = try GradescopeExport.bundle(problems, roster: roster, binary: binary) } catch {
                throw Stop(.cannotCreate, "\(path): error: \(error.description)")
            }
        default: throw spec.usageError("--to \(target) is not written yet")
        }
        try write(bundle, to: path, force: force)
        Console.error("chainrule export: wrote \(problems.count) problem\(problems.count == 1 ? "" : "s") for \(target) to \(path)/ (see its README.md)")
        return .success
    }

    /// The problems under `paths`, each with its variants.
    static func read(_ paths: [String], variants count: Int?, seed: UInt64) throws(Stop) -> [ExportProblem] {
        var problems: [ExportProblem] = []
        for problem in try KeyCommand.read(paths) {
            let name = ((problem.path as NSString).lastPathComponent as NSString).deletingPathExtension
            do throws(Variants.Failure) {
                problems.append(try ExportProblem(name: name, network: problem.network, source: problem.source, variants: count, seed: seed))
            } catch {
                throw Stop(.dataError, "\(problem.path): error: \(error.description)")
            }
        }
        var seen = Set<String>()
        for problem in problems where !seen.insert(problem.name).inserted {
            throw Stop(.dataError, "\(problem.name).nn: error: two problems have the same name; export them separately")
        }
        return problems
    }

    /// The executable the graders run: `--binary PATH`, or the running one. Warns when it needs the
    /// Swift runtime's shared libraries (not a `--static-swift-stdlib` build).
    static func readBinary(_ path: String?) throws(Stop) -> Data {
        let file = path ?? "/proc/self/exe"
        guard let data = FileManager.default.contents(atPath: file) ?? Bundle.main.executablePath.flatMap({ FileManager.default.contents(atPath: $0) }) else {
            throw Stop(.noInput, "\(path ?? "chainrule"): error: cannot read the chainrule executable to bundle")
        }
        guard data.starts(with: [0x7f, 0x45, 0x4c, 0x46]) || data.starts(with: [0xcf, 0xfa, 0xed, 0xfe]) else {
            throw Stop(.dataError, "\(file): error: not an executable (expected an ELF or Mach-O file)")
        }
        if data.range(of: Data("libswiftCore.so".utf8)) != nil {
            Console.error("chainrule export: warning: the bundled chainrule (\(path ?? "this one")) needs Swift's shared libraries; graders run a self-contained build: swift build -c release --static-swift-stdlib, then --binary .build/release/chainrule")
        }
        return data
    }

    /// Stops when `path` exists, unless `force`.
    static func refuseExisting(_ path: String, force: Bool) throws(Stop) {
        var isDirectory: ObjCBool = false
        guard !force, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        throw Stop(.cannotCreate, "\(path): error: \(isDirectory.boolValue ? "the folder" : "a file of that name") exists; use --force to replace it")
    }

    /// Writes `bundle` into the folder `path` atomically (``OutputFolder``).
    static func write(_ bundle: ExportBundle, to path: String, force: Bool) throws(Stop) {
        let files = bundle.files.map { OutputFolder.File($0.path, data: $0.data, executable: $0.executable) }
        try OutputFolder(path: path, command: "chainrule export").write(files, force: true)
    }
}
