import Diskret
import Foundation

/// Arbitrary bytes as a `--jsonl` batch: the first byte picks the number of jobs (1…64), the rest is split
/// into raw lines. The lines are shared among the workers by `WorkPartition` (the partition that trapped
/// with 5 documents and 4 jobs), and each worker's lines go through the filter's own steps — record reader,
/// masking, output line. Checked: the workers' ranges cover every line exactly once and in order, whatever
/// the counts, and the output in input order is the same as one worker's.
enum BatchFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let jobs = Int(first % 64) + 1
        let lines = Data(UnsafeBufferPointer(rebasing: bytes[1...])).split(separator: 0x0A, omittingEmptySubsequences: false).prefix(256)
        let workers = min(jobs, lines.count)
        guard workers > 0 else { return }
        var next = 0
        var outputs: [[UInt8]?] = Array(repeating: nil, count: lines.count)
        for worker in 0..<workers {
            let range = WorkPartition.range(worker: worker, of: workers, count: lines.count)
            precondition(range.lowerBound == next && range.upperBound <= lines.count, "the partition skips, repeats or inverts")
            next = range.upperBound
            for index in range { outputs[index] = line(Data(lines[lines.startIndex + index]), number: index + 1) }
        }
        precondition(next == lines.count, "the partition leaves lines out")
        // One worker over all lines gives the same output.
        for (index, raw) in lines.enumerated() {
            precondition(line(Data(raw), number: index + 1) == outputs[index], "a line's output depends on its worker")
        }
    }

    /// The output line of one record, or nil for a record the filter refuses.
    private static func line(_ raw: Data, number: Int) -> [UInt8]? {
        guard let record = try? JSONLinesRecord(line: raw, number: number, byteOffset: 0),
              let result = try? germanSession.anonymize(record.text) else { return nil }
        Invariants.check(input: record.text, result: result)
        return try? record.outputBytes(text: result.text, findings: result.findings, number: number)
    }
}
