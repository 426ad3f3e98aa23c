import Diskret
import Testing
@testable import DiskretConsent

/// The library's gate: a grant only it makes, recorded once its outcome is known.
@Suite struct RevealGateTests {
    @Test func aGrantIsRecordedOnlyWhenDeliveredAndADenialAbortsTheOthers() throws {
        let registry = try ConsentRegistry.inMemory()
        let roster = try Roster.parse("case: K-1\npersons:\n  - {subject: K-1/KM, role: Kindsmutter, names: [Anna A]}\n  - {subject: K-1/KV, role: Kindsvater, names: [Bert B]}\n")
        try registry.grant(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: [.person], actor: "a")
        let gate = RevealGate(registry: registry, roster: roster)
        let grant = try gate.grant(RevealRequest(subjects: ["K-1/KM"], purpose: "p", recipient: "A", actor: "t"))
        #expect(grant.categories == ["K-1/KM": [.person]])
        #expect(try registry.auditTrail().map(\.action) == ["grant"])
        try grant.delivered()
        #expect { try gate.grant(RevealRequest(subjects: ["K-1/KM", "K-1/KV"], purpose: "p", recipient: "A", actor: "t")) } throws: {
            ($0 as? RevealDenial)?.subject == "K-1/KV"
        }
        #expect(try registry.auditTrail().map(\.action) == ["grant", "reveal-allowed", "reveal-denied", "reveal-aborted"])
        #expect(throws: ConsentError.self) { try gate.grant(RevealRequest(subjects: ["K-9/KM"], purpose: "p", recipient: "A", actor: "t")) }
    }
}
