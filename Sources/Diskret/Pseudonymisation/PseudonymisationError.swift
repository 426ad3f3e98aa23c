/// Errors of case keys and vaults. No case carries text from a note or an original value: paths, sizes and
/// modes only, so a message can always be printed.
public enum PseudonymisationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key file (case key or vault key) does not exist or cannot be read.
    case keyFileUnreadable(path: String)
    /// A case key file does not hold exactly 32 bytes, or a vault key file holds fewer than 16.
    case keyFileWrongSize(path: String, bytes: Int, expected: String)
    /// A key file can be read by group or others; it must be mode 0600 (or stricter).
    case keyFileTooOpen(path: String, mode: Int)
    /// `diskret key new` refuses to overwrite an existing file.
    case keyFileExists(path: String)
    /// A file (key, vault, lock) could not be written; `reason` is the system's error text.
    case writeFailed(path: String, reason: String)
    /// The vault passphrase is empty.
    case emptyPassphrase
    /// The vault file does not exist or cannot be read.
    case vaultUnreadable(path: String)
    /// The file is not a Diskret vault (wrong magic) or is truncated.
    case notAVault(path: String)
    /// The vault was written by a newer format version.
    case unsupportedVaultVersion(Int)
    /// The passphrase or key file does not open this vault (or its header was altered).
    case wrongVaultKey
    /// The vault's contents fail authentication: it was damaged or tampered with.
    case vaultTampered
    /// The vault's header asks for key-derivation costs beyond the documented maximum (checked before any
    /// work is done): it was altered.
    case vaultHeaderInvalid(path: String)
    /// A key file is a symbolic link (refused like a registry behind one).
    case keyFileSymlink(path: String)
    /// A surrogate word list is missing or unreadable.
    case listUnreadable(path: String)
    /// The random number generator or a cryptographic primitive failed.
    case crypto(String)

    /// A one-line description that never contains note text.
    public var description: String {
        switch self {
        case let .keyFileUnreadable(path): return "key file \(path) does not exist or cannot be read"
        case let .keyFileWrongSize(path, bytes, expected): return "key file \(path) holds \(bytes) bytes; expected \(expected)"
        case let .keyFileTooOpen(path, mode):
            return "key file \(path) is readable by others (mode \(String(mode, radix: 8))); run chmod 600 \(path)"
        case let .keyFileExists(path): return "\(path) already exists; a key is never overwritten"
        case let .writeFailed(path, reason): return "cannot write \(path): \(reason)"
        case .emptyPassphrase: return "the vault passphrase is empty"
        case let .vaultUnreadable(path): return "vault \(path) does not exist or cannot be read"
        case let .notAVault(path): return "\(path) is not a Diskret vault or is truncated"
        case let .unsupportedVaultVersion(version): return "the vault has format version \(version), which this diskret cannot read"
        case .wrongVaultKey: return "the vault cannot be opened with this passphrase or key file (wrong key, or the vault header was altered)"
        case .vaultTampered: return "the vault failed its integrity check: it was damaged or tampered with"
        case let .vaultHeaderInvalid(path): return "\(path): the vault header asks for key-derivation costs beyond the maximum (scrypt N ≤ 2^17, r ≤ 8, p ≤ 2): it was altered"
        case let .keyFileSymlink(path): return "key file \(path) is a symbolic link; give the file itself"
        case let .listUnreadable(path): return "surrogate word list \(path) is missing or unreadable"
        case let .crypto(message): return "cryptographic operation failed: \(message)"
        }
    }
}
