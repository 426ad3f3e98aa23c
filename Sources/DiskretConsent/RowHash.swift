import Crypto
import Foundation

/// SHA-256 over every column of a consent or withdrawal row, length-prefixed and tagged with the table, so
/// that the audit entry recording the row vouches for exactly this content: a row inserted, edited or deleted
/// with the sqlite3 shell no longer matches the chain.
enum RowHash {
    /// The hash of a consent row, all columns.
    static func of(_ consent: ConsentRecord) -> String {
        digest(["consent", consent.id.map(String.init), consent.subject, consent.purpose, consent.recipients.joined(separator: "\n"),
                consent.categories.joined(separator: ","), consent.validFrom, consent.validUntil, consent.grantedAt,
                consent.recordedBy, consent.evidence])
    }

    /// The hash of a withdrawal row, all columns.
    static func of(_ withdrawal: WithdrawalRecord) -> String {
        digest(["withdrawal", String(withdrawal.consentID), withdrawal.withdrawnAt, withdrawal.withdrawnBy, withdrawal.reason])
    }

    /// Length-prefixed fields; a NULL is a length of 0xFFFFFFFF, so that it differs from an empty text.
    static func digest(_ fields: [String?]) -> String {
        var bytes = Data()
        for field in fields {
            guard let field else { bytes.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF]); continue }
            let data = Data(field.utf8)
            bytes.append(contentsOf: withUnsafeBytes(of: UInt32(data.count).bigEndian) { Array($0) })
            bytes.append(data)
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
