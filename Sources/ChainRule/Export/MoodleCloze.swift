/// One Moodle Cloze question (`<question type="cloze">`, Moodle's name for `multianswer`) with the
/// numbers of one variant: the problem as stated (network, given values, what is asked), then a
/// box per number of the worked example (forward values, loss, gradients, updates, per iteration)
/// and per `find dA/dB` value, each a `{1:NUMERICAL:…}` sub-question (``MoodleBlank``).
///
/// The numbers are the ones the variants CSV lists (``VariantAnswers/expected(_:plan:)``), so the
/// quiz, the printed keys and `chainrule check --variant` agree; only the parts the file asks
/// (`find forward, loss, backward, update`) are included.
public struct MoodleCloze: Sendable {
    /// The question's name in the question bank.
    public var name: String
    /// A stable identifier (`chainrule-example-3-bce-v2-numbers`).
    public var idnumber: String
    /// The boxes, in the key's order.
    public var blanks: [MoodleBlank]
    /// The significant digits asked by default (the file's `digits`).
    public var digits: Int
    /// The problem statement as HTML.
    var statement: String

    /// The Cloze question of `variant` (number 0: the file's own values) of problem `problem`;
    /// `nil` when the problem has no numbers to ask.
    public init?(problem: String, variant: Variant, plan: KeyPlan) {
        let blanks = Self.blanks(variant, plan: plan)
        guard !blanks.isEmpty else { return nil }
        let network = variant.network
        let title = network.title ?? problem
        name = title + (variant.number > 0 ? " — variant \(variant.number)" : "") + ": the numbers"
        idnumber = HTMLText.identifier("chainrule-" + problem + (variant.number > 0 ? "-v\(variant.number)" : "") + "-numbers")
        self.blanks = blanks
        digits = plan.digits
        statement = MoodleHTML.blocks(AnswerKey.statement(network, digits: plan.digits))
    }

    /// The question text: the statement, how to answer, and the boxes grouped by iteration.
    public var questionText: String {
        var rows: [String] = [], group: String?
        for blank in blanks {
            if blank.group != group, !blank.group.isEmpty {
                rows.append("<tr><th colspan=\"2\">" + MoodleHTML.escape(blank.group) + "</th></tr>")
            }
            group = blank.group
            let power = blank.exponent.map { " " + MoodleHTML.math("\\times 10^{\($0)}") } ?? ""
            let precision = blank.digits == digits ? "" : " (\(blank.digits) significant digits)"
            rows.append("<tr><td>" + MoodleHTML.math(blank.label) + "</td><td>" + blank.cloze + Self.guarded(power + precision) + "</td></tr>")
        }
        let how = "Give each number to \(digits) significant digits, as the answer key rounds it: an answer within half a unit "
            + "of the last digit counts. A box followed by × 10ⁿ asks for the number in front of that power of ten "
            + "(Moodle compares answers absolutely, so very small values are asked this way rather than as decimals)."
        return Self.guarded(statement) + "\n<h4>Your answers</h4>\n<p>" + Self.guarded(MoodleHTML.escape(how)) + "</p>\n"
            + "<table class=\"generaltable\">" + rows.joined() + "</table>"
    }

    /// The general feedback: every number as the key shows it.
    public var generalFeedback: String {
        var rows: [String] = [], group: String?
        for blank in blanks {
            if blank.group != group, !blank.group.isEmpty { rows.append("<li><strong>" + MoodleHTML.escape(blank.group) + "</strong></li>") }
            group = blank.group
            let power = blank.exponent.map { " \\times 10^{\($0)}" } ?? ""
            rows.append("<li>" + MoodleHTML.math(blank.label + " = " + blank.shownAnswer + power) + "</li>")
        }
        return "<p>The answer key:</p><ul>" + rows.joined() + "</ul>"
    }

    /// Appends the `<question type="cloze">` element.
    func write(into xml: inout MoodleXML) {
        xml.openQuestion("cloze", name: name, text: questionText, feedback: generalFeedback)
        xml.leaf("penalty", "0.3333333")
        xml.leaf("hidden", "0")
        xml.leaf("idnumber", idnumber)
        xml.close("question")
    }

    /// Text for the `#feedback` part of a Cloze answer, as Moodle's `qtype_multianswer` reads it: the
    /// feedback runs to the first `~` or `}` not preceded by `\`, is then HTML-decoded, and `\}` and
    /// `\#` become `}` and `#`. So `}` and `#` are written `\}` and `\#`; `~`, `\`, `/` and `{` as the
    /// character references `&#126;`, `&#92;`, `&#47;`, `&#123;` (which the split cannot see and the
    /// decoding restores; a backslash escape of these would stay visible); `&`, `<`, `>`, `"` as HTML
    /// references.
    public static func feedback(_ text: String) -> String {
        text.map { clozeEscapes[$0] ?? HTMLText.escaped(String($0)) }.joined()
    }

    /// How ``feedback(_:)`` writes the characters Cloze reads specially.
    private static let clozeEscapes: [Character: String] = ["}": "\\}", "#": "\\#", "~": "&#126;", "\\": "&#92;", "/": "&#47;", "{": "&#123;"]

    /// HTML outside the boxes with every `{` that would start a Cloze sub-question (`{`, digits, `:`)
    /// written `&#123;`, so that LaTeX such as `{1:…}` in a statement is never read as a box.
    static func guarded(_ html: String) -> String {
        var result = "", characters = Array(html), i = 0
        while i < characters.count {
            if characters[i] == "{" {
                var j = i + 1
                while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                if j < characters.count, characters[j] == ":" {
                    result += "&#123;"
                    i += 1
                    continue
                }
            }
            result.append(characters[i])
            i += 1
        }
        return result
    }

    /// The numbers of `variant` that its file asks for, as boxes.
    static func blanks(_ variant: Variant, plan: KeyPlan) -> [MoodleBlank] {
        let network = variant.network
        let asked = Set(network.questions.map(\.kind))
        let loss = network.loss.map { network.nodes[$0].name } ?? "L"
        var given: [String: Double] = [:]
        for node in network.nodes where node.kind.isLeaf {
            guard let value = node.value else { continue }
            for (name, entry) in zip(node.componentNames, value.entries) { given[name] = entry.doubleValue }
        }
        var result: [MoodleBlank] = [], latest = given
        for (column, value) in VariantAnswers.expected(variant, plan: plan) {
            let (context, name) = split(column)
            let part = Part(name, loss: loss)
            var digits = plan.digits
            if case .update(let component) = part {
                // As the key shows an update: enough digits for the change to be seen.
                if let old = latest[component], old != value {
                    digits = DisplayNumber.digits(showingChangeFrom: old, to: value, digits: plan.digits) ?? DisplayNumber.maxUpdateDigits
                }
                latest[component] = value
            }
            guard part.isAsked(asked) else { continue }
            let group = context.joined(separator: ", ")
            result.append(MoodleBlank(column: column, label: part.label(name, loss: loss), text: part.text(name, loss: loss), group: group.prefix(1).uppercased() + group.dropFirst(),
                                      value: value, digits: digits))
        }
        return result
    }

    /// `iteration 2: sample 1: h1` → (["iteration 2", "sample 1"], `h1`).
    static func split(_ column: String) -> (context: [String], name: String) {
        var rest = Substring(column), context: [String] = []
        while rest.hasPrefix("iteration ") || rest.hasPrefix("sample "), let colon = rest.firstIndex(of: ":") {
            context.append(String(rest[..<colon]))
            rest = rest[rest.index(after: colon)...].drop { $0 == " " }
        }
        return (context, String(rest))
    }

    /// Which part of the example a column belongs to.
    enum Part: Hashable {
        case forward, loss, backward, update(String), derivative(of: String, wrt: String)

        /// The part of column name `name` (without its iteration) when the loss is named `loss`.
        init(_ name: String, loss: String) {
            if name.hasPrefix("find d"), let slash = name.range(of: "/d") {
                self = .derivative(of: String(name[name.index(name.startIndex, offsetBy: 6)..<slash.lowerBound]), wrt: String(name[slash.upperBound...]))
            } else if name.hasSuffix(" updated") {
                self = .update(String(name.dropLast(" updated".count)))
            } else if name.hasPrefix("d" + loss + "/d") {
                self = .backward
            } else if name == loss || name == "mean " + loss {
                self = .loss
            } else {
                self = .forward
            }
        }

        /// Whether the file asks for it (`find dA/dB` values always are).
        func isAsked(_ asked: Set<Question.Kind>) -> Bool {
            switch self {
            case .forward: asked.contains(.forward)
            case .loss: asked.contains(.loss)
            case .backward: asked.contains(.backward)
            case .update: asked.contains(.update)
            case .derivative: true
            }
        }

        /// The quantity in plain text.
        func text(_ name: String, loss: String) -> String {
            switch self {
            case .forward, .loss: SymbolName(name).text
            case .backward: "∂" + SymbolName(loss).text + "/∂" + SymbolName(String(name.dropFirst(loss.count + 3))).text
            case .update(let component): SymbolName(component).text + " (updated)"
            case .derivative(let of, let wrt): "∂" + SymbolName(of).text + "/∂" + SymbolName(wrt).text
            }
        }

        /// The quantity in LaTeX.
        func label(_ name: String, loss: String) -> String {
            switch self {
            case .forward: SymbolName(name).latex
            case .loss: name.hasPrefix("mean ") ? "\\text{mean } " + SymbolName(loss).latex : SymbolName(name).latex
            case .backward: DerivativeAnswer.inline(of: loss, wrt: String(name.dropFirst(loss.count + 3)))
            case .update(let component): SymbolName(component).latex + "\\ \\text{(updated)}"
            case .derivative(let of, let wrt): DerivativeAnswer.inline(of: of, wrt: wrt)
            }
        }
    }
}
