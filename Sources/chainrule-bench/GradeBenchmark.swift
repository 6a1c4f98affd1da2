import ChainRule
import Foundation

/// `chainrule-bench grade`: what `chainrule grade Problems/example-3-bce.nn Problems/quiz-problem-3.nn
/// --submissions S --roster R --seed 1` does for 1,000 students × 5 questions (each student their own
/// variant of example-3-bce: its worked example and two derivatives; the quiz's two chain-rule sums),
/// answers mixed right and wrong — read the CSV, draw the variants, grade, write grades.csv, a feedback
/// file per student, report.html and report.json into a temporary folder — timed end to end
/// (target: under 5 s), with its parts.
enum GradeBenchmark {
    static let students = 1000

    static func run() {
        print("grade: \(students) students × 5 questions (example-3-bce.nn variants, quiz-problem-3.nn), best of 3")
        guard let example = ProblemFiles.network("example-3-bce.nn"), let quiz = ProblemFiles.network("quiz-problem-3.nn"),
              let variants = try? Variants.generate(network: example, count: students, seed: 1) else {
            print("  cannot read the problems")
            return
        }
        let csv = submissions(variants)
        let roster = Roster(entries: (1...students).map { Roster.Entry(student: "student\($0)", variant: $0) })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bench-grade-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var best: (total: Double, read: Double, grade: Double, write: Double) = (.infinity, 0, 0, 0)
        var bestCPU = Double.infinity
        var summary = ""
        for _ in 0..<3 {
            try? FileManager.default.removeItem(at: folder)
            let c0 = cpuSeconds()
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard let submissions = try? Submission.csv(csv, file: "submissions.csv") else { return }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let problems = [ClassProblem(name: "example-3-bce", network: example, seed: 1), ClassProblem(name: "quiz-problem-3", network: quiz, seed: 1)]
            guard let grader = try? ClassGrader(problems: problems), let grades = try? grader.grade(submissions, roster: roster) else { return }
            let t2 = DispatchTime.now().uptimeNanoseconds
            let report = ClassReport(grades)
            try? FileManager.default.createDirectory(at: folder.appendingPathComponent("feedback"), withIntermediateDirectories: true)
            try? Data(report.gradesCSV.utf8).write(to: folder.appendingPathComponent("grades.csv"))
            try? Data(report.html.utf8).write(to: folder.appendingPathComponent("report.html"))
            try? Data(report.json.serialized(pretty: true).utf8).write(to: folder.appendingPathComponent("report.json"))
            for (student, name) in zip(grades.students, StudentFeedback.fileNames(grades.students.map(\.student))) {
                try? Data(StudentFeedback.markdown(student).utf8).write(to: folder.appendingPathComponent("feedback/" + name))
            }
            let t3 = DispatchTime.now().uptimeNanoseconds
            bestCPU = min(bestCPU, cpuSeconds() - c0)
            let seconds = { (a: UInt64, b: UInt64) in Double(b - a) / 1e9 }
            if seconds(t0, t3) < best.total { best = (seconds(t0, t3), seconds(t0, t1), seconds(t1, t2), seconds(t2, t3)) }
            summary = "\(submissions.count) answers, mean \(String(format: "%.1f", report.meanPercent)) %, \(grades.unreadable.count) unreadable"
        }
        let (total, read, grade, write) = best
        print("  total \(Stopwatch.format(total)) wall clock, \(Stopwatch.format(bestCPU)) CPU (target < 5 s): read CSV \(Stopwatch.format(read)), variants and grading \(Stopwatch.format(grade)), "
              + "reports and \(students) feedback files \(Stopwatch.format(write)); \(summary)")
    }

    /// The process's CPU time so far (user and system), in seconds: on a shared machine it is what the
    /// run itself costs, where the wall clock also counts the time others had the cores.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The class's CSV: per student a worked example (right, or with a slip), two derivatives of
    /// example-3-bce and the quiz's two sums (right, expanded, or missing a path).
    static func submissions(_ variants: [Variant]) -> String {
        let plan = KeyPlan(network: variants[0].network)
        let quiz = [["∂y/∂c ∂c/∂x2 + (∂y/∂d + ∂y/∂e ∂e/∂d) ∂d/∂x2", "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2 + ∂y/∂e ∂e/∂d ∂d/∂x2", "∂y/∂c ∂c/∂x2 + ∂y/∂d ∂d/∂x2"],
                    ["∂y/∂c ∂c/∂a ∂a/∂x1 + (∂y/∂d + ∂y/∂e ∂e/∂d)(∂d/∂a ∂a/∂x1 + ∂d/∂b ∂b/∂x1)",
                     "∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂b ∂b/∂x1 + ∂y/∂e ∂e/∂d ∂d/∂b ∂b/∂x1",
                     "∂y/∂c ∂c/∂a ∂a/∂x1 + ∂y/∂d ∂d/∂a ∂a/∂x1"]]
        var lines = [CSVTable.line(["student", "question", "answer"])]
        for variant in variants {
            let student = "student\(variant.number)", k = variant.number
            let worked = VariantAnswers.expected(variant, plan: plan).filter { !$0.column.hasPrefix("find") }.enumerated().map { i, item in
                let name = item.column.hasSuffix(" updated") ? String(item.column.dropLast(" updated".count)) + "'" : item.column
                return name + " = " + String(format: "%.4f", item.value + (k % 4 == 0 && i == 1 ? 0.05 : 0))
            }.joined(separator: "\n")
            lines.append(CSVTable.line([student, "example-3-bce worked", worked]))
            lines.append(CSVTable.line([student, "dL/dz_yhat", k % 3 == 0 ? "∂L/∂yhat" : "∂L/∂yhat ∂yhat/∂z_yhat"]))
            lines.append(CSVTable.line([student, "dL/dw11", "∂L/∂yhat ∂yhat/∂h1 ∂h1/∂w11"]))
            lines.append(CSVTable.line([student, "dy/dx2", quiz[0][k % 3]]))
            lines.append(CSVTable.line([student, "dy/dx1", quiz[1][(k / 3) % 3]]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
