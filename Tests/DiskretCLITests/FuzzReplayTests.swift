import Foundation
import Testing

/// The fuzz seed corpora and every crash reproducer the fuzzers ever found stay regression tests: the replay
/// build of each target runs them through the same entry point and invariants as the fuzzer.
@Suite struct FuzzReplayTests {
    @Test(arguments: ["engine", "rules", "jsonl", "batch", "roster", "prefilter", "reveal", "docx"])
    func seedsAndCrashReproducersPassTheTargetsInvariants(target: String) throws {
        let directories = ["Fixtures/fuzz/seeds/\(target)", "Fixtures/fuzz/crashes/\(target)"]
            .map { BinaryRunner.repository.appendingPathComponent($0).path }
        let inputs = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
            .filter { !$0.hasPrefix(".") }
        #expect(!inputs.isEmpty, "no seeds for the \(target) target")
        let process = Process()
        process.executableURL = BinaryRunner.binary.deletingLastPathComponent().appendingPathComponent("DiskretFuzz")
        process.arguments = directories
        process.environment = ProcessInfo.processInfo.environment.merging(["DISKRET_FUZZ_TARGET": target]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("replayed \(inputs.count) inputs through the \(target) target"), "\(text)")
    }
}
