import Diskret
import Foundation
import GRDB

/// The consent registry: the only door to non-anonymised output. It records consents and withdrawals, answers
/// `authorize`, and writes every decision to a hash-chained, append-only audit log. Subjects are pseudonymous
/// keys; the registry holds no names, addresses or birth dates.
public final class ConsentRegistry: Sendable {
    private let writer: any DatabaseWriter
    private let now: @Sendable () -> Date

    /// Opens (or creates, with mode 0600) the registry at `path`. A path that is a symbolic link or writable
    /// by others is refused.
    public static func open(path: String, now: @escaping @Sendable () -> Date = Date.init) throws -> ConsentRegistry {
        try RegistryFile.prepare(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let registry = try ConsentRegistry(writer: pool, now: now)
            RegistryFile.restrictCompanions(of: path)
            return registry
        } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "cannot open the registry")
        }
    }

    /// A registry in memory, for tests and dry runs.
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init) throws -> ConsentRegistry {
        try ConsentRegistry(writer: DatabaseQueue(), now: now)
    }

    private init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        self.now = now
        do { try RegistryMigrations.migrator.migrate(writer) } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "migration failed")
        }
    }

    // MARK: Consents

    /// Records a consent and its grant in the audit log; returns it with its id.
    @discardableResult
    public func grant(subject: String, purpose: String, recipients: [String], categories: Set<Category>,
                      validFrom: String? = nil, validUntil: String? = nil, evidence: String? = nil, actor: String) throws -> ConsentRecord {
        guard !subject.isEmpty, !purpose.isEmpty, !recipients.isEmpty, !categories.isEmpty else {
            throw ConsentError.invalidRequest("a consent needs a subject, a purpose, at least one recipient and one category")
        }
        let from = validFrom ?? Self.day(now())
        for day in [from] + (validUntil.map { [$0] } ?? []) where Self.parseDay(day) == nil {
            throw ConsentError.invalidRequest("dates are YYYY-MM-DD, not '\(day)'")
        }
        if let validUntil, validUntil < from { throw ConsentError.invalidRequest("the consent ends before it starts") }
        var record = ConsentRecord(subject: subject, purpose: purpose, recipients: recipients,
                                   categories: categories.map(\.rawValue).sorted(), validFrom: from, validUntil: validUntil,
                                   grantedAt: Self.timestamp(now()), recordedBy: actor, evidence: evidence)
        try write { db in
            try record.insert(db)
            try self.appendAudit(db, actor: actor, action: "grant", subject: subject, consentID: record.id,
                                 detail: "purpose=\(purpose); recipients=\(recipients.joined(separator: " | ")); categories=\(record.categories.joined(separator: ",")); valid=\(from)..\(validUntil ?? "")")
        }
        return record
    }

    /// Withdraws a consent; it stops covering requests at once.
    public func withdraw(id: Int64, by actor: String, reason: String? = nil) throws {
        try write { db in
            guard let consent = try ConsentRecord.fetchOne(db, key: id) else { throw ConsentError.unknownConsent(id) }
            if try WithdrawalRecord.fetchOne(db, key: id) != nil { throw ConsentError.alreadyWithdrawn(id) }
            try WithdrawalRecord(consentID: id, withdrawnAt: Self.timestamp(self.now()), withdrawnBy: actor, reason: reason).insert(db)
            try self.appendAudit(db, actor: actor, action: "withdraw", subject: consent.subject, consentID: id,
                                 detail: "reason=\(reason ?? "")")
        }
    }

    /// Consents (of one subject, or all) with their withdrawal and their state today, oldest first.
    public func consents(subject: String? = nil) throws -> [(consent: ConsentRecord, withdrawal: WithdrawalRecord?, state: ConsentState)] {
        let today = Self.day(now())
        return try read { db in
            var request = ConsentRecord.order(ConsentRecord.Columns.id)
            if let subject { request = request.filter(ConsentRecord.Columns.subject == subject) }
            return try request.fetchAll(db).map { consent in
                let withdrawal = try WithdrawalRecord.fetchOne(db, key: consent.id)
                return (consent, withdrawal, Self.state(consent, withdrawal, today: today))
            }
        }
    }

    /// One consent by id.
    public func consent(id: Int64) throws -> (consent: ConsentRecord, withdrawal: WithdrawalRecord?, state: ConsentState) {
        guard let found = try consents().first(where: { $0.consent.id == id }) else { throw ConsentError.unknownConsent(id) }
        return found
    }

    // MARK: The gate

    /// Decides whether an active, in-period, not withdrawn consent covers exactly this subject, purpose,
    /// recipient and all requested categories today (no categories requested: whatever the consent covers).
    /// Every decision is written to the audit log.
    public func authorize(_ request: AccessRequest) throws -> Decision {
        let today = Self.day(now())
        let wanted = request.categories.map(\.rawValue).sorted()
        return try write { db in
            let all = try ConsentRecord.filter(ConsentRecord.Columns.subject == request.subject).order(ConsentRecord.Columns.id).fetchAll(db)
            var reason = all.isEmpty ? "no consent recorded for subject \(request.subject)" : ""
            var granted: ConsentRecord?
            let forPurpose = all.filter { $0.purpose.caseInsensitiveCompare(request.purpose) == .orderedSame }
            if reason.isEmpty && forPurpose.isEmpty { reason = "no consent of subject \(request.subject) for purpose \(request.purpose)" }
            let forRecipient = forPurpose.filter { $0.recipients.contains { $0.caseInsensitiveCompare(request.recipient) == .orderedSame } }
            if reason.isEmpty && forRecipient.isEmpty {
                reason = "no consent of subject \(request.subject) for purpose \(request.purpose) names recipient \(request.recipient)"
            }
            var states: [ConsentState] = []
            for consent in forRecipient {
                let state = Self.state(consent, try WithdrawalRecord.fetchOne(db, key: consent.id), today: today)
                states.append(state)
                if state == .active && Set(wanted).isSubset(of: Set(consent.categories)) { granted = consent; break }
            }
            if reason.isEmpty && granted == nil {
                if !states.contains(.active) {
                    let described = Set(states.map(\.rawValue)).sorted().joined(separator: ", ")
                    reason = "the consent of subject \(request.subject) for purpose \(request.purpose) and recipient \(request.recipient) is \(described)"
                } else {
                    let covered = Set(forRecipient.flatMap(\.categories))
                    let missing = wanted.filter { !covered.contains($0) }
                    reason = "no active consent of subject \(request.subject) for purpose \(request.purpose) and recipient \(request.recipient) covers the categories \((missing.isEmpty ? wanted : missing).joined(separator: ", "))"
                }
            }
            let detail = "purpose=\(request.purpose); recipient=\(request.recipient); categories=\(wanted.isEmpty ? granted?.categories.joined(separator: ",") ?? "any" : wanted.joined(separator: ","))"
            if let granted {
                try self.appendAudit(db, actor: request.actor, action: "reveal-allowed", subject: request.subject,
                                     consentID: granted.id, detail: detail)
                let categories = wanted.isEmpty ? granted.categories : wanted
                return .allowed(consentID: granted.id!, categories: Set(categories.compactMap(Category.init(rawValue:))))
            }
            try self.appendAudit(db, actor: request.actor, action: "reveal-denied", subject: request.subject,
                                 consentID: nil, detail: detail + "; reason=\(reason)")
            return .denied(reason: reason)
        }
    }

    // MARK: Audit

    /// The audit trail (of one subject, or all), oldest first.
    public func auditTrail(subject: String? = nil) throws -> [AuditRecord] {
        try read { db in
            var request = AuditRecord.order(AuditRecord.Columns.id)
            if let subject { request = request.filter(AuditRecord.Columns.subject == subject) }
            return try request.fetchAll(db)
        }
    }

    /// Recomputes the hash chain over the whole log and reports the first broken entry.
    public func verifyAuditChain() throws -> AuditVerification {
        AuditChain.verify(try auditTrail())
    }

    /// Inserts consents read from elsewhere (with their withdrawals) in one transaction; each is audited.
    func importConsents(_ rows: [(consent: ConsentRecord, withdrawal: WithdrawalRecord?)], actor: String) throws {
        try write { db in
            for (consent, withdrawal) in rows {
                var record = consent
                record.id = nil
                for day in [record.validFrom] + (record.validUntil.map { [$0] } ?? []) where Self.parseDay(day) == nil {
                    throw ConsentError.invalidRequest("dates are YYYY-MM-DD, not '\(day)'")
                }
                try record.insert(db)
                try self.appendAudit(db, actor: actor, action: "import", subject: record.subject, consentID: record.id,
                                     detail: "fhir; purpose=\(record.purpose); categories=\(record.categories.joined(separator: ","))")
                if var withdrawal {
                    withdrawal.consentID = record.id!
                    try withdrawal.insert(db)
                }
            }
        }
    }

    /// Records an export or import of consents.
    public func recordTransfer(_ action: String, actor: String, detail: String) throws {
        guard action == "export" || action == "import" else { throw ConsentError.invalidRequest("unknown transfer \(action)") }
        try write { db in try self.appendAudit(db, actor: actor, action: action, subject: nil, consentID: nil, detail: detail) }
    }

    private func appendAudit(_ db: Database, actor: String, action: String, subject: String?, consentID: Int64?, detail: String) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? AuditChain.genesis
        let at = Self.timestamp(now())
        var entry = AuditRecord(id: nil, at: at, actor: actor, action: action, subject: subject, consentID: consentID,
                                detail: detail, previousHash: previous,
                                hash: AuditChain.hash(at: at, actor: actor, action: action, subject: subject,
                                                      consentID: consentID, detail: detail, previousHash: previous))
        try entry.insert(db)
    }

    // MARK: Plumbing

    private func write<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "write failed")
        }
    }

    private func read<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "read failed")
        }
    }

    static func state(_ consent: ConsentRecord, _ withdrawal: WithdrawalRecord?, today: String) -> ConsentState {
        if withdrawal != nil { return .withdrawn }
        if today < consent.validFrom { return .notYetValid }
        if let until = consent.validUntil, today > until { return .expired }
        return .active
    }

    /// Today as YYYY-MM-DD in the local time zone.
    static func day(_ date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
    }

    static func timestamp(_ date: Date) -> String { date.ISO8601Format(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)) }

    static func parseDay(_ text: String) -> Date? {
        guard text.count == 10 else { return nil }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().parse(text + "T00:00:00Z")
    }
}
