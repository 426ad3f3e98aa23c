/// Errors of the consent registry. None carries personal data: subjects are pseudonymous keys.
public enum ConsentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The registry path is a symbolic link or writable by others.
    case unsafeRegistryPath(String, reason: String)
    /// A consent with this id does not exist.
    case unknownConsent(Int64)
    /// The consent was withdrawn already.
    case alreadyWithdrawn(Int64)
    /// A request or a grant is incomplete or contradictory.
    case invalidRequest(String)
    /// A roster file could not be read; `line` is 1-based, 0 for the whole file.
    case invalidRoster(file: String, line: Int, message: String)
    /// The database refused an operation (for instance an edit of the append-only audit log).
    case database(String)
    /// A read command was given a registry file that does not exist (it is never created for reading).
    case missingRegistry(String)
    /// The registry was written by a newer Diskret; `reason` says what this binary does not know.
    case newerSchema(String, reason: String)
    /// A write was asked of a registry opened read-only, or of a file that cannot be written.
    case readOnlyRegistry
    /// The disk refused a write (full, or an I/O error); the transaction was rolled back, nothing recorded.
    case storage(String)

    /// A one-line description without personal data.
    public var description: String {
        switch self {
        case let .unsafeRegistryPath(path, reason): return "refusing registry \(path): \(reason)"
        case let .unknownConsent(id): return "no consent with id \(id)"
        case let .alreadyWithdrawn(id): return "consent \(id) is already withdrawn"
        case let .invalidRequest(message): return message
        case let .invalidRoster(file, line, message): return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case let .database(message): return "registry: \(message)"
        case let .missingRegistry(path): return "no registry at \(path) (read commands never create one)"
        case let .newerSchema(path, reason):
            return "refusing registry \(path): it was written by a newer Diskret (\(reason)); this one knows schema version \(RegistryMigrations.userVersion) and never writes to it"
        case .readOnlyRegistry: return "the registry is read-only here; nothing was written"
        case let .storage(message): return "registry: the disk refused the write (\(message)); nothing was recorded"
        }
    }
}
