/// The gender a note gives one mention of a person, from evidence bound to that mention only: "Frau"/"Herr"
/// right before it (over a title), a gendered role word, a first name that one gendered list alone holds.
/// Nil when nothing says: linking and roles must never guess a gender, since a guess that crosses genders
/// puts an act on the wrong person.
enum MentionGender: Sendable, Equatable {
    case female, male

    /// Roles whose word names a gender ("Kindsmutter", "Partner"); "Kind", "Geschwister" name none.
    static func of(role: String) -> MentionGender? {
        if femaleRoles.contains(role) { return .female }
        if maleRoles.contains(role) { return .male }
        return nil
    }

    private static let femaleRoles: Set<String> = ["Kindsmutter", "Großmutter", "Stiefmutter", "Verwandte", "Partnerin", "Nachbarin"]
    private static let maleRoles: Set<String> = ["Kindsvater", "Großvater", "Stiefvater", "Verwandter", "Partner", "Nachbar"]

    /// "f"/"m", the spelling the surrogate lists use.
    var letter: String { self == .female ? "f" : "m" }

    /// The honorific right before `offset`, looking back over full stops and academic titles ("Frau Dr. med.").
    static func honorific(before offset: Int, in text: TokenizedText) -> MentionGender? {
        var index = text.firstToken(endingAfter: offset) - 1
        var steps = 0
        while index >= 0 && steps < 5 {
            switch text.key(index) {
            case Self.frau, Self.fr: return .female
            case Self.herr, Self.herrn, Self.hr, Self.hrn: return .male
            case Self.stop, Self.doctor, Self.professor, Self.medicine: index -= 1; steps += 1
            default: return nil
            }
        }
        return nil
    }

    private static let frau = Array("frau".utf8)[...], fr = Array("fr".utf8)[...]
    private static let herr = Array("herr".utf8)[...], herrn = Array("herrn".utf8)[...]
    private static let hr = Array("hr".utf8)[...], hrn = Array("hrn".utf8)[...]
    private static let stop = Array(".".utf8)[...], doctor = Array("dr".utf8)[...]
    private static let professor = Array("prof".utf8)[...], medicine = Array("med".utf8)[...]

    /// Whether a folded key is an honorific or an academic title ("herr", "fr", "dr"): a span that took one in
    /// still names the person by its other words.
    static func isHonorificOrTitle(_ key: ArraySlice<UInt8>) -> Bool {
        switch key {
        case Self.frau, Self.fr, Self.herr, Self.herrn, Self.hr, Self.hrn, Self.doctor, Self.professor, Self.medicine: return true
        default: return false
        }
    }

    /// The gender of one mention: its honorific, else its role word, else its first word when one gendered
    /// first-name list alone holds it (a single word only when it is no surname). Conflicting evidence gives nil.
    static func of(_ finding: Candidate, in text: TokenizedText, lexicon: Lexicon) -> MentionGender? {
        let honorific = honorific(before: finding.range.lowerBound, in: text)
        let role = finding.role.flatMap(of(role:))
        if let honorific, let role, honorific != role { return nil }
        if let known = honorific ?? role { return known }
        // The first name word and whether another follows, without an array per mention (asked for every one).
        var first: Int? = nil, several = false
        for index in tokenIndices(of: finding.range, in: text) where text.tokens[index].isWord && text.tokens[index].end - text.tokens[index].start >= 2 {
            if first == nil { first = index } else { several = true; break }
        }
        guard let first else { return nil }
        // A single word is a first name only when no surname list holds it too ("Anna", not "Werner").
        if !several && lexicon.isSurname(text.key(first)) { return nil }
        return lexicon.firstNameGender(text.key(first))
    }
}
