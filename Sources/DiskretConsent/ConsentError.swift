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

    /// A one-line description without personal data.
    public var description: String {
        switch self {
        case let .unsafeRegistryPath(path, reason): return "refusing registry \(path): \(reason)"
        case let .unknownConsent(id): return "no consent with id \(id)"
        case let .alreadyWithdrawn(id): return "consent \(id) is already withdrawn"
        case let .invalidRequest(message): return message
        case let .invalidRoster(file, line, message): return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case let .database(message): return "registry: \(message)"
        }
    }
}
