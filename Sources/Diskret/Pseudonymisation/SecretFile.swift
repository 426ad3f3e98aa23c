import Foundation

/// Reading and writing files that hold secrets (keys, vaults): mode 0600, never overwritten by accident,
/// replaced atomically.
enum SecretFile {
    /// The bytes of a regular file that group and others cannot read.
    static func read(path: String) throws(PseudonymisationError) -> [UInt8] {
        var info = stat()
        // lstat: a link could point at a file someone else controls, and mode checks would see only its target.
        guard lstat(path, &info) == 0 else { throw .keyFileUnreadable(path: path) }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .keyFileSymlink(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .keyFileUnreadable(path: path) }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .keyFileTooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .keyFileUnreadable(path: path) }
        return Array(data)
    }

    /// Creates `path` with mode 0600 and `contents`; fails if it exists (O_EXCL, so no race either).
    static func create(path: String, contents: [UInt8]) throws(PseudonymisationError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .keyFileExists(path: path) }
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        do throws(PseudonymisationError) {
            try writeAll(descriptor, contents, path: path)
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
    }

    /// Replaces `path` with `contents` atomically: a temporary file of mode 0600 next to it, flushed to disk,
    /// then renamed over it.
    static func replace(path: String, contents: [UInt8]) throws(PseudonymisationError) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        try create(path: temporary, contents: contents)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Runs `body` while holding `path.lock`, so two filters appending to one vault do not lose each other's
    /// entries. The lock file is created with O_EXCL|O_NOFOLLOW (never through a link someone planted, never
    /// shared) and removed afterwards; another process's lock is waited for up to `timeout` seconds.
    static func withLock<T>(on path: String, timeout: Double = 30, _ body: () throws(PseudonymisationError) -> T) throws(PseudonymisationError) -> T {
        let lockPath = "\(path).lock"
        let deadline = Date().addingTimeInterval(timeout)
        var descriptor: Int32
        while true {
            descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { break }
            guard errno == EEXIST, Date() < deadline else {
                let reason = errno == EEXIST ? "it is held by another process (remove it if no diskret is running)" : String(cString: strerror(errno))
                throw .writeFailed(path: lockPath, reason: reason)
            }
            usleep(10_000)
        }
        defer { unlink(lockPath); close(descriptor) }
        return try body()
    }

    private static func writeAll(_ descriptor: Int32, _ contents: [UInt8], path: String) throws(PseudonymisationError) {
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
            written += count
        }
        guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
