/// The part of a problem's key that does not depend on its values, worked out once: the derivations
/// of its `find dA/dB` questions, their step-by-step and chosen forms and their local derivatives.
///
/// One plan serves the problem itself and every variant of it (same network, other values), so
/// that keys for a whole class cost little more than the numbers.
public struct KeyPlan {
    /// What the key shows.
    public let options: KeyOptions
    /// Decimal places shown: the file's `digits`, else the options'.
    public let digits: Int
    /// The symbolic answer of each `find dA/dB`, in the order asked (none for a question sheet).
    let derivatives: [DerivativeAnswer]

    /// The plan for `network`'s questions.
    public init(network: Network, options: KeyOptions = KeyOptions()) {
        self.options = options
        digits = network.digits ?? options.digits
        let digits = self.digits
        derivatives = !options.includesAnswers ? [] : network.questions.compactMap { question in
            guard case .derivative(let of, let wrt) = question.kind else { return nil }
            return DerivativeAnswer(network: network, of: of, wrt: wrt, options: options, digits: digits)
        }
    }

    /// The section of `network` (the plan's network, or one that differs only in its values);
    /// `source` is the file's text, whose comment lines after the title are shown as notes in a key.
    public func section(_ network: Network, source: String? = nil) -> KeySection {
        var blocks = AnswerKey.statement(network, digits: digits)
        if options.includesAnswers {
            blocks += answers(network)
            let notes = options.includesNotes ? source.map(AnswerKey.notes) ?? [] : []
            if !notes.isEmpty {
                blocks += [.heading(level: 1, [.text("Notes from the problem file")]), .paragraph(ProblemNotes.inlines(notes.joined(separator: " ")))]
            }
        }
        return KeySection(title: network.title ?? "Problem", blocks: blocks)
    }

    /// The answers, in the order asked (the worked example where its first part is asked).
    func answers(_ network: Network) -> [KeyBlock] {
        let worked: Set<Question.Kind> = [.forward, .loss, .backward, .update]
        let asked = Set(network.questions.map(\.kind))
        var blocks: [KeyBlock] = []
        var workedShown = false, localsShown = false
        var derivatives = self.derivatives.makeIterator()
        for question in network.questions {
            switch question.kind {
            case .forward, .loss, .backward, .update:
                guard !workedShown else { continue }
                workedShown = true
                blocks.append(.heading(level: 1, [.text("Worked example")]))
                blocks += WorkedAnswer(network: network, asked: asked.intersection(worked), digits: digits).blocks
            case .derivative:
                guard let answer = derivatives.next() else { continue }
                if !localsShown {
                    localsShown = true
                    blocks += localDerivatives
                }
                blocks.append(.heading(level: 1, [.math(answer.title)]))
                blocks += answer.blocks(at: network)
            case .layers:
                blocks.append(.heading(level: 1, [.text("Layer-wise derivation")]))
                blocks += LayerAnswer(network: network, digits: digits).blocks
            }
        }
        return blocks
    }

    /// The local derivatives every answer uses, written out once for the problem (no blocks when there
    /// are none to write out).
    var localDerivatives: [KeyBlock] {
        var seen = Set<Expr>(), equations: [MathLayout.Equation] = []
        let printer = LaTeXPrinter(digits: digits)
        for answer in derivatives {
            for (partial, value) in answer.locals where seen.insert(partial).inserted {
                equations.append(MathLayout.Equation(lhs: printer.render(partial), steps: [MathLayout.Piece(value, printer)]))
            }
        }
        guard !equations.isEmpty else { return [] }
        return [.heading(level: 1, [.text("Local derivatives")]),
                .paragraph([.text("Every answer below uses these; they are written out once.")]),
                .math(MathLayout.page.grid(equations) ?? MathLayout.page.rows(equations))]
    }

    /// Each `find dA/dB` with its value at `network`'s values (`nil` where values are missing).
    public func derivativeValues(at network: Network) -> [(of: String, wrt: String, value: Double?)] {
        derivatives.map { ($0.of, $0.wrt, $0.value(at: network)) }
    }
}
