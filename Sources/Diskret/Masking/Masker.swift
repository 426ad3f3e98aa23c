/// Writes the replacement of each finding and numbers the placeholders: the same entity always gets the same
/// number, numbers count up per label in order of first appearance, and persons with a known role get it
/// ("[Kindsmutter]" when one person has that role, "[Kind 1]", "[Kind 2]" for children).
struct Masker {
    static let redactionBlock = "█████"
    /// Roles that are always numbered because a case usually has several.
    static let numberedRoles: Set<String> = ["Kind"]
    let policy: MaskingPolicy

    func replacements(for findings: [Candidate]) -> [String?] {
        // The first person named with a role keeps it. A second person with the same single role
        // ("Lebensgefährte der KM: Hr. …") is more likely a misreading than a second mother, so it is
        // numbered as a plain person; numbered roles ("Kind") count up instead.
        var roles: [Int: String] = [:]
        var holders: [String: Int] = [:]
        for finding in findings where finding.category == .person && finding.subject == nil && roles[finding.entity] == nil {
            guard let role = finding.role else { continue }
            if Self.numberedRoles.contains(role) || holders[role] == nil || holders[role] == finding.entity {
                roles[finding.entity] = role
                holders[role] = finding.entity
            }
        }
        var entitiesPerRole: [String: Set<Int>] = [:]
        for (entity, role) in roles { entitiesPerRole[role, default: []].insert(entity) }
        var numbers: [Int: Int] = [:]
        var counters: [String: Int] = [:]
        return findings.map { finding -> String? in
            switch policy.operator(for: finding.category) {
            case .keep: return nil
            case .redact: return Self.redactionBlock
            default: break  // placeholders; pseudonymisation operators replace them later (Pseudonymizer)
            }
            if finding.category == .age { return "[Alter]" }
            if let fixed = finding.fixedPlaceholder { return fixed }
            var label = label(for: finding)
            if finding.category == .person, let role = roles[finding.entity] {
                if entitiesPerRole[role]!.count == 1 && !Self.numberedRoles.contains(role) { return "[\(role)]" }
                label = role
            }
            if numbers[finding.entity] == nil {
                counters[label, default: 0] += 1
                numbers[finding.entity] = counters[label]!
            }
            return "[\(label) \(numbers[finding.entity]!)]"
        }
    }

    private func label(for finding: Candidate) -> String {
        if finding.category == .contact {
            if finding.type.hasPrefix("contact.phone") { return "Telefon" }
            if finding.type.hasPrefix("contact.fax") { return "Fax" }
            if finding.type.hasPrefix("contact.email") { return "E-Mail" }
        }
        return finding.category.placeholderLabel
    }
}
