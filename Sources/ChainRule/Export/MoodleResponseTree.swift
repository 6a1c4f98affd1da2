import Foundation

/// The potential response tree (PRT) of a chain-rule STACK question, as data and as Moodle XML.
///
/// STACK evaluates the feedback variables (Maxima) first, then walks the nodes; each node compares
/// two CAS expressions with an answer test and, on each branch, sets or adds to the score, writes an
/// answer note and feedback, and names the next node (−1 stops). All the feedback of the nodes
/// walked is shown. The tree of ``MoodleStack``:
///
/// 0. `sa = expand(ans1)` against `ea = expand(ta)` (`AlgEquiv`): equal → score 1, stop.
/// 1. symbols the student used that are not edge partials of this derivative → name them, stop.
/// 2. not a polynomial in the edge partials (a division, say) → say so, stop.
/// 3. per path k, two nodes: its coefficient `ck` in the student's expansion (the mixed partial
///    derivative of `sa` in the path's atoms at 0: exactly the coefficient of that square-free
///    monomial) is 1 → add one share; else 0 → "missing path x1 → a → c → y"; else "path … counted
///    `ck` times (twice, or with the wrong sign)".
/// 4. `extra = sa − Σ ck·pk`, the terms that are no path at all, is 0 → add one share; else name them.
///
/// A share is 1/(paths + 1), so a wrong answer scores the paths it has right (plus one share for
/// having nothing extra), never below 0 or above 1.
struct MoodleResponseTree: Sendable {
    /// One branch of a node.
    struct Branch: Sendable {
        /// `=` sets the score, `+` adds to it.
        var mode: String
        /// The score (or the amount added).
        var score: Double
        /// The next node, or −1 to stop.
        var next: Int
        /// The answer note (Moodle's response analysis counts these).
        var note: String
        /// HTML feedback (STACK CAS text: `{@x@}` shows x).
        var feedback: String
    }

    /// One node: `answertest(sans, tans)`.
    struct Node: Sendable {
        /// Its number.
        var name: Int
        /// What it checks, for the question author.
        var description: String
        /// STACK's answer test (`AlgEquiv`).
        var test: String
        /// The student's side and the teacher's side.
        var sans: String, tans: String
        /// The branches.
        var yes: Branch, no: Branch
    }

    /// The tree's name, used by `[[feedback:…]]`.
    var name: String
    /// Maxima code run before the nodes.
    var feedbackVariables: String
    /// The nodes, node 0 first.
    var nodes: [Node]

    /// Appends the `<prt>` element, laid out as STACK's own export.
    func write(into xml: inout MoodleXML) {
        xml.open("prt")
        xml.leaf("name", name)
        xml.leaf("value", Self.score(1))
        xml.leaf("autosimplify", "1")
        xml.leaf("feedbackstyle", "1")
        xml.text("feedbackvariables", feedbackVariables)
        for node in nodes {
            xml.open("node")
            xml.leaf("name", String(node.name))
            xml.leaf("description", node.description)
            xml.leaf("answertest", node.test)
            xml.leaf("sans", node.sans)
            xml.leaf("tans", node.tans)
            xml.leaf("testoptions", "")
            xml.leaf("quiet", "0")
            for (prefix, branch) in [("true", node.yes), ("false", node.no)] {
                xml.leaf(prefix + "scoremode", branch.mode)
                xml.leaf(prefix + "score", Self.score(branch.score))
                xml.leaf(prefix + "penalty", "")
                xml.leaf(prefix + "nextnode", String(branch.next))
                xml.leaf(prefix + "answernote", branch.note)
                xml.text(prefix + "feedback", branch.feedback, format: "html", cdata: true)
            }
            xml.close("node")
        }
        xml.close("prt")
    }

    /// A score as STACK writes it: seven decimals.
    static func score(_ value: Double) -> String { String(format: "%.7f", value) }

    /// What STACK scores an answer that walks `nodes` (branch taken at each, in order): for the
    /// question tests.
    static func walkScore(_ branches: [Branch]) -> Double {
        var total = 0.0
        for branch in branches {
            let value = Double(score(branch.score)) ?? branch.score
            total = branch.mode == "+" ? total + value : branch.mode == "-" ? total - value : value
        }
        return total
    }
}
