// A libFuzzer target for the engine and the roster reader. Build and run it as FUZZING.md in Fixtures/fuzz
// describes; without -DFUZZING it builds a replay tool that runs files (crash reproducers, the seed corpus)
// through the same entry point, which the test suite uses as regression tests.
import Diskret
import DiskretConsent
import Foundation

/// The engine, loaded once per process from $DISKRET_RULES or the repository's pack.
nonisolated(unsafe) private var session: Session? = nil

private func engineSession() -> Session {
    if let session { return session }
    let rules = ProcessInfo.processInfo.environment["DISKRET_RULES"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules").path
    do {
        let made = try Engine(rules: RulePack.load(directory: rules)).makeSession()
        session = made
        return made
    } catch {
        fatalError("the rule pack does not load: \(error)")
    }
}

/// One input: bytes that are UTF-8 go through the engine (and, if they look like YAML, the roster reader);
/// every invariant that must hold for any note is checked, and a violation crashes for libFuzzer to keep.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    if text.hasPrefix("case:") { _ = try? Roster.parse(text) }
    let result: AnonymizedText
    do { result = try engineSession().anonymize(text) } catch {
        // Failing closed is allowed (time limits, size limits); crashing is not.
        return 0
    }
    let scalars = Array(text.unicodeScalars)
    var previousEnd = 0
    var rebuilt = String.UnicodeScalarView()
    for finding in result.findings {
        precondition(finding.start >= previousEnd && finding.start < finding.end && finding.end <= scalars.count, "finding out of order or bounds")
        rebuilt.append(contentsOf: scalars[previousEnd..<finding.start])
        rebuilt.append(contentsOf: (finding.replacement ?? "").unicodeScalars)
        previousEnd = finding.end
    }
    rebuilt.append(contentsOf: scalars[previousEnd...])
    precondition(String(rebuilt) == result.text, "text outside findings changed")
    return 0
}

#if !FUZZING
/// Replays files through the fuzz entry point: `DiskretFuzz FILE…`.
@main
struct FuzzReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.sorted().map { "\(path)/\($0)" } } ?? [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                _ = data.withUnsafeBytes { fuzzOneInput($0.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count) }
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
#endif
