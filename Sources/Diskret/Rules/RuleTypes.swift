/// A `type` value the engine branches on, with the contract a rule must keep to use it.
struct RuleType: Sendable {
    /// The type as written.
    let name: String
    /// How the engine recognises the type.
    let match: Match
    /// The kinds of rule that may carry it; empty for every kind that has a category.
    let kinds: [RuleDefinition.Kind]
    /// What the engine does with it.
    let meaning: String

    /// How the engine compares a finding's type with this one.
    enum Match: Sendable {
        /// Equal only.
        case exact
        /// `hasPrefix`: subtypes (`contact.phone.mobile`) mean the same.
        case prefix
        /// `hasSuffix` of the last part (`firstname`).
        case suffix
    }

    /// Whether the engine reads `type` as this one.
    func isRead(as type: String) -> Bool {
        switch match {
        case .exact: return type == name
        case .prefix: return type.hasPrefix(name)
        case .suffix: return type.hasSuffix(name.split(separator: ".").last.map(String.init) ?? name)
        }
    }

    /// Whether `type` is this one or, where the engine allows it, a subtype of it.
    func isWritten(as type: String) -> Bool { type == name || (match == .prefix && type.hasPrefix(name + ".")) }
}

/// The types the engine reads, and the check every rule's `type` passes when the pack loads: a type is its
/// category or `category.subtype` (lower-case letters, digits, hyphens), a type the engine would read as one
/// of its own must be that one, and it keeps to that type's contract. Without the check a type such as
/// "contact.phonebook" or "person.given-firstname" silently changed what the engine did with the findings.
enum RuleTypes {
    static let engine: [RuleType] = [
        RuleType(name: "person.firstname", match: .suffix, kinds: [.wordlist],
                 meaning: "The rule's lists are the first-name lexicon: evidence for a surname next to a first name, the gender of a mention (lists named `*-f.txt`, `*-m.txt`), first-name surrogates."),
        RuleType(name: "person.surname", match: .suffix, kinds: [.wordlist],
                 meaning: "The rule's lists are the surname lexicon: evidence next to a first name, surname surrogates."),
        RuleType(name: "date.birth", match: .exact, kinds: [],
                 meaning: "A birth date: `relative` and `shift` write an age instead of a shifted day."),
        RuleType(name: "contact.phone", match: .prefix, kinds: [], meaning: "Placeholder `[Telefon N]`; a pseudonym keeps the shape of a phone number."),
        RuleType(name: "contact.fax", match: .prefix, kinds: [], meaning: "Placeholder `[Fax N]`; a pseudonym keeps the shape of a phone number."),
        RuleType(name: "contact.email", match: .prefix, kinds: [], meaning: "Placeholder `[E-Mail N]`; a pseudonym is an address at example.org."),
        RuleType(name: "contact.url", match: .prefix, kinds: [], meaning: "A pseudonym is a URL at example.org."),
        RuleType(name: "contact.handle", match: .prefix, kinds: [], meaning: "A pseudonym is a handle `@nutzer_…`."),
        RuleType(name: "id.iban", match: .exact, kinds: [], meaning: "A pseudonym is an IBAN with valid check digits."),
        RuleType(name: "address.postcode", match: .exact, kinds: [], meaning: "A surrogate is a postcode."),
        RuleType(name: "address.city", match: .exact, kinds: [], meaning: "A surrogate is a town from the pack's place list."),
        RuleType(name: "address.street", match: .exact, kinds: [], meaning: "A surrogate is a street with a house number."),
    ]

    /// Checks `rule`'s type; the error names the rule file and line.
    static func check(_ rule: RuleDefinition) throws(DiskretError) {
        func refuse(_ message: String) -> DiskretError {
            .invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): type '\(rule.type)' \(message)")
        }
        guard let category = rule.category else {
            // Allow rules have no category, and their type is fixed.
            guard rule.type == "allow" else { throw refuse("is not allowed here: a rule without a category has no type") }
            return
        }
        let parts = rule.type.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D } }) else {
            throw refuse("must be lower-case words joined by '.' (such as \(category.rawValue).name)")
        }
        guard parts[0] == category.rawValue else { throw refuse("must start with the rule's category '\(category.rawValue)'") }
        for known in engine where known.isRead(as: rule.type) {
            guard known.isWritten(as: rule.type) else {
                throw refuse("would be read as the engine's type '\(known.name)' without being it; write '\(known.name)' or choose another name")
            }
            if !known.kinds.isEmpty && !known.kinds.contains(rule.kind) {
                throw refuse("is only for \(known.kinds.map(\.rawValue).joined(separator: ", ")) rules: \(known.meaning)")
            }
        }
    }

    /// The types table of Rules/README.md.
    static func markdown() -> String {
        var lines = ["| type | rules | what the engine does |", "|---|---|---|"]
        for type in engine {
            let name = type.match == .prefix ? "`\(type.name)`, `\(type.name).…`" : "`\(type.name)`"
            let kinds = type.kinds.isEmpty ? "any" : type.kinds.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            lines.append("| \(name) | \(kinds) | \(type.meaning) |")
        }
        return lines.joined(separator: "\n")
    }
}
