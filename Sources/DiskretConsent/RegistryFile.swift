import Foundation

/// File-system safety of the registry: never through a symbolic link, owned by the running user, private
/// (0600), in a directory no other user can swap it in; created 0600.
enum RegistryFile {
    static func prepare(_ path: String) throws {
        if try check(path) { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var parent = stat()
        if lstat(directory.isEmpty ? "." : directory, &parent) == 0, parent.st_mode & 0o002 != 0, parent.st_mode & S_ISVTX == 0 {
            throw ConsentError.unsafeRegistryPath(path, reason: "its directory is writable by others and not sticky")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno == EEXIST, try check(path) { return } // another process created it just now
        guard descriptor >= 0 else { throw ConsentError.unsafeRegistryPath(path, reason: "it cannot be created") }
        close(descriptor)
    }

    /// Whether a safe registry file exists at `path` (never creating one); throws if something unsafe is there.
    static func existing(_ path: String) throws -> Bool { try check(path) }

    /// Whether a safe registry file exists at `path`; throws if something unsafe is there. Safe: a regular
    /// file (not a link) owned by the user running Diskret, neither readable nor writable by group or others
    /// (an existing 0644 registry is refused, not silently used), its WAL companions no links, and in a
    /// directory others cannot write to unless it is sticky (else another user could swap in their file).
    /// The owner is compared with the effective user id, so the checks hold (and are testable) for root too.
    private static func check(_ path: String) throws -> Bool {
        func refuse(_ reason: String) -> ConsentError { .unsafeRegistryPath(path, reason: reason) }
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw refuse("it is a symbolic link") }
        if (info.st_mode & S_IFMT) != S_IFREG { throw refuse("it is not a regular file") }
        if info.st_uid != geteuid() { throw refuse("it is owned by another user") }
        if info.st_mode & 0o022 != 0 { throw refuse("it is writable by group or others (chmod 600 \(path))") }
        if info.st_mode & 0o044 != 0 { throw refuse("it is readable by group or others (chmod 600 \(path))") }
        for suffix in ["-wal", "-shm"] {
            var companion = stat()
            if lstat(path + suffix, &companion) == 0 && (companion.st_mode & S_IFMT) != S_IFREG {
                throw refuse("its \(suffix) file is not a regular file")
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        var parent = stat()
        if lstat(directory.isEmpty ? "." : directory, &parent) == 0, parent.st_mode & 0o002 != 0, parent.st_mode & S_ISVTX == 0 {
            throw refuse("its directory is writable by others and not sticky")
        }
        return true
    }

    /// SQLite's write-ahead log and shared-memory files get the same mode as the registry.
    static func restrictCompanions(of path: String) {
        for suffix in ["-wal", "-shm"] { chmod(path + suffix, 0o600) }
    }

    /// The default registry path: $DISKRET_REGISTRY, else $XDG_DATA_HOME/diskret/registry.sqlite, else
    /// ~/.local/share/diskret/registry.sqlite.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["DISKRET_REGISTRY"], !path.isEmpty { return path }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(environment["HOME"] ?? ".")/.local/share"
        return "\(base)/diskret/registry.sqlite"
    }
}

extension ConsentRegistry {
    /// The default registry path ($DISKRET_REGISTRY, then the XDG data directory).
    public static var defaultPath: String { RegistryFile.defaultPath() }
}
