import Crypto
import Foundation

/// The secret of one case: 32 random bytes from which date shifts, pseudonyms and surrogates are derived by
/// HMAC-SHA256 under domain-separation labels. Whoever holds it can recompute every derivation, so it is kept
/// like a password (a file of mode 0600, shared only among the partners of the case).
public struct CaseKey: Sendable, Equatable {
    /// The size of a case key in bytes.
    public static let byteCount = 32
    let bytes: [UInt8]

    /// A key from exactly 32 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// A new key from the system's cryptographically secure random number generator.
    public static func generate() -> CaseKey {
        var generator = SystemRandomNumberGenerator()
        return CaseKey(bytes: (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })!
    }

    /// Reads a key file: exactly 32 bytes, not readable by group or others.
    public static func load(path: String) throws(PseudonymisationError) -> CaseKey {
        let bytes = try SecretFile.read(path: path)
        guard let key = CaseKey(bytes: bytes) else {
            throw .keyFileWrongSize(path: path, bytes: bytes.count, expected: "\(byteCount)")
        }
        return key
    }

    /// Writes the key to a new file of mode 0600; an existing file is never overwritten.
    public func write(to path: String) throws(PseudonymisationError) {
        try SecretFile.create(path: path, contents: bytes)
    }

    /// HMAC-SHA256 of `message` under the key, with `label` as a domain separator: derivations for different
    /// purposes never coincide even for the same message.
    func derive(_ label: String, _ message: some Sequence<UInt8> = [UInt8]()) -> [UInt8] {
        var input = Array("diskret/v1/\(label)".utf8)
        input.append(0)
        input.append(contentsOf: message)
        return Array(HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: bytes)))
    }

    /// A number in `0..<bound` derived from `label` and `message` (modulo bias below 2⁻⁴⁰ for bounds < 2²⁴).
    func derive(_ label: String, _ message: some Sequence<UInt8> = [UInt8](), below bound: Int) -> Int {
        let digest = derive(label, message)
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(max(bound, 1)))
    }

    /// The date shift of this case in days: in ±1…365, never 0, the same for every note of the case.
    public var dateShift: Int {
        let value = derive("date-shift", below: 730)
        return value < 365 ? -(value + 1) : value - 364
    }
}
