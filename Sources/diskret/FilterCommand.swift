import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// `diskret filter`: the pipe filter, stdin to stdout.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Masks personal data in a note read from standard input (or in files) and writes it to standard output (or masked copies).",
        discussion: """
        The whole input is one note. Nothing is written to standard output when the input is not valid UTF-8 \
        or larger than --max-bytes (exit 65) or the rules are invalid (exit 78).

        With --jsonl, every input line is a JSON object {"id": …, "text": …} and every output line is \
        {"id": …, "text": <masked>, "findings": […]} in input order; other keys are passed through byte for \
        byte, in input order, so keep personal data out of them. A line is refused as a bad record when it is not \
        one JSON object with a string "text" (trailing commas and keys given twice included), is not UTF-8, or \
        holds more than --max-bytes bytes. The first bad record ends the run with exit 65 and its line number on \
        standard error; the records of the lines before it are on standard output, fully masked, and nothing \
        after it. With --skip-bad, a bad record's line becomes {"line": N, "error": "…"} and the run goes on; \
        it still exits 65 if any record was bad.

        With FILE…, each file is one note, masked on its own; a .docx is read as its text (body, tables, \
        headers, footers, notes, comments, deleted tracked text, text properties). The masked texts go to \
        standard output one after another, or with --out-dir DIR to masked copies under their relative names \
        (a .docx as NAME.docx.txt), never over an original and, without --force, never over an existing copy \
        (exit 73). With more than one file, a line "[3/12] …" on standard error reports each; a failing file \
        does not stop the others, and the run exits with the first failure's code.
        """
    )

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var masking: MaskingOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var pseudonymisation: PseudonymOptions

    @Option(name: .long, help: "Write a JSON report of the findings to this file ('-' for standard error).")
    var report: String?

    @Flag(name: .long, help: "Read and write JSON lines: one document per line.")
    var jsonl = false

    @Flag(name: .long, help: "Annotate each replacement with the rule that found it, for rule authors.")
    var explain = false

    @Option(name: .long, help: "Read the note from this file instead of standard input.")
    var input: String?

    @Option(name: .long, help: "With --jsonl, the number of documents masked in parallel (output order is kept).")
    var jobs: Int = 1

    @Flag(name: .long, help: "With --jsonl, write a bad record as {\"line\": N, \"error\": …} and go on instead of stopping (exit 65 all the same).")
    var skipBad = false

    @Argument(help: ArgumentHelp("Note files to mask, each on its own (a .docx as its text); with --out-dir also folders of .txt and .docx files.",
                                 valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: "Write a masked copy of each file into this folder under its relative name (a .docx as NAME.docx.txt) instead of standard output.")
    var outDir: String?

    @Flag(name: .long, help: "With --out-dir, replace masked copies that exist already (never an original).")
    var force = false

    /// Files go through `FileBatch`; one file to standard output goes the way of --input.
    private var isBatch: Bool { outDir != nil || files.count > 1 }

    func validate() throws {
        if jsonl && report != nil { throw ValidationError("--report cannot be combined with --jsonl; findings are part of each output line.") }
        if jsonl && input != nil { throw ValidationError("--input cannot be combined with --jsonl; pipe the JSON lines in.") }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256.") }
        if skipBad && !jsonl { throw ValidationError("--skip-bad only goes with --jsonl.") }
        if !files.isEmpty && (jsonl || input != nil) { throw ValidationError("Files cannot be combined with --jsonl or --input.") }
        if outDir != nil && files.isEmpty { throw ValidationError("--out-dir needs files or folders to mask.") }
        if outDir == nil, files.contains(where: { (try? URL(fileURLWithPath: $0).resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true }) {
            throw ValidationError("A folder can only be masked with --out-dir DIR.")
        }
        if force && outDir == nil { throw ValidationError("--force only goes with --out-dir.") }
        if isBatch && (report != nil || pseudonymisation.vault != nil) {
            throw ValidationError("--report and --vault take one note: use them with at most one file and without --out-dir.")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let site = try rosterOptions.registryOptions.site.load()
        let engine = try ruleOptions.makeEngine(siteWords: site.words)
        let policy = try masking.makePolicy(maxBytes: ruleOptions.maxBytes, site: site.policy)
        if let unknown = policy.typeOperators.keys.sorted().first(where: { !engine.rules.findsType($0) }) {
            throw ValidationError("no rule of the pack finds the type '\(unknown)' (see 'diskret rules list')")
        }
        let known = try rosterOptions.knownPersons(maxBytes: ruleOptions.maxBytes)
        // Files are planned (and a run that would overwrite refused) before the consent gate is asked.
        let batch = isBatch ? try FileBatch(arguments: files, outDir: outDir, force: force) : nil
        let grant = try rosterOptions.authorizedReveal(maxBytes: ruleOptions.maxBytes)
        do {
            try filter(engine: engine, policy: policy, known: known, grant: grant, batch: batch)
        } catch {
            // The audit says "reveal-allowed" only for a run that delivered its output.
            // With --jsonl the lines before a failure were written: the reason says so.
            let reason = jsonl ? "JSON lines run ended early (\(Self.abortReason(error))); lines before the failure were written"
                : isBatch ? "a file failed (\(Self.abortReason(error))); the other files were written" : Self.abortReason(error)
            if let grant { try withRegistryErrors { try grant.aborted(reason: reason) } }
            throw error
        }
        if let grant { try withRegistryErrors { try grant.delivered() } }
    }

    private func filter(engine: Engine, policy: MaskingPolicy, known: [KnownPerson], grant: RevealGrant?, batch: FileBatch?) throws {
        let context = try pseudonymisation.makeContext(policy: policy, ruleDirectory: engine.rules.directory, jsonl: jsonl, explain: explain)
        let session: Session
        do { session = try engine.makeSession() } catch { throw fail(error) }
        if jsonl {
            let explain = explain
            return try JSONLinesFilter(engine: engine, jobs: jobs, maxBytes: ruleOptions.maxBytes, skipBad: skipBad) { (session, text) throws(DiskretError) in
                try session.anonymize(text, policy: policy, known: known, grant: grant, explain: explain, pseudonymisation: context)
            }.run()
        }
        if let batch {
            let explain = explain
            try batch.run(limit: ruleOptions.maxBytes) { (text) throws(DiskretError) in
                try session.anonymize(text, policy: policy, known: known, grant: grant, explain: explain, pseudonymisation: context).text
            }
            session.keepPrefilterStates()
            return
        }
        let path = input ?? files.first
        let data = try InputReader.readAll(path: path, limit: ruleOptions.maxBytes, option: input == nil && path != nil ? "FILE" : "--input")
        let docx = path.map(NoteFile.isDocx) == true ? try docxText(data) : nil
        let text: String, result: AnonymizedText
        do {
            if let docx { text = docx } else { text = try InputReader.decode(data) }
            result = try session.anonymize(text, policy: policy, known: known, grant: grant, explain: explain, pseudonymisation: context)
        } catch {
            throw fail(error)
        }
        try pseudonymisation.store(input: text, result: result, maxBytes: ruleOptions.maxBytes)
        if let report { try writeReport(result.findings, to: report) }
        try OutputWriter.write(result.text)
        session.keepPrefilterStates()
        // The process ends here: its exit reclaims the engine at no cost, whereas freeing the compiled ICU
        // patterns and the pack one by one is a measurable part of a short run.
        _ = Unmanaged.passRetained(session)
    }

    /// The text of a .docx given as the one FILE; a refused document is invalid input (65).
    private func docxText(_ data: Data) throws -> String {
        switch NoteFile.text(of: [UInt8](data), docx: true, limit: ruleOptions.maxBytes) {
        case let .success(text): return text
        case let .failure(failure):
            printError("error: \(failure.message)")
            throw ExitCode(failure.code)
        }
    }

    /// Why a run with an allowed reveal delivered nothing, from its exit code (never note text).
    private static func abortReason(_ error: Error) -> String {
        switch (error as? ExitCode)?.rawValue {
        case 65: return "input refused (invalid UTF-8, too large or a bad record)"
        case 66: return "input file missing"
        case 74: return "reading input or writing output failed"
        case let code?: return "the run failed with exit \(code)"
        default: return "the run failed"
        }
    }

    private func writeReport(_ findings: [Finding], to path: String) throws {
        let text = try FindingJSON.serialize(FindingJSON.report(findings)) + "\n"
        if path == "-" { FileHandle.standardError.write(Data(text.utf8)); return }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            printError("error: cannot write the report to \(path)")
            throw ExitStatus.ioError.code
        }
    }
}

