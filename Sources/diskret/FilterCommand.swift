import ArgumentParser
import Diskret
import Foundation

/// `diskret filter`: the pipe filter, stdin to stdout.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Masks personal data in a note read from standard input and writes it to standard output.",
        discussion: """
        The whole input is one note. With --jsonl, every input line is a JSON object {"id": …, "text": …} and \
        every output line is {"id": …, "text": <masked>, "findings": […]} in input order; other keys are passed \
        through unchanged, so keep personal data out of them. Nothing is written to standard output when the \
        input is not valid UTF-8 (exit 65) or the rules are invalid (exit 78).
        """
    )

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var masking: MaskingOptions

    @Option(name: .long, help: "Write a JSON report of the findings to this file ('-' for standard error).")
    var report: String?

    @Flag(name: .long, help: "Read and write JSON lines: one document per line.")
    var jsonl = false

    @Flag(name: .long, help: "Annotate each replacement with the rule that found it, for rule authors.")
    var explain = false

    @Option(name: .long, help: "Read the note from this file instead of standard input.")
    var input: String?

    func validate() throws {
        if jsonl && report != nil { throw ValidationError("--report cannot be combined with --jsonl; findings are part of each output line.") }
        if jsonl && input != nil { throw ValidationError("--input cannot be combined with --jsonl; pipe the JSON lines in.") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let engine = try ruleOptions.makeEngine()
        let policy = try masking.makePolicy()
        let session: Session
        do { session = try engine.makeSession() } catch { throw fail(error) }
        if jsonl { return try runJSONLines(session, policy) }
        let data = try InputReader.readAll(path: input)
        let result: AnonymizedText
        do {
            result = try session.anonymize(try InputReader.decode(data), policy: policy, explain: explain)
        } catch {
            throw fail(error)
        }
        if let report { try writeReport(result.findings, to: report) }
        try OutputWriter.write(result.text)
    }

    private func runJSONLines(_ session: Session, _ policy: MaskingPolicy) throws {
        var offset = 0
        try InputReader.forEachLine { line, number in
            defer { offset += line.count + 1 }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            let object: [String: Any]
            do {
                _ = try InputReader.decode(line, baseOffset: offset)
                guard let parsed = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw DiskretError.invalidRecord(line: number, message: "not a JSON object")
                }
                object = parsed
            } catch let error as DiskretError {
                throw fail(error)
            } catch {
                throw fail(DiskretError.invalidRecord(line: number, message: "not valid JSON"))
            }
            guard let text = object["text"] as? String else {
                throw fail(DiskretError.invalidRecord(line: number, message: "missing string field 'text'"))
            }
            let result: AnonymizedText
            do throws(DiskretError) { result = try session.anonymize(text, policy: policy, explain: explain) } catch { throw fail(error) }
            var output = object
            output["text"] = result.text
            output["findings"] = result.findings.map(FindingJSON.object)
            try OutputWriter.write(try FindingJSON.serialize(output) + "\n")
        }
    }

    private func writeReport(_ findings: [Finding], to path: String) throws {
        let text = try FindingJSON.serialize(["findings": findings.map(FindingJSON.object)]) + "\n"
        if path == "-" { FileHandle.standardError.write(Data(text.utf8)); return }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            printError("error: cannot write the report to \(path)")
            throw ExitCodes.ioError
        }
    }
}

