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

    /// A temporary file with `contents`, removed by the caller.
    private func file(_ name: String, _ contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("failure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs `diskret arguments…` through bash with standard output on a full device, returning the exit status
    /// and standard error.
    private func runToFullDevice(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let quoted = ([BinaryRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        process.arguments = ["-c", quoted.joined(separator: " ") + " > /dev/full"]
        process.currentDirectoryURL = BinaryRunner.repository
        process.environment = BinaryRunner.environment(adding: environment)
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, errors)
    }

    // MARK: --jsonl failure semantics

    static let threeRecords = """
    {"id":1,"text":"Frau Kowalczyk kam."}
    {"id":2,"text":"Herr Brückner","text":"Herr Brückner"}
    {"id":3,"text":"Frau Lindqvist ging."}

    """

    /// The first bad record stops the run: the records before it are on stdout, fully masked, none after it.
    @Test func jsonLinesStopAtTheFirstBadRecord() throws {
        for jobs in ["1", "3"] {
            let result = try BinaryRunner.run(["filter", "--jsonl", "--jobs", jobs], input: Self.threeRecords)
            #expect(result.status == 65)
            #expect(result.stdout == #"{"id":1,"text":"Frau [Person 1] kam.","findings":[{"start":5,"end":14,"category":"person","type":"person.name","rule":"person.honorific","score":0.95,"placeholder":"[Person 1]"}]}"# + "\n")
            #expect(result.stderr.contains("record 2: a key appears twice") && result.stderr.contains("stopped at line 2"))
            #expect(!result.stderr.contains("Brückner") && !result.stdout.contains("Brückner") && !result.stdout.contains("Lindqvist"))
        }
    }

    /// --skip-bad: an error object in place of the bad record, the run goes on, and it still exits 65.
    @Test func skipBadWritesAnErrorObjectAndGoesOn() throws {
        let result = try BinaryRunner.run(["filter", "--jsonl", "--skip-bad", "--jobs", "2"], input: Self.threeRecords)
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(#"{"line":2,"error":"record 2: a key appears twice"#))
        #expect(lines[2].hasPrefix(#"{"id":3,"text":"Frau [Person 1] ging.""#))
        #expect(!result.stdout.contains("Brückner") && !result.stdout.contains("Kowalczyk") && !result.stderr.contains("Brückner"))
        #expect(result.stderr.contains("1 bad record(s)"))
        let usage = try BinaryRunner.run(["filter", "--skip-bad"], input: "x")
        #expect(usage.status == 64)
    }

    /// A line longer than --max-bytes is refused as read, whatever key holds the bytes, before it is decoded.
    @Test func aLineBeyondTheLimitIsRefusedAsRead() throws {
        let big = "{\"id\":1,\"text\":\"Frau Kowalczyk\",\"other\":\"" + String(repeating: "Kowalczyk ", count: 30_000) + "\"}\n"
        let input = big + "{\"id\":2,\"text\":\"Herr Brückner\"}\n"
        let stop = try BinaryRunner.run(["filter", "--jsonl", "--max-bytes", "100000"], input: input)
        #expect(stop.status == 65 && stop.stdoutData.isEmpty)
        #expect(stop.stderr.contains("record 1: the line holds 300") && stop.stderr.contains("beyond the limit of 100000 bytes"))
        let skip = try BinaryRunner.run(["filter", "--jsonl", "--max-bytes", "100000", "--skip-bad"], input: input)
        #expect(skip.status == 65)
        #expect(skip.stdout.hasPrefix(#"{"line":1,"error":"record 1: the line holds"#))
        #expect(skip.stdout.contains(#"{"id":2,"text":"Herr [Person 1]""#) && !skip.stdout.contains("Kowalczyk"))
    }

    /// Other members come out as written (numbers, nesting, order); trailing commas are refused.
    @Test func passThroughIsByteForByte() throws {
        let line = #"{"n":1.10,"id":"a","z":{"b":[1.0,0.1e-400],"a":true},"text":"Am 1.2.2024.","m":-0}"#
        let result = try BinaryRunner.run(["filter", "--jsonl"], input: line + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(#"{"id":"a","text":"Am [Datum 1].","findings":["#))
        #expect(result.stdout.hasSuffix(#"],"n":1.10,"z":{"b":[1.0,0.1e-400],"a":true},"m":-0}"# + "\n"))
        let comma = try BinaryRunner.run(["filter", "--jsonl"], input: #"{"id":"a","text":"Frau Kowalczyk",}"# + "\n")
        #expect(comma.status == 65 && comma.stdoutData.isEmpty && comma.stderr.contains("trailing comma"))
    }

    // MARK: --max-bytes on files, missing files

    @Test func inputFilesAreBoundedAndNeverNamed() throws {
        let note = try file("Notiz Frau Schmidt.txt", String(repeating: "Frau Kowalczyk kam. ", count: 1000))
        defer { try? FileManager.default.removeItem(at: note.deletingLastPathComponent()) }
        let large = try BinaryRunner.run(["filter", "--input", note.path, "--max-bytes", "1000"])
        #expect(large.status == 65 && large.stdoutData.isEmpty)
        #expect(large.stderr.contains("--input holds 20000 bytes or more, beyond the limit of 1000 bytes"))
        let missing = try BinaryRunner.run(["filter", "--input", note.path + ".gone"])
        #expect(missing.status == 66 && missing.stdoutData.isEmpty)
        let check = try BinaryRunner.run(["check", "--input", note.path + ".gone"])
        #expect(check.status == 66)
        let policy = try BinaryRunner.run(["filter", "--policy", note.path + ".gone"], input: "x")
        #expect(policy.status == 66 && policy.stdoutData.isEmpty)
        let key = try BinaryRunner.run(["filter", "--case-key", note.path + ".key", "--mask", "person=pseudonym"], input: "x")
        #expect(key.status == 66 && key.stdoutData.isEmpty)
        let vault = try BinaryRunner.run(["reidentify", "--vault", note.path + ".vault"], input: Data("x".utf8),
                                         environment: ["DISKRET_VAULT_PASSPHRASE": "geheim"])
        #expect(vault.status == 66 && vault.stdoutData.isEmpty)
        for result in [large, missing, check, policy, key, vault] { #expect(!result.stderr.contains("Schmidt"), "\(result.stderr)") }
    }

    @Test func rostersAreBoundedRefuseAliasesAndMissingIs66() throws {
        var yaml = "case: K-2024-1\npersons:\n  - subject: K-1/P0\n    names: &n [\"Anna Schmidt\", \"Berta Schmidt\"]\n"
        for index in 1..<50 { yaml += "  - subject: K-1/P\(index)\n    names: *n\n" }
        let aliased = try file("Schmidt.yaml", yaml)
        defer { try? FileManager.default.removeItem(at: aliased.deletingLastPathComponent()) }
        let alias = try BinaryRunner.run(["filter", "--roster", aliased.path], input: "Frau Kowalczyk")
        #expect(alias.status == 65 && alias.stdoutData.isEmpty)
        #expect(alias.stderr.contains("roster:4: YAML anchors and aliases"))
        let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
        let large = try BinaryRunner.run(["filter", "--roster", roster, "--max-bytes", "100"], input: "Frau Kowalczyk")
        #expect(large.status == 65 && large.stdoutData.isEmpty && large.stderr.contains("beyond the limit of 100 bytes"))
        let missing = try BinaryRunner.run(["filter", "--roster", aliased.path + ".gone"], input: "Frau Kowalczyk")
        #expect(missing.status == 66 && missing.stdoutData.isEmpty)
        for result in [alias, large, missing] { #expect(!result.stderr.contains("Schmidt"), "\(result.stderr)") }
    }

    // MARK: exit codes

    /// Standard output on a full device: 74 and a message, for every command that writes to it.
    @Test func aFullDeviceIs74ForEveryCommand() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = ["DISKRET_REGISTRY": directory.appendingPathComponent("registry.sqlite").path]
        let commands: [([String], String)] = [
            (["filter"], "Frau Kowalczyk kam."), (["filter", "--jsonl"], #"{"id":1,"text":"Frau Kowalczyk"}"# + "\n"),
            (["check"], "Frau Kowalczyk kam."),
            (["consent", "grant", "--subject", "K-2024-017/KM", "--purpose", "schutzplan", "--recipient", "Jugendamt Soest",
              "--categories", "person", "--actor", "t"], ""),
            (["consent", "status"], ""), (["consent", "list"], ""), (["audit"], ""), (["audit", "verify"], ""),
            (["rules", "check"], ""), (["filter", "--help"], ""),
        ]
        for (arguments, input) in commands {
            let (status, errors) = try runToFullDevice(arguments, input: input, environment: registry)
            #expect(status == 74, "\(arguments): \(status) \(errors)")
            #expect(errors.contains("writing standard output failed"), "\(arguments): \(errors)")
        }
    }

    /// A positional argument (a file name, with a client's name in it) is named by its position.
    @Test func usageErrorsNeverEchoArguments() throws {
        let positional = try BinaryRunner.run(["check", "Notiz Frau Schmidt.txt"], input: "x")
        #expect(positional.status == 64 && positional.stdoutData.isEmpty)
        #expect(positional.stderr.contains("Unexpected argument 2") && !positional.stderr.contains("Schmidt"))
        let file = try BinaryRunner.run(["filter", "Notiz Frau Schmidt.txt"], input: "x")
        #expect(file.status == 66 && file.stdoutData.isEmpty && !file.stderr.contains("Schmidt"))
        let value = try BinaryRunner.run(["filter", "--jobs=Schmidt"], input: "x")
        #expect(value.status == 64 && !value.stderr.contains("Schmidt"))
        let spaced = try BinaryRunner.run(["check", "--threshold", "Schmidt"], input: "x")
        #expect(spaced.status == 64 && !spaced.stderr.contains("Schmidt"))
        let corpus = try BinaryRunner.run(["eval", "Frau Schmidt.jsonl"])
        #expect(corpus.status == 66 && !corpus.stderr.contains("Schmidt"))
    }
}
