import Diskret
import Foundation
import GRDB
import Testing
@testable import DiskretConsent

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ day: String) { current = ConsentRegistry.parseDay(day)!.addingTimeInterval(12 * 3600) }
    var now: Date { lock.withLock { current } }
    func advance(days: Int) { lock.withLock { current = current.addingTimeInterval(Double(days) * 86400) } }
}

@Suite struct ConsentRegistryTests {
    let clock = TestClock("2026-11-24")
    let registry: ConsentRegistry

    init() throws {
        let clock = self.clock
        registry = try ConsentRegistry.inMemory(now: { clock.now })
    }

    private func request(purpose: String = "schutzplan", recipient: String = "Jugendamt Soest",
                         categories: Set<Diskret.Category> = [.person, .address]) -> AccessRequest {
        AccessRequest(subject: "K-1/KM", purpose: purpose, recipient: recipient, categories: categories, actor: "test")
    }

    private func grant(from: String? = nil, until: String? = "2027-03-31") throws -> ConsentRecord {
        try registry.grant(subject: "K-1/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest", "Frauenhaus"],
                           categories: [.person, .address, .contact], validFrom: from, validUntil: until, actor: "fachkraft")
    }

    @Test func grantedConsentAllowsExactlyWhatItCovers() throws {
        let consent = try grant()
        #expect(try registry.authorize(request()) == .allowed(consentID: consent.id!, categories: [.person, .address]))
        #expect(try registry.authorize(request(categories: [])) == .allowed(consentID: consent.id!, categories: [.person, .address, .contact]))
        #expect(try registry.authorize(request(recipient: "jugendamt soest")).isAllowed, "recipients compare without case")
        #expect(try !registry.authorize(request(recipient: "Jobcenter")).isAllowed)
        #expect(try !registry.authorize(request(purpose: "fallkonferenz")).isAllowed)
        guard case let .denied(reason) = try registry.authorize(request(categories: [.person, .date])) else { Issue.record("allowed"); return }
        #expect(reason.contains("covers the categories date"))
        guard case let .denied(other) = try registry.authorize(AccessRequest(subject: "K-9/KV", purpose: "schutzplan", recipient: "Jugendamt Soest", categories: [.person], actor: "t")) else { return }
        #expect(other == "no consent recorded for subject K-9/KV")
    }

    @Test func expiredAndNotYetValidConsentsDeny() throws {
        _ = try grant(from: "2026-12-01", until: "2026-12-31")
        guard case let .denied(early) = try registry.authorize(request()) else { Issue.record("allowed before start"); return }
        #expect(early.contains("not-yet-valid"))
        clock.advance(days: 10)
        #expect(try registry.authorize(request()).isAllowed)
        clock.advance(days: 40)
        guard case let .denied(late) = try registry.authorize(request()) else { Issue.record("allowed after end"); return }
        #expect(late.contains("expired"))
    }

    @Test func withdrawalTakesEffectOnTheNextCall() throws {
        let consent = try grant()
        #expect(try registry.authorize(request()).isAllowed)
        try registry.withdraw(id: consent.id!, by: "fachkraft", reason: "telefonisch")
        guard case let .denied(reason) = try registry.authorize(request()) else { Issue.record("still allowed"); return }
        #expect(reason.contains("withdrawn"))
        #expect(throws: ConsentError.alreadyWithdrawn(consent.id!)) { try registry.withdraw(id: consent.id!, by: "x") }
        #expect(try registry.consents(subject: "K-1/KM").first?.state == .withdrawn)
    }

    @Test func everyDecisionIsAuditedInAnIntactChain() throws {
        let consent = try grant()
        guard case let .allowed(consentID, categories) = try registry.authorize(request()) else { Issue.record("denied"); return }
        #expect(try registry.auditTrail().map(\.action) == ["grant"], "an allowed decision is recorded once its outcome is known")
        try registry.recordReveal(request(), consentID: consentID, categories: categories)
        _ = try registry.authorize(request(recipient: "Jobcenter"))
        try registry.withdraw(id: consent.id!, by: "fachkraft")
        let trail = try registry.auditTrail(subject: "K-1/KM")
        #expect(trail.map(\.action) == ["grant", "reveal-allowed", "reveal-denied", "withdraw"])
        #expect(trail[1].consentID == consent.id && trail[2].detail.contains("recipient=Jobcenter"))
        #expect(try registry.verifyAuditChain() == .intact(entries: 4))
    }

    @Test func supersessionWithdrawsTheOldConsentInTheSameTransaction() throws {
        let old = try grant()
        let new = try registry.supersede(id: old.id!, subject: "K-1/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"],
                                         categories: [.person], validUntil: "2027-06-30", actor: "fachkraft")
        #expect(try registry.status(id: old.id!) == .withdrawn && registry.status(id: new.id!) == .active)
        #expect(try registry.consent(id: old.id!).withdrawal?.reason == "superseded by consent \(new.id!)")
        #expect(try registry.authorize(request(categories: [.person])) == .allowed(consentID: new.id!, categories: [.person]))
        #expect(try !registry.authorize(request(categories: [.address])).isAllowed, "the old consent covers nothing any more")
        #expect(throws: ConsentError.alreadyWithdrawn(old.id!)) {
            try registry.supersede(id: old.id!, subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.supersede(id: new.id!, subject: "K-2/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        }
        #expect(try registry.auditTrail().map(\.action) == ["grant", "grant", "withdraw", "reveal-denied"])
        #expect(try registry.consents(for: "K-1/KM").count == 2 && registry.consents(for: "K-2/KM").isEmpty)
    }

    @Test func expiringWithinCountsDaysFromTheRegistrysToday() throws {
        _ = try grant(until: "2026-12-01")
        _ = try registry.grant(subject: "K-2/KM", purpose: "p", recipients: ["A"], categories: [.person], validUntil: "2027-01-15", actor: "a")
        _ = try registry.grant(subject: "K-3/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        #expect(try registry.expiring(within: 6).isEmpty)
        #expect(try registry.expiring(within: 7).map(\.consent.subject) == ["K-1/KM"])
        #expect(try registry.expiring(within: 60).map(\.consent.subject) == ["K-1/KM", "K-2/KM"])
        #expect(try registry.expiring(within: 60, subject: "K-2/KM").count == 1)
        clock.advance(days: 8)
        #expect(try registry.expiring(within: 60).map(\.consent.subject) == ["K-2/KM"], "expired ones are no longer expiring")
    }

    @Test func subjectsArePseudonymousKeysNotNames() {
        for subject in ["Anna Fischer", "Fischer", "", "K-1/KM\nAnna", "Jürgen-1", "Zyprianowska1", "Anna.Zyprianowska.1988", "K-1/Anna", "ANNA-1/KM"] {
            #expect(throws: ConsentError.self, "\(subject)") {
                try registry.grant(subject: subject, purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
            }
        }
        #expect(ConsentRegistry.isSubjectKey("K-2024-017/KM") && ConsentRegistry.isSubjectKey("K-1/K2") && ConsentRegistry.isSubjectKey("AZ-12-3/GM"))
        #expect(!ConsentRegistry.isSubjectKey("fall_12.k:1"), "only a case number and a role code")
    }

    @Test func invalidGrantsAreRefused() throws {
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: [], categories: [.person], actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A"], categories: [.person], validFrom: "2026-12-01", validUntil: "2026-11-01", actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A"], categories: [.person], validUntil: "31.12.2026", actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A\nB"], categories: [.person], actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A"], categories: [], actor: "a")
        }
        #expect(throws: ConsentError.unknownConsent(42)) { try registry.withdraw(id: 42, by: "a") }
        #expect(try registry.auditTrail().isEmpty, "a refused grant leaves no trace and no half-written record")
    }
}

/// The gate's whole decision table, once on an in-memory queue and once on an on-disk WAL pool.
@Suite struct ConsentGateStorageTests {
    enum Storage: String, CaseIterable, CustomTestStringConvertible {
        case memory, disk
        var testDescription: String { rawValue }
    }

    private func open(_ storage: Storage, clock: TestClock) throws -> (ConsentRegistry, String?) {
        switch storage {
        case .memory: return (try ConsentRegistry.inMemory(now: { clock.now }), nil)
        case .disk:
            // In a directory of its own, so that removing the directory also removes the WAL and shared-memory files.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)/registry.sqlite").path
            return (try ConsentRegistry.open(path: path, now: { clock.now }), path)
        }
    }

    @Test(arguments: Storage.allCases) func decisionTable(_ storage: Storage) throws {
        let clock = TestClock("2026-11-24")
        let (registry, path) = try open(storage, clock: clock)
        defer { if let path { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) } }
        func ask(_ subject: String = "K-1/KM", purpose: String = "schutzplan", recipient: String = "Jugendamt Soest",
                 categories: Set<Diskret.Category> = [.person]) throws -> Decision {
            try registry.authorize(AccessRequest(subject: subject, purpose: purpose, recipient: recipient, categories: categories, actor: "t"))
        }
        func reason(_ decision: Decision) -> String { if case let .denied(reason) = decision { return reason } else { return "allowed" } }

        #expect(reason(try ask()) == "no consent recorded for subject K-1/KM")
        let consent = try registry.grant(subject: "K-1/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"],
                                         categories: [.person, .address], validUntil: "2026-12-31", actor: "fk")
        #expect(try ask(categories: [.person, .address]) == .allowed(consentID: consent.id!, categories: [.person, .address]))
        #expect(reason(try ask(recipient: "Jobcenter Soest")).contains("names recipient Jobcenter Soest"))
        #expect(reason(try ask(purpose: "gerichtsverfahren")).contains("for purpose gerichtsverfahren"))
        #expect(reason(try ask(categories: [.person, .contact])).hasSuffix("covers the categories contact"))
        #expect(reason(try ask("K-1/KV")) == "no consent recorded for subject K-1/KV")
        let future = try registry.grant(subject: "K-2/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"],
                                        categories: [.person], validFrom: "2027-01-01", actor: "fk")
        #expect(reason(try ask("K-2/KM")).hasSuffix("is not-yet-valid"))
        clock.advance(days: 38) // 2027-01-01: the first consent has ended, the second begun.
        #expect(reason(try ask()).hasSuffix("is expired"))
        #expect(try ask("K-2/KM") == .allowed(consentID: future.id!, categories: [.person]))
        try registry.withdraw(id: future.id!, by: "fk", reason: "widerrufen")
        #expect(reason(try ask("K-2/KM")).hasSuffix("is withdrawn"), "a withdrawal counts from the very next call")

        // Every decision is in the log, in order, with the consent it used or the one nearest to it.
        let reveals = try registry.auditTrail().filter { $0.action.hasPrefix("reveal-") }
        // (Allowed decisions are recorded by `recordReveal` once delivered; see RevealGateTests.)
        #expect(reveals.map(\.action) == Array(repeating: "reveal-denied", count: 8))
        #expect(reveals.map(\.consentID) == [nil, nil, nil, consent.id, nil, future.id, consent.id, future.id])
        #expect(reveals.allSatisfy { $0.actor == "t" && !$0.at.isEmpty })
        #expect(try registry.verifyAuditChain() == .intact(entries: 11))
        if let path {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let journal = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(journal == "wal")
        }
    }
}

/// On-disk registries: file safety, append-only tables, tamper evidence, concurrent writers.
/// A class, so that `deinit` removes each test's directory (the registry with its WAL files) however the test ends.
@Suite final class ConsentRegistryFileTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The registry of this test, in its directory.
    private func temporaryPath() -> String {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("registry.sqlite").path
    }

    @Test func registryIsCreatedPrivateAndUnsafePathsAreRefused() throws {
        let path = temporaryPath()
        _ = try ConsentRegistry.open(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let link = path + ".link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: ConsentError.self) { try ConsentRegistry.open(path: link) }
        chmod(path, 0o666)
        #expect(throws: ConsentError.self) { try ConsentRegistry.open(path: path) }
    }

    @Test func defaultPathFollowsTheEnvironmentThenXDG() {
        #expect(RegistryFile.defaultPath(environment: ["DISKRET_REGISTRY": "/r/x.sqlite", "XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/r/x.sqlite")
        #expect(RegistryFile.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/diskret/registry.sqlite")
        #expect(RegistryFile.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/diskret/registry.sqlite")
    }

    @Test func aNewRegistryDirectoryIsPrivateAndAFileThatIsNoDatabaseIsRefused() throws {
        let directory = self.directory.appendingPathComponent("private").path
        _ = try ConsentRegistry.open(path: directory + "/sub/registry.sqlite")
        #expect(try FileManager.default.attributesOfItem(atPath: directory + "/sub")[.posixPermissions] as? Int == 0o700)
        let junk = directory + "/junk.sqlite"
        _ = FileManager.default.createFile(atPath: junk, contents: Data("not a database, just text that is long enough".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: ConsentError.self) { try ConsentRegistry.open(path: junk) }
        #expect(throws: ConsentError.self) { try ConsentRegistry.open(path: directory) }
    }

    @Test func consentsAndAuditRefuseUpdateAndDelete() throws {
        let path = temporaryPath()
        let registry = try ConsentRegistry.open(path: path)
        let consent = try registry.grant(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        try registry.withdraw(id: consent.id!, by: "a")
        let queue = try DatabaseQueue(path: path)
        for sql in ["UPDATE audit SET actor = 'x'", "DELETE FROM audit", "UPDATE consent SET purpose = 'x'", "DELETE FROM consent",
                    "UPDATE withdrawal SET reason = 'x'", "DELETE FROM withdrawal", "INSERT OR REPLACE INTO withdrawal VALUES (1, 'x', 'y', NULL)",
                    "INSERT OR REPLACE INTO consent SELECT id, subject, 'x', recipients, categories, valid_from, valid_until, granted_at, recorded_by, evidence FROM consent",
                    "INSERT OR REPLACE INTO audit SELECT id, at, 'x', action, subject, consent_id, detail, previous_hash, hash, row_hash FROM audit WHERE id = 1"] {
            #expect {
                try queue.write { try $0.execute(sql: sql) }
            } throws: { error in
                (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER
            }
        }
        #expect(try registry.consents().count == 1 && registry.auditTrail().count == 2)
        // Constraints hold even for SQL that bypasses the library.
        for sql in ["INSERT INTO consent (subject, purpose, recipients, categories, valid_from, granted_at, recorded_by) VALUES ('K-2', 'p', 'A', 'person', 'morgen', 'x', 'a')",
                    "INSERT INTO withdrawal VALUES (99, 'x', 'a', NULL)",
                    "INSERT INTO audit (at, actor, action, detail, previous_hash, hash) VALUES ('x', 'a', 'reveal-everything', '', '', '')"] {
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: sql) } }
        }
    }

    @Test func tamperingIsDetectedAndTheEntryNamed() throws {
        let path = temporaryPath()
        let registry = try ConsentRegistry.open(path: path)
        for index in 0..<3 {
            try registry.grant(subject: "K-\(index)/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        }
        #expect(try registry.verifyAuditChain() == .intact(entries: 3))
        // Someone with the sqlite3 shell drops the trigger and edits entry 2.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET actor = 'someone-else' WHERE id = 2")
        }
        #expect(try registry.verifyAuditChain() == .broken(entryID: 2, reason: "its content does not match its hash (the entry was edited)"))
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_delete")
            try db.execute(sql: "DELETE FROM audit WHERE id = 2")
        }
        guard case let .broken(entryID, _) = try registry.verifyAuditChain() else { Issue.record("not detected"); return }
        #expect(entryID == 3)
    }

    @Test func removingTheLastEntriesIsDetected() throws {
        let path = temporaryPath()
        let registry = try ConsentRegistry.open(path: path)
        for index in 0..<4 {
            try registry.grant(subject: "K-\(index)/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_delete")
            try db.execute(sql: "DELETE FROM audit WHERE id >= 3")
        }
        #expect(try registry.verifyAuditChain() == .broken(entryID: 3, reason: "is missing (entries were removed from the end of the log)"))
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let path = temporaryPath()
        _ = try ConsentRegistry.open(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // Each writer opens its own connection pool, as a second process would.
                    let registry = try ConsentRegistry.open(path: path)
                    for index in 0..<150 {
                        try registry.grant(subject: "K-\(writer)-\(index)/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "w\(writer)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let registry = try ConsentRegistry.open(path: path)
        #expect(try registry.consents().count == 300)
        #expect(try registry.verifyAuditChain() == .intact(entries: 300))
    }
}

@Suite struct RosterTests {
    static let yaml = """
    case: K-1
    persons:
      - subject: K-1/KM
        role: Kindsmutter
        names: ["Anna Fischer"]
        phones: ["0170 1234567"]
      - subject: K-1/K1
        role: Kind
        names: [Lena Fischer]
      - subject: K-1/K2
        role: Kind
        names: [Max Fischer]
      - subject: K-1/B
        names: [Heinz Wolf]
    """

    @Test func placeholdersAreFixedByRoleInRosterOrder() throws {
        let roster = try Roster.parse(Self.yaml)
        #expect(roster.persons.map(\.placeholder) == ["[Kindsmutter]", "[Kind 1]", "[Kind 2]", "[Beteiligte 1]"])
        #expect(roster.knownCategories(of: "K-1/KM") == [.person, .contact])
    }

    @Test func badRostersNameTheLineButNotTheNames() {
        do {
            _ = try Roster.parse("case: K-1\npersons:\n  - subject: K-1/KM\n    nmes: [Anna Geheim]\n")
            Issue.record("accepted")
        } catch let error as ConsentError {
            #expect(error.description.contains(":4:") && error.description.contains("unknown key 'nmes'"))
            #expect(!error.description.contains("Geheim"))
        } catch { Issue.record("\(error)") }
        #expect(throws: ConsentError.self) { try Roster.parse("case: K-1\npersons:\n  - subject: K-1/KM\n") }
    }

    /// Each bad roster, the line its error must name, and what the error must not echo.
    static let badRosters: [(yaml: String, line: Int, message: String)] = [
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim\n", 5, "not valid YAML"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim]\n    Geheim: [x]\n", 5, "unknown key (allowed:"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim]\n    birthdate: Geheimtag\n", 5, "'birthdate' must be a date"),
        ("case: K-1\npersons:\n  - subject: Anna Geheim\n    names: [Anna Geheim]\n", 3, "never a name"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim]\n  - subject: K-1/KM\n    names: [Geheim]\n", 5, "appears twice"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim, [Geheim]]\n", 4, "items of 'names' must be text"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    role: [Geheim]\n    names: [Anna Geheim]\n", 4, "'role' must be text"),
        ("case: K-1\nGeheim: 1\npersons: []\n", 2, "unknown key (a roster has"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    role: Frau Geheim\n    names: [Anna Geheim]\n", 4, "unknown role"),
        ("case: K-1\npersons:\n  - subject: K-1/KM\n    names: [Anna Geheim]\n    birthdate: 1988-02-30\n", 5, "'birthdate' must be a date"),
        ("case: K-1\npersons:\n  - subject: Geheim1\n    names: [Anna Geheim]\n", 3, "never a name"),
        ("case: K-1\npersons: Anna Geheim\n", 2, "missing 'persons' list"),
        ("- Anna Geheim\n", 0, "a roster is a mapping"),
    ]

    @Test(arguments: 0..<badRosters.count) func badRosterErrorsNameTheLineAndNoNames(_ index: Int) {
        let (yaml, line, message) = Self.badRosters[index]
        do {
            _ = try Roster.parse(yaml, file: "case.yaml")
            Issue.record("accepted roster \(index)")
        } catch let ConsentError.invalidRoster(file, errorLine, errorMessage) {
            #expect(file == "case.yaml" && errorLine == line, "roster \(index): line \(errorLine), \(errorMessage)")
            #expect(errorMessage.contains(message), "roster \(index): \(errorMessage)")
            #expect(!errorMessage.contains("Geheim") && !errorMessage.contains("Anna"), "roster \(index) echoes a name: \(errorMessage)")
        } catch { Issue.record("\(error)") }
    }

    @Test func rolesAreNumberedOnlyWhenShared() throws {
        let roster = try Roster.parse("""
        case: K-7
        persons:
          - {subject: K-7/KV1, role: Kindsvater, names: [A B]}
          - {subject: K-7/K, role: Kind, names: [C B]}
          - {subject: K-7/KV2, role: Kindsvater, names: [D E], birthdate: "01.02.1990"}
          - {subject: K-7/KM, role: Kindsmutter, names: [F B]}
        """)
        #expect(roster.caseKey == "K-7")
        #expect(roster.persons.map(\.placeholder) == ["[Kindsvater 1]", "[Kind 1]", "[Kindsvater 2]", "[Kindsmutter]"])
        #expect(roster.persons[2].birthdate == "01.02.1990" && roster.knownCategories(of: "K-7/KV2") == [.person, .date])
        #expect(roster.knownCategories(of: "K-7/none").isEmpty)
    }

    @Test func theFixtureRosterLoads() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
        let roster = try Roster.load(path: path)
        #expect(roster.persons.map(\.placeholder) == ["[Kindsmutter]", "[Kindsvater]", "[Kind 1]", "[Kind 2]"])
        #expect(roster.person("K-2024-017/KM")?.names == ["Anna Fischer-Yılmaz", "Anna Fischer"])
        #expect(roster.knownCategories(of: "K-2024-017/KM") == [.person, .date, .address, .contact])
        #expect(throws: ConsentError.invalidRoster(file: "roster", line: 0, message: "file not found")) {
            try Roster.load(path: "/nonexistent/case.yaml")
        }
    }

}

/// What the registry does when its storage runs full.
@Suite struct RegistryStorageTests {
    /// A registry whose storage runs full refuses the grant with a storage error (the CLI's exit 74), and
    /// nothing half-written stays: the consents before it are all there and the chain still verifies.
    @Test func aFullDiskIsAStorageErrorAndRecordsNothing() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = 60") }
        let clock = TestClock("2026-11-24")
        let full = try ConsentRegistry.inMemory(configuration: configuration, now: { clock.now })
        var granted = 0
        var failure: Error?
        for number in 0..<5_000 {
            do {
                _ = try full.grant(subject: "K-\(number)/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"],
                                   categories: [.person], validFrom: nil, validUntil: nil,
                                   evidence: String(repeating: "Einwilligung ", count: 20), actor: "test")
                granted += 1
            } catch { failure = error; break }
        }
        guard case .storage = failure as? ConsentError else {
            Issue.record("expected a storage error, got \(String(describing: failure)) after \(granted) grants")
            return
        }
        #expect(granted > 0)
        #expect(try full.consents().count == granted)
        #expect(try full.verifyAuditChain().isIntact)
    }
}
