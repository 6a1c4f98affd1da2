import Foundation
import Testing
@testable import ChainRule

/// `chainrule export --to gradescope`: the stored zip read back by Python's `zipfile` (CRCs, permissions),
/// and the exported `run_autograder` run on a fake `/autograder` tree (root moved by an environment
/// variable) for a student found on the roster by e-mail, with answers for their variant.
@Suite struct ExportGradescopeTests {
    @Test(.enabled(if: ExportSupport.pythonHas(["zipfile"]), "needs python3"))
    func storedZipReadsBackWithItsChecksumsAndModes() throws {
        var bundle = ExportBundle()
        var generator = SplitMix64(seed: 5)
        let random = Data((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        bundle.add(.init("run_autograder", text: "#!/bin/sh\necho hi\n", executable: true))
        bundle.add(.init("problems/ünïcode name.nn", text: "input x\n"))
        bundle.add(.init("empty", data: Data()))
        bundle.add(.init("random.bin", data: random))
        let folder = try ExportSupport.temporaryFolder("zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("a.zip")
        try StoredZip.archive(bundle).write(to: zip)
        let script = """
            import sys, zipfile, zlib, json
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(json.dumps([[i.filename, i.file_size, i.CRC == zlib.crc32(z.read(i)), oct(i.external_attr >> 16), i.compress_type] for i in z.infolist()]))
            """
        let result = try ExportSupport.python(script, [zip.path])
        #expect(result.status == 0, "\(result.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[Any]])
        #expect(rows.map { $0[0] as? String } == ["run_autograder", "problems/ünïcode name.nn", "empty", "random.bin"])
        #expect(rows.map { $0[1] as? Int } == [18, 8, 0, 70_000])
        #expect(rows.allSatisfy { $0[2] as? Bool == true && $0[4] as? Int == 0 })
        #expect(rows.map { $0[3] as? String } == ["0o100755", "0o100644", "0o100644", "0o100644"])
        // The CRC of the standard check string.
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
    }

    /// The fake `/autograder`: the zip unpacked into source/, the metadata and the submission.
    static func autograderRoot(zip: URL, email: String, answers: String) throws -> URL {
        let root = try ExportSupport.temporaryFolder("autograder")
        let unzip = try ExportSupport.python("import sys, zipfile, os\nz = zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist():\n    p = z.extract(i, sys.argv[2])\n    os.chmod(p, i.external_attr >> 16)\n",
                                             [zip.path, root.appendingPathComponent("source").path])
        #expect(unzip.status == 0, "\(unzip.err)")
        let metadata = ["id": 1, "users": [["email": email, "name": "A Student", "sid": "12345"]], "assignment": ["title": "Backprop"]] as [String: Any]
        try JSONSerialization.data(withJSONObject: metadata).write(to: root.appendingPathComponent("submission_metadata.json"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try Data(answers.utf8).write(to: root.appendingPathComponent("submission/answers.md"))
        return root
    }

    /// Runs the exported `run_autograder` with its root moved to `root`; the results.
    static func run(_ root: URL) throws -> [String: Any] {
        let run = try Shell.run("/usr/bin/env", [GradescopeExport.rootVariable + "=" + root.path, root.appendingPathComponent("source/run_autograder").path])
        #expect(run.status == 0, "\(run.err)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(.enabled(if: ExportSupport.pythonHas(["zipfile"]), "needs python3"))
    func runAutograderGradesTheStudentsVariant() throws {
        let folder = try ExportSupport.temporaryFolder("gradescope")
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        try Data("student,variant\nann@example.edu,2\nbob@example.edu,3\n".utf8).write(to: roster)
        let export = try Package.run(["export", "--to", "gradescope", Package.problem("example-3-bce.nn").path, Package.problem("quiz-problem-3.nn").path,
                                      "--variants", "3", "--seed", "4", "--roster", roster.path, "-o", folder.appendingPathComponent("gs").path])
        #expect(export.status == 0, "\(export.err)")
        let zip = folder.appendingPathComponent("gs/autograder.zip")
        let network = try #require(Package.network("example-3-bce.nn"))
        // Bob has variant 3: his numbers by the test's own passes, his chain-rule answers the quiz's
        // factored ones, one with a path missing.
        var values: [String: Double] = [:]
        for (name, value) in try Variants.variant(3, of: network, seed: 4).drawnValues { values[name] = value.doubleValue }
        let worked = GradeOracle.text(GradeOracle.worked(values))
        let missing = GradeOracle.quizAnswer(.missing, wrt: "x1", pick: 1)
        let answers = "Name: Bob\n\n## example-3-bce worked\n\n\(worked)\n\n## quiz-problem-3 dy/dx2\n\n\(GradeOracle.factored["x2"]!)\n\n## quiz-problem-3 dy/dx1\n\n\(missing.text)\n"
        let root = try Self.autograderRoot(zip: zip, email: "Bob@Example.edu", answers: answers)
        defer { try? FileManager.default.removeItem(at: root) }
        let results = try Self.run(root)
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.map { $0["name"] as? String } == ["example-3-bce dL/dz_yhat", "example-3-bce dL/dw11", "example-3-bce worked",
                                                        "quiz-problem-3 dy/dx2", "quiz-problem-3 dy/dx1"])
        let byName = Dictionary(uniqueKeysWithValues: tests.map { ($0["name"] as? String ?? "", $0) })
        #expect(byName["example-3-bce worked"]?["score"] as? Double == 1, "\(byName["example-3-bce worked"] ?? [:])")
        #expect(byName["quiz-problem-3 dy/dx2"]?["score"] as? Double == 1)
        let x1 = try #require(byName["quiz-problem-3 dy/dx1"])
        #expect(abs((x1["score"] as? Double ?? -1) - missing.score) < 1e-12)
        #expect((x1["output"] as? String)?.contains("missing path " + GradeOracle.paths(from: "x1")[1].joined(separator: " → ")) == true, "\(x1)")
        #expect(byName["example-3-bce dL/dz_yhat"]?["score"] as? Double == 0)  // not answered
        let total = try #require(results["score"] as? Double)
        #expect(abs(total - (1 + 1 + missing.score)) < 1e-12)
        #expect((results["output"] as? String)?.contains("variant 3") == true)
        // Gradescope's results format: every test has a name, a score, a max_score and Markdown output.
        #expect(tests.allSatisfy { $0["max_score"] as? Double == 1 && $0["output_format"] as? String == "md" && $0["output"] is String })
        // Ann's variant 2 numbers handed in by Bob's account would be wrong: the variant really matters.
        #expect(try Variants.variant(2, of: network, seed: 4).drawnValues.map(\.value) != Variants.variant(3, of: network, seed: 4).drawnValues.map(\.value))
        // Someone not on the roster: 0 points and a message, never someone else's variant.
        let stranger = try Self.autograderRoot(zip: zip, email: "eve@example.edu", answers: answers)
        defer { try? FileManager.default.removeItem(at: stranger) }
        let refused = try Self.run(stranger)
        #expect(refused["score"] as? Double == 0 && (refused["output"] as? String)?.contains("not on the roster") == true)
    }
}
