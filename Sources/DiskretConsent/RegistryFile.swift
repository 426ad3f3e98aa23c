import Foundation

/// File-system safety of the registry: never through a symbolic link, never writable by others, created 0600.
enum RegistryFile {
    static func prepare(_ path: String) throws {
        if try check(path) { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno == EEXIST, try check(path) { return } // another process created it just now
        guard descriptor >= 0 else { throw ConsentError.unsafeRegistryPath(path, reason: "it cannot be created") }
        close(descriptor)
    }

    /// Whether a safe registry file exists at `path` (never creating one); throws if something unsafe is there.
    static func existing(_ path: String) throws -> Bool { try check(path) }

    /// Whether a safe registry file exists at `path`; throws if something unsafe is there.
    private static func check(_ path: String) throws -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK { throw ConsentError.unsafeRegistryPath(path, reason: "it is a symbolic link") }
            if (info.st_mode & S_IFMT) != S_IFREG { throw ConsentError.unsafeRegistryPath(path, reason: "it is not a regular file") }
            if info.st_mode & 0o002 != 0 { throw ConsentError.unsafeRegistryPath(path, reason: "it is writable by others") }
            return true
        }
        return false
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
