// libFuzzer targets for the engine, the rule-file loader, the `--jsonl` record reader, a `--jsonl` batch shared
// among a varied number of jobs, the case-roster reader, the consent reveal and the .docx reader;
// $DISKRET_FUZZ_TARGET picks one (engine, rules, jsonl, batch, roster, prefilter, reveal, docx; default engine). Build and run them as
// Fixtures/fuzz/README.md describes. Without -DFUZZING this builds a replay tool that runs files (crash
// reproducers, the seed corpora) through the same entry points, which the test suite uses as regression tests.
import Diskret
import Foundation

/// The fuzz targets, each an entry point taking one input's bytes.
enum FuzzTarget: String, CaseIterable {
    case engine, rules, jsonl, batch, roster, prefilter, reveal, docx

    /// The target named by $DISKRET_FUZZ_TARGET.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["DISKRET_FUZZ_TARGET"] ?? "engine"
        guard let target = FuzzTarget(rawValue: name) else { fatalError("unknown DISKRET_FUZZ_TARGET '\(name)'") }
        return target
    }()

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .engine: EngineFuzz.run(bytes)
        case .rules: RuleLoaderFuzz.run(bytes)
        case .jsonl: JSONLinesFuzz.run(bytes)
        case .batch: BatchFuzz.run(bytes)
        case .roster: RosterFuzz.run(bytes)
        case .prefilter: PrefilterFuzz.run(bytes)
        case .reveal: RevealFuzz.run(bytes)
        case .docx: DocxFuzz.run(bytes)
        }
    }
}

/// The repository's rule directory ($DISKRET_RULES overrides it).
let rulesDirectory = ProcessInfo.processInfo.environment["DISKRET_RULES"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path

/// One engine session with the German pack for the whole process (fuzzing is single-threaded); a pack that
/// does not load stops the run, since every input would then test nothing.
nonisolated(unsafe) let germanSession: Session = {
    do { return try Engine(rules: RulePack.load(directory: rulesDirectory)).makeSession() } catch {
        fatalError("the rule pack does not load: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
/// Replays files through the selected fuzz target: `DiskretFuzz FILE|DIR…`.
@main
struct FuzzReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path))
                .map { $0.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" } } ?? [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { FuzzTarget.selected.run($0.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("replayed \(count) inputs through the \(FuzzTarget.selected.rawValue) target")
    }
}
#endif
