import Testing
@testable import Diskret

/// Placeholder numbering on findings as the linker leaves them (entity numbers set).
@Suite struct MaskerTests {
    private func finding(_ category: Category, _ type: String, entity: Int, role: String? = nil) -> Candidate {
        var candidate = Candidate(range: 0..<1, category: category, label: RuleLabel(rule: "test", type: type), score: 1, role: role)
        candidate.entity = entity
        return candidate
    }

    @Test func numbersCountPerLabelInOrderOfFirstAppearance() {
        let findings = [finding(.person, "person.name", entity: 3), finding(.date, "date.numeric", entity: 0),
                        finding(.person, "person.name", entity: 1), finding(.person, "person.name", entity: 3),
                        finding(.date, "date.numeric", entity: 2), finding(.date, "date.numeric", entity: 0)]
        #expect(Masker(policy: .default).replacements(for: findings)
                == ["[Person 1]", "[Datum 1]", "[Person 2]", "[Person 1]", "[Datum 2]", "[Datum 1]"])
    }

    /// One entity can carry two labels (a number written once as a phone, once as a fax number): each
    /// finding keeps its own label with the entity's number.
    @Test func anEntityKeepsItsNumberUnderAnotherLabel() {
        let findings = [finding(.contact, "contact.phone", entity: 0), finding(.contact, "contact.fax", entity: 0),
                        finding(.contact, "contact.phone", entity: 0), finding(.contact, "contact.fax", entity: 1)]
        #expect(Masker(policy: .default).replacements(for: findings) == ["[Telefon 1]", "[Fax 1]", "[Telefon 1]", "[Fax 1]"])
    }

    /// A single role names its person; a second person with it is numbered as a person; "Kind" counts up.
    @Test func rolesNameTheirPersons() {
        let findings = [finding(.person, "person.name", entity: 0, role: "Kindsmutter"),
                        finding(.person, "person.name", entity: 1, role: "Kindsmutter"),
                        finding(.person, "person.name", entity: 2, role: "Kind"), finding(.person, "person.name", entity: 3, role: "Kind"),
                        finding(.person, "person.name", entity: 0), finding(.person, "person.name", entity: 2)]
        #expect(Masker(policy: .default).replacements(for: findings)
                == ["[Kindsmutter]", "[Person 1]", "[Kind 1]", "[Kind 2]", "[Kindsmutter]", "[Kind 1]"])
    }

    /// Findings not yet linked (entity -1) still get placeholders; a policy's operators apply per category.
    @Test func unlinkedFindingsAndPolicies() throws {
        let findings = [finding(.person, "person.name", entity: -1), finding(.date, "date.numeric", entity: -1)]
        #expect(Masker(policy: .default).replacements(for: findings) == ["[Person 1]", "[Datum 1]"])
        let policy = try MaskingPolicy(parsing: "date=redact,person=keep")
        #expect(Masker(policy: policy).replacements(for: findings) == [nil, Masker.redactionBlock])
    }

    /// A finding type's operator goes over its category's, for the type and its subtypes only.
    @Test func typeOperatorsOverruleTheirCategory() throws {
        let findings = [finding(.date, "date.relative", entity: 0), finding(.date, "date.relative.weekday", entity: 1),
                        finding(.date, "date.numeric", entity: 2)]
        let policy = try MaskingPolicy(parsing: "date=redact,date.relative=keep")
        #expect(Masker(policy: policy).replacements(for: findings) == [nil, nil, Masker.redactionBlock])
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "date.relative=shift") }
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "dates.relative=keep") }
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "date..x=keep") }
    }
}
