import Crypto
import _CryptoExtras

/// What opens a vault: a passphrase (stretched with scrypt, memory-hard) or the bytes of a key file (at least
/// 16 random bytes, expanded with HKDF-SHA256). A case key file serves as a vault key file too: the labels of
/// the derivations differ, so nothing derived from it for pseudonyms coincides with the vault key.
public enum VaultSecret: Sendable {
    /// A passphrase, normalised to NFC before use so the same words typed elsewhere still open the vault.
    case passphrase(String)
    /// The bytes of a key file.
    case keyFile([UInt8])

    /// The bytes of a key file: at least 16, and not readable by group or others.
    public static func keyFile(path: String) throws(PseudonymisationError) -> VaultSecret {
        let bytes = try SecretFile.read(path: path)
        guard bytes.count >= 16 else { throw .keyFileWrongSize(path: path, bytes: bytes.count, expected: "at least 16") }
        return .keyFile(bytes)
    }

    /// The cost of scrypt for passphrases: N = 2^logN, r, p (memory 128·N·r bytes).
    public struct Cost: Sendable, Equatable {
        /// log₂ of scrypt's N.
        public var logN: UInt8
        /// scrypt's block size r.
        public var r: UInt8
        /// scrypt's parallelism p.
        public var p: UInt8
        /// N = 2¹⁵, r = 8, p = 1: 32 MiB and a fraction of a second per opening.
        public static let standard = Cost(logN: 15, r: 8, p: 1)
        /// A cost from its parameters (tests use a cheap one).
        public init(logN: UInt8, r: UInt8, p: UInt8) { self.logN = logN; self.r = r; self.p = p }
        /// Whether the cost is within what a vault may ask for: N from 2^10 to 2^17, r 1–8, p 1–2 (at most
        /// 128 MiB and about a second).
        public var isWithinMaximum: Bool { (10...17).contains(logN) && (1...8).contains(r) && (1...2).contains(p) }
    }

    /// The key-derivation function recorded in a vault's header.
    var kdf: UInt8 {
        switch self {
        case .passphrase: return 1
        case .keyFile: return 2
        }
    }

    /// The 32-byte master key for `salt`: scrypt of the passphrase, or HKDF of the key file.
    func masterKey(salt: [UInt8], cost: Cost) throws(PseudonymisationError) -> SymmetricKey {
        switch self {
        case let .passphrase(text):
            let normalized = (try? normalizeNFC(text)) ?? text
            guard !normalized.isEmpty else { throw .emptyPassphrase }
            do {
                return try KDF.Scrypt.deriveKey(from: Array(normalized.utf8), salt: salt, outputByteCount: 32,
                                                rounds: 1 << Int(cost.logN), blockSize: Int(cost.r), parallelism: Int(cost.p))
            } catch {
                throw .crypto("scrypt: \(error)")
            }
        case let .keyFile(bytes):
            return HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: bytes), salt: salt,
                                          info: Array("diskret/v1/vault-key-file".utf8), outputByteCount: 32)
        }
    }
}
