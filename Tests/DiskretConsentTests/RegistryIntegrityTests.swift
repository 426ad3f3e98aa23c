import Diskret
import Foundation
import GRDB
import Testing
@testable import DiskretConsent

/// The chain vouches for every row that decides a reveal; a registry of schema v2 is attested once on upgrade.
@Suite final class RegistryIntegrityTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-\(UUID().uuidString)")
    private var path: String { directory.appendingPathComponent("registry.sqlite").path }

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
    deinit { try? FileManager.default.removeItem(at: directory) }

    private let request = AccessRequest(subject: "K-1/KM", purpose: "p", recipient: "A", categories: [.person], actor: "t")

    @Test func aV2RegistryIsAttestedOnceOnUpgradeAndStillWorks() throws {
        // A registry as v2 wrote it: a consent, its grant entry without a row hash, a withdrawn second consent.
        let queue = try DatabaseQueue(path: path)
        try RegistryMigrations.migrator.migrate(queue, upTo: "v2-no-replace")
        chmod(path, 0o600)
        try queue.write { db in
            var previous = AuditChain.genesis
            func entry(_ action: String, _ consentID: Int64) throws {
                let hash = AuditChain.hash(at: "2026-01-01T00:00:00.000Z", actor: "a", action: action, subject: "K-1/KM", consentID: consentID,
                                           detail: "", previousHash: previous)
                try db.execute(sql: "INSERT INTO audit (at, actor, action, subject, consent_id, detail, previous_hash, hash) VALUES (?, 'a', ?, 'K-1/KM', ?, '', ?, ?)",
                               arguments: ["2026-01-01T00:00:00.000Z", action, consentID, previous, hash])
                previous = hash
            }
            for id in 1...2 {
                try db.execute(sql: "INSERT INTO consent (subject, purpose, recipients, categories, valid_from, granted_at, recorded_by) VALUES ('K-1/KM', 'p', 'A', 'person', '2026-01-01', 'x', 'a')")
                try entry("grant", Int64(id))
            }
            try db.execute(sql: "INSERT INTO withdrawal VALUES (2, 'x', 'a', NULL)")
            try entry("withdraw", 2)
        }
        let registry = try ConsentRegistry.open(path: path)
        let verification = try registry.verifyAuditChain()
        #expect(verification == .intact(entries: 6), "\(verification)")
        #expect(try registry.auditTrail().suffix(3).map(\.action) == ["attest", "attest", "attest"])
        #expect(try registry.authorize(request) == .allowed(consentID: 1, categories: [.person]))
        // Attested once: a row forged after the upgrade is not attested by opening again.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO consent (subject, purpose, recipients, categories, valid_from, granted_at, recorded_by) VALUES ('K-1/KV', 'p', 'A', 'person', '2026-01-01', 'x', 'a')")
        }
        let reopened = try ConsentRegistry.open(path: path)
        #expect(try reopened.verifyAuditChain() == .unvouched(table: "consent", id: 3, reason: "is not vouched for by the audit chain (inserted or edited outside Diskret)"))
        guard case let .denied(reason) = try reopened.authorize(request) else { Issue.record("allowed"); return }
        #expect(reason.contains("does not verify"))
    }

    @Test func theHeadAnchorsTheLogAndReadOnlyOpeningNeverWrites() throws {
        let registry = try ConsentRegistry.open(path: path)
        try registry.grant(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        let head = try registry.auditHead()
        #expect(head.count == 1 && AuditHead(parsing: head.description) == head)
        let reader = try ConsentRegistry.open(path: path, access: .readOnly)
        #expect(try reader.verifyAuditChain(expect: head) == .intact(entries: 1))
        #expect(throws: ConsentError.readOnlyRegistry) {
            try reader.grant(subject: "K-1/KV", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        }
        #expect(throws: ConsentError.missingRegistry(path + ".missing")) { try ConsentRegistry.open(path: path + ".missing", access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path + ".missing"))
        let other = AuditHead(count: 1, hash: String(repeating: "a", count: 64))
        guard case .broken(1, _) = try reader.verifyAuditChain(expect: other) else { Issue.record("a different head verified"); return }
    }
}
