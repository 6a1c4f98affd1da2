import ChainRule

/// `chainrule check FILE`: a student's derivative answers (exact, path by path) or worked numeric
/// example (line by line, error carried forward), with a grader's feedback.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check", summary: "check students' derivative answers or worked examples, with feedback",
        synopsis: "FILE (--answer TEXT | --answer-file F | --worked F) [--of A --wrt B] [--form expanded|factored] [--plug-in] [--variant K --seed S] [--seed S] [--format text|json]",
        options: [
            ("answer", [], "the answer: ∂y/∂c ∂c/∂x2 + …, LaTeX or plain text, or a chain A = B = C"),
            ("answer-file", [], "a file of answers separated by lines of '---' ('-' for standard input)"),
            ("worked", [], "a worked numeric example to check line by line"),
            ("of", [], "the quantity differentiated (default: the file's first find dA/dB)"),
            ("wrt", [], "the variable (default: the file's first find dA/dB)"),
            ("form", ["expanded", "factored"], "the form the final answer must have"),
            ("seed", [], "seed of the random points of --plug-in comparisons, and of --variant (default 1)"),
            ("variant", [], "check against variant K of the problem, as `chainrule key FILE --variants N --seed S` wrote it"),
            ("format", ["text", "json"], "output format (default text)"),
        ],
        flags: [("plug-in", "answers are written out (σ′, h(1 − h), g′(z) w, weights), compared with the plugged-in derivative")],
        details: """
            An answer is compared exactly: both sides are multiplied out into their paths from B to A. A
            symbol ∂q/∂u is the local partial when u is a direct input of q, the total derivative
            otherwise. Each missing, repeated or broken path is named. A chain of equalities is checked
            line by line. A worked example is compared with the correct values at the rounding written,
            and with the values that follow from the student's own earlier numbers, so that one slip is
            marked once. Exit status 0 when everything is correct, 1 otherwise, 65 when an answer cannot
            be read (each answer of an --answer-file still gets its own verdict, at its own index).
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let file = arguments.positional[0]
        let sources = ["answer", "answer-file", "worked"].filter { arguments.value($0) != nil }
        guard sources.count == 1 else {
            throw spec.usageError(sources.isEmpty ? "give --answer, --answer-file or --worked" : "give only one of --answer, --answer-file, --worked")
        }
        var network = try Files.network(file)
        if let number = try arguments.integer("variant", in: 1...1_000_000, command: spec) {
            let seedText = arguments.value("seed") ?? "1"
            guard let seed = UInt64(seedText) else { throw spec.usageError("--seed takes a whole number, got '\(seedText)'") }
            do { network = try Variants.variant(number, of: network, seed: seed).network } catch {
                throw Stop(.dataError, "\(file): error: cannot make variant \(number): \(error)")
            }
        }
        let json = arguments.value("format") == "json"
        if let worked = arguments.value("worked") {
            guard arguments.value("of") == nil, arguments.value("wrt") == nil, arguments.value("form") == nil,
                  !arguments.flags.contains("plug-in") else {
                throw spec.usageError("--worked takes no --of, --wrt, --form or --plug-in")
            }
            return try checkWorked(network, file: file, worked: worked, json: json)
        }
        return try checkAnswers(network, file: file, arguments: arguments, json: json)
    }

    private static func checkAnswers(_ network: Network, file: String, arguments: Arguments, json: Bool) throws(Stop) -> ExitCode {
        var question: (of: String, wrt: String)
        switch (arguments.value("of"), arguments.value("wrt")) {
        case (let of?, let wrt?):
            try NameOptions.check(of, option: "of", in: network, spec: spec)
            try NameOptions.check(wrt, option: "wrt", in: network, spec: spec)
            question = (of, wrt)
        case (nil, nil):
            let asked = network.questions.lazy.compactMap { q -> (String, String)? in
                if case .derivative(let of, let wrt) = q.kind { return (of, wrt) } else { return nil }
            }.first
            guard let asked else { throw spec.usageError("\(file) asks no dA/dB: give --of and --wrt") }
            question = asked
        default: throw spec.usageError("--of and --wrt go together")
        }
        var checker: AnswerChecker
        do { checker = try AnswerChecker(network: network, of: question.of, wrt: question.wrt) } catch {
            throw Stop(.dataError, "\(file): error: cannot check ∂\(question.of)/∂\(question.wrt): \(error)")
        }
        checker.form = arguments.value("form").flatMap(DerivativeForm.init(rawValue:))
        checker.plugIn = arguments.flags.contains("plug-in")
        if let seed = arguments.value("seed") {
            guard let value = UInt64(seed) else { throw spec.usageError("--seed takes a whole number, got '\(seed)'") }
            checker.seed = value
        }
        let (name, text): (String, String)
        if let answer = arguments.value("answer") {
            (name, text) = ("<answer>", answer)
        } else {
            let path = arguments.value("answer-file") ?? "-"
            (name, text) = (path == "-" ? "<stdin>" : path, try Files.read(path))
        }
        let verdicts = checker.checkAll(text)
        guard !verdicts.isEmpty else { throw Stop(.dataError, "\(name): error: no answer to check") }
        let unreadable = verdicts.compactMap(\.diagnostic)
        if verdicts.count > 1 || unreadable.isEmpty {
            let report = CheckReport(verdicts: verdicts)
            Console.out(json ? report.json.serialized(pretty: true) : report.text)
        }
        guard unreadable.isEmpty else {
            throw Stop(.dataError, unreadable.map { $0.formatted(file: name, source: text) }.joined(separator: "\n"))
        }
        return verdicts.allSatisfy { $0.verdict == .correct } ? .success : .failure
    }

    private static func checkWorked(_ network: Network, file: String, worked: String, json: Bool) throws(Stop) -> ExitCode {
        let text = try Files.read(worked)
        let checker: WorkedChecker
        do { checker = try WorkedChecker(network: network) } catch {
            throw Stop(.dataError, "\(file): error: cannot run the network: \(error)")
        }
        let check = checker.check(text)
        let report = CheckReport(worked: check)
        Console.out(json ? report.json.serialized(pretty: true) : report.text)
        guard check.diagnostics.isEmpty else {
            let name = worked == "-" ? "<stdin>" : worked
            throw Stop(.dataError, check.diagnostics.map { $0.formatted(file: name, source: text) }.joined(separator: "\n"))
        }
        return check.correct ? .success : .failure
    }
}
