import Foundation
import Testing

/// Black-box tests of the `diskret` binary: stdin to stdout, exit codes, and nothing leaked on failure.
@Suite(.serialized) struct FilterCLITests {
    static let note = "Gespräch mit Frau Anna Kowalczyk am 12.03.2024, Tel. 0170 1234567. Das Jugendamt ist informiert (§ 1666 BGB).\n"

    @Test func filterMasksANoteFromStdinToStdout() throws {
        let result = try BinaryRunner.run(["filter"], input: Self.note)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Gespräch mit Frau [Person 1] am [Datum 1], Tel. [Telefon 1]. Das Jugendamt ist informiert (§ 1666 BGB).\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func reportListsFindingsWithScalarOffsets() throws {
        let result = try BinaryRunner.run(["filter", "--report", "-"], input: "🙂 Frau Kowalczyk")
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings[0]["start"] as? Int == 7 && findings[0]["end"] as? Int == 16)
        #expect(findings[0]["category"] as? String == "person" && findings[0]["placeholder"] as? String == "[Person 1]")
        #expect(findings[0]["rule"] as? String == "person.honorific")
    }

    @Test func invalidUTF8FailsClosedWithTheByteOffset() throws {
        var input = Data("Frau Kowalczyk wohnt ".utf8)
        input.append(contentsOf: [0xC3, 0x28])
        let result = try BinaryRunner.run(["filter"], input: input)
        #expect(result.status == 65)
        #expect(result.stdoutData.isEmpty)
        #expect(result.stderr.contains("offset 21"))
        #expect(!result.stderr.contains("Kowalczyk"))
    }

    @Test func missingOrInvalidRulesFailWithFileAndLine() throws {
        let missing = try BinaryRunner.run(["filter", "--rules", "/nonexistent/rules"], input: Self.note)
        #expect(missing.status == 78 && missing.stdoutData.isEmpty)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bad-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  - id: a\n    kind: pattern\n    category: date\n    pattern: '(x'\n".write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let invalid = try BinaryRunner.run(["filter", "--rules", directory.path], input: Self.note)
        #expect(invalid.status == 78 && invalid.stdoutData.isEmpty)
        #expect(invalid.stderr.contains("bad.yaml:2: rule a: pattern does not compile"))
        #expect(!invalid.stderr.contains("Kowalczyk"))
    }

    @Test func jsonLinesKeepOrderAndPassOtherKeysThrough() throws {
        let input = """
        {"id": "a", "text": "Frau Kowalczyk kam.", "source": "x"}
        {"id": "b", "text": "Am 1.2.2024 nichts."}

        """
        let result = try BinaryRunner.run(["filter", "--jsonl"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 2)
        #expect(lines[0]["id"] as? String == "a" && lines[0]["text"] as? String == "Frau [Person 1] kam." && lines[0]["source"] as? String == "x")
        #expect(lines[1]["text"] as? String == "Am [Datum 1] nichts.")
        #expect((lines[1]["findings"] as? [[String: Any]])?.first?["category"] as? String == "date")
    }

    /// Long documents end a batch by its bytes (a megabyte per worker) and their output is written in
    /// chunks: every document still comes out once, whole and in order.
    @Test func longJSONLinesKeepOrderAcrossByteBoundedBatches() throws {
        let filler = String(repeating: "und so weiter ", count: 45_000)  // 630 KB
        let texts = ["Frau Kowalczyk kam. " + filler, "Am 1.2.2024 nichts.", filler + "Herr Brückner ging.", filler, "Ende."]
        let input = texts.enumerated().map { "{\"id\": \"\($0.offset)\", \"text\": \"\($0.element)\"}\n" }.joined()
        let result = try BinaryRunner.run(["filter", "--jsonl", "--jobs", "1"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["id"] as? String } == ["0", "1", "2", "3", "4"])
        let masked = lines.map { $0["text"] as? String ?? "" }
        #expect(masked[0] == "Frau [Person 1] kam. " + filler && masked[1] == "Am [Datum 1] nichts.")
        #expect(masked[2] == filler + "Herr [Person 1] ging." && masked[3] == filler && masked[4] == "Ende.")
    }

    @Test func jsonLinesRejectABrokenLineWithItsNumber() throws {
        let result = try BinaryRunner.run(["filter", "--jsonl"], input: "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"Kowalczyk\", \"text\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("record 2"))
        #expect(!result.stderr.contains("Kowalczyk"))
    }

    @Test func checkExitsOneAndNeverPrintsTheFoundText() throws {
        let found = try BinaryRunner.run(["check"], input: Self.note)
        #expect(found.status == 1)
        #expect(found.stdout.contains("1:19 person person.honorific"))
        #expect(!found.stdout.contains("Kowalczyk") && !found.stdout.contains("0170"))
        let clean = try BinaryRunner.run(["check"], input: "Das Jugendamt ist informiert.\n")
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func aFindingTypeCanBeKeptWhileItsCategoryIsMasked() throws {
        let note = "Heute rief sie an; am 12.03.2024 war der Termin."
        let kept = try BinaryRunner.run(["filter", "--mask", "date.relative=keep"], input: note)
        #expect(kept.status == 0 && kept.stdout.hasPrefix("Heute rief sie an; am [Datum 1] war der Termin."))
        // A type no rule finds would change nothing: refused, and so is an operator a type cannot take.
        let typo = try BinaryRunner.run(["filter", "--mask", "date.relativ=keep"], input: note)
        #expect(typo.status == 64 && typo.stdoutData.isEmpty && typo.stderr.contains("date.relativ"))
        let shift = try BinaryRunner.run(["filter", "--mask", "date.relative=shift"], input: note)
        #expect(shift.status == 64 && shift.stdoutData.isEmpty)
    }

    @Test func usageMistakesExitWith64() throws {
        let result = try BinaryRunner.run(["filter", "--mask", "people=keep"], input: Self.note)
        #expect(result.status == 64 && result.stdoutData.isEmpty)
        // `filter` is parsed on a short path; its mistakes and help still name the whole command.
        let jobs = try BinaryRunner.run(["filter", "--jobs", "0"], input: Self.note)
        #expect(jobs.status == 64 && jobs.stdoutData.isEmpty)
        #expect(jobs.stderr.contains("--jobs must be between 1 and 256.") && jobs.stderr.contains("diskret filter"))
        let unknown = try BinaryRunner.run(["filter", "--bogus"], input: Self.note)
        #expect(unknown.status == 64 && unknown.stderr.contains("Unknown option '--bogus'"))
        let help = try BinaryRunner.run(["filter", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: diskret filter"))
    }

    @Test func explainNamesTheRule() throws {
        let result = try BinaryRunner.run(["filter", "--explain"], input: "Frau Kowalczyk")
        #expect(result.stdout == "Frau [Person 1]‹person.honorific 95%›")
    }

    @Test func rulesCheckPassesOnTheShippedPack() throws {
        let result = try BinaryRunner.run(["rules", "check"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("all hold"))
    }

    /// A pattern the prefilter cannot read still works; `rules check` says why it is slower.
    @Test func rulesCheckNamesPatternsWithoutThePrefilter() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slow-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        rules:
          - id: repeat.word
            kind: pattern
            category: id
            pattern: '\\b(\\p{L}+)\\x20\\1\\b'
            examples:
              - "Das war [[bla bla]] gestern."
        """.write(to: directory.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["rules", "check", directory.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("note: rule repeat.word runs without the pattern prefilter (unsupported escape)"))
        #expect(result.stdout.contains("all hold"))
        let shipped = try BinaryRunner.run(["rules", "check"])
        #expect(!shipped.stdout.contains("note: rule"))
    }

    @Test func fixtureRegressionsPass() throws {
        let result = try BinaryRunner.run(["test", "Fixtures"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" 0 failed\n"))
    }
}

/// Limits and broken pipes fail closed with defined exit codes.
@Suite(.serialized) struct LimitCLITests {
    @Test func inputOverTheLimitIsRefusedWithNothingOnStdout() throws {
        let note = String(repeating: "Frau Kowalczyk kam. ", count: 100)
        let result = try BinaryRunner.run(["filter", "--max-bytes", "1000"], input: note)
        #expect(result.status == 65)
        #expect(result.stdoutData.isEmpty)
        #expect(result.stderr.contains("exceeds the limit of 1000 bytes"))
        #expect(!result.stderr.contains("Kowalczyk"))
    }

    @Test func aLimitBeyondWhatTheEngineAddressesIsAUsageError() throws {
        let result = try BinaryRunner.run(["filter", "--max-bytes", "2000000000"], input: "Frau Kowalczyk kam.")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-bytes must be at most 1073741824"))
        #expect(result.stdoutData.isEmpty)
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let result = try BinaryRunner.run(["filter"], input: "")
        #expect(result.status == 0 && result.stdoutData.isEmpty)
    }

    @Test func closedStdoutEndsWithTheIOExitCode() throws {
        // `head -c 1` closes the pipe after one byte; diskret must not die of SIGPIPE nor hang.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let note = String(repeating: "Frau Kowalczyk kam am 1.2.2024. ", count: 4000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-note-\(UUID().uuidString).txt")
        try note.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        // The masked output is far larger than a pipe's buffer, so diskret is still writing when head exits.
        process.arguments = ["-c", "'\(BinaryRunner.binary.path)' filter < '\(path.path)' 2>/dev/null | head -c 1 > /dev/null; echo ${PIPESTATUS[0]}"]
        let output = Pipe()
        process.standardOutput = output
        process.currentDirectoryURL = BinaryRunner.repository
        try process.run()
        process.waitUntilExit()
        let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "74", "exit status \(status)")
    }
}
