/// The role words a case roster may give a person, with the short code notes and subject keys use and the
/// grammatical gender the word implies. A closed list: a role is printed as the person's placeholder, so a
/// free text there ("Frau Zyprianowska") would put a name into every masked note.
package struct RosterRole: Sendable, Equatable {
    /// Grammatical gender of a role word or a form of address.
    package enum Gender: Sendable { case female, male }

    /// The role word as written in rosters and placeholders ("Kindsmutter").
    package let word: String
    /// The short code notes and subject keys use ("KM").
    package let code: String
    /// Female, male, or nil for words of either ("Kind").
    package let gender: Gender?
    /// Roles that name the same position in a family ("Mutter" and "Kindsmutter"): a note calling the
    /// person by either is no conflict.
    package let kin: String

    /// Every role a roster may use, documented in the README's consent section.
    package static let all: [RosterRole] = [
        RosterRole(word: "Kindsmutter", code: "KM", gender: .female, kin: "mother"),
        RosterRole(word: "Mutter", code: "M", gender: .female, kin: "mother"),
        RosterRole(word: "Kindsvater", code: "KV", gender: .male, kin: "father"),
        RosterRole(word: "Vater", code: "V", gender: .male, kin: "father"),
        RosterRole(word: "Kind", code: "K", gender: nil, kin: "child"),
        RosterRole(word: "Tochter", code: "T", gender: .female, kin: "child"),
        RosterRole(word: "Sohn", code: "S", gender: .male, kin: "child"),
        RosterRole(word: "Stiefmutter", code: "SM", gender: .female, kin: "stepmother"),
        RosterRole(word: "Stiefvater", code: "SV", gender: .male, kin: "stepfather"),
        RosterRole(word: "Pflegemutter", code: "PM", gender: .female, kin: "fostermother"),
        RosterRole(word: "Pflegevater", code: "PV", gender: .male, kin: "fosterfather"),
        RosterRole(word: "Großmutter", code: "GM", gender: .female, kin: "grandmother"),
        RosterRole(word: "Großvater", code: "GV", gender: .male, kin: "grandfather"),
        RosterRole(word: "Schwester", code: "SW", gender: .female, kin: "sibling"),
        RosterRole(word: "Bruder", code: "BR", gender: .male, kin: "sibling"),
        RosterRole(word: "Partnerin", code: "PA", gender: .female, kin: "partner"),
        RosterRole(word: "Partner", code: "PA", gender: .male, kin: "partner"),
        RosterRole(word: "Beteiligte", code: "B", gender: nil, kin: "other"),
    ]

    /// The role with this word, exactly as listed.
    package static func named(_ word: String) -> RosterRole? { all.first { $0.word == word } }

    /// Forms of address before a name and the gender they imply (folded keys, as the tokenizer makes them).
    package static let addressForms: [String: Gender] = ["frau": .female, "fr": .female, "herr": .male, "herrn": .male, "hr": .male]
}
