/// Writes the replacement of each finding and numbers the placeholders: the same entity always gets the same
/// number, numbers count up per label in order of first appearance, and persons with a known role get it
/// ("[Kindsmutter]" when one person has that role, "[Kind 1]", "[Kind 2]" for children).
struct Masker {
    static let redactionBlock = "█████"
    /// Roles that are always numbered because a case usually has several.
    static let numberedRoles: Set<String> = ["Kind"]
    let policy: MaskingPolicy

    /// The placeholder, redaction block or nil (keep) of each finding; `operators` are the choices of
    /// `MaskingPolicy.choices(for:context:)`, nil for the policy's own (every category a placeholder by
    /// default). Findings of a pseudonymisation operator get their placeholder too: it numbers them like the
    /// rest and is what the `Pseudonymizer` falls back to.
    func replacements(for findings: [Candidate], operators: [MaskingPolicy.Operator]? = nil) -> [String?] {
        // Entities are small numbers from the linker (0, 1, 2, …; -1 before linking), so per-entity facts live
        // in arrays indexed from the smallest: dictionaries keyed by them cost a SipHash per finding.
        // Findings are read by index here and below, field by field: a copy of each retained its label and
        // extras, three or four times per finding.
        var lowest: Int?, highest: Int?
        for index in findings.indices {
            let entity = findings[index].entity
            lowest = min(lowest ?? entity, entity)
            highest = max(highest ?? entity, entity)
        }
        let base = lowest ?? 0
        let slotCount = (highest ?? 0) - base + 1
        // The first person named with a role keeps it. A second person with the same single role
        // ("Lebensgefährte der KM: Hr. …") is more likely a misreading than a second mother, so it is
        // numbered as a plain person; numbered roles ("Kind") count up instead.
        var roles = [String?](repeating: nil, count: slotCount)
        var holders: [String: Int] = [:]
        var entitiesPerRole: [String: Int] = [:]
        // A role the roster gives someone is that person's: a name of the note that is not on the roster and
        // comes with the same single role ("bei seiner Mutter, Gisela Braun" with a roster's Kindsmutter) is
        // not a second mother but someone whose role the note does not make clear.
        for index in findings.indices where findings[index].category == .person && findings[index].subject != nil {
            if let role = findings[index].role, !Self.numberedRoles.contains(role) { holders[role] = -1 }
        }
        for index in findings.indices where findings[index].category == .person && findings[index].subject == nil
            && roles[findings[index].entity - base] == nil {
            guard let role = findings[index].role else { continue }
            let entity = findings[index].entity
            if Self.numberedRoles.contains(role) || holders[role] == nil || holders[role] == entity {
                roles[entity - base] = role
                holders[role] = entity
                entitiesPerRole[role, default: 0] += 1
            }
        }
        var numbers = [Int](repeating: 0, count: slotCount)
        var counters: [String: Int] = [:]
        // Each entity's placeholder with the label it was made for: an entity's findings mostly share one, and
        // interpolating it anew for every finding would be most of this stage's time.
        var placeholders = [(label: String, text: String)?](repeating: nil, count: slotCount)
        // The default policy (placeholders for all) spares each finding a dictionary look-up.
        let allPlaceholders = policy.isDefault
        return findings.indices.map { index -> String? in
            let category = findings[index].category
            switch operators?[index] ?? (allPlaceholders ? .placeholder : policy.operator(for: category, type: findings[index].label.type)) {
            case .keep: return nil
            case .redact: return Self.redactionBlock
            default: break  // placeholders; pseudonymisation operators replace them later (Pseudonymizer)
            }
            if category == .age { return "[Alter]" }
            if let fixed = findings[index].fixedPlaceholder { return fixed }
            let slot = findings[index].entity - base
            var label = findings[index].placeholderLabel
            if category == .person, let role = roles[slot] {
                if entitiesPerRole[role]! == 1 && !Self.numberedRoles.contains(role) { return "[\(role)]" }
                label = role
            }
            if numbers[slot] == 0 {
                // One look-up: the counter is counted up and read in place.
                numbers[slot] = { (counter: inout Int) -> Int in counter += 1; return counter }(&counters[label, default: 0])
            }
            if let placeholder = placeholders[slot], placeholder.label == label { return placeholder.text }
            let text = "[\(label) \(numbers[slot])]"
            placeholders[slot] = (label, text)
            return text
        }
    }
}
