import Foundation
import Testing

/// `diskret bench` measures whole processes; these runs use a small corpus so they stay quick in debug builds.
@Suite struct BenchCLITests {
    @Test func benchReportsFiguresForThisBuildAndABaseline() throws {
        let binary = BinaryRunner.binary.path
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--runs", "2", "--rounds", "2", "--jobs", "2", "--baseline", binary,
                                           "--long-note", "64", "--floor", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let corpus = try String(contentsOf: BinaryRunner.repository.appendingPathComponent("Fixtures/corpus.jsonl"), encoding: .utf8)
        let lines = corpus.split(separator: "\n").count
        for key in ["current", "baseline"] {
            let figures = object?[key] as? [String: Any]
            #expect((figures?["mb_per_s_1_job"] as? Double ?? 0) > 0)
            #expect((figures?["mb_per_s_jobs"] as? Double ?? 0) > 0)
            #expect((figures?["startup_ms_median"] as? Double ?? 0) > 0)
            #expect((figures?["peak_rss_mb_1_job"] as? Double ?? 0) > 1)
            #expect(figures?["documents"] as? Int == lines)
            #expect(figures?["rounds"] as? Int == 2)
            #expect((figures?["long_note_bytes"] as? Int ?? 0) >= 64 * 1024)
            #expect((figures?["long_note_mb_per_s"] as? Double ?? 0) > 0)
            #expect((figures?["long_note_peak_rss_mb"] as? Double ?? 0) > 1)
        }
        // The floor is ICU's, timed once in the bench process, whatever the builds compared.
        let current = object?["current"] as? [String: Any]
        #expect((current?["icu_break_ms_per_mb"] as? Double ?? 0) > 0)
        #expect((current?["icu_break_segments"] as? Int ?? 0) > corpus.count / 10)
        #expect((object?["baseline"] as? [String: Any])?["icu_break_ms_per_mb"] == nil)
    }

    /// A corpus line without a text would leave the floor timing less than the throughput runs read.
    @Test func theFloorNeedsATextOnEveryLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-floor-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"id\":\"a\",\"text\":\"Frau Anna Meier kam.\"}\n{\"id\":\"b\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["bench", path, "--runs", "1", "--rounds", "1", "--jobs", "1", "--long-note", "0", "--floor"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 2"))
        #expect(!result.stderr.contains("Meier"))
    }

    @Test func aBaselineThatIsNoExecutableIsAUsageError() throws {
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--baseline", "/nonexistent/diskret"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }

    /// A baseline that cannot run (here: it fails on every start) stops the benchmark instead of being timed
    /// as a very fast build.
    @Test func aFailingBaselineStopsTheBenchmark() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("failing-diskret-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        try "#!/bin/sh\nexit 78\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--runs", "1", "--baseline", script])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed (exit status 78)"))
        #expect(!result.stdout.contains("baseline"))
    }

    /// The corpus that --generate writes is removed again, also when the benchmark stops on a failed run;
    /// left behind, every run would leave megabytes in the temporary directory.
    @Test func aGeneratedCorpusIsRemovedEvenWhenTheBenchmarkFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-bench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("failing-diskret").path
        try "#!/bin/sh\nexit 78\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let result = try BinaryRunner.run(["bench", "--generate", "1", "--runs", "1", "--baseline", script],
                                          environment: ["TMPDIR": directory.path])
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["failing-diskret"])
    }

    @Test func baselineRulesNeedABaseline() throws {
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--baseline-rules", "Rules"])
        #expect(result.status == 64)
    }
}
