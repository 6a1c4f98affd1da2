/// The shell script a platform runs to grade one submission: it runs `chainrule autograde PLATFORM ROOT`
/// and, when that fails, still writes a `results.json` saying the submission could not be graded, so
/// that the student sees a message rather than a broken job.
struct GraderScript {
    /// What the script says it does (comment lines).
    var comment: [String]
    /// The environment variable that moves the root, and the root without it.
    var rootVariable: String, defaultRoot: String
    /// The binary's path, as shell text (`$HERE/chainrule`, `$ROOT/source/chainrule`).
    var binary: String
    /// The platform argument of `chainrule autograde`.
    var platform: String
    /// The results written when grading fails (one line of JSON).
    var fallback: JSONValue

    /// The script's text.
    var text: String {
        var lines = ["#!/bin/sh"] + comment.map { "# " + $0 }
        lines += ["ROOT=\"${\(rootVariable):-\(defaultRoot)}\"",
                  "HERE=\"$(cd \"$(dirname \"$0\")\" && pwd)\"",
                  "chmod +x \"\(binary)\" 2>/dev/null",
                  "mkdir -p \"$ROOT/results\"",
                  "if ! \"\(binary)\" autograde \(platform) \"$ROOT\"; then",
                  "  if [ ! -s \"$ROOT/results/results.json\" ]; then",
                  "    printf '%s\\n' '" + fallback.serialized(pretty: false) + "' > \"$ROOT/results/results.json\"",
                  "  fi",
                  "fi",
                  "exit 0"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The message of the fallback results.
    static let failed = "ChainRule could not grade this submission; please tell your instructor."
}
