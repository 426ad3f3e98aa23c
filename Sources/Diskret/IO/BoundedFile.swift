import Foundation

/// Reads a file the user names (a note behind `--input`, a roster, a policy, a vault) without ever holding
/// more than `limit` bytes and a read buffer: a regular file is refused by its size before any byte is read,
/// and anything else (a pipe, a FIFO, `/dev/stdin`) is refused as soon as it has delivered more than `limit`.
/// `--input` had read a 600 MB file whole (647 MB resident) before refusing it.
package enum BoundedFile {
    /// What reading a file gave. None of the cases carries the path: callers name the option instead, since a
    /// file name can hold a client's name.
    package enum Outcome: Equatable {
        /// The whole content, at most `limit` bytes.
        case bytes([UInt8])
        /// No file at the path.
        case missing
        /// More than the limit; `atLeast` is the size (a regular file) or the bytes read before stopping.
        case tooLarge(atLeast: Int)
        /// The file exists but cannot be opened or read (permissions, a directory, an I/O error).
        case unreadable
    }

    /// Reads the file at `path`, refusing more than `limit` bytes.
    package static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return .unreadable }
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        if regular && Int(info.st_size) > limit { return .tooLarge(atLeast: Int(info.st_size)) }
        // A regular file's size sizes the buffer; a stream grows it chunk by chunk, never past limit + 1.
        var bytes = [UInt8](repeating: 0, count: regular ? min(Int(info.st_size) + 1, limit + 1) : min(limit + 1, 1 << 16))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .tooLarge(atLeast: filled) }
                bytes.append(contentsOf: repeatElement(0, count: min(max(4096, bytes.count), limit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 { if errno == EINTR { continue }; return .unreadable }
            if count == 0 { break }
            filled += count
            if filled > limit { return .tooLarge(atLeast: filled) }
        }
        bytes.removeSubrange(filled...)
        return .bytes(bytes)
    }
}
