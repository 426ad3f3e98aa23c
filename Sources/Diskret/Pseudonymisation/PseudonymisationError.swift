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
    /// The vault is larger than the limit it is read with (`--max-bytes`), and is not read.
    case vaultTooLarge(bytes: Int, limit: Int)
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

    /// A one-line description that never contains note text, nor the path of a key or vault file (a file name
    /// can hold a client's; the cases keep it for callers that need it).
    public var description: String {
        switch self {
        case .keyFileUnreadable: return "the key file (--case-key or --vault-key) does not exist or cannot be read"
        case let .keyFileWrongSize(_, bytes, expected): return "the key file holds \(bytes) bytes; expected \(expected)"
        case let .keyFileTooOpen(_, mode):
            return "the key file is readable by others (mode \(String(mode, radix: 8))); run chmod 600 on it"
        case .keyFileExists: return "the key file already exists; a key is never overwritten"
        case let .writeFailed(_, reason): return "cannot write the key, vault or lock file: \(reason)"
        case .emptyPassphrase: return "the vault passphrase is empty"
        case .vaultUnreadable: return "the vault (--vault) does not exist or cannot be read"
        case .notAVault: return "the file given as the vault is not a Diskret vault or is truncated"
        case let .vaultTooLarge(bytes, limit): return "the vault holds \(bytes) bytes or more, beyond the limit of \(limit) bytes (--max-bytes)"
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
