import Diskret
import Foundation
import Testing
@testable import DiskretConsent

/// The library's whole reveal path, as CLI and server use it: `RevealGate.grant` and then
/// `Session.anonymize(_:grant:)`. Reveal, denial, withdrawal and categories, on an in-memory registry.
@Suite struct ConsentedRevealTests {
    static let engine: Engine = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-consent-test-cache-\(getpid())").path
        do {
            let pack = try RulePack.load(directory: repository.appendingPathComponent("Rules").path, cacheDirectory: cache)
            return Engine(rules: pack)
        } catch { fatalError("the rule pack does not load: \(error)") }
    }()

    let roster = try! Roster.parse("""
        case: K-7
        persons:
          - {subject: K-7/KM, role: Kindsmutter, names: [Anna Kowalska], birthdate: 1988-03-12}
          - {subject: K-7/KV, role: Kindsvater, names: [Piotr Kowalski]}
        """)
    let note = "KM Anna Kowalska, geb. 12.03.1988, lebt im Frauenhaus. KV Piotr Kowalski wohnt in der Wohnung."

    private func request(_ subjects: [String], _ categories: Set<Category> = []) -> RevealRequest {
        RevealRequest(subjects: subjects, purpose: "schutzplan", recipient: "Jugendamt Soest", categories: categories, actor: "test")
    }

    private func masked(_ grant: RevealGrant?) throws -> String {
        try Self.engine.makeSession().anonymize(note, known: roster.persons, grant: grant).text
    }

    @Test func aGrantRevealsOnlyItsSubjectAndOnlyOnceDeliveredIsItRecorded() throws {
        let registry = try ConsentRegistry.inMemory()
        try registry.grant(subject: "K-7/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person], actor: "a")
        let grant = try RevealGate(registry: registry, roster: roster).grant(request(["K-7/KM"]))
        #expect(grant.categories == ["K-7/KM": [.person]])
        let output = try masked(grant)
        #expect(output.contains("Anna Kowalska"))
        #expect(!output.contains("Piotr") && !output.contains("Kowalski "))
        // The consent covers names, not the birth date.
        #expect(!output.contains("12.03.1988"))
        #expect(try registry.auditTrail().map(\.action) == ["grant"])
        try grant.delivered()
        #expect(try registry.auditTrail().map(\.action) == ["grant", "reveal-allowed"])
    }

    @Test func withoutAGrantNothingStaysReadable() throws {
        let output = try masked(nil)
        for word in ["Anna", "Kowalska", "Piotr", "Kowalski", "12.03.1988"] { #expect(!output.contains(word)) }
    }

    @Test func aSubjectWithoutConsentIsDeniedAndTheOthersAreAborted() throws {
        let registry = try ConsentRegistry.inMemory()
        try registry.grant(subject: "K-7/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person], actor: "a")
        let gate = RevealGate(registry: registry, roster: roster)
        #expect {
            try gate.grant(request(["K-7/KM", "K-7/KV"]))
        } throws: { error in
            guard let denial = error as? RevealDenial else { return false }
            // The message names the subject key and what is missing, never a name from the roster.
            return denial.subject == "K-7/KV" && denial.description.hasPrefix("consent missing: ")
                && !denial.description.contains("Piotr") && !denial.description.contains("Anna")
        }
        #expect(try registry.auditTrail().map(\.action) == ["grant", "reveal-denied", "reveal-aborted"])
        // Asking for a person who is not on the roster is a malformed request, not a denial.
        #expect(throws: ConsentError.self) { try gate.grant(request(["K-9/KM"])) }
        #expect(throws: ConsentError.self) { try gate.grant(request([])) }
    }

    @Test func aWithdrawnConsentRevealsNothing() throws {
        let registry = try ConsentRegistry.inMemory()
        let consent = try registry.grant(subject: "K-7/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person], actor: "a")
        let gate = RevealGate(registry: registry, roster: roster)
        _ = try gate.grant(request(["K-7/KM"]))
        try registry.withdraw(id: consent.id!, by: "a")
        #expect {
            try gate.grant(request(["K-7/KM"]))
        } throws: { error in
            (error as? RevealDenial)?.reason.contains("withdrawn") == true
        }
    }

    @Test func categoriesMustAllBeCoveredAndOnlyTheCoveredStayReadable() throws {
        let registry = try ConsentRegistry.inMemory()
        try registry.grant(subject: "K-7/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person], actor: "a")
        let gate = RevealGate(registry: registry, roster: roster)
        #expect(throws: RevealDenial.self) { try gate.grant(request(["K-7/KM"], [.person, .date])) }
        try registry.grant(subject: "K-7/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person, .date], actor: "a")
        let both = try masked(try gate.grant(request(["K-7/KM"], [.person, .date])))
        #expect(both.contains("Anna Kowalska") && both.contains("12.03.1988"))
        let datesOnly = try masked(try gate.grant(request(["K-7/KM"], [.date])))
        #expect(datesOnly.contains("12.03.1988") && !datesOnly.contains("Kowalska"))
    }
}
