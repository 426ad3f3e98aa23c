import Diskret
import Foundation

/// HL7 FHIR R4 Consent resources for the registry's consents: export for other systems, import back.
///
/// Mapping: `patient` is the pseudonymous subject key (an identifier, never a name); `scope` is
/// consentscope#patient-privacy; `category` LOINC 59284-0 (Patient Consent); `policyRule` v3-ActCode#OPTIN;
/// `provision` permits, for `period`, recipients as `actor` (role v3-ParticipationType#IRCP, information
/// recipient), the purpose and the data categories as codings of Diskret's code systems; evidence is
/// `sourceReference`; `performer` (the grantor) is the subject key again. A withdrawn consent, or one whose
/// period has ended, has the status `inactive`; a withdrawal is carried in an extension, who recorded the
/// consent in another.
public enum FHIRConsent {
    static let purposeSystem = "https://diskret.invalid/fhir/CodeSystem/purpose"
    static let categorySystem = "https://diskret.invalid/fhir/CodeSystem/data-category"
    static let subjectSystem = "https://diskret.invalid/fhir/NamingSystem/subject-key"
    static let withdrawalExtension = "https://diskret.invalid/fhir/StructureDefinition/withdrawal"
    static let recorderExtension = "https://diskret.invalid/fhir/StructureDefinition/recorded-by"
    static let identifierSystem = "https://diskret.invalid/fhir/NamingSystem/consent"
    static let participationSystem = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
    /// The provision elements Diskret reads; any other (data, dataPeriod, action, securityLabel, code, nested
    /// provisions) would restrict the consent in a way this importer cannot honour, so it is refused.
    static let provisionKeys: Set<String> = ["type", "period", "actor", "purpose", "class"]

    /// The consent's identifier: a digest of what it grants, who recorded it and when. Stable across
    /// registries, so an import of the same consent twice adds nothing, and a changed resource no longer
    /// matches the identifier it carries.
    static func identifier(of consent: ConsentRecord) -> String {
        "urn:diskret:consent:" + RowHash.digest(["fhir-consent", consent.subject, consent.purpose, consent.recipients.joined(separator: "\n"),
                                                   consent.categories.joined(separator: ","), consent.validFrom, consent.validUntil,
                                                   consent.grantedAt, consent.recordedBy, consent.evidence])
    }

    /// One consent as a FHIR R4 Consent resource; with `today`, a consent whose period has ended is `inactive`.
    public static func resource(_ consent: ConsentRecord, withdrawal: WithdrawalRecord?, today: String? = nil) -> [String: Any] {
        let expired = today.map { today in consent.validUntil.map { $0 < today } ?? false } ?? false
        let patient: [String: Any] = ["type": "Patient", "identifier": ["system": subjectSystem, "value": consent.subject]]
        var period: [String: Any] = ["start": consent.validFrom]
        if let until = consent.validUntil { period["end"] = until }
        var extensions: [[String: Any]] = [["url": recorderExtension, "valueString": consent.recordedBy]]
        if let withdrawal {
            var parts: [[String: Any]] = [["url": "at", "valueDateTime": withdrawal.withdrawnAt],
                                          ["url": "by", "valueString": withdrawal.withdrawnBy]]
            if let reason = withdrawal.reason { parts.append(["url": "reason", "valueString": reason]) }
            extensions.append(["url": withdrawalExtension, "extension": parts])
        }
        var resource: [String: Any] = [
            "resourceType": "Consent",
            "id": String(consent.id ?? 0),
            "identifier": [["system": identifierSystem, "value": identifier(of: consent)]],
            "extension": extensions,
            "status": withdrawal == nil && !expired ? "active" : "inactive",
            "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"]]],
            "category": [["coding": [["system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"]]]],
            "patient": patient,
            "dateTime": consent.grantedAt,
            "performer": [patient],
            "policyRule": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"]]],
            "provision": [
                "type": "permit",
                "period": period,
                "actor": consent.recipients.map { recipient -> [String: Any] in
                    ["role": ["coding": [["system": participationSystem, "code": "IRCP"]]],
                     "reference": ["display": recipient]]
                },
                "purpose": [["system": purposeSystem, "code": consent.purpose]],
                "class": consent.categories.map { ["system": categorySystem, "code": $0] },
            ] as [String: Any],
        ]
        if let evidence = consent.evidence { resource["sourceReference"] = ["display": evidence] }
        return resource
    }

    /// A Bundle (type collection) of consents; with `today`, those whose period has ended are `inactive`.
    public static func bundle(_ rows: [(consent: ConsentRecord, withdrawal: WithdrawalRecord?)], today: String? = nil) -> [String: Any] {
        ["resourceType": "Bundle", "type": "collection",
         "entry": rows.map { ["resource": resource($0.consent, withdrawal: $0.withdrawal, today: today)] }]
    }

    /// Reads a Consent or a Bundle of Consents; errors name the entry, never personal data. An `inactive`
    /// consent must carry its withdrawal, or have a period that ended before `today`.
    public static func parse(_ json: Any, today: String? = nil) throws -> [(consent: ConsentRecord, withdrawal: WithdrawalRecord?)] {
        guard let object = json as? [String: Any] else { throw ConsentError.invalidRequest("FHIR input must be a JSON object") }
        if object["resourceType"] as? String == "Bundle" {
            let entries = object["entry"] as? [[String: Any]] ?? []
            return try entries.enumerated().map { index, entry in
                guard let resource = entry["resource"] as? [String: Any] else {
                    throw ConsentError.invalidRequest("bundle entry \(index + 1) has no resource")
                }
                return try consent(from: resource, entry: index + 1, today: today)
            }
        }
        return [try consent(from: object, entry: 1, today: today)]
    }

    private static func consent(from resource: [String: Any], entry: Int, today: String?) throws -> (consent: ConsentRecord, withdrawal: WithdrawalRecord?) {
        func fail(_ message: String) -> ConsentError { .invalidRequest("FHIR entry \(entry): \(message)") }
        guard resource["resourceType"] as? String == "Consent" else { throw fail("not a Consent resource") }
        guard let status = resource["status"] as? String, ["active", "inactive"].contains(status) else { throw fail("status must be active or inactive") }
        func codings(_ concept: Any?) -> [[String: Any]] { (concept as? [String: Any])?["coding"] as? [[String: Any]] ?? [] }
        guard codings(resource["scope"]).contains(where: { $0["system"] as? String == "http://terminology.hl7.org/CodeSystem/consentscope" && $0["code"] as? String == "patient-privacy" }) else {
            throw fail("scope must be consentscope#patient-privacy")
        }
        guard let concepts = resource["category"] as? [Any], concepts.contains(where: { !codings($0).isEmpty }) else {
            throw fail("category (1..*) is missing")
        }
        guard resource["policyRule"] != nil || !(resource["policy"] as? [Any] ?? []).isEmpty else {
            throw fail("policy or policyRule is missing (ppc-1)")
        }
        guard let subject = ((resource["patient"] as? [String: Any])?["identifier"] as? [String: Any])?["value"] as? String else {
            throw fail("patient.identifier.value (the subject key) is missing")
        }
        guard let grantedAt = resource["dateTime"] as? String else { throw fail("dateTime is missing") }
        guard resource["modifierExtension"] == nil else { throw fail("a modifierExtension is not understood") }
        guard let provision = resource["provision"] as? [String: Any] else { throw fail("provision of type permit is missing") }
        guard provision["type"] as? String == "permit" else { throw fail("only a provision of type permit is understood (a deny is refused)") }
        if provision["provision"] != nil { throw fail("nested provisions are not understood") }
        guard Set(provision.keys).isSubset(of: provisionKeys) else {
            throw fail("provision holds elements this importer does not understand (allowed: \(provisionKeys.sorted().joined(separator: ", ")))")
        }
        guard let start = (provision["period"] as? [String: Any])?["start"] as? String else { throw fail("provision.period.start is missing") }
        let end = (provision["period"] as? [String: Any])?["end"] as? String
        var recipients: [String] = []
        for actor in provision["actor"] as? [[String: Any]] ?? [] {
            let roles = codings(actor["role"])
            guard !roles.isEmpty, roles.allSatisfy({ $0["system"] as? String == participationSystem && $0["code"] as? String == "IRCP" }) else {
                throw fail("an actor's role other than IRCP (information recipient) is not understood")
            }
            guard let display = (actor["reference"] as? [String: Any])?["display"] as? String else { throw fail("an actor without reference.display") }
            recipients.append(display)
        }
        let purposeCodings = provision["purpose"] as? [[String: Any]] ?? []
        guard purposeCodings.allSatisfy({ $0["system"] as? String == purposeSystem }) else { throw fail("a purpose of another code system is not understood") }
        let purposes = purposeCodings.compactMap { $0["code"] as? String }
        let classes = provision["class"] as? [[String: Any]] ?? []
        let categories = classes.compactMap { $0["code"] as? String }
        guard classes.allSatisfy({ $0["system"] as? String == categorySystem }), categories.count == classes.count,
              categories.allSatisfy({ Category(rawValue: $0) != nil }) else {
            throw fail("a data category this importer does not know (known: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard !recipients.isEmpty, purposes.count == 1, !categories.isEmpty else {
            throw fail("provision needs actors, exactly one Diskret purpose and at least one data category")
        }
        let extensions = resource["extension"] as? [[String: Any]] ?? []
        let recordedBy = extensions.first { $0["url"] as? String == recorderExtension }?["valueString"] as? String ?? "fhir-import"
        var withdrawal: WithdrawalRecord?
        if let parts = extensions.first(where: { $0["url"] as? String == withdrawalExtension })?["extension"] as? [[String: Any]] {
            func part(_ name: String, _ key: String) -> String? { parts.first { $0["url"] as? String == name }?[key] as? String }
            guard let at = part("at", "valueDateTime"), let by = part("by", "valueString") else { throw fail("withdrawal needs at and by") }
            withdrawal = WithdrawalRecord(consentID: 0, withdrawnAt: at, withdrawnBy: by, reason: part("reason", "valueString"))
        }
        if status == "inactive" && withdrawal == nil && !(end.map { day in today.map { day < $0 } ?? true } ?? false) {
            throw fail("an inactive consent needs its withdrawal extension or a period that has ended")
        }
        if status == "active" && withdrawal != nil { throw fail("a withdrawn consent cannot be active") }
        let attachment = resource["sourceAttachment"] as? [String: Any]
        let evidence = (resource["sourceReference"] as? [String: Any])?["display"] as? String
            ?? attachment?["title"] as? String ?? attachment?["url"] as? String
        let record = ConsentRecord(subject: subject, purpose: purposes[0], recipients: recipients, categories: Array(Set(categories)).sorted(),
                                   validFrom: start, validUntil: end, grantedAt: grantedAt, recordedBy: recordedBy, evidence: evidence)
        let identifiers = (resource["identifier"] as? [[String: Any]] ?? []).filter { $0["system"] as? String == identifierSystem }
        if let carried = identifiers.first?["value"] as? String, carried != identifier(of: record) {
            throw fail("the consent does not match its Diskret identifier (it was changed after export)")
        }
        return (record, withdrawal)
    }
}

extension ConsentRegistry {
    /// Exports consents (of one subject, or all) as a FHIR Bundle, and records the export in the audit log.
    public func exportFHIR(subject: String? = nil, actor: String) throws -> [String: Any] {
        let rows = try consents(subject: subject).map { ($0.consent, $0.withdrawal) }
        try recordTransfer("export", actor: actor, detail: "fhir consents=\(rows.count)\(subject.map { "; subject=\($0)" } ?? "")")
        return FHIRConsent.bundle(rows, today: today)
    }

    /// Imports FHIR Consents (with their withdrawals) in one transaction, audited; a consent already in the
    /// registry (same identifier) is not added again, only its withdrawal if it is new. Anything the importer
    /// does not understand refuses the whole import. Returns the number of consents added.
    @discardableResult
    public func importFHIR(_ json: Any, actor: String) throws -> Int {
        try importConsents(try FHIRConsent.parse(json, today: today), actor: actor)
    }
}
