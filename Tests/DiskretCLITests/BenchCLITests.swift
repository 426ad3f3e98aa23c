import Foundation
import Testing

/// `diskret bench` measures whole processes; these runs use a small corpus so they stay quick in debug builds.
@Suite struct BenchCLITests {
    @Test func benchReportsFiguresForThisBuildAndABaseline() throws {
        let binary = BinaryRunner.binary.path
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--runs", "2", "--jobs", "2", "--baseline", binary, "--json"])
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
        }
    }

    @Test func aBaselineThatIsNoExecutableIsAUsageError() throws {
        let result = try BinaryRunner.run(["bench", "Fixtures/corpus.jsonl", "--baseline", "/nonexistent/diskret"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
