import Diskret
import GRDB

/// A consent as granted, modelled on the HL7 FHIR Consent resource (subject, purpose, recipients, data
/// categories, period). Never edited or deleted: a withdrawal is a record of its own.
public struct ConsentRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table of consents.
    public static let databaseTableName = "consent"

    /// Column names, for queries.
    public enum Columns {
        /// The row id.
        public static let id = Column(CodingKeys.id)
        /// The pseudonymous subject key.
        public static let subject = Column(CodingKeys.subject)
        /// The purpose.
        public static let purpose = Column(CodingKeys.purpose)
        /// Recipients, one per line.
        public static let recipients = Column(CodingKeys.recipients)
        /// Data categories, comma-separated.
        public static let categories = Column(CodingKeys.categories)
        /// First day of validity.
        public static let validFrom = Column(CodingKeys.validFrom)
        /// Last day of validity, or NULL.
        public static let validUntil = Column(CodingKeys.validUntil)
        /// When it was granted.
        public static let grantedAt = Column(CodingKeys.grantedAt)
        /// Who recorded it.
        public static let recordedBy = Column(CodingKeys.recordedBy)
        /// Evidence reference, or NULL.
        public static let evidence = Column(CodingKeys.evidence)
    }

    /// Row id, assigned by the registry.
    public var id: Int64?
    /// The pseudonymous subject key ("K-2024-017/KM").
    public var subject: String
    /// What the data may be used for ("schutzplan", "fallkonferenz").
    public var purpose: String
    /// Institutions that may receive the data, one per line in the database.
    public var recipients: [String]
    /// Data categories covered (raw values of `Diskret.Category`).
    public var categories: [String]
    /// First day of validity (ISO date, inclusive).
    public var validFrom: String
    /// Last day of validity (ISO date, inclusive); nil for no end.
    public var validUntil: String?
    /// When the consent was given (ISO timestamp).
    public var grantedAt: String
    /// Who recorded it.
    public var recordedBy: String
    /// Reference to the signed form or other evidence.
    public var evidence: String?

    /// A consent; the registry's `grant` checks and stores it.
    public init(id: Int64? = nil, subject: String, purpose: String, recipients: [String], categories: [String],
                validFrom: String, validUntil: String?, grantedAt: String, recordedBy: String, evidence: String?) {
        self.id = id; self.subject = subject; self.purpose = purpose; self.recipients = recipients
        self.categories = categories; self.validFrom = validFrom; self.validUntil = validUntil
        self.grantedAt = grantedAt; self.recordedBy = recordedBy; self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, subject, purpose, recipients, categories
        case validFrom = "valid_from", validUntil = "valid_until", grantedAt = "granted_at"
        case recordedBy = "recorded_by", evidence
    }

    /// Takes the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Stores recipients one per line and categories comma-separated.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["subject"] = subject
        container["purpose"] = purpose
        container["recipients"] = recipients.joined(separator: "\n")
        container["categories"] = categories.joined(separator: ",")
        container["valid_from"] = validFrom
        container["valid_until"] = validUntil
        container["granted_at"] = grantedAt
        container["recorded_by"] = recordedBy
        container["evidence"] = evidence
    }

    /// Reads a row of the consent table.
    public init(row: Row) throws {
        id = row["id"]
        subject = row["subject"]
        purpose = row["purpose"]
        recipients = (row["recipients"] as String).split(separator: "\n").map(String.init)
        categories = (row["categories"] as String).split(separator: ",").map(String.init)
        validFrom = row["valid_from"]
        validUntil = row["valid_until"]
        grantedAt = row["granted_at"]
        recordedBy = row["recorded_by"]
        evidence = row["evidence"]
    }
}

/// The withdrawal of a consent (GDPR Art. 7(3)): who, when, why. At most one per consent.
public struct WithdrawalRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table of withdrawals.
    public static let databaseTableName = "withdrawal"

    /// Column names, for queries.
    public enum Columns {
        /// The consent withdrawn (primary key: one withdrawal per consent).
        public static let consentID = Column(CodingKeys.consentID)
        /// When.
        public static let withdrawnAt = Column(CodingKeys.withdrawnAt)
        /// Who.
        public static let withdrawnBy = Column(CodingKeys.withdrawnBy)
        /// Why.
        public static let reason = Column(CodingKeys.reason)
    }

    /// The consent withdrawn.
    public var consentID: Int64
    /// When (ISO timestamp).
    public var withdrawnAt: String
    /// Who recorded the withdrawal.
    public var withdrawnBy: String
    /// Why, as the person said it (no personal data); "superseded by consent N" for a replacement.
    public var reason: String?

    /// A withdrawal; the registry's `withdraw` stores it.
    public init(consentID: Int64, withdrawnAt: String, withdrawnBy: String, reason: String?) {
        self.consentID = consentID; self.withdrawnAt = withdrawnAt; self.withdrawnBy = withdrawnBy; self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case consentID = "consent_id", withdrawnAt = "withdrawn_at", withdrawnBy = "withdrawn_by", reason
    }
}

/// One entry of the append-only, hash-chained audit log.
public struct AuditRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table of audit entries.
    public static let databaseTableName = "audit"

    /// Column names, for queries.
    public enum Columns {
        /// The entry number.
        public static let id = Column(CodingKeys.id)
        /// When.
        public static let at = Column(CodingKeys.at)
        /// Who.
        public static let actor = Column(CodingKeys.actor)
        /// What happened.
        public static let action = Column(CodingKeys.action)
        /// The subject key concerned.
        public static let subject = Column(CodingKeys.subject)
        /// The consent concerned.
        public static let consentID = Column(CodingKeys.consentID)
        /// Details without personal data.
        public static let detail = Column(CodingKeys.detail)
        /// The previous entry's hash.
        public static let previousHash = Column(CodingKeys.previousHash)
        /// This entry's hash.
        public static let hash = Column(CodingKeys.hash)
        /// The hash of the consent or withdrawal row the entry records.
        public static let rowHash = Column(CodingKeys.rowHash)
    }

    /// Row id: entries are numbered 1, 2, 3… without gaps.
    public var id: Int64?
    /// ISO timestamp.
    public var at: String
    /// Who acted (the --actor, default $USER).
    public var actor: String
    /// grant, withdraw, reveal-allowed, reveal-denied, reveal-aborted, export, import, attest, configure.
    public var action: String
    /// The subject key concerned, if any.
    public var subject: String?
    /// The consent granted, withdrawn, imported, or used or nearest for a reveal decision.
    public var consentID: Int64?
    /// What was asked or decided, without personal data.
    public var detail: String
    /// SHA-256 (hex) of the previous entry; 64 zeros for the first.
    public var previousHash: String
    /// SHA-256 (hex) over this entry's fields and `previousHash`.
    public var hash: String
    /// For an entry that records a consent or withdrawal row (grant, import, withdraw, attest): the SHA-256
    /// of that row, covered by `hash`, so the chain vouches for the row; nil for other entries and for
    /// entries written before registry schema v3.
    public var rowHash: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, subject, consentID = "consent_id", detail, previousHash = "previous_hash", hash
        case rowHash = "row_hash"
    }

    /// Takes the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
