import Foundation

/// Reads whole regular files with read(2): rule files and word lists are read at every start, and going
/// through the operating system directly is both quicker and independent of Foundation's file reader (whose
/// buffers LeakSanitizer saw leak while fuzzing the rule loader).
enum FileBytes {
    /// The bytes of the regular file at `path`, or nil when it cannot be opened, is not a regular file, or a
    /// read fails.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Read into memory not zeroed first: zeroing had cost as much as the read (the pack cache with its
        // prefilter states is megabytes). One byte more than the size: a file that grew is read to its end.
        let size = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 { if errno == EINTR { continue }; failed = true; return }
                if count == 0 { return }
                initialized += count
            }
        }
        guard !failed else { return nil }
        guard bytes.count == size else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, with mode 0600, so that readers see
    /// the old file or the whole new one; failures are ignored (used for caches only).
    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { break }
            written += result
        }
        close(descriptor)
        if written == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) {
        bytes.withUnsafeBytes { writeAtomically($0, to: path) }
    }
}
