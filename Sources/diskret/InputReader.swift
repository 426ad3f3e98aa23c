import Diskret
import Foundation

/// Reads input bytes and checks that they are UTF-8, reporting the first bad byte's offset.
enum InputReader {
    /// All of standard input or of a file, refusing more than `limit` bytes without reading them all: a
    /// regular file by its size before a byte is read, a pipe as soon as it has delivered more. Messages name
    /// the option, not the file, whose name can hold a client's.
    static func readAll(path: String?, limit: Int, option: String = "--input") throws -> Data {
        if let path { return Data(try readFile(path, limit: limit, option: option)) }
        var data = Data()
        while true {
            let chunk: Data?
            do { chunk = try FileHandle.standardInput.read(upToCount: 1 << 20) } catch {
                printError("error: reading standard input failed")
                throw ExitStatus.ioError.code
            }
            guard let chunk, !chunk.isEmpty else { return data }  // nil or empty: end of input
            data.append(chunk)
            if data.count > limit { throw fail(DiskretError.inputTooLarge(bytes: data.count, limit: limit)) }
        }
    }

    /// The bytes of the file behind `option`, at most `limit`: 66 when it is missing, 74 when it cannot be
    /// read, 65 when it is larger than `limit`.
    static func readFile(_ path: String, limit: Int, option: String) throws -> [UInt8] {
        // An option's file is "given with --input"; a positional one "given as CORPUS".
        let option = option.hasPrefix("-") ? "with \(option)" : "as \(option)"
        switch BoundedFile.read(path, limit: limit) {
        case let .bytes(bytes): return bytes
        case .missing:
            printError("error: the file given \(option) does not exist")
            throw ExitStatus.noInput.code
        case .unreadable:
            printError("error: the file given \(option) cannot be read")
            throw ExitStatus.ioError.code
        case let .tooLarge(size):
            printError("error: the file given \(option) holds \(size) bytes or more, beyond the limit of \(limit) bytes (--max-bytes)")
            throw ExitStatus.dataError.code
        }
    }

    /// Decodes UTF-8, or throws `DiskretError.invalidUTF8` with the offset of the first invalid byte.
    static func decode(_ data: Data, baseOffset: Int = 0) throws(DiskretError) -> String {
        try StrictUTF8.decode(data, baseOffset: baseOffset)
    }
}

/// Writes to standard output; a closed pipe ends the process quietly with the I/O exit code.
enum OutputWriter {
    static func write(_ text: String) throws { try write(Array(text.utf8)) }

    static func write(_ bytes: [UInt8]) throws {
        let result = bytes.withUnsafeBytes { buffer -> Bool in
            var written = 0
            while written < buffer.count {
                let count = Foundation.write(1, buffer.baseAddress! + written, buffer.count - written)
                if count <= 0 { return false }
                written += count
            }
            return true
        }
        if !result {
            printError("error: writing standard output failed (disk full or output closed); the output is incomplete")
            throw ExitStatus.ioError.code
        }
    }
}
