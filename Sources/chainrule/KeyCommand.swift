import ChainRule
import Foundation

/// `chainrule key [PATH…]`: answer keys for problem files (LaTeX or Markdown), or numbered variants
/// of one problem with a question sheet and a key each and a CSV of the expected answers.
enum KeyCommand {
    static let spec = CommandSpec(
        name: "key", summary: "write answer keys (LaTeX or Markdown), or a variant of a problem for every student",
        synopsis: "[PATH…] [-o FILE] [--format latex|markdown|html] [--form factored|expanded|steps|adjoint] [--plug-in] [--no-notes] [--force] [--variants N --seed S]",
        options: [("output", [], "the file written (default answer-key.tex, .md or .html); with --variants, the folder"),
                  ("format", ["latex", "markdown", "html"], "output format (default latex); html: one page, answer-key.html, the network linked to every form"),
                  ("form", DerivativeForm.allCases.map(\.rawValue), "the form of derivative answers (default factored)"),
                  ("variants", [], "write N variants of one problem, values drawn from its declared ranges"),
                  ("seed", [], "seed for the variants' draws (default 0); the same seed gives the same files")],
        flags: [("plug-in", "write out local derivatives for unspecified activations (g) too"),
                ("force", "replace an output file even if chainrule key did not write it"),
                ("no-notes", "leave the notes from the problem files (source files, commands) out of the key")],
        aliases: ["o": "output"],
        operands: 0...Int.max,
        details: """
            PATHs are .nn files or folders (their *.nn files); the default is Problems/. One section per
            problem, in file-name order. The key is written atomically; an existing file is replaced only
            if chainrule key wrote it (or with --force). Typeset a LaTeX key with 'pdflatex answer-key.tex'.
            With --variants N, PATH is one problem: the folder (default NAME-variants) gets
            NAME-vK-questions and NAME-vK-key for each variant K and NAME-answers.csv. The folder is built
            beside its place and renamed into it when complete; an existing folder is replaced only with --force.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let markdown = arguments.value("format") == "markdown", html = arguments.value("format") == "html"
        var options = KeyOptions(form: DerivativeForm(rawValue: arguments.value("form", default: "factored") ?? "") ?? .factored)
        options.plugsInUnspecified = arguments.flags.contains("plug-in")
        options.includesNotes = !arguments.flags.contains("no-notes")
        let force = arguments.flags.contains("force")
        let problems = try read(arguments.positional.isEmpty ? ["Problems"] : arguments.positional)
        if let count = try arguments.integer("variants", in: 1...100_000, command: spec) {
            guard !html else { throw spec.usageError("--variants writes LaTeX or Markdown, not html") }
            guard problems.count == 1, let problem = problems.first else {
                throw spec.usageError("--variants takes exactly one problem file, got \(problems.count)")
            }
            guard let seed = arguments.value("seed", default: "0").flatMap(UInt64.init) else {
                throw spec.usageError("--seed takes a whole number from 0 to \(UInt64.max), got '\(arguments.value("seed") ?? "")'")
            }
            return try variants(problem, count: count, seed: seed, options: options, markdown: markdown,
                                folder: arguments.value("output"), force: force)
        }
        if arguments.values["seed"] != nil { throw spec.usageError("--seed needs --variants") }
        if html { return try page(problems, options: options, formGiven: arguments.values["form"] != nil, path: arguments.value("output") ?? "answer-key.html", force: force) }
        let path = arguments.value("output") ?? (markdown ? "answer-key.md" : "answer-key.tex")
        let sections = problems.map { AnswerKey.section($0.network, source: $0.source, options: options) }
        let title = problems.count == 1 ? "Answer key: " + (sections[0].title) : "Answer key"
        let text = render(KeyDocument(kind: .key, title: title, sections: sections), markdown: markdown)
        try checkReplaceable([path], force: force)
        try OutputFile.write(text, to: path, force: true)
        Console.error("chainrule key: wrote \(path) (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
        return .success
    }

    /// A problem file read and built.
    struct Problem {
        var path: String
        var source: String
        var network: Network
    }

    /// Every problem under `paths` (folders give their *.nn files), sorted by file name; every
    /// malformed file is reported before stopping (exit 65), so that nothing is written.
    static func read(_ paths: [String]) throws(Stop) -> [Problem] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Stop(.noInput, "\(path): error: no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".nn") }.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw Stop(.noInput, "\(paths.joined(separator: ", ")): error: no .nn files") }
        files.sort { ($0 as NSString).lastPathComponent == ($1 as NSString).lastPathComponent ? $0 < $1
            : ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
        var problems: [Problem] = [], reports: [String] = []
        for file in files {
            let source = try Files.read(file)
            switch Network.parse(source) {
            case .success(let network):
                Console.error(Diagnostics(network.notes).formatted(file: file, source: source))
                problems.append(Problem(path: file, source: source, network: network))
            case .failure(let diagnostics): reports.append(diagnostics.formatted(file: file, source: source))
            }
        }
        guard reports.isEmpty else { throw Stop(.dataError, reports.joined(separator: "\n")) }
        return problems
    }

    /// `--format html`: one page for every problem (``HTMLPage``), each derivative in every form unless
    /// `--form` is given.
    static func page(_ problems: [Problem], options: KeyOptions, formGiven: Bool, path: String, force: Bool) throws(Stop) -> ExitCode {
        let title = problems.count == 1 ? "Answer key: " + (problems[0].network.title ?? (problems[0].path as NSString).lastPathComponent) : "Answer key"
        let page = HTMLPage(problems: problems.map { (($0.path as NSString).lastPathComponent, $0.network) }, options: options,
                            forms: formGiven ? [options.form] : DerivativeForm.allCases, title: title,
                            marker: KeyDocument(kind: .key, title: title, sections: []).marker)
        try checkReplaceable([path], force: force)
        try OutputFile.write(page.html, to: path, force: true)
        Console.error("chainrule key: wrote \(path) (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
        return .success
    }

    /// The document in the chosen format.
    static func render(_ document: KeyDocument, markdown: Bool) -> String {
        markdown ? KeyMarkdown.document(document) : KeyLaTeX.document(document)
    }

    /// Stops unless every existing file among `paths` was written by chainrule key (or `force`); a
    /// device, FIFO or `-` is written to directly and is never refused.
    static func checkReplaceable(_ paths: [String], force: Bool) throws(Stop) {
        guard !force else { return }
        for path in paths where path != "-" {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            let head = ((try? handle.read(upToCount: 512)) ?? nil) ?? Data()
            try? handle.close()
            if !KeyDocument.isWrittenByKey(Substring(String(decoding: head, as: UTF8.self))) {
                throw Stop(.cannotCreate, "\(path): error: the file exists and was not written by chainrule key; use --force to replace it")
            }
        }
    }

    /// `--variants N`: the question sheets, keys and answers CSV of one problem.
    static func variants(_ problem: Problem, count: Int, seed: UInt64, options: KeyOptions, markdown: Bool,
                         folder: String?, force: Bool) throws(Stop) -> ExitCode {
        let stem = ((problem.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = folder ?? stem + "-variants"
        var progress = Progress(total: count)
        let variants: [Variant]
        do throws(Variants.Failure) {
            variants = try Variants.generate(network: problem.network, count: count, seed: seed)
        } catch {
            throw Stop(.dataError, "\(problem.path): error: \(error.description)")
        }
        let width = max(3, String(count).count), ext = markdown ? ".md" : ".tex"
        func name(_ folder: String, _ variant: Variant, _ part: String) -> String {
            let number = String(variant.number)
            return (folder as NSString).appendingPathComponent(stem + "-v" + String(repeating: "0", count: max(0, width - number.count)) + number + "-" + part + ext)
        }
        let plan = KeyPlan(network: problem.network, options: options)
        try OutputFile.writeFolder(at: folder, force: force) { staging throws(Stop) in
            for variant in variants {
                let (questions, key) = variant.documents(plan: plan)
                try OutputFile.write(render(questions, markdown: markdown), to: name(staging, variant, "questions"), force: false)
                try OutputFile.write(render(key, markdown: markdown), to: name(staging, variant, "key"), force: false)
                progress.advance()
            }
            try OutputFile.write(VariantAnswers.csv(variants, plan: plan), to: (staging as NSString).appendingPathComponent(stem + "-answers.csv"), force: false)
        }
        progress.finish()
        Console.error("chainrule key: wrote \(count) variant\(count == 1 ? "" : "s") of \(problem.path) to \(folder)/ (questions, keys and \(stem)-answers.csv)")
        return .success
    }
}

/// A progress bar on standard error when it is a terminal; silent otherwise.
struct Progress {
    private let total: Int
    private var done = 0
    private let shown = isatty(2) != 0

    init(total: Int) { self.total = total }

    /// One more item done.
    mutating func advance() {
        done += 1
        guard shown, total > 0 else { return }
        let width = 30, filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
