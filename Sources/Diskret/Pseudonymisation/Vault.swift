import Crypto
import Foundation

/// The re-identification vault: a file of mode 0600 holding `VaultContents` as JSON, encrypted with AES-256-GCM.
///
/// Layout (version 1): magic "DSKVAULT" (8 bytes), version (1), KDF (1: scrypt of a passphrase, 2: HKDF of a
/// key file), scrypt log₂N, r, p (1 each), a zero byte, a random 16-byte salt, a 16-byte key check; then the
/// GCM nonce (12), ciphertext and tag (16). The whole header is authenticated as associated data. From the
/// master key (KDF of the secret and salt) two keys are derived by label: the encryption key (HKDF-SHA256) and
/// the key check (HMAC-SHA256). The key check tells a wrong key ("cannot be opened") from a damaged or
/// altered body (the tag fails); it confirms a guessed key no faster than trying to decrypt would. Every write
/// uses a new salt and nonce. Without the key the file reveals nothing but its size.
public enum Vault {
    static let magic = Array("DSKVAULT".utf8)
    static let version: UInt8 = 1
    static let headerSize = 8 + 6 + 16 + 16

    /// Encrypts `contents` under `secret`.
    public static func seal(_ contents: VaultContents, secret: VaultSecret, cost: VaultSecret.Cost = .standard) throws(PseudonymisationError) -> [UInt8] {
        guard cost.isWithinMaximum else { throw .crypto("the scrypt cost is beyond the maximum a vault may ask for") }
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let keys = try derive(secret: secret, salt: salt, cost: cost)
        var header = magic + [version, secret.kdf, cost.logN, cost.r, cost.p, 0] + salt
        header += keys.check
        let plaintext: Data
        do { plaintext = try JSONEncoder().encode(contents) } catch { throw .crypto("encoding the vault failed") }
        do {
            let box = try AES.GCM.seal(plaintext, using: keys.encryption, nonce: AES.GCM.Nonce(), authenticating: header)
            guard let combined = box.combined else { throw PseudonymisationError.crypto("AES-GCM produced no output") }
            header += Array(combined)
            return header
        } catch {
            throw .crypto("AES-GCM: \(error)")
        }
    }

    /// Decrypts a vault: `wrongVaultKey` when the secret does not fit, `vaultTampered` when the body fails
    /// authentication.
    public static func open(_ bytes: [UInt8], secret: VaultSecret, path: String = "vault") throws(PseudonymisationError) -> VaultContents {
        guard bytes.count >= headerSize + 12 + 16, Array(bytes.prefix(8)) == magic else { throw .notAVault(path: path) }
        guard bytes[8] == version else { throw .unsupportedVaultVersion(Int(bytes[8])) }
        guard bytes[9] == secret.kdf else { throw .wrongVaultKey }
        let cost = VaultSecret.Cost(logN: bytes[10], r: bytes[11], p: bytes[12])
        // Bounded before any work: a 3-byte edit of the (not yet authenticated) header once made scrypt take
        // 90 s and 3.7 GB before the key check failed. The maximum is 128 MiB (N = 2^17, r = 8), four times
        // the standard cost; anything beyond was not written by Diskret. The header is then authenticated as
        // the AEAD's associated data.
        guard cost.isWithinMaximum, bytes[13] == 0 else { throw .vaultHeaderInvalid(path: path) }
        let salt = Array(bytes[14..<30])
        let keys = try derive(secret: secret, salt: salt, cost: cost)
        guard constantTimeEqual(keys.check, Array(bytes[30..<46])) else { throw .wrongVaultKey }
        let header = Array(bytes[0..<headerSize])
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: bytes[headerSize...])
            plaintext = try AES.GCM.open(box, using: keys.encryption, authenticating: header)
        } catch {
            throw .vaultTampered
        }
        do { return try JSONDecoder().decode(VaultContents.self, from: plaintext) } catch { throw .vaultTampered }
    }

    /// Reads and decrypts the vault at `path`, refusing one larger than `maxBytes` before reading it.
    public static func read(path: String, secret: VaultSecret, maxBytes: Int = 64 << 20) throws(PseudonymisationError) -> VaultContents {
        switch BoundedFile.read(path, limit: maxBytes) {
        case let .bytes(bytes): return try open(bytes, secret: secret, path: path)
        case let .tooLarge(size): throw .vaultTooLarge(bytes: size, limit: maxBytes)
        case .missing, .unreadable: throw .vaultUnreadable(path: path)
        }
    }

    /// Adds `contents` to the vault at `path` (created if missing) under an exclusive lock: read, merge, and
    /// replace atomically with a file of mode 0600. An existing vault must open with `secret`.
    public static func append(_ contents: VaultContents, to path: String, secret: VaultSecret,
                              cost: VaultSecret.Cost = .standard, maxBytes: Int = 64 << 20) throws(PseudonymisationError) {
        try SecretFile.withLock(on: path) { () throws(PseudonymisationError) in
            var merged = VaultContents()
            if FileManager.default.fileExists(atPath: path) { merged = try read(path: path, secret: secret, maxBytes: maxBytes) }
            merged.merge(contents)
            try SecretFile.replace(path: path, contents: try seal(merged, secret: secret, cost: cost))
        }
    }

    private static func derive(secret: VaultSecret, salt: [UInt8], cost: VaultSecret.Cost) throws(PseudonymisationError)
        -> (encryption: SymmetricKey, check: [UInt8]) {
        let master = try secret.masterKey(salt: salt, cost: cost)
        let encryption = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Array("diskret/v1/vault-encryption".utf8), outputByteCount: 32)
        let check = Array(HMAC<SHA256>.authenticationCode(for: Array("diskret/v1/vault-key-check".utf8), using: master).prefix(16))
        return (encryption, check)
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
