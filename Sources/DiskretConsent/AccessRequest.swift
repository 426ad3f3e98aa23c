import Foundation
import Diskret

/// A request to reveal a subject's data of some categories, for a purpose, to a recipient.
public struct AccessRequest: Sendable, Equatable {
    /// The pseudonymous subject key whose data would be revealed.
    public var subject: String
    /// What the output is for ("schutzplan"); compared without case.
    public var purpose: String
    /// The institution that receives the output; compared without case.
    public var recipient: String
    /// The categories to reveal; empty asks for whatever an active consent covers.
    public var categories: Set<Category>
    /// Who asks (recorded in the audit log).
    public var actor: String

    /// A request; see the properties.
    public init(subject: String, purpose: String, recipient: String, categories: Set<Category>, actor: String) {
        self.subject = subject; self.purpose = purpose; self.recipient = recipient
        self.categories = categories; self.actor = actor
    }
}

/// The gate's answer. A denial says which consent is missing, never any personal data.
public enum Decision: Sendable, Equatable {
    /// An active, in-period consent covers the request; `categories` are those that may be revealed.
    case allowed(consentID: Int64, categories: Set<Category>)
    /// No consent covers it; `reason` names what is missing.
    case denied(reason: String)

    /// Whether the request may proceed.
    public var isAllowed: Bool { if case .allowed = self { return true } else { return false } }
}

/// The state of a consent on a given day.
public enum ConsentState: String, Sendable, Codable {
    /// In its period and not withdrawn: it covers requests.
    case active
    /// Withdrawn (or superseded); it covers nothing any more.
    case withdrawn
    /// Its last day has passed.
    case expired
    /// Its first day has not come yet.
    case notYetValid = "not-yet-valid"
}

/// The result of recomputing the audit hash chain and checking the rows it vouches for.
public enum AuditVerification: Sendable, Equatable {
    /// Every entry's hash matches its content and its predecessor, and every row matches its entry.
    case intact(entries: Int)
    /// The first entry whose hash does not match, or that is missing, and why.
    case broken(entryID: Int64, reason: String)
    /// A consent, withdrawal or setting row the chain does not vouch for (inserted, edited or deleted
    /// outside Diskret): `table` and the row's consent id (0 for a setting).
    case unvouched(table: String, id: Int64, reason: String)

    /// Whether nothing was found.
    public var isIntact: Bool { if case .intact = self { return true } else { return false } }

    /// One line for messages: what is broken where (subject keys and ids only).
    public var summary: String {
        switch self {
        case let .intact(entries): return "audit chain intact: \(entries) entries"
        case let .broken(entryID, reason): return "audit chain broken at entry \(entryID): \(reason)"
        case let .unvouched(table, id, reason): return "\(table) \(id) \(reason)"
        }
    }
}

/// The head of the audit chain (the last entry's number and hash), to keep outside the registry: a log that
/// no longer extends it was rewritten.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
    /// The number of entries (the last entry's id).
    public var count: Int
    /// The last entry's hash (64 hex digits).
    public var hash: String

    /// A head; see the properties.
    public init(count: Int, hash: String) { self.count = count; self.hash = hash }

    /// Reads "N:HASH", as `description` writes it.
    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.init(count: count, hash: String(parts[1]))
    }

    /// "N:HASH".
    public var description: String { "\(count):\(hash)" }
}

/// How a registry is opened: read commands never write.
public enum RegistryAccess: Sendable, Equatable {
    /// Created if missing, migrated, written.
    case readWrite
    /// Never created; writes fail with `ConsentError.readOnlyRegistry`.
    case readOnly
}
