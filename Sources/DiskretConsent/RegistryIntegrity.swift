import GRDB

/// What `audit verify` and the gate check: the hash chain, its numbering, and that every consent, withdrawal
/// and setting row matches the audit entry that recorded it. Run inside one read or write transaction.
enum RegistryIntegrity {
    /// Verifies the whole registry; with `head`, the log must also still extend that head.
    static func verify(_ db: Database, expect head: AuditHead? = nil) throws -> AuditVerification {
        let entries = try AuditRecord.order(AuditRecord.Columns.id).fetchAll(db)
        let chain = AuditChain.verify(entries)
        guard chain.isIntact else { return chain }
        for (index, entry) in entries.enumerated() where entry.id != Int64(index + 1) {
            return .broken(entryID: Int64(index + 1), reason: "is missing (entries are numbered without gaps)")
        }
        let highest = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") ?? 0
        if highest > Int64(entries.count) {
            return .broken(entryID: Int64(entries.count) + 1, reason: "is missing (entries were removed from the end of the log)")
        }
        if let head {
            guard head.count <= entries.count else {
                return .broken(entryID: Int64(entries.count) + 1, reason: "is missing (the log is shorter than the expected head \(head.count))")
            }
            if head.count > 0 && entries[head.count - 1].hash != head.hash {
                return .broken(entryID: Int64(head.count), reason: "does not match the expected head (the log was rewritten)")
            }
        }
        return try verifyRows(db, entries) ?? .intact(entries: entries.count)
    }

    /// The first row the chain does not vouch for, or an entry whose row is gone.
    private static func verifyRows(_ db: Database, _ entries: [AuditRecord]) throws -> AuditVerification? {
        var vouched: [Int64: Set<String>] = [:]
        for entry in entries {
            if let consentID = entry.consentID, let rowHash = entry.rowHash { vouched[consentID, default: []].insert(rowHash) }
        }
        let consents = try ConsentRecord.order(ConsentRecord.Columns.id).fetchAll(db)
        for (index, consent) in consents.enumerated() {
            let id = consent.id ?? 0
            guard id == Int64(index + 1) else { return .unvouched(table: "consent", id: Int64(index + 1), reason: "is missing (it was deleted)") }
            guard vouched[id]?.contains(RowHash.of(consent)) == true else {
                return .unvouched(table: "consent", id: id, reason: "is not vouched for by the audit chain (inserted or edited outside Diskret)")
            }
        }
        let consentSequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'consent'") ?? 0
        if consentSequence > Int64(consents.count) {
            return .unvouched(table: "consent", id: Int64(consents.count) + 1, reason: "is missing (it was deleted)")
        }
        let withdrawals = try WithdrawalRecord.fetchAll(db)
        let withdrawn = Set(withdrawals.map(\.consentID))
        for withdrawal in withdrawals where vouched[withdrawal.consentID]?.contains(RowHash.of(withdrawal)) != true {
            return .unvouched(table: "withdrawal of consent", id: withdrawal.consentID,
                              reason: "is not vouched for by the audit chain (inserted or edited outside Diskret)")
        }
        for entry in entries {
            guard let consentID = entry.consentID else { continue }
            if ["grant", "import"].contains(entry.action) && consentID > Int64(consents.count) {
                return .unvouched(table: "consent", id: consentID, reason: "recorded by entry \(entry.id ?? 0) is missing (it was deleted)")
            }
            // Every withdrawal ever recorded must still be there: deleting one would revive the consent.
            if entry.action == "withdraw" && !withdrawn.contains(consentID) {
                return .unvouched(table: "withdrawal of consent", id: consentID, reason: "recorded by entry \(entry.id ?? 0) is missing (it was deleted)")
            }
        }
        return try verifySettings(db, entries)
    }

    /// Each setting must be the one its latest 'configure' entry recorded.
    private static func verifySettings(_ db: Database, _ entries: [AuditRecord]) throws -> AuditVerification? {
        guard try db.tableExists("setting") else { return nil }
        var latest: [String: String] = [:]
        for entry in entries where entry.action == "configure" {
            if let name = entry.detail.split(separator: "=", maxSplits: 1).first, let rowHash = entry.rowHash { latest[String(name)] = rowHash }
        }
        let rows = try Row.fetchAll(db, sql: "SELECT name, value FROM setting")
        for row in rows {
            let name: String = row["name"], value: String = row["value"]
            if latest[name] != RegistrySetting.rowHash(name: name, value: value) {
                return .unvouched(table: "setting", id: 0, reason: "'\(name)' is not vouched for by the audit chain (edited outside Diskret)")
            }
        }
        if latest.count > rows.count { return .unvouched(table: "setting", id: 0, reason: "recorded in the audit log is missing (it was deleted)") }
        return nil
    }
}
