import Diskret
import Foundation
import Testing
@testable import DiskretConsent

@Suite struct FHIRConsentTests {
    @Test func exportHasTheRequiredR4ElementsAndImportsBackToTheSameState() throws {
        let source = try ConsentRegistry.inMemory()
        let first = try source.grant(subject: "K-1/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest", "Frauenhaus"],
                                     categories: [.person, .address], validUntil: "2027-03-31", evidence: "Formular 7", actor: "a")
        try source.grant(subject: "K-1/KV", purpose: "fallkonferenz", recipients: ["ASD"], categories: [.person], actor: "a")
        try source.withdraw(id: first.id!, by: "b", reason: "widerrufen")
        let bundle = try source.exportFHIR(actor: "exporter")
        #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
        let resources = (bundle["entry"] as! [[String: Any]]).map { $0["resource"] as! [String: Any] }
        for resource in resources {
            // R4 cardinalities: status 1..1, scope 1..1, category 1..*, patient for patient-privacy (ppc-2),
            // policy or policyRule (ppc-1).
            #expect(["active", "inactive"].contains(resource["status"] as? String))
            let scope = ((resource["scope"] as? [String: Any])?["coding"] as? [[String: Any]])?.first
            #expect(scope?["system"] as? String == "http://terminology.hl7.org/CodeSystem/consentscope" && scope?["code"] as? String == "patient-privacy")
            let category = (((resource["category"] as? [[String: Any]])?.first)?["coding"] as? [[String: Any]])?.first
            #expect(category?["system"] as? String == "http://loinc.org" && category?["code"] as? String == "59284-0")
            #expect(resource["patient"] != nil && resource["policyRule"] != nil)
            #expect((resource["provision"] as? [String: Any])?["type"] as? String == "permit")
        }
        #expect(resources[0]["status"] as? String == "inactive" && resources[1]["status"] as? String == "active")
        // No names anywhere: the subject is its pseudonymous key.
        let text = String(decoding: try JSONSerialization.data(withJSONObject: bundle, options: .withoutEscapingSlashes), as: UTF8.self)
        #expect(text.contains("K-1/KM"))

        let target = try ConsentRegistry.inMemory()
        #expect(try target.importFHIR(bundle, actor: "importer") == 2)
        let before = try source.consents().map { ($0.consent, $0.withdrawal, $0.state) }
        let after = try target.consents().map { ($0.consent, $0.withdrawal, $0.state) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        #expect(before.map(\.2) == after.map(\.2))
        #expect(try target.auditTrail().map(\.action) == ["import", "import"])
        #expect(try target.authorize(AccessRequest(subject: "K-1/KV", purpose: "fallkonferenz", recipient: "ASD", categories: [.person], actor: "t")).isAllowed)
    }

    @Test func importRefusesIncompleteResourcesWithoutAPartialImport() throws {
        let registry = try ConsentRegistry.inMemory()
        let good = FHIRConsent.resource(ConsentRecord(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: ["person"],
                                                      validFrom: "2026-01-01", validUntil: nil, grantedAt: "2026-01-01T00:00:00Z",
                                                      recordedBy: "a", evidence: nil), withdrawal: nil)
        var bad = good
        bad["provision"] = nil
        let bundle: [String: Any] = ["resourceType": "Bundle", "type": "collection", "entry": [["resource": good], ["resource": bad]]]
        #expect(throws: ConsentError.invalidRequest("FHIR entry 2: provision of type permit is missing")) { try registry.importFHIR(bundle, actor: "t") }
        #expect(try registry.consents().isEmpty)
    }
}
