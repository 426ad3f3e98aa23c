import Diskret
import Foundation
import Yams

/// A case roster: the persons of one case with their pseudonymous subject keys, roles and known identifiers.
/// Kept by the case worker beside the case (`--roster case.yaml`); never stored in the registry.
public struct Roster: Sendable, Equatable {
    /// The case key ("K-2024-017").
    public var caseKey: String
    /// The persons, in roster order, with placeholders fixed by role: "[Role]" when one person has the role,
    /// "[Role N]" in roster order when several have it, always "[Kind N]" for children, and "[Beteiligte N]"
    /// for persons without a role (distinct from the engine's "[Person N]").
    public var persons: [KnownPerson]

    /// The largest roster `load` reads unless told otherwise: a case has a few dozen persons, a few KB.
    public static let defaultMaxBytes = 1 << 20

    /// Reads a roster from YAML, refusing a file larger than `maxBytes` before reading it; errors name the
    /// line and never echo names, nor the file's name (which can hold one): they say "roster".
    public static func load(path: String, maxBytes: Int = defaultMaxBytes) throws -> Roster {
        let bytes: [UInt8]
        switch BoundedFile.read(path, limit: maxBytes) {
        case let .bytes(read): bytes = read
        case .missing: throw ConsentError.invalidRoster(file: "roster", line: 0, message: "file not found")
        case .unreadable: throw ConsentError.invalidRoster(file: "roster", line: 0, message: "file cannot be read")
        case let .tooLarge(size):
            throw ConsentError.invalidRoster(file: "roster", line: 0, message: "holds \(size) bytes or more, beyond the limit of \(maxBytes) bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConsentError.invalidRoster(file: "roster", line: 0, message: "not readable as UTF-8")
        }
        return try parse(text, file: "roster")
    }

    /// Parses roster YAML.
    public static func parse(_ text: String, file: String = "roster") throws -> Roster {
        let root: Node?
        do {
            // The parser is kept while the tree is walked: it owns the anchors the nodes point to weakly.
            let parser = try Parser(yaml: text)
            root = try parser.singleRoot()
            // Aliases let 273 KB of YAML stand for 25 million names (5,000 persons sharing one list of 5,000),
            // which took 55 s and 441 MB; a roster has no use for them, so any anchor is refused. The walk
            // meets an anchor at its definition, before any alias to it, so it never walks an expansion.
            if let root, let anchored = firstAnchoredNode(root) {
                throw ConsentError.invalidRoster(file: file, line: anchored.mark.map { $0.line } ?? 0,
                                                 message: "YAML anchors and aliases (& and *) are not allowed in a roster")
            }
            withExtendedLifetime(parser) {}
        } catch let error as ConsentError {
            throw error
        } catch {
            // libyaml's problem texts ("did not find expected key") hold no roster content; the snippet is left out.
            switch error as? YamlError {
            case let .scanner(_, problem, mark, _)?, let .parser(_, problem, mark, _)?, let .composer(_, problem, mark, _)?:
                throw ConsentError.invalidRoster(file: file, line: mark.line, message: "not valid YAML: \(problem)")
            case let .duplicatedKeysInMapping(_, context)?:
                throw ConsentError.invalidRoster(file: file, line: context.mark.line, message: "a key appears twice in one mapping")
            default:
                throw ConsentError.invalidRoster(file: file, line: 0, message: "not valid YAML")
            }
        }
        guard let root, let mapping = root.mapping else {
            throw ConsentError.invalidRoster(file: file, line: 0, message: "a roster is a mapping with 'case' and 'persons'")
        }
        func fail(_ node: Node?, _ message: String) -> ConsentError {
            .invalidRoster(file: file, line: node?.mark?.line ?? 0, message: message)
        }
        for (key, _) in mapping where !["case", "persons"].contains(key.string ?? "") {
            throw fail(key, "unknown key (a roster has 'case' and 'persons')")
        }
        guard let caseKey = mapping["case"]?.string, !caseKey.isEmpty else { throw fail(root, "missing 'case'") }
        guard case let .sequence(items)? = mapping["persons"] else { throw fail(mapping["persons"] ?? root, "missing 'persons' list") }
        var persons: [KnownPerson] = []
        var subjects: Set<String> = []
        for item in items {
            guard let person = item.mapping else { throw fail(item, "each person is a mapping") }
            let allowed = ["subject", "role", "names", "birthdate", "addresses", "phones"]
            for (key, _) in person where !allowed.contains(key.string ?? "") {
                // Only a key that is a misspelt field is echoed: an unknown key could be a name.
                let known = key.string.map { k in allowed.contains { $0.count >= 4 && Self.editDistanceAtMostOne(k, $0) } } ?? false
                throw fail(key, known ? "unknown key '\(key.string!)'" : "unknown key (allowed: \(allowed.joined(separator: ", ")))")
            }
            guard let subject = person["subject"]?.string, !subject.isEmpty else { throw fail(item, "a person needs a 'subject' key") }
            guard ConsentRegistry.isSubjectKey(subject) else {
                throw fail(person["subject"], ConsentRegistry.subjectKeyRule)
            }
            func text(_ key: String) throws -> String? {
                guard let node = person[key] else { return nil }
                guard let value = node.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(node, "'\(key)' must be text") }
                return value
            }
            if let role = try text("role"), RosterRole.named(role) == nil { throw fail(person["role"], Self.roleRule) }
            let birthdate = try text("birthdate")
            if let birthdate, !Self.isDate(birthdate) {
                throw fail(person["birthdate"], "'birthdate' must be a date (1988-03-12 or 12.03.1988)")
            }
            guard subjects.insert(subject).inserted else { throw fail(item, "subject \(subject) appears twice") }
            func list(_ key: String) throws -> [String] {
                guard let node = person[key] else { return [] }
                if let single = node.string { return [single] }
                guard case let .sequence(values) = node else { throw fail(node, "'\(key)' must be a list") }
                return try values.map { value in
                    guard let string = value.string, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw fail(value, "items of '\(key)' must be text")
                    }
                    return string
                }
            }
            let names = try list("names")
            if names.isEmpty { throw fail(item, "subject \(subject) has no 'names'") }
            persons.append(KnownPerson(subject: subject, role: try text("role"), names: names,
                                       birthdate: birthdate, addresses: try list("addresses"),
                                       phones: try list("phones"), placeholder: ""))
        }
        return Roster(caseKey: caseKey, persons: assignPlaceholders(persons))
    }

    /// The first node in document order that carries an anchor, if any.
    private static func firstAnchoredNode(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                if let found = firstAnchoredNode(key) ?? firstAnchoredNode(value) { return found }
            }
        case let .sequence(sequence):
            for item in sequence { if let found = firstAnchoredNode(item) { return found } }
        case .scalar, .alias:
            break
        }
        return nil
    }

    /// What a role may be, for messages (the value itself is never echoed: it could be a name).
    static let roleRule = "unknown role; a role is one of " + RosterRole.all.map(\.word).joined(separator: ", ")

    /// An ISO (1988-03-12) or German (12.03.1988) date naming a real day ("1988-02-30" is refused).
    static func isDate(_ text: String) -> Bool {
        let parts = text.contains("-") ? text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                                       : text.split(separator: ".", omittingEmptySubsequences: false).reversed().map(String.init)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1800...2200).contains(year) && CalendarDay(year: year, month: month, day: day) != nil
    }

    /// Whether two keys differ by at most one inserted, deleted or replaced character.
    static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if x.count < y.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }

    static func assignPlaceholders(_ persons: [KnownPerson]) -> [KnownPerson] {
        var counts: [String: Int] = [:]
        for person in persons { counts[person.role ?? "Beteiligte", default: 0] += 1 }
        var seen: [String: Int] = [:]
        return persons.map { person in
            var person = person
            let role = person.role ?? "Beteiligte"
            seen[role, default: 0] += 1
            let numbered = counts[role]! > 1 || role == "Kind" || person.role == nil
            person.placeholder = numbered ? "[\(role) \(seen[role]!)]" : "[\(role)]"
            return person
        }
    }

    /// The person with `subject`, if any.
    public func person(_ subject: String) -> KnownPerson? { persons.first { $0.subject == subject } }

    /// The categories the roster knows for a subject (what a reveal can reveal).
    public func knownCategories(of subject: String) -> Set<Category> {
        guard let person = person(subject) else { return [] }
        var categories: Set<Category> = [.person]
        if person.birthdate != nil { categories.insert(.date) }
        if !person.addresses.isEmpty { categories.insert(.address) }
        if !person.phones.isEmpty { categories.insert(.contact) }
        return categories
    }
}
