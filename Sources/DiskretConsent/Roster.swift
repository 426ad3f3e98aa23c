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

    /// Reads a roster from YAML; errors name the line and never echo names.
    public static func load(path: String) throws -> Roster {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConsentError.invalidRoster(file: path, line: 0, message: "not readable as UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Parses roster YAML.
    public static func parse(_ text: String, file: String = "roster") throws -> Roster {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConsentError.invalidRoster(file: file, line: 0, message: "not valid YAML")
        }
        guard let root, let mapping = root.mapping else {
            throw ConsentError.invalidRoster(file: file, line: 0, message: "a roster is a mapping with 'case' and 'persons'")
        }
        func fail(_ node: Node?, _ message: String) -> ConsentError {
            .invalidRoster(file: file, line: node?.mark?.line ?? 0, message: message)
        }
        guard let caseKey = mapping["case"]?.string, !caseKey.isEmpty else { throw fail(root, "missing 'case'") }
        guard case let .sequence(items)? = mapping["persons"] else { throw fail(root, "missing 'persons' list") }
        var persons: [KnownPerson] = []
        var subjects: Set<String> = []
        for item in items {
            guard let person = item.mapping else { throw fail(item, "each person is a mapping") }
            for (key, _) in person where !["subject", "role", "names", "birthdate", "addresses", "phones"].contains(key.string ?? "") {
                throw fail(key, "unknown key '\(key.string ?? "?")'")
            }
            guard let subject = person["subject"]?.string, !subject.isEmpty else { throw fail(item, "a person needs a 'subject' key") }
            guard subjects.insert(subject).inserted else { throw fail(item, "subject \(subject) appears twice") }
            func list(_ key: String) throws -> [String] {
                guard let node = person[key] else { return [] }
                if let single = node.string { return [single] }
                guard case let .sequence(values) = node else { throw fail(node, "'\(key)' must be a list") }
                return try values.map { value in
                    guard let string = value.string else { throw fail(value, "items of '\(key)' must be text") }
                    return string
                }
            }
            let names = try list("names")
            if names.isEmpty { throw fail(item, "subject \(subject) has no 'names'") }
            persons.append(KnownPerson(subject: subject, role: person["role"]?.string, names: names,
                                       birthdate: person["birthdate"]?.string, addresses: try list("addresses"),
                                       phones: try list("phones"), placeholder: ""))
        }
        return Roster(caseKey: caseKey, persons: assignPlaceholders(persons))
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
