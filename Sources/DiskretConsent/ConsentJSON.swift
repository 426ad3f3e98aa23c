import Foundation

/// JSON forms of consents, audit entries and chain checks, shared by `diskret --json` and the HTTP service.
public enum ConsentJSON {
    /// A consent with its state today and its withdrawal, if any.
    public static func consent(_ row: ConsentRegistry.Entry) -> [String: Any] {
        let c = row.consent
        var object: [String: Any] = ["id": c.id ?? 0, "subject": c.subject, "purpose": c.purpose, "recipients": c.recipients,
                                     "categories": c.categories, "valid_from": c.validFrom, "granted_at": c.grantedAt,
                                     "recorded_by": c.recordedBy, "state": row.state.rawValue]
        object["valid_until"] = c.validUntil ?? NSNull()
        object["evidence"] = c.evidence ?? NSNull()
        if let w = row.withdrawal {
            object["withdrawal"] = ["at": w.withdrawnAt, "by": w.withdrawnBy, "reason": w.reason ?? ""]
        }
        return object
    }

    /// One entry of the audit trail.
    public static func auditEntry(_ e: AuditRecord) -> [String: Any] {
        ["id": e.id ?? 0, "at": e.at, "actor": e.actor, "action": e.action, "subject": e.subject ?? NSNull(),
         "consent_id": e.consentID.map { $0 as Any } ?? NSNull(), "detail": e.detail, "hash": e.hash]
    }

    /// `{"intact": true, "entries": N}`, or `{"intact": false, …}` naming the first problem.
    public static func verification(_ verification: AuditVerification) -> [String: Any] {
        switch verification {
        case let .intact(entries): return ["intact": true, "entries": entries]
        case let .broken(entryID, reason): return ["intact": false, "entry": entryID, "reason": reason]
        case let .unvouched(table, id, reason): return ["intact": false, "table": table, "id": id, "reason": reason]
        }
    }
}
