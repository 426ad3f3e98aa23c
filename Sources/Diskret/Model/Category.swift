/// The coarse categories of personal data; their raw values are the stable identifiers used in reports.
public enum Category: String, Codable, Sendable, CaseIterable, Comparable {
    case person, date, age, address, organisation, contact, id

    /// The German word of the default placeholder ("[Person 1]").
    public var placeholderLabel: String {
        switch self {
        case .person: return "Person"
        case .date: return "Datum"
        case .age: return "Alter"
        case .address: return "Adresse"
        case .organisation: return "Einrichtung"
        case .contact: return "Kontakt"
        case .id: return "Kennung"
        }
    }

    /// Which category wins a tie in overlap resolution: structured identifiers first, names last.
    var tieBreakRank: Int {
        switch self {
        case .id: return 0
        case .contact: return 1
        case .date: return 2
        case .age: return 3
        case .address: return 4
        case .person: return 5
        case .organisation: return 6
        }
    }

    /// Orders categories by their tie-break rank (identifiers first, names last).
    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.tieBreakRank < rhs.tieBreakRank }
}
