import Foundation
import Testing

/// Issue 21's cases, each as a user meets them: the documented exit code, nothing unmasked on standard output,
/// and no note text or file name in the message.
@Suite(.serialized) struct FailurePathCLITests {
    /// The exact pipeline of the issue: five documents with four jobs had trapped (exit 132).
    @Test func fiveDocumentsWithFourJobsAllComeOut() throws {
        let input = String(repeating: "{\"id\":1,\"text\":\"a\"}\n", count: 5)
        let result = try BinaryRunner.run(["filter", "--jsonl", "--jobs", "4"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == String(repeating: "{\"id\":1,\"text\":\"a\",\"findings\":[]}\n", count: 5))
    }

    /// Other counts the issue names (6–7 with 5 jobs, 9–17 with 8, 133 with 4, any with 16): every line out, in order.
    @Test func documentCountsAroundTheJobCountAllComeOutInOrder() throws {
        for (documents, jobs) in [(6, 5), (7, 5), (9, 8), (17, 8), (133, 4), (40, 16), (3, 64)] {
            let input = (0..<documents).map { "{\"id\":\($0),\"text\":\"Frau Kowalczyk kam.\"}\n" }.joined()
            let result = try BinaryRunner.run(["filter", "--jsonl", "--jobs", String(jobs)], input: input)
            #expect(result.status == 0, "\(documents) documents, \(jobs) jobs: \(result.stderr)")
            let ids = result.stdout.split(separator: "\n").map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
            }
            #expect(ids == (0..<documents).map { $0 }, "\(documents) documents, \(jobs) jobs")
        }
    }

    /// A gold entity whose end lies before its start had trapped `eval --show-misses`.
    @Test func evalRejectsAGoldSpanThatIsNoSpan() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl")
        try "{\"id\":\"d\",\"text\":\"Frau Kowalczyk kam.\",\"entities\":[{\"start\":14,\"end\":5,\"label\":\"person\"}]}\n"
            .write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try BinaryRunner.run(["eval", "--show-misses", path.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdoutData.isEmpty)
        #expect(result.stderr.contains("record 1: entity 1 is not a span"))
        #expect(!result.stderr.contains("Kowalczyk"))
    }
}
