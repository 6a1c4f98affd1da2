import ChainRule
import Foundation

/// `chainrule grade PROBLEM… --submissions S`: a whole class graded into one folder (grades.csv, a
/// feedback file per student, report.html, report.json), written atomically.
enum GradeCommand {
    static let spec = CommandSpec(
        name: "grade", summary: "grade a whole class: grade sheet, feedback per student, class report",
        synopsis: "PROBLEM… --submissions FILE|FOLDER [--roster CSV] [--seed S] [--rubric FILE] [-o FOLDER] [--force]",
        options: [("submissions", [], "a CSV (student,question,answer) or a folder of one Markdown/LaTeX file per student"),
                  ("roster", [], "a CSV with a student column and optionally a variant column (default: whoever handed in)"),
                  ("seed", [], "the seed the variants were drawn with (chainrule key --variants N --seed S); without it, the problems' own values"),
                  ("rubric", [], "a rubric file (key = value lines; see the README)"),
                  ("output", [], "the folder written (default grades)")],
        flags: [("force", "replace the output folder even if chainrule did not write it")],
        aliases: ["o": "output"],
        operands: 1...Int.max,
        details: """
            PROBLEMs are .nn files or folders. Questions are named 'PROBLEM dA/dB' and 'PROBLEM worked'
            (or dA/dB alone when unambiguous, or Q1, Q2, … in order). A submissions folder holds one file
            per student (the file name without extension is the student), questions marked by headings
            naming them or separated by lines of '---'. Students who handed in nothing, students not on
            the roster, answers handed in twice and unreadable answers are reported on standard error
            and in the report. Exit 0 when the folder is written.
            """)

    static let command = CLI.Command(spec: spec) { arguments throws(Stop) in
        guard let submissionsPath = arguments.value("submissions") else { throw spec.usageError("give --submissions FILE or FOLDER") }
        var seed: UInt64?
        if let text = arguments.value("seed") {
            guard let value = UInt64(text) else { throw spec.usageError("--seed takes a whole number, got '\(text)'") }
            seed = value
        }
        let problems = try KeyCommand.read(arguments.positional).map { problem in
            ClassProblem(name: ((problem.path as NSString).lastPathComponent as NSString).deletingPathExtension, network: problem.network, seed: seed)
        }
        var rubric = Rubric()
        if let path = arguments.value("rubric") {
            let text = try Files.read(path)
            do throws(Diagnostic) { rubric = try Rubric.parse(text) } catch { throw Stop(.dataError, error.formatted(file: path, source: text)) }
        }
        var roster: Roster?
        if let path = arguments.value("roster") {
            let text = try Files.read(path)
            do throws(Diagnostic) { roster = try Roster.csv(text) } catch { throw Stop(.dataError, error.formatted(file: path, source: text)) }
        }
        let folder = OutputFolder(path: arguments.value("output") ?? "grades", command: "chainrule grade")
        let force = arguments.flags.contains("force")
        try folder.checkReplaceable(force: force)
        let submissions = try read(submissionsPath)
        let grader: ClassGrader, grades: ClassGrades
        do throws(ClassGrader.Failure) {
            grader = try ClassGrader(problems: problems, rubric: rubric)
            grades = try grader.grade(submissions, roster: roster)
        } catch {
            throw Stop(.dataError, "\(error.problem): error: \(error.message)")
        }
        let report = ClassReport(grades)
        var files = [OutputFolder.File("grades.csv", report.gradesCSV), OutputFolder.File("report.html", report.html),
                     OutputFolder.File("report.json", report.json.serialized(pretty: true) + "\n")]
        let names = StudentFeedback.fileNames(grades.students.map(\.student))
        for (student, name) in zip(grades.students, names) {
            files.append(OutputFolder.File("feedback/" + name, StudentFeedback.markdown(student)))
        }
        try folder.write(files, force: force)
        Console.error(grades.summary(folder: folder.path))
        return .success
    }

    /// The submissions in a CSV file or a folder of per-student files (`.md`, `.markdown`, `.tex`, `.txt`).
    static func read(_ path: String) throws(Stop) -> [Submission] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Stop(.noInput, "\(path): error: no such file or folder")
        }
        guard isDirectory.boolValue else {
            let text = try Files.read(path)
            do throws(Diagnostic) { return try Submission.csv(text, file: path) } catch { throw Stop(.dataError, error.formatted(file: path, source: text)) }
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
            ["md", "markdown", "tex", "txt"].contains((name as NSString).pathExtension.lowercased()) && !name.hasPrefix(".")
        }.sorted()
        guard !names.isEmpty else { throw Stop(.noInput, "\(path): error: no .md, .tex or .txt files") }
        var submissions: [Submission] = []
        for name in names {
            let file = (path as NSString).appendingPathComponent(name)
            submissions += Submission.document(try Files.read(file), student: (name as NSString).deletingPathExtension, file: file)
        }
        return submissions
    }
}
