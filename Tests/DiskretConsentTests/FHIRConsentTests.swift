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
        #expect(try target.auditTrail().map(\.action) == ["import", "withdraw", "import"], "an imported withdrawal is recorded with its row hash")
        #expect(try target.authorize(AccessRequest(subject: "K-1/KV", purpose: "fallkonferenz", recipient: "ASD", categories: [.person], actor: "t")).isAllowed)
    }

    /// FHIR R4 dateTime and date, from the specification's regular expressions.
    static var dateTime: Regex<AnyRegexOutput> { Regex(#/([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))/#) }
    static var date: Regex<AnyRegexOutput> { Regex(#/[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/#) }

    @Test func everyElementHasItsR4NameTypeAndFormat() throws {
        let clock = TestClock("2026-11-24")
        let registry = try ConsentRegistry.inMemory(now: { clock.now })
        let consent = try registry.grant(subject: "K-1/KM", purpose: "schutzplan", recipients: ["Jugendamt Soest"], categories: [.person, .contact],
                                         validUntil: "2026-12-31", evidence: "Formular 7", actor: "fk")
        let resource = ((try registry.exportFHIR(actor: "x")["entry"] as! [[String: Any]])[0]["resource"]) as! [String: Any]
        let allowed: Set<String> = ["resourceType", "id", "identifier", "extension", "status", "scope", "category", "patient", "dateTime", "performer",
                                    "organization", "sourceAttachment", "sourceReference", "policy", "policyRule", "verification", "provision"]
        #expect(Set(resource.keys).isSubset(of: allowed), "\(Set(resource.keys).subtracting(allowed))")
        #expect(resource["id"] as? String == String(consent.id!))
        // identifier is Identifier 0..* (system + value).
        #expect((resource["identifier"] as? [[String: String]])?.first?["system"] == FHIRConsent.identifierSystem)
        #expect(try Self.dateTime.wholeMatch(in: resource["dateTime"] as! String) != nil, "\(resource["dateTime"]!)")
        let patient = resource["patient"] as! [String: Any]
        #expect((patient["identifier"] as? [String: Any])?["value"] as? String == "K-1/KM" && patient["type"] as? String == "Patient")
        #expect(((resource["performer"] as? [[String: Any]])?.first?["identifier"] as? [String: Any])?["value"] as? String == "K-1/KM")
        #expect((resource["sourceReference"] as? [String: Any])?["display"] as? String == "Formular 7")
        let provision = resource["provision"] as! [String: Any]
        let period = provision["period"] as! [String: String]
        #expect(try Self.date.wholeMatch(in: period["start"]!) != nil && period["end"] == "2026-12-31")
        let actor = (provision["actor"] as! [[String: Any]])[0]
        // actor.role (CodeableConcept) and actor.reference (Reference) are both 1..1.
        #expect(((actor["role"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String == "IRCP")
        #expect((actor["reference"] as? [String: Any])?["display"] as? String == "Jugendamt Soest")
        // purpose and class are Coding (system + code), not CodeableConcept.
        #expect((provision["purpose"] as? [[String: String]]) == [["system": FHIRConsent.purposeSystem, "code": "schutzplan"]])
        #expect((provision["class"] as? [[String: String]])?.map { $0["code"]! } == ["contact", "person"])

        clock.advance(days: 40)
        let expired = ((try registry.exportFHIR(actor: "x")["entry"] as! [[String: Any]])[0]["resource"]) as! [String: Any]
        #expect(expired["status"] as? String == "inactive", "an ended period makes the consent inactive")
        #expect(try registry.auditTrail().map(\.action) == ["grant", "export", "export"])

        // An expired consent imports back as expired; an inactive one that is neither withdrawn nor ended does not import.
        let target = try ConsentRegistry.inMemory(now: { clock.now })
        #expect(try target.importFHIR(expired, actor: "i") == 1)
        #expect(try target.consents().map(\.state) == [.expired])
        var bogus = expired
        bogus["provision"] = (expired["provision"] as! [String: Any]).merging(["period": ["start": "2026-11-24"]]) { $1 }
        #expect(throws: ConsentError.self) { try target.importFHIR(bogus, actor: "i") }
    }

    @Test(arguments: ["scope", "category", "policyRule", "patient", "dateTime", "status"])
    func importRequiresTheR4Elements(_ element: String) throws {
        let registry = try ConsentRegistry.inMemory()
        var resource = FHIRConsent.resource(ConsentRecord(subject: "K-1/KM", purpose: "p", recipients: ["A"], categories: ["person"],
                                                          validFrom: "2026-01-01", validUntil: nil, grantedAt: "2026-01-01T00:00:00Z",
                                                          recordedBy: "a", evidence: nil), withdrawal: nil)
        #expect(try ConsentRegistry.inMemory().importFHIR(resource, actor: "t") == 1)
        resource[element] = nil
        #expect(throws: ConsentError.self) { try registry.importFHIR(resource, actor: "t") }
        #expect(try registry.consents().isEmpty && registry.auditTrail().isEmpty)
    }

    @Test func importRefusesNamesAsSubjectsAndUnknownCategories() throws {
        let registry = try ConsentRegistry.inMemory()
        let record = ConsentRecord(subject: "Anna Fischer", purpose: "p", recipients: ["A"], categories: ["person"], validFrom: "2026-01-01",
                                   validUntil: nil, grantedAt: "2026-01-01T00:00:00Z", recordedBy: "a", evidence: nil)
        #expect(throws: ConsentError.self) { try registry.importFHIR(FHIRConsent.resource(record, withdrawal: nil), actor: "t") }
        var other = record
        other.subject = "K-1/KM"
        other.categories = ["health"]
        #expect(throws: ConsentError.self) { try registry.importFHIR(FHIRConsent.resource(other, withdrawal: nil), actor: "t") }
        #expect(try registry.consents().isEmpty)
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
