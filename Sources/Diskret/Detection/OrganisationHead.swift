/// A name found right after a word that names a kind of business or institution is that firm's name, and the
/// two are one organisation: "Autoservice Janssen", "Sägewerk Hettich", "Schlosserei Mayr Oberstdorf",
/// "bäckerei ehlers". The kind is told by how the word ends (-erei, -studio, -werk, -heim, -kasse …), so
/// kinds no list holds are read as well; left readable before a masked surname, the kind and the town
/// still point to the one workshop where a person works. An adjective that heads an institution's name
/// ("Staatl. Grundschule …", "Katholische Jugendfürsorge …") joins an organisation found after it.
struct OrganisationHead {
    static let label = RuleLabel(rule: "engine.organisation-head", type: "organisation")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var added: [Candidate] = []
        for position in candidates.indices where candidates[position].score >= threshold {
            let category = candidates[position].category
            guard category == .person || category == .address || category == .organisation else { continue }
            let first = tokenIndices(of: candidates[position].range, in: text).lowerBound
            var start = candidates[position].range.lowerBound
            if category != .organisation {
                guard first > 0, isKindOfBusiness(first - 1, before: first, in: text) else { continue }
                start = tokens[first - 1].start
            }
            let head = text.firstToken(endingAfter: start)
            if let adjective = headingAdjective(before: head, in: text) { start = tokens[adjective].start }
            guard category != .organisation || start != candidates[position].range.lowerBound else { continue }
            let end = OrganisationTail.end(after: candidates[position].range.upperBound, in: text.units)
            added.append(Candidate(range: start..<end, category: .organisation, label: Self.label,
                                   score: max(candidates[position].score, 0.9), derived: true))
        }
        candidates.append(contentsOf: added)
    }

    /// Whether token `index`, on the line of `next` and one space before it, names a kind of business.
    private func isKindOfBusiness(_ index: Int, before next: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isWord, text.tokens[next].flags.contains(.spaceBefore), !text.tokens[next].flags.contains(.newlineBefore),
              token.end - token.start >= 3 || Self.shortKinds.contains(Array(text.key(index))) else { return false }
        let key = text.key(index)
        if Self.shortKinds.contains(Array(key)) { return true }
        // Small letters only in a note typed in small letters: the kind is then written like its name.
        guard token.isCapitalizedWord || text.tokens[next].flags.contains(.lowercase) else { return false }
        return Self.kindEndings.contains { key.count >= $0.count + 2 && key.hasSuffix($0) } || Self.kinds.contains(Array(key))
    }

    /// The adjective ending in an institution's name before token `index` ("Staatl.", "Städtische",
    /// "Katholische"), on the same line; nil when there is none.
    private func headingAdjective(before index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens
        guard index > 0, !tokens[index].flags.contains(.newlineBefore), tokens[index].flags.contains(.spaceBefore) else { return nil }
        var word = index - 1
        // "Staatl." : the full stop is a token of its own.
        if text.units[tokens[word].start] == 0x2E, tokens[word].end - tokens[word].start == 1, word > 0 { word -= 1 }
        guard tokens[word].isCapitalizedWord, Self.headingAdjectives.contains(Array(text.key(word))) else { return nil }
        return word
    }

    /// Endings of words for kinds of business and institution. Keys are case-folded with umlauts spelt out
    /// ("städt" is "staedt").
    private static let kindEndings: [[UInt8]] = [
        "erei", "studio", "service", "werk", "werke", "heim", "halle", "markt", "bank", "kasse", "betrieb", "betriebe",
        "firma", "dienst", "praxis", "klinik", "schule", "zentrum", "verein", "genossenschaft", "gesellschaft",
        "institut", "agentur", "laden", "salon", "werkstatt", "handel", "technik", "transporte", "logistik",
        "hof", "haus", "stube", "stelle", "ambulanz", "verbund", "kanzlei", "apotheke",
    ].map { Array($0.utf8) }

    /// Kinds that are short or end otherwise.
    private static let kinds: Set<[UInt8]> = Set(["studio", "salon", "kiosk", "imbiss", "cafe", "bistro", "hotel",
        "taxi", "lager", "markt", "gebr", "spital"].map { Array($0.utf8) })

    /// Health insurers and banks written as letters: "AOK Nordost", "BKK Lech-Donau".
    private static let shortKinds: Set<[UInt8]> = Set(["aok", "bkk", "ikk", "dak", "kkh", "hkk", "vr"].map { Array($0.utf8) })

    /// Adjectives that begin the names of schools, institutions and charities.
    private static let headingAdjectives: Set<[UInt8]> = Set([
        "staatl", "staatliche", "staatlichen", "staedt", "staedtische", "staedtischen", "kath", "katholische",
        "katholischen", "ev", "evang", "evangelische", "evangelischen", "priv", "private", "privaten", "freie", "freien",
        "regionale", "regionalen", "kommunale", "integrierte", "berufsbildende", "bischoefliche", "gemeinnuetzige",
        "kirchliche", "diakonische", "internationale", "oeffentliche",
    ].map { Array($0.utf8) })
}
