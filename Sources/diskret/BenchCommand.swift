import ArgumentParser
import Diskret
import Foundation

/// `diskret bench`: throughput, start-up latency and memory, measured as a user runs Diskret.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures throughput (MB/s, documents/s), start-up latency and peak memory.",
        discussion: """
        Throughput: the --jsonl filter is run as a child process over a corpus (CORPUS, or --generate MB of \
        JSON lines made from the fixture notes) with 1 job and with --jobs N. Start-up: `diskret filter` on \
        one short note, --runs times; the median and 90th percentile are reported. Throughput runs are repeated \
        --rounds times and their median reported. Long note: `diskret filter` on one note of --long-note KB made \
        of the fixture notes, --rounds times, for time and memory per byte of a long document (a case file \
        exported whole). Floor (--floor): ICU's word and sentence break alone over the corpus's texts, in this \
        process, per MB of the corpus — what the prescribed ICU tokenisation costs before any rule runs. \
        Memory: the peak resident set of the child processes. Use a release build: `swift build -c release --static-swift-stdlib`. With --baseline OTHER, a second diskret \
        executable (another build, e.g. of the previous commit) is measured the same way on the same corpus, \
        its runs alternating with this build's, and both are printed with their ratio; --baseline-rules gives \
        it a rule pack of its own (an older build may not read today's rule files). Any failed run stops the \
        benchmark. A subcommand rather than a package-benchmark target because what users feel is the whole \
        process — start-up, rule loading, I/O — which in-process micro-benchmarks do not see.
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "A JSON-lines corpus ({\"id\", \"text\"} per line). Without it, one is generated from the fixtures.")
    var corpus: String?

    @Option(name: .long, help: "Megabytes of corpus to generate when no CORPUS is given.")
    var generate: Int = 10

    @Option(name: .long, help: "Kilobytes of the single long note timed for time and memory per byte; 0 skips it.")
    var longNote: Int = 4096

    @Option(name: .long, help: "Parallel jobs for the second throughput run.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "How many times to start the filter for the start-up figures.")
    var runs: Int = 20

    @Option(name: .long, help: "How many times to run each throughput measurement; the median is reported.")
    var rounds: Int = 3

    @Option(name: .long, help: "Another diskret executable to measure the same way, for comparing two builds.")
    var baseline: String?

    @Option(name: .long, help: "The rule pack the baseline build reads, when it cannot read this build's (default: the same).")
    var baselineRules: String?

    @Flag(name: .long, help: "Also time ICU's word and sentence break alone over the corpus's texts, in this process: the floor that the ICU tokenisation sets before any rule runs.")
    var floor = false

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Flag(name: .long, help: "Only time pathological notes (title chains, repeated names, …) at 100 KB and 1 MB, in this process; exit 1 if one fails or costs more than 15 times as much at 1 MB.")
    var adversarial = false

    func validate() throws {
        guard generate > 0, jobs > 0, runs > 0, rounds > 0 else {
            throw ValidationError("--generate, --jobs, --runs and --rounds must be positive.")
        }
        guard (0...(64 << 10)).contains(longNote) else { throw ValidationError("--long-note must be between 0 and 65536 KB.") }
        if let baseline, !FileManager.default.isExecutableFile(atPath: baseline) {
            throw ValidationError("--baseline must name an executable diskret build.")
        }
        if baselineRules != nil && baseline == nil { throw ValidationError("--baseline-rules needs --baseline.") }
    }

    func run() throws {
        // A child that exits without reading its input (a failing build) must be reported by its exit
        // status, not kill the benchmark with SIGPIPE while the corpus is written to it.
        signal(SIGPIPE, SIG_IGN)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let rules = ruleOptions.ruleDirectory() ?? "Rules"
        if adversarial {
            guard try AdversarialBench.run(engine: try ruleOptions.makeEngine(), rounds: rounds, json: json) else { throw ExitStatus.checkFailed.code }
            return
        }
        let notes = try sampleNotes(rules: rules)
        let corpusPath = try corpus ?? generateCorpus(from: notes, megabytes: generate)
        // A generated corpus is ours to remove, also when a run fails; a given one is the user's.
        defer { if corpus == nil { try? FileManager.default.removeItem(atPath: corpusPath) } }
        let longNotePath = longNote > 0 ? try generateLongNote(from: notes, kilobytes: longNote) : nil
        defer { if let longNotePath { try? FileManager.default.removeItem(atPath: longNotePath) } }
        let bytes = (try FileManager.default.attributesOfItem(atPath: corpusPath)[.size] as? Int) ?? 0
        let documents = try countLines(corpusPath)
        let floorTexts = floor ? try BreakFloor.texts(of: corpusPath) : nil
        let note = notes.min { abs($0.utf8.count - 2048) < abs($1.utf8.count - 2048) } ?? "Frau Kowalczyk kam."
        let builds = [(executable, rules)] + (baseline.map { [($0, baselineRules ?? rules)] } ?? [])
        var figures = try throughputs(builds, corpus: corpusPath, bytes: bytes, documents: documents, note: note)
        for (index, startup) in try startups(builds, note: note).enumerated() { figures[index].merge(startup) { $1 } }
        if let longNotePath {
            for (index, long) in try longNotes(builds, path: longNotePath).enumerated() { figures[index].merge(long) { $1 } }
        }
        if let floorTexts { figures[0].merge(try BreakFloor.measure(floorTexts, bytes: bytes, rounds: rounds)) { $1 } }
        let current = figures[0], base = baseline == nil ? nil : figures[1]
        if json {
            var object: [String: Any] = current
            if let base { object = ["current": current, "baseline": base] }
            print(try FindingJSON.serialize(object))
            return
        }
        print("corpus: \(bytes) bytes, \(documents) documents (\(corpus ?? "generated from the fixtures"))")
        if let base {
            print("baseline (\(baseline!)):")
            report(base, note: note)
            print("this build:")
        }
        report(current, note: note)
        if let floorMs = current["icu_break_ms_per_mb"] as? Double {
            print(String(format: "ICU word and sentence break alone (in-process, this build's ICU): %.1f ms per MB, %.1f MB/s "
                         + "(25 MB/s allows 40 ms per MB in all)", floorMs, current["icu_break_mb_per_s"] as! Double))
        }
        if let base {
            let ratio = { (key: String) in (current[key] as! Double) / (base[key] as! Double) }
            print(String(format: "ratio this/baseline: throughput ×%.2f (1 job), ×%.2f (%d jobs); start-up median ×%.2f",
                         ratio("mb_per_s_1_job"), ratio("mb_per_s_jobs"), jobs, ratio("startup_ms_median"))
                  + (longNotePath == nil ? "" : String(format: "; long note ×%.2f", ratio("long_note_mb_per_s"))))
        }
    }

    /// Throughput with 1 and N jobs and its peak memory, for each executable: the median of `rounds` runs,
    /// the builds taking turns as for start-up.
    private func throughputs(_ builds: [(executable: String, rules: String)], corpus corpusPath: String, bytes: Int,
                             documents: Int, note: String) throws -> [[String: Any]] {
        // Warm the caches (word lists, parsed pack) so that the runs measure steady state, as users see it
        // after the first run.
        for (executable, rules) in builds { _ = try ChildRun.run(executable, ["filter", "--rules", rules], input: Data(note.utf8)) }
        var single = Array(repeating: [ChildRun](), count: builds.count)
        var parallel = Array(repeating: [ChildRun](), count: builds.count)
        for _ in 0..<rounds {
            for (index, (executable, rules)) in builds.enumerated() {
                single[index].append(try ChildRun.run(executable, ["filter", "--jsonl", "--rules", rules], inputFile: corpusPath))
                parallel[index].append(try ChildRun.run(executable, ["filter", "--jsonl", "--jobs", String(jobs), "--rules", rules],
                                                        inputFile: corpusPath))
            }
        }
        return builds.indices.map { index in
            [
                "corpus_bytes": bytes, "documents": documents, "rounds": rounds,
                "mb_per_s_1_job": Double(bytes) / 1e6 / ChildRun.median(single[index]),
                "mb_per_s_jobs": Double(bytes) / 1e6 / ChildRun.median(parallel[index]), "jobs": jobs,
                "documents_per_s_1_job": Double(documents) / ChildRun.median(single[index]),
                "peak_rss_mb_1_job": Double(single[index].map(\.peakRSS).max()!) / 1024,
                "peak_rss_mb_jobs": Double(parallel[index].map(\.peakRSS).max()!) / 1024,
            ]
        }
    }

    /// Throughput and peak memory on one long note, for each executable: the median of `rounds` runs, the
    /// builds taking turns.
    private func longNotes(_ builds: [(executable: String, rules: String)], path: String) throws -> [[String: Any]] {
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var runs = Array(repeating: [ChildRun](), count: builds.count)
        for _ in 0..<rounds {
            for (index, (executable, rules)) in builds.enumerated() {
                runs[index].append(try ChildRun.run(executable, ["filter", "--rules", rules], inputFile: path))
            }
        }
        return runs.map { runs in
            [
                "long_note_bytes": bytes,
                "long_note_mb_per_s": Double(bytes) / 1e6 / ChildRun.median(runs),
                "long_note_peak_rss_mb": Double(runs.map(\.peakRSS).max()!) / 1024,
            ]
        }
    }

    /// Start-up percentiles and peak memory of each executable. The builds take turns, run by run, so that
    /// a noisy machine slows both alike and their ratio holds.
    private func startups(_ builds: [(executable: String, rules: String)], note: String) throws -> [[String: Any]] {
        var starts = Array(repeating: [Double](), count: builds.count)
        var peaks = Array(repeating: 0, count: builds.count)
        for _ in 0..<runs {
            for (index, (executable, rules)) in builds.enumerated() {
                let run = try ChildRun.run(executable, ["filter", "--rules", rules], input: Data(note.utf8))
                starts[index].append(run.seconds)
                peaks[index] = max(peaks[index], run.peakRSS)
            }
        }
        return zip(starts, peaks).map { times, peak in
            let sorted = times.sorted()
            return [
                "startup_note_bytes": note.utf8.count, "startup_ms_median": sorted[sorted.count / 2] * 1000,
                "startup_ms_p90": sorted[min(sorted.count - 1, sorted.count * 9 / 10)] * 1000,
                "startup_peak_rss_mb": Double(peak) / 1024,
            ]
        }
    }

    private func report(_ figures: [String: Any], note: String) {
        print(String(format: "throughput, 1 job:  %.2f MB/s, %.0f documents/s, peak RSS %.0f MB",
                     figures["mb_per_s_1_job"] as! Double, figures["documents_per_s_1_job"] as! Double, figures["peak_rss_mb_1_job"] as! Double))
        print(String(format: "throughput, %d jobs: %.2f MB/s, peak RSS %.0f MB", jobs, figures["mb_per_s_jobs"] as! Double, figures["peak_rss_mb_jobs"] as! Double))
        print(String(format: "start-up (%d-byte note, %d runs): median %.1f ms, p90 %.1f ms, peak RSS %.0f MB", note.utf8.count, runs,
                     figures["startup_ms_median"] as! Double, figures["startup_ms_p90"] as! Double, figures["startup_peak_rss_mb"] as! Double))
        if let bytes = figures["long_note_bytes"] as? Int {
            print(String(format: "long note (%d bytes, one document): %.2f MB/s, peak RSS %.0f MB", bytes,
                         figures["long_note_mb_per_s"] as! Double, figures["long_note_peak_rss_mb"] as! Double))
        }
    }

    private func sampleNotes(rules: String) throws -> [String] {
        let directory = URL(fileURLWithPath: rules).deletingLastPathComponent().appendingPathComponent("Fixtures/notes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        let notes = names.compactMap { FileManager.default.contents(atPath: directory.appendingPathComponent($0).path) }
            .map { String(decoding: $0, as: UTF8.self) }
        guard !notes.isEmpty else {
            printError("error: no fixture notes found to generate a corpus from; pass a CORPUS file")
            throw ExitStatus.noInput.code
        }
        return notes
    }

    private func generateCorpus(from notes: [String], megabytes: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-bench-\(getpid()).jsonl").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            printError("error: cannot write the generated corpus")
            throw ExitStatus.ioError.code
        }
        defer { try? handle.close() }
        var written = 0, index = 0
        while written < megabytes * 1_000_000 {
            let line = try FindingJSON.serialize(["id": "bench-\(index)", "text": notes[index % notes.count]]) + "\n"
            try handle.write(contentsOf: Data(line.utf8))
            written += line.utf8.count
            index += 1
        }
        return path
    }

    /// One note of about `kilobytes` KB: the fixture notes one after another, a blank line between them.
    private func generateLongNote(from notes: [String], kilobytes: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-bench-long-\(getpid()).txt").path
        var text: [UInt8] = []
        var index = 0
        while text.count < kilobytes * 1024 {
            text += Array(notes[index % notes.count].utf8) + Array("\n\n".utf8)
            index += 1
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text)) else {
            printError("error: cannot write the generated long note")
            throw ExitStatus.ioError.code
        }
        return path
    }

    private func countLines(_ path: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { throw ExitStatus.noInput.code }
        return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

/// One child process run: wall time and peak resident memory (KiB). Spawned with posix_spawn and reaped with
/// wait4, so the kernel's resource usage of exactly that child is read.
struct ChildRun {
    var seconds: Double
    var peakRSS: Int

    /// The median wall time of `runs`, the figure the throughput measurements report.
    static func median(_ runs: [ChildRun]) -> Double { runs.map(\.seconds).sorted()[runs.count / 2] }

    /// Runs `executable` once; an exit status outside `statuses` (or a signal) stops the benchmark.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil, inputFile: String? = nil,
                    allowing statuses: Set<Int32> = [0]) throws -> ChildRun {
        var pipeEnds: [Int32] = [-1, -1]
        var inputDescriptor: Int32
        if let inputFile {
            inputDescriptor = open(inputFile, O_RDONLY)
        } else {
            guard pipe(&pipeEnds) == 0 else { throw ExitStatus.ioError.code }
            inputDescriptor = pipeEnds[0]
        }
        guard inputDescriptor >= 0 else { throw ExitStatus.noInput.code }
        let devNull = open("/dev/null", O_WRONLY)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        if pipeEnds[1] >= 0 { posix_spawn_file_actions_addclose(&actions, pipeEnds[1]) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { throw ExitStatus.internalError.code }
        close(inputDescriptor)
        close(devNull)
        if let input, pipeEnds[1] >= 0 {
            input.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(pipeEnds[1], buffer.baseAddress! + written, buffer.count - written)
                    if count <= 0 { break }
                    written += count
                }
            }
        }
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        // A failed run would be timed as a fast one: stop rather than report it.
        guard status & 0x7F == 0, statuses.contains((status >> 8) & 0xFF) else {
            let code = status & 0x7F == 0 ? "exit status \((status >> 8) & 0xFF)" : "signal \(status & 0x7F)"
            printError("error: \(executable) \(arguments.joined(separator: " ")) failed (\(code)); nothing was measured")
            throw ExitStatus.checkFailed.code
        }
        return ChildRun(seconds: seconds, peakRSS: usage.ru_maxrss)
    }
}
