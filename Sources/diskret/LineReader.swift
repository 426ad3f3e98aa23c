import Foundation

/// Reads standard input line by line with read(2), holding at most `limit` bytes of a line: a longer line is
/// reported by its number and skipped to its end without being kept. `getline` had held a whole line however
/// long (a 300 MB line mostly in a key other than `text` took 1.5 GB before `--max-bytes` looked at it).
struct LineReader {
    /// One input line, without its newline (and a carriage return before it).
    enum Line {
        /// The line's bytes, at most the limit.
        case bytes(Data)
        /// A line longer than the limit; `atLeast` bytes were read before giving up on it.
        case tooLong(atLeast: Int)
    }

    /// Calls `body` with each line and its 1-based number. Standard input read errors end with exit 74.
    static func forEachLine(limit: Int, _ body: (Line, Int) throws -> Void) throws {
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []
        var discarding = false, discarded = 0, number = 0
        func finish(_ tail: UnsafeBufferPointer<UInt8>) throws {
            number += 1
            if discarding {
                try body(.tooLong(atLeast: discarded + tail.count), number)
            } else {
                pending.append(contentsOf: tail)
                var count = pending.count
                while count > 0, pending[count - 1] == 0x0D { count -= 1 }
                if count > limit { try body(.tooLong(atLeast: count), number) } else { try body(.bytes(Data(pending[..<count])), number) }
            }
            pending.removeAll(keepingCapacity: pending.capacity <= 4 * chunkSize)
            discarding = false
            discarded = 0
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                printError("error: reading standard input failed")
                throw ExitStatus.ioError.code
            }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < count {
                    guard let newline = memchr(buffer.baseAddress! + start, 0x0A, count - start) else {
                        let rest = UnsafeBufferPointer(rebasing: buffer[start..<count])
                        // The part of a line so far: kept while it can still fit the limit (and a carriage
                        // return), otherwise only counted.
                        if !discarding && pending.count + rest.count > limit + 1 {
                            discarding = true
                            discarded = pending.count
                            pending.removeAll()
                        }
                        if discarding { discarded += rest.count } else { pending.append(contentsOf: rest) }
                        return
                    }
                    let end = buffer.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    try finish(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                    start = end + 1
                }
            }
        }
        if discarding || !pending.isEmpty { try finish(UnsafeBufferPointer(start: nil, count: 0)) }
    }
}
