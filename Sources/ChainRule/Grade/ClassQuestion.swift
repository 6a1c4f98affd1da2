/// One question of a class assignment: a `find dA/dB` of a problem (a symbolic chain-rule answer) or
/// the problem's worked example (`find forward, loss, backward, update`: a worked solution).
///
/// Its ``id`` names it in grade sheets and reports: the problem's file name without `.nn`, a space and
/// `dA/dB` or `worked` (`quiz-problem-3 dy/dx2`, `example-3-bce worked`).
public struct ClassQuestion: Hashable, Sendable {
    /// What is asked.
    public enum Kind: Hashable, Sendable {
        /// ∂of/∂wrt as a sum of products of partial symbols.
        case derivative(of: String, wrt: String)
        /// The worked numeric example, line by line.
        case worked
    }

    /// The problem's name (its file name without `.nn`).
    public var problem: String
    /// What is asked.
    public var kind: Kind

    /// Creates a question.
    public init(problem: String, kind: Kind) {
        self.problem = problem
        self.kind = kind
    }

    /// The part after the problem's name: `dy/dx2` or `worked`.
    public var label: String {
        switch kind {
        case .derivative(let of, let wrt): "d\(of)/d\(wrt)"
        case .worked: "worked"
        }
    }

    /// `problem label`.
    public var id: String { problem + " " + label }

    /// The questions a problem asks: each `find dA/dB`, then its worked example when it asks for one
    /// and can be run (every value given or drawn, no unspecified activation).
    public static func questions(of network: Network, problem: String) -> [ClassQuestion] {
        var questions: [ClassQuestion] = []
        var worked = false
        for question in network.questions {
            switch question.kind {
            case .derivative(let of, let wrt):
                let q = ClassQuestion(problem: problem, kind: .derivative(of: of, wrt: wrt))
                if !questions.contains(q) { questions.append(q) }
            case .forward, .loss, .backward, .update: worked = true
            case .layers: break
            }
        }
        let valued = network.isFullyValued || network.nodes.contains { $0.range != nil }
        if worked, valued, !network.usesUnspecifiedActivation, network.samples.isEmpty {
            questions.append(ClassQuestion(problem: problem, kind: .worked))
        }
        return questions
    }

    /// A key for matching a written question name: lower case, without spaces, `∂` read as `d`,
    /// without a leading `find`.
    static func matchKey(_ text: String) -> String {
        var s = text.lowercased().replacingOccurrences(of: "∂", with: "d")
        s.removeAll { $0.isWhitespace || $0 == "$" || $0 == "*" || $0 == ":" }
        if s.hasPrefix("find") { s.removeFirst(4) }
        return s
    }
}
