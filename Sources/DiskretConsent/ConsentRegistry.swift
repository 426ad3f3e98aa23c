import Diskret
import Foundation
import GRDB

/// The consent registry: the only door to non-anonymised output. It records consents and withdrawals, answers
/// `authorize`, and writes every decision to a hash-chained, append-only audit log. Subjects are pseudonymous
/// keys; the registry holds no names, addresses or birth dates.
public final class ConsentRegistry: Sendable {
    /// A consent with its withdrawal (if any) and its state on the registry's today.
    public typealias Entry = (consent: ConsentRecord, withdrawal: WithdrawalRecord?, state: ConsentState)

    private let writer: any DatabaseWriter
    private let now: @Sendable () -> Date

    /// Opens (or creates, with mode 0600) the registry at `path` for reading and writing. A path that is a
    /// symbolic link or writable by others is refused, and so is a registry from a newer Diskret (a schema
    /// version, migration or table this binary does not know), before anything is written to it. `now` is
    /// the clock (tests pass their own).
    public static func open(path: String, now: @escaping @Sendable () -> Date = Date.init) throws -> ConsentRegistry {
        try open(path: path, access: .readWrite, now: now)
    }

    /// Opens the registry at `path`. `.readOnly` never creates or writes the file (a missing file is
    /// `ConsentError.missingRegistry`), except to bring an older schema up to date once; every write through
    /// it fails with `ConsentError.readOnlyRegistry`.
    public static func open(path: String, access: RegistryAccess, now: @escaping @Sendable () -> Date = Date.init) throws -> ConsentRegistry {
        if access == .readOnly {
            guard try RegistryFile.existing(path) else { throw ConsentError.missingRegistry(path) }
            if try RegistrySchema.status(of: try readOnlyQueue(path), path: path) == .older {
                _ = try open(path: path, access: .readWrite, now: now)
            }
            let queue = try readOnlyQueue(path)
            guard try RegistrySchema.status(of: queue, path: path) == .current else {
                throw ConsentError.database("the registry's schema could not be brought up to date")
            }
            return ConsentRegistry(writer: queue, now: now)
        }
        try RegistryFile.prepare(path)
        var configuration = Configuration()
        // Another process holding the write lock makes this one wait (up to 10 s), not fail.
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                _ = try RegistrySchema.status(of: pool, path: path)
                let registry = try ConsentRegistry(migrating: pool, now: now)
                RegistryFile.restrictCompanions(of: path)
                return registry
            } catch let error as DatabaseError where attempt < 8 && isFirstOpenRace(error) {
                // Processes that open a new registry at the same moment race to switch it to WAL and to run
                // the migrations (GRDB reads the applied ones before its transaction). Each migration is one
                // transaction, so trying again sees what the winner did.
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            } catch let error as DatabaseError {
                throw ConsentError.database(error.message ?? "cannot open the registry")
            }
        }
    }

    private static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "cannot open the registry")
        }
    }

    private static func isFirstOpenRace(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            || (error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("already exists"))
    }

    /// A registry in memory, for tests and dry runs.
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init) throws -> ConsentRegistry {
        try inMemory(configuration: Configuration(), now: now)
    }

    /// A registry in memory whose connection is set up by `configuration` (tests use it to make the storage
    /// run full: `PRAGMA max_page_count`).
    static func inMemory(configuration: Configuration, now: @escaping @Sendable () -> Date) throws -> ConsentRegistry {
        do { return try ConsentRegistry(migrating: DatabaseQueue(configuration: configuration), now: now) } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "migration failed")
        }
    }

    /// Wraps `writer` and brings its schema up to date; database errors are the caller's to translate.
    private convenience init(migrating writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) throws {
        try RegistryMigrations.migrator.migrate(writer)
        self.init(writer: writer, now: now)
    }

    private init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) {
        self.writer = writer
        self.now = now
    }

    // MARK: Consents

    /// Records a consent and its grant in the audit log; returns it with its id.
    @discardableResult
    public func grant(subject: String, purpose: String, recipients: [String], categories: Set<Category>,
                      validFrom: String? = nil, validUntil: String? = nil, evidence: String? = nil, actor: String) throws -> ConsentRecord {
        var record = try makeRecord(subject: subject, purpose: purpose, recipients: recipients, categories: categories,
                                    validFrom: validFrom, validUntil: validUntil, evidence: evidence, actor: actor)
        try write { db in try self.insertGrant(db, &record, actor: record.recordedBy) }
        return record
    }

    /// Replaces consent `id` by a new one in one transaction: the new consent is granted and the old one
    /// withdrawn with the reason "superseded by consent N". Nothing is edited in place.
    @discardableResult
    public func supersede(id: Int64, subject: String, purpose: String, recipients: [String], categories: Set<Category>,
                          validFrom: String? = nil, validUntil: String? = nil, evidence: String? = nil, actor: String) throws -> ConsentRecord {
        var record = try makeRecord(subject: subject, purpose: purpose, recipients: recipients, categories: categories,
                                    validFrom: validFrom, validUntil: validUntil, evidence: evidence, actor: actor)
        try write { db in
            guard let old = try ConsentRecord.fetchOne(db, key: id) else { throw ConsentError.unknownConsent(id) }
            guard old.subject == record.subject else {
                throw ConsentError.invalidRequest("consent \(id) belongs to another subject; a consent is superseded only by one of the same subject")
            }
            if try WithdrawalRecord.fetchOne(db, key: id) != nil { throw ConsentError.alreadyWithdrawn(id) }
            try self.insertGrant(db, &record, actor: record.recordedBy)
            try self.insertWithdrawal(db, of: old, by: record.recordedBy, reason: "superseded by consent \(record.id!)")
        }
        return record
    }

    /// Withdraws a consent; it stops covering requests at once.
    public func withdraw(id: Int64, by actor: String, reason: String? = nil) throws {
        let actor = try InputHygiene.clean(actor, field: "actor")
        let reason = try reason.map { try InputHygiene.clean($0, field: "reason") }
        try write { db in
            guard let consent = try ConsentRecord.fetchOne(db, key: id) else { throw ConsentError.unknownConsent(id) }
            if try WithdrawalRecord.fetchOne(db, key: id) != nil { throw ConsentError.alreadyWithdrawn(id) }
            try self.insertWithdrawal(db, of: consent, by: actor, reason: reason)
        }
    }

    /// Consents (of one subject, or all) with their withdrawal and their state today, oldest first.
    public func consents(subject: String? = nil) throws -> [Entry] {
        return try read { db in
            let today = Self.day(self.now(), in: try Self.zone(db))
            var request = ConsentRecord.order(ConsentRecord.Columns.id)
            if let subject { request = request.filter(ConsentRecord.Columns.subject == subject) }
            return try request.fetchAll(db).map { consent in
                let withdrawal = try WithdrawalRecord.fetchOne(db, key: consent.id)
                return (consent, withdrawal, Self.state(consent, withdrawal, today: today))
            }
        }
    }

    /// The consents of one subject with their state today, oldest first.
    public func consents(for subject: String) throws -> [Entry] { try consents(subject: subject) }

    /// One consent by id.
    public func consent(id: Int64) throws -> Entry {
        return try read { db in
            let today = Self.day(self.now(), in: try Self.zone(db))
            guard let consent = try ConsentRecord.fetchOne(db, key: id) else { throw ConsentError.unknownConsent(id) }
            let withdrawal = try WithdrawalRecord.fetchOne(db, key: id)
            return (consent, withdrawal, Self.state(consent, withdrawal, today: today))
        }
    }

    /// The state of one consent today: active, withdrawn, expired or not yet valid.
    public func status(id: Int64) throws -> ConsentState { try consent(id: id).state }

    /// Active consents (of one subject, or all) whose last day is within `days` days from today (inclusive).
    public func expiring(within days: Int, subject: String? = nil) throws -> [Entry] {
        let zone = try read { db in try Self.zone(db) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let last = Self.day(calendar.date(byAdding: .day, value: max(days, 0), to: now()) ?? now(), in: zone)
        return try consents(subject: subject).filter { $0.state == .active && ($0.consent.validUntil.map { $0 <= last } ?? false) }
    }

    // MARK: The gate

    /// Decides whether an active, in-period, not withdrawn consent covers exactly this subject, purpose,
    /// recipient and all requested categories today (no categories requested: whatever the consent covers).
    /// A denial is written to the audit log at once; an allowed decision is recorded by `recordReveal` once
    /// the caller knows whether the revealed text was delivered (`RevealGate` does both).
    public func authorize(_ request: AccessRequest) throws -> Decision {
        var cleaned = request
        cleaned.actor = try InputHygiene.clean(request.actor, field: "actor")
        cleaned.purpose = try InputHygiene.clean(request.purpose, field: "purpose")
        cleaned.recipient = try InputHygiene.clean(request.recipient, field: "recipient")
        let request = cleaned
        guard Self.isSubjectKey(request.subject) else { throw ConsentError.invalidRequest(Self.subjectKeyRule) }
        let wanted = request.categories.map(\.rawValue).sorted()
        return try write { db in
            // Validity is decided in the registry's own time zone, never the caller's TZ.
            let today = Self.day(self.now(), in: try Self.zone(db))
            // Only a registry whose chain vouches for every consent and withdrawal decides anything: a row
            // inserted, edited or deleted with the sqlite3 shell blocks every reveal until it is explained.
            let integrity = try RegistryIntegrity.verify(db)
            if !integrity.isIntact {
                let failure = integrity
                let reason = "the registry does not verify (\(failure.summary)); no reveal until `diskret audit verify` passes"
                try self.appendAudit(db, actor: request.actor, action: "reveal-denied", subject: request.subject, consentID: nil,
                                     detail: "purpose=\(request.purpose); recipient=\(request.recipient); reason=\(reason)")
                return .denied(reason: reason)
            }
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
            var active: [ConsentRecord] = []
            for consent in forRecipient {
                let state = Self.state(consent, try WithdrawalRecord.fetchOne(db, key: consent.id), today: today)
                states.append(state)
                guard state == .active else { continue }
                active.append(consent)
                if Set(wanted).isSubset(of: Set(consent.categories)) { granted = consent; break }
            }
            if reason.isEmpty && granted == nil {
                if active.isEmpty {
                    let described = Set(states.map(\.rawValue)).sorted().joined(separator: ", ")
                    reason = "the consent of subject \(request.subject) for purpose \(request.purpose) and recipient \(request.recipient) is \(described)"
                } else {
                    // One consent must cover every category asked for; categories of several are not combined.
                    let best = active.max { Set(wanted).intersection($0.categories).count < Set(wanted).intersection($1.categories).count }!
                    let missing = wanted.filter { !best.categories.contains($0) }
                    reason = "no active consent of subject \(request.subject) for purpose \(request.purpose) and recipient \(request.recipient) covers the categories \(missing.joined(separator: ", "))"
                }
            }
            let detail = "purpose=\(request.purpose); recipient=\(request.recipient); categories=\(wanted.isEmpty ? granted?.categories.joined(separator: ",") ?? "any" : wanted.joined(separator: ","))"
            if let granted {
                let categories = wanted.isEmpty ? granted.categories : wanted
                return .allowed(consentID: granted.id!, categories: Set(categories.compactMap(Category.init(rawValue:))))
            }
            // A denial names the nearest consent (same subject, purpose and recipient, latest first), if any.
            let nearest = (active.last ?? forRecipient.last)?.id
            try self.appendAudit(db, actor: request.actor, action: "reveal-denied", subject: request.subject,
                                 consentID: nearest, detail: detail + "; reason=\(reason)")
            return .denied(reason: reason)
        }
    }

    /// Records what became of an allowed reveal: "reveal-allowed" only if the revealed text was delivered,
    /// else "reveal-aborted" with the reason (no personal data).
    public func recordReveal(_ request: AccessRequest, consentID: Int64, categories: Set<Category>, abortedBecause reason: String? = nil) throws {
        let detail = "purpose=\(request.purpose); recipient=\(request.recipient); categories=\(categories.map(\.rawValue).sorted().joined(separator: ","))"
        try write { db in
            try self.appendAudit(db, actor: request.actor, action: reason == nil ? "reveal-allowed" : "reveal-aborted", subject: request.subject,
                                 consentID: consentID, detail: detail + (reason.map { "; reason=\($0)" } ?? ""))
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

    /// Recomputes the hash chain over the whole log and checks what it vouches for: entries numbered without
    /// gaps and none removed from the end (SQLite's AUTOINCREMENT counter remembers the highest id ever
    /// written), every consent and withdrawal row matching the entry that recorded it, none missing. With
    /// `expect`, the log must also still extend that head (kept outside the file).
    public func verifyAuditChain(expect head: AuditHead? = nil) throws -> AuditVerification {
        try read { db in try RegistryIntegrity.verify(db, expect: head) }
    }

    /// The last audit entry's number and hash, to keep outside the registry (`audit verify --expect`).
    public func auditHead() throws -> AuditHead {
        try read { db in
            let last = try AuditRecord.order(AuditRecord.Columns.id.desc).fetchOne(db)
            return AuditHead(count: Int(last?.id ?? 0), hash: last?.hash ?? AuditChain.genesis)
        }
    }

    /// Inserts consents read from elsewhere (with their withdrawals) in one transaction; each is audited.
    func importConsents(_ rows: [(consent: ConsentRecord, withdrawal: WithdrawalRecord?)], actor: String) throws -> Int {
        let actor = try InputHygiene.clean(actor, field: "actor")
        var rows = rows
        for (index, (consent, withdrawal)) in rows.enumerated() {
            do {
                rows[index].consent = try Self.cleaned(consent)
                if let withdrawal {
                    rows[index].withdrawal?.withdrawnBy = try InputHygiene.clean(withdrawal.withdrawnBy, field: "actor")
                    rows[index].withdrawal?.reason = try withdrawal.reason.map { try InputHygiene.clean($0, field: "reason") }
                }
            } catch let ConsentError.invalidRequest(message) {
                throw ConsentError.invalidRequest("FHIR entry \(index + 1): \(message)")
            }
            guard !consent.categories.isEmpty, consent.categories.allSatisfy({ Category(rawValue: $0) != nil }) else {
                throw ConsentError.invalidRequest("FHIR entry \(index + 1): unknown data category")
            }
            for day in [consent.validFrom] + (consent.validUntil.map { [$0] } ?? []) where Self.parseDay(day) == nil {
                _ = day
                throw ConsentError.invalidRequest("FHIR entry \(index + 1): dates are real days written YYYY-MM-DD")
            }
            if let until = consent.validUntil, until < consent.validFrom {
                throw ConsentError.invalidRequest("FHIR entry \(index + 1): the consent ends before it starts")
            }
        }
        return try write { db in
            var existing: [String: ConsentRecord] = [:]
            for consent in try ConsentRecord.fetchAll(db) { existing[FHIRConsent.identifier(of: consent)] = consent }
            var added = 0
            for (consent, withdrawal) in rows {
                let identifier = FHIRConsent.identifier(of: consent)
                var record: ConsentRecord
                if let known = existing[identifier] {
                    record = known  // imported before: idempotent
                } else {
                    record = consent
                    record.id = nil
                    try record.insert(db)
                    existing[identifier] = record
                    added += 1
                    try self.appendAudit(db, actor: actor, action: "import", subject: record.subject, consentID: record.id,
                                         detail: "fhir \(identifier); purpose=\(record.purpose); recipients=\(record.recipients.joined(separator: " | ")); categories=\(record.categories.joined(separator: ",")); valid=\(record.validFrom)..\(record.validUntil ?? ""); recorded-by=\(record.recordedBy)",
                                         rowHash: RowHash.of(record))
                }
                if var withdrawal, try WithdrawalRecord.fetchOne(db, key: record.id) == nil {
                    withdrawal.consentID = record.id!
                    try withdrawal.insert(db)
                    try self.appendAudit(db, actor: actor, action: "withdraw", subject: record.subject, consentID: record.id,
                                         detail: "fhir; withdrawn-at=\(withdrawal.withdrawnAt); by=\(withdrawal.withdrawnBy); reason=\(withdrawal.reason ?? "")",
                                         rowHash: RowHash.of(withdrawal))
                }
            }
            return added
        }
    }

    /// Records an export or import of consents.
    public func recordTransfer(_ action: String, actor: String, detail: String) throws {
        guard action == "export" || action == "import" else { throw ConsentError.invalidRequest("unknown transfer \(action)") }
        try write { db in try self.appendAudit(db, actor: actor, action: action, subject: nil, consentID: nil, detail: detail) }
    }

    // MARK: Plumbing

    /// A checked, not yet stored consent.
    private func makeRecord(subject: String, purpose: String, recipients: [String], categories: Set<Category>,
                            validFrom: String?, validUntil: String?, evidence: String?, actor: String) throws -> ConsentRecord {
        guard !categories.isEmpty else { throw ConsentError.invalidRequest("a consent covers at least one data category") }
        let from = try validFrom ?? read { db in Self.day(self.now(), in: try Self.zone(db)) }
        for day in [from] + (validUntil.map { [$0] } ?? []) where Self.parseDay(day) == nil {
            _ = day
            throw ConsentError.invalidRequest("dates are real days written YYYY-MM-DD (1900-01-01 to 2199-12-31)")
        }
        if let validUntil, validUntil < from { throw ConsentError.invalidRequest("the consent ends before it starts") }
        return try Self.cleaned(ConsentRecord(subject: subject, purpose: purpose, recipients: recipients,
                                              categories: categories.map(\.rawValue).sorted(), validFrom: from, validUntil: validUntil,
                                              grantedAt: Self.timestamp(now()), recordedBy: actor, evidence: evidence))
    }

    /// What a subject key looks like, for messages.
    static let subjectKeyRule = "a subject is a case number and a role code such as K-2024-017/KM (1-2 capital letters and numbers joined by '-', then '/', a role code (" + Set(RosterRole.all.map(\.code)).sorted().joined(separator: ", ") + ") and up to 2 digits), never a name"

    /// A consent with every text field cleaned (`InputHygiene`) and its subject checked; recipients are kept
    /// once each, compared without case.
    static func cleaned(_ consent: ConsentRecord) throws -> ConsentRecord {
        guard isSubjectKey(consent.subject) else { throw ConsentError.invalidRequest(subjectKeyRule) }
        var consent = consent
        consent.purpose = try InputHygiene.clean(consent.purpose, field: "purpose")
        consent.recordedBy = try InputHygiene.clean(consent.recordedBy, field: "actor")
        consent.evidence = try consent.evidence.map { try InputHygiene.clean($0, field: "evidence") }
        guard !consent.recipients.isEmpty else { throw ConsentError.invalidRequest("a consent needs at least one recipient") }
        var recipients: [String] = []
        for recipient in consent.recipients {
            let clean = try InputHygiene.clean(recipient, field: "recipient")
            if !recipients.contains(where: { $0.caseInsensitiveCompare(clean) == .orderedSame }) { recipients.append(clean) }
        }
        consent.recipients = recipients
        return consent
    }

    /// Whether `text` has the shape of a subject key: a case number ("K-2024-017": 1-2 capital letters, then
    /// numbers joined by '-') and a role code of `RosterRole` ("/KM", "/K2": the code, up to 2 digits).
    /// Nothing in that shape can hold a name.
    public static func isSubjectKey(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /[A-Z]{1,2}(?:-[0-9]{1,8}){1,3}\/([A-Z]{1,2})[0-9]{0,2}/) else { return false }
        return RosterRole.all.contains { $0.code == match.1 }
    }

    private func insertGrant(_ db: Database, _ record: inout ConsentRecord, actor: String) throws {
        try record.insert(db)
        try appendAudit(db, actor: actor, action: "grant", subject: record.subject, consentID: record.id,
                        detail: "purpose=\(record.purpose); recipients=\(record.recipients.joined(separator: " | ")); categories=\(record.categories.joined(separator: ",")); valid=\(record.validFrom)..\(record.validUntil ?? "")",
                        rowHash: RowHash.of(record))
    }

    private func insertWithdrawal(_ db: Database, of consent: ConsentRecord, by actor: String, reason: String?) throws {
        let withdrawal = WithdrawalRecord(consentID: consent.id!, withdrawnAt: Self.timestamp(now()), withdrawnBy: actor, reason: reason)
        try withdrawal.insert(db)
        try appendAudit(db, actor: actor, action: "withdraw", subject: consent.subject, consentID: consent.id, detail: "reason=\(reason ?? "")",
                        rowHash: RowHash.of(withdrawal))
    }

    private func appendAudit(_ db: Database, actor: String, action: String, subject: String?, consentID: Int64?, detail: String,
                             rowHash: String? = nil) throws {
        try AuditChain.append(db, at: Self.timestamp(now()), actor: actor, action: action, subject: subject, consentID: consentID,
                              detail: detail, rowHash: rowHash)
    }

    /// Runs `body` in an immediate write transaction (GRDB's default for writes), so that concurrent
    /// processes are serialised by SQLite's lock and the busy timeout, and nothing is lost.
    private func write<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_READONLY { throw ConsentError.readOnlyRegistry }
            // A full disk or a failing device: nothing was recorded, and the caller must say so as an I/O error.
            if error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
                throw ConsentError.storage(error.message ?? "the disk refused the write")
            }
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

    /// The registry's today (YYYY-MM-DD in the registry's time zone), from its clock.
    public var today: String { (try? read { db in Self.day(self.now(), in: try Self.zone(db)) }) ?? Self.day(now(), in: Self.berlin) }

    /// A day as YYYY-MM-DD in `zone`.
    static func day(_ date: Date, in zone: TimeZone) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
        return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
    }

    static let berlin = TimeZone(identifier: RegistrySetting.defaultTimeZone)!

    /// The time zone validity is decided in: the registry's setting, Europe/Berlin by default; never $TZ.
    static func zone(_ db: Database) throws -> TimeZone {
        guard try db.tableExists("setting"),
              let name = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [RegistrySetting.timeZone]) else {
            return berlin
        }
        guard let zone = TimeZone(identifier: name) else { throw ConsentError.database("the registry's time zone setting is not a known time zone") }
        return zone
    }

    /// Sets the time zone in which consent validity is decided (an IANA name such as Europe/Vienna), audited.
    public func configure(timeZone name: String, actor: String) throws {
        let actor = try InputHygiene.clean(actor, field: "actor")
        guard TimeZone(identifier: name) != nil, name.count <= 64 else { throw ConsentError.invalidRequest("not a known time zone (IANA names such as Europe/Berlin)") }
        try write { db in
            try RegistrySetting(name: RegistrySetting.timeZone, value: name).upsert(db)
            try self.appendAudit(db, actor: actor, action: "configure", subject: nil, consentID: nil, detail: "\(RegistrySetting.timeZone)=\(name)",
                                 rowHash: RegistrySetting.rowHash(name: RegistrySetting.timeZone, value: name))
        }
    }

    /// The time zone in which validity is decided.
    public func timeZone() throws -> TimeZone { try read { db in try Self.zone(db) } }

    /// A timestamp as FHIR and ISO 8601 want it: milliseconds and an offset with a colon ("Z" for UTC).
    static func timestamp(_ date: Date) -> String {
        date.ISO8601Format(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .colon))
    }

    /// A validity day as the registry takes it — YYYY-MM-DD naming a real day in 1900–2199, read by the one
    /// ISO day reader — as midnight UTC; nil for anything else.
    static func parseDay(_ text: String) -> Date? {
        guard let day = CalendarDay(iso: text), (1900...2199).contains(day.components.year) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(day.number) * 86_400)
    }
}
