import Diskret
import Foundation

/// The `--jsonl` batch mode: one JSON document per input line, masked by `jobs` workers, written in input
/// order. Lines are read in batches bounded in number and in bytes, and each line is bounded by `maxBytes` as
/// it is read, so memory stays flat however long the input or any line in it is.
///
/// A bad record (not a JSON object with a string `text`, invalid UTF-8, longer than `maxBytes`, or a note the
/// engine refuses) ends the run with exit 65 naming its line; the records of the lines before it are on
/// standard output, fully masked, and nothing after it. With `skipBad`, the bad record's line becomes an error
/// object `{"line":N,"error":"…"}` (which quotes nothing from the input), the run goes on, and it still ends
/// with exit 65 when any record was bad, so that a pipeline cannot take a partial corpus for a whole one.
struct JSONLinesFilter {
    /// What a worker does with one note (the filter's masking, with roster and policy already applied).
    typealias Anonymize = @Sendable (Session, String) throws(DiskretError) -> AnonymizedText

    let engine: Engine
    let jobs: Int
    /// The most bytes one input line may hold (`--max-bytes`).
    let maxBytes: Int
    /// Whether a bad record is written as an error object instead of ending the run (`--skip-bad`).
    let skipBad: Bool
    let anonymize: Anonymize

    /// One input line in a batch: its bytes, or the size it exceeded the limit with.
    private typealias Record = (line: LineReader.Line, number: Int, offset: Int)

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
        var batch: [Record] = []
        var offset = 0, batchBytes = 0, bad = 0
        try LineReader.forEachLine(limit: maxBytes) { line, number in
            let size: Int
            switch line {
            case let .bytes(bytes): size = bytes.count
            case let .tooLong(atLeast): size = atLeast
            }
            batch.append((line, number, offset))
            offset += size + 1
            if case .bytes = line { batchBytes += size + 1 }
            if batch.count >= jobs * Self.batchPerWorker || batchBytes >= jobs * Self.batchBytesPerWorker {
                bad += try flush(batch, sessions, progress)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }
        bad += try flush(batch, sessions, progress)
        progress.finish()
        // The next run starts with the DFA states of the session that built the most.
        sessions.max { $0.session.builtPrefilterTransitions < $1.session.builtPrefilterTransitions }?.session.keepPrefilterStates()
        if bad > 0 {
            printError("error: \(bad) bad record(s) written as error objects {\"line\": N, \"error\": …}; all other records are on standard output")
            throw ExitStatus.dataError.code
        }
    }

    /// Masks a batch in parallel and writes it in order; returns how many bad records were written as error
    /// objects. Without `skipBad`, the first bad record ends the run after the records before it are written.
    private func flush(_ batch: [Record], _ sessions: [SessionBox], _ progress: Progress) throws -> Int {
        guard !batch.isEmpty else { return 0 }
        let results = ResultSlots(count: batch.count)
        let workers = min(sessions.count, batch.count)
        let maxBytes = maxBytes
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let session = sessions[worker].session
            for index in WorkPartition.range(worker: worker, of: workers, count: batch.count) {
                results.set(index, Self.process(batch[index], maxBytes: maxBytes, session: session, anonymize: anonymize))
            }
        }
        var output: [UInt8] = []
        var bad = 0
        for index in batch.indices {
            switch results.get(index) {
            case let .success(line)?:
                output += line
                results.set(index, nil)  // copied to the output: free the line now, not with the batch
            case let .failure(error)?:
                guard skipBad else {
                    try OutputWriter.write(output)
                    let number = batch[index].number
                    let error = fail(error)
                    printError("stopped at line \(number): the records of the lines before it are on standard output, fully masked; none after it")
                    throw error
                }
                printError("error: \(error.description) (written as an error object)")
                output += Array("{\"line\":\(batch[index].number),\"error\":".utf8)
                JSONLinesRecord.appendString(error.description, to: &output)
                output += [0x7D, 0x0A]
                bad += 1
            case nil:
                continue
            }
            if output.count >= Self.outputChunk { try OutputWriter.write(output); output.removeAll(keepingCapacity: true) }
        }
        try OutputWriter.write(output)
        progress.add(documents: batch.count, bytes: batch.reduce(0) { total, record in
            if case let .bytes(bytes) = record.line { return total + bytes.count + 1 }
            return total
        })
        return bad
    }

    private static func process(_ record: Record, maxBytes: Int, session: Session, anonymize: Anonymize) -> Result<[UInt8], DiskretError>? {
        let line: Data
        switch record.line {
        case let .bytes(bytes): line = bytes
        case let .tooLong(atLeast):
            return .failure(.invalidRecord(line: record.number, message: "the line holds \(atLeast) bytes or more, beyond the limit of \(maxBytes) bytes (--max-bytes)"))
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        do throws(DiskretError) {
            let input = try JSONLinesRecord(line: line, number: record.number, byteOffset: record.offset)
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
