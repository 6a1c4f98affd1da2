import ChainRule

/// `chainrule verify FILE`: every derivative the file asks for, and ∂L/∂(every parameter), computed
/// three ways and compared.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify", summary: "check each derivative three ways: symbolic, backprop, finite differences",
        synopsis: "FILE [--of A --wrt B] [--form factored|expanded|steps|adjoint] [--seed S] [--format text|json] [--all-differences]",
        options: [
            ("of", [], "the quantity differentiated (with --wrt; default: the file's questions)"),
            ("wrt", [], "the variable (with --of)"),
            ("form", ["factored", "expanded", "steps", "adjoint"], "the symbolic form evaluated (default factored)"),
            ("seed", [], "seed of the random point used where the file has no values (default 1)"),
            ("format", ["text", "json"], "output format (default text)"),
            ("perturb", [], "Q,U: multiply the local partial ∂Q/∂U by 1.01 (shows that verify catches an error)"),
        ],
        flags: [("all-differences", "take every finite difference one by one, however large the network")],
        details: """
            For every `find dA/dB` in the file (or --of/--wrt), and for ∂L/∂ every parameter when the file
            has a loss: the chain-rule form with its local derivatives plugged in, evaluated at the file's
            point; the runtime's backprop value; and a central finite difference. Exit status 0 when all
            agree, 1 when any disagrees. Symbolic values are drawn at a seeded random point, and an
            unspecified activation g is replaced by tanh for the numbers; the output says so. On a large
            network (more than 200,000 operation evaluations for the finite differences), 64 derivatives
            are differenced one by one and the rest together along a random ±1 direction, which keeps
            verify linear in the size of the network; --all-differences differences each one.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        let network = try Files.network(arguments.positional[0])
        var verifier = Verifier()
        if arguments.flags.contains("all-differences") { verifier.finiteDifferenceBudget = nil }
        verifier.form = DerivativeForm(rawValue: arguments.value("form", default: "factored") ?? "factored") ?? .factored
        if let seed = arguments.value("seed") {
            guard let value = UInt64(seed) else { throw spec.usageError("--seed takes a whole number, got '\(seed)'") }
            verifier.seed = value
        }
        if let perturb = arguments.value("perturb") {
            let parts = perturb.split(separator: ",").map(String.init)
            guard parts.count == 2 else { throw spec.usageError("--perturb takes Q,U (two names), got '\(perturb)'") }
            try NameOptions.checkEdge(of: parts[0], wrt: parts[1], in: network, spec: spec)
            verifier.perturbed = (parts[0], parts[1])
        }
        let questions: [(of: String, wrt: String)]
        switch (arguments.value("of"), arguments.value("wrt")) {
        case (let of?, let wrt?):
            try NameOptions.check(of, option: "of", in: network, spec: spec)
            try NameOptions.check(wrt, option: "wrt", in: network, spec: spec)
            questions = [(of, wrt)]
        case (nil, nil): questions = Verifier.questions(of: network)
        default: throw spec.usageError("--of and --wrt go together")
        }
        guard !questions.isEmpty else {
            throw Stop(.dataError, "\(arguments.positional[0]): error: nothing to verify: the file asks no dA/dB and has no loss")
        }
        let verification: Verification
        do { verification = try verifier.verify(network, questions: questions) } catch {
            throw Stop(.dataError, "\(arguments.positional[0]): error: cannot verify: \(error)")
        }
        let report = VerificationReport(verification, title: network.title)
        Console.out(arguments.value("format") == "json" ? report.json.serialized(pretty: true) : report.text)
        return verification.agrees ? .success : .failure
    }
}
