import Diskret
import Foundation

/// The `--jsonl` batch mode: one JSON document per input line, masked by `jobs` workers, written in input
/// order. Lines are read in batches bounded in number and in bytes, so memory stays flat however long the
/// input is, and a batch of long documents does not hold dozens of them at once.
struct JSONLinesFilter {
    /// What a worker does with one note (the filter's masking, with roster and policy already applied).
    typealias Anonymize = @Sendable (Session, String) throws(DiskretError) -> AnonymizedText

    let engine: Engine
    let jobs: Int
    let anonymize: Anonymize

    /// Documents per worker per batch: large enough to keep workers busy, small enough to bound memory.
    private static let batchPerWorker = 32
    /// Input bytes per worker per batch: 32 notes of 400 KB had held 13 MB of input, their masked copies
    /// and their findings per worker.
    private static let batchBytesPerWorker = 1 << 20
    /// Output is written whenever this much has gathered, not once per batch.
    private static let outputChunk = 1 << 20

    func run() throws {
        let sessions: [SessionBox]
        do { sessions = try (0..<jobs).map { _ throws(DiskretError) in SessionBox(try engine.makeSession()) } } catch { throw fail(error) }
        let progress = Progress()
        var batch: [(line: Data, number: Int, offset: Int)] = []
        var offset = 0, batchBytes = 0
        try InputReader.forEachLine { line, number in
            batch.append((line, number, offset))
            offset += line.count + 1
            batchBytes += line.count + 1
            if batch.count >= jobs * Self.batchPerWorker || batchBytes >= jobs * Self.batchBytesPerWorker {
                try flush(batch, sessions, progress)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }
        try flush(batch, sessions, progress)
        progress.finish()
    }

    /// Masks a batch in parallel and writes it in order; the first bad record ends the run after the good
    /// records before it are written.
    private func flush(_ batch: [(line: Data, number: Int, offset: Int)], _ sessions: [SessionBox], _ progress: Progress) throws {
        guard !batch.isEmpty else { return }
        let results = ResultSlots(count: batch.count)
        let workers = min(sessions.count, batch.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let session = sessions[worker].session
            for index in WorkPartition.range(worker: worker, of: workers, count: batch.count) {
                results.set(index, Self.process(batch[index], session: session, anonymize: anonymize))
            }
        }
        var output: [UInt8] = []
        for index in batch.indices {
            switch results.get(index) {
            case let .success(line)?:
                output += line
                results.set(index, nil)  // copied to the output: free the line now, not with the batch
                if output.count >= Self.outputChunk { try OutputWriter.write(output); output.removeAll(keepingCapacity: true) }
            case let .failure(error)?:
                try OutputWriter.write(output)
                throw fail(error)
            case nil:
                continue
            }
        }
        try OutputWriter.write(output)
        progress.add(documents: batch.count, bytes: batch.reduce(0) { $0 + $1.line.count + 1 })
    }

    private static func process(_ record: (line: Data, number: Int, offset: Int), session: Session, anonymize: Anonymize) -> Result<[UInt8], DiskretError>? {
        if record.line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        do throws(DiskretError) {
            let input = try JSONLinesRecord(line: record.line, number: record.number, byteOffset: record.offset)
            let result = try anonymize(session, input.text)
            var line = try input.outputBytes(text: result.text, findings: result.findings, number: record.number)
            line.append(0x0A)
            return .success(line)
        } catch {
            return .failure(error)
        }
    }
}

/// A session used by exactly one worker at a time (the worker's index picks it).
private final class SessionBox: @unchecked Sendable {
    let session: Session
    init(_ session: Session) { self.session = session }
}

/// Result slots written by distinct workers at distinct indices.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<[UInt8], DiskretError>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<[UInt8], DiskretError>?) { lock.withLock { slots[index] = value } }
    func get(_ index: Int) -> Result<[UInt8], DiskretError>? { lock.withLock { slots[index] } }
}

/// Documents, MB/s and (when the input is a file) ETA on standard error, only when it is a terminal.
private final class Progress {
    private let enabled = isatty(2) == 1
    private let start = Date()
    private var documents = 0, bytes = 0, lastDraw = Date.distantPast
    private let total: Int? = {
        var info = stat()
        return fstat(0, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }()

    func add(documents: Int, bytes: Int) {
        self.documents += documents
        self.bytes += bytes
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.5 else { return }
        lastDraw = Date()
        draw()
    }

    func finish() {
        guard enabled, documents > 0 else { return }
        draw()
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw() {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / seconds / 1_000_000
        var line = "\r\(documents) documents, \(String(format: "%.1f", rate)) MB/s"
        if let total, rate > 0 { line += ", ETA \(Int(Double(max(0, total - bytes)) / 1_000_000 / rate)) s" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
