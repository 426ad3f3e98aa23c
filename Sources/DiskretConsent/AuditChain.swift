import Crypto
import Foundation
import GRDB

/// The SHA-256 hash chain of the audit log: each entry hashes its own fields together with the hash of the
/// entry before it, so editing, deleting or reordering any entry breaks every hash after it.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// The hash of an entry's content and its predecessor's hash.
    static func hash(at: String, actor: String, action: String, subject: String?, consentID: Int64?,
                     detail: String, previousHash: String, rowHash: String? = nil) -> String {
        // Length-prefixed fields, so that no two different entries serialise to the same bytes. The row hash
        // (schema v3) is a field only when present, so entries written before keep their hashes.
        var bytes = Data()
        var fields = [at, actor, action, subject ?? "\u{0}", consentID.map(String.init) ?? "\u{0}", detail, previousHash]
        if let rowHash { fields.append(rowHash) }
        for field in fields {
            let data = Data(field.utf8)
            bytes.append(contentsOf: withUnsafeBytes(of: UInt32(data.count).bigEndian) { Array($0) })
            bytes.append(data)
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func hash(of entry: AuditRecord) -> String {
        hash(at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, consentID: entry.consentID,
             detail: entry.detail, previousHash: entry.previousHash, rowHash: entry.rowHash)
    }

    /// Recomputes the chain over entries in id order.
    static func verify(_ entries: [AuditRecord]) -> AuditVerification {
        var previous = genesis
        for entry in entries {
            guard entry.previousHash == previous else {
                return .broken(entryID: entry.id ?? -1, reason: "does not follow the entry before it (an entry was removed or reordered)")
            }
            guard hash(of: entry) == entry.hash else {
                return .broken(entryID: entry.id ?? -1, reason: "its content does not match its hash (the entry was edited)")
            }
            previous = entry.hash
        }
        return .intact(entries: entries.count)
    }
}

extension AuditChain {
    /// Appends an entry after the last one; `at` is the entry's ISO timestamp.
    static func append(_ db: Database, at: String, actor: String, action: String, subject: String?, consentID: Int64?,
                       detail: String, rowHash: String? = nil) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? genesis
        var entry = AuditRecord(id: nil, at: at, actor: actor, action: action, subject: subject, consentID: consentID,
                                detail: detail, previousHash: previous,
                                hash: hash(at: at, actor: actor, action: action, subject: subject, consentID: consentID,
                                           detail: detail, previousHash: previous, rowHash: rowHash),
                                rowHash: rowHash)
        try entry.insert(db)
    }
}
