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
        _ = try registry.authorize(request())
        _ = try registry.authorize(request(recipient: "Jobcenter"))
        try registry.withdraw(id: consent.id!, by: "fachkraft")
        let trail = try registry.auditTrail(subject: "K-1/KM")
        #expect(trail.map(\.action) == ["grant", "reveal-allowed", "reveal-denied", "withdraw"])
        #expect(trail[1].consentID == consent.id && trail[2].detail.contains("recipient=Jobcenter"))
        #expect(try registry.verifyAuditChain() == .intact(entries: 4))
    }

    @Test func invalidGrantsAreRefused() {
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: [], categories: [.person], actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A"], categories: [.person], validFrom: "2026-12-01", validUntil: "2026-11-01", actor: "a")
        }
        #expect(throws: ConsentError.self) {
            try registry.grant(subject: "K-1/KM", purpose: "x", recipients: ["A"], categories: [.person], validUntil: "31.12.2026", actor: "a")
        }
    }
}

/// On-disk registries: file safety, append-only tables, tamper evidence, concurrent writers.
@Suite struct ConsentRegistryFileTests {
    private func temporaryPath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
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

    @Test func consentsAndAuditRefuseUpdateAndDelete() throws {
        let path = temporaryPath()
        let registry = try ConsentRegistry.open(path: path)
        try registry.grant(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        let queue = try DatabaseQueue(path: path)
        for sql in ["UPDATE audit SET actor = 'x'", "DELETE FROM audit", "UPDATE consent SET purpose = 'x'", "DELETE FROM consent"] {
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

    @Test func concurrentWritersLoseNothing() async throws {
        let path = temporaryPath()
        _ = try ConsentRegistry.open(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // Each writer opens its own connection pool, as a second process would.
                    let registry = try ConsentRegistry.open(path: path)
                    for index in 0..<150 {
                        try registry.grant(subject: "K-\(writer)-\(index)", purpose: "p", recipients: ["A"], categories: [.person], actor: "w\(writer)")
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
      - subject: K-1/X
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
}
