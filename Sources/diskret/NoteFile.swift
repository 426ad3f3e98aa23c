import Diskret
import DiskretDocx
import Foundation

/// The text of one note file: a `.docx` through DiskretDocx, anything else as strict UTF-8.
enum NoteFile {
    /// Whether `path` is read as a Word document (by its extension).
    static func isDocx(_ path: String) -> Bool { path.lowercased().hasSuffix(".docx") }

    /// Why a file gave no text: the message (no note text, no file name) and the exit code.
    struct Failure: Error {
        let message: String
        let code: Int32
    }

    /// The text of the file at `path`, read with at most `limit` bytes (a `.docx` also unpacks to at most that).
    static func text(of path: String, limit: Int) -> Result<String, Failure> {
        switch BoundedFile.read(path, limit: limit) {
        case .missing: return .failure(Failure(message: "the file does not exist", code: ExitStatus.noInput.code.rawValue))
        case .unreadable: return .failure(Failure(message: "the file cannot be read", code: ExitStatus.ioError.code.rawValue))
        case let .tooLarge(size):
            return .failure(Failure(message: "the file holds \(size) bytes or more, beyond the limit of \(limit) bytes (--max-bytes)",
                                    code: ExitStatus.dataError.code.rawValue))
        case let .bytes(bytes): return text(of: bytes, docx: isDocx(path), limit: limit)
        }
    }

    /// The text of a file's bytes.
    static func text(of bytes: [UInt8], docx: Bool, limit: Int) -> Result<String, Failure> {
        do {
            if docx { return .success(try DocxText.extract(from: Data(bytes), limit: limit)) }
            return .success(try StrictUTF8.decode(Data(bytes)))
        } catch let error as DocxError {
            return .failure(Failure(message: error.description, code: ExitStatus.dataError.code.rawValue))
        } catch let error as DiskretError {
            return .failure(Failure(message: error.description, code: ExitStatus(error).code.rawValue))
        } catch {
            return .failure(Failure(message: "the file cannot be read", code: ExitStatus.ioError.code.rawValue))
        }
    }
}
