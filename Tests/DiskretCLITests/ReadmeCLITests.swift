import Foundation
import Testing

/// Runs every `console` example of the README and compares what it prints with what the README shows, so the
/// README cannot drift from the binary.
@Suite(.serialized) struct ReadmeCLITests {
    /// One `$ command` of a console block and the lines the README shows after it.
    struct Example {
        var command: String
        var expected: String
    }

    /// The examples of all ```console blocks, in order; a command continues on the next line after a `\`.
    static func examples(in readme: String) -> [Example] {
        var examples: [Example] = []
        var inConsole = false
        var pendingContinuation = false
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            if pendingContinuation, var last = examples.popLast() {
                last.command += " " + line.trimmingCharacters(in: .whitespaces)
                pendingContinuation = last.command.hasSuffix("\\")
                if pendingContinuation { last.command.removeLast() }
                examples.append(last)
            } else if line.hasPrefix("$ ") {
                var command = String(line.dropFirst(2))
                pendingContinuation = command.hasSuffix("\\")
                if pendingContinuation { command.removeLast() }
                examples.append(Example(command: command, expected: ""))
            } else if var last = examples.popLast() {
                last.expected += line + "\n"
                examples.append(last)
            }
        }
        return examples
    }

    @Test func theParserReadsCommandsContinuationsAndOutputs() {
        let text = "x\n```console\n$ echo a \\\n   b\na b\n$ true\n```\n```sh\n$ not this\n```\n"
        let found = Self.examples(in: text)
        #expect(found.count == 2)
        #expect(found.first?.command == "echo a  b")
        #expect(found.first?.expected == "a b\n")
        #expect(found.last?.expected == "")
    }

    @Test func everyConsoleExampleOfTheReadmePrintsWhatTheReadmeShows() throws {
        let readme = try String(contentsOf: BinaryRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples(in: readme)
        #expect(examples.count >= 8, "the README lost its examples")
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        for example in examples {
            // `diskret` in the README is the binary under test; the registry is this run's own.
            let script = "diskret() { \"\(BinaryRunner.binary.path)\" \"$@\"; }\n" + example.command
            let result = try BinaryRunner.runShell(script, environment: [
                "DISKRET_REGISTRY": workspace.appendingPathComponent("registry.sqlite").path,
            ])
            #expect(result == example.expected, "README example `\(example.command)`")
        }
    }
}

extension BinaryRunner {
    /// Runs a bash script in the repository and returns its standard output and standard error as one stream.
    static func runShell(_ script: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = repository
        process.environment = Self.environment(adding: environment)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
