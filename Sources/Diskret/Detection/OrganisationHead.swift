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
            // A finding inside the note's last token ("…_Adam.pdf") covers no token from its start.
            guard first < tokens.count else { continue }
            var start = candidates[position].range.lowerBound
            if category != .organisation {
                if category == .person, let kind = kindBeforeTitle(first, in: text) {
                    start = tokens[kind].start  // "Praxis Dr. Reischl", "Kinderarztpraxis Dr. med. Schaper"
                } else if category == .person, let end = businessWordEnd(after: candidates[position].range, in: text) {
                    // "Stangl Logistik", "Kunz Transporte": a surname before the firm's trade is the firm.
                    added.append(Candidate(range: candidates[position].range.lowerBound..<OrganisationTail.end(after: end, in: text.units),
                                           category: .organisation, label: Self.label, score: max(candidates[position].score, 0.9),
                                           derived: true))
                    continue
                } else {
                    guard first > 0, isKindOfBusiness(first - 1, before: first, in: text) else { continue }
                    if text.key(first - 1).elementsEqual(Self.house) && !isHomeName(first, in: text) { continue }
                    start = tokens[first - 1].start
                }
            }
            let head = text.firstToken(endingAfter: start)
            if let adjective = headingAdjective(before: head, in: text) { start = tokens[adjective].start }
            guard category != .organisation || start != candidates[position].range.lowerBound else { continue }
            let end = OrganisationTail.end(after: candidates[position].range.upperBound, in: text.units)
            added.append(Candidate(range: start..<end, category: .organisation, label: Self.label,
                                   score: max(candidates[position].score, 0.9), derived: true))
        }
        // A kind before a capitalised word that is no common noun names a firm even where no rule found that
        // word ("Dolmetscherdienst Mittelfranken", "Beratungsverbund Peene-Haff").
        var starts = OffsetSet(limit: text.units.count)
        for position in candidates.indices { starts.insert(candidates[position].range.lowerBound) }
        for candidate in added { starts.insert(candidate.range.lowerBound) }
        for index in tokens.indices.dropLast() where tokens[index].isCapitalizedWord
            && (tokens[index].end - tokens[index].start >= 6 || (tokens[index].end - tokens[index].start == 4 && text.key(index).elementsEqual(Self.house)))
            && !starts.contains(tokens[index + 1].start) && !starts.contains(tokens[index].start) {
            var next = index + 1
            // A name that locates the service like a street does ("Familienstützpunkt Am Kürnachbogen",
            // "Beratungsstelle Im Winkel"): the article is part of it.
            if tokens[next].end - tokens[next].start == 2, tokens[next].isCapitalizedWord, next + 1 < tokens.count,
               Self.locatives.contains(where: { text.key(next).elementsEqual($0) }),
               tokens[next + 1].isCapitalizedWord, !tokens[next + 1].flags.contains(.newlineBefore),
               tokens[next + 1].start == tokens[next].end + 1, !lexicon.isCommonWord(text.key(next + 1)) {
                next += 1
            }
            // (Six letters or more, or "Haus" of a home's name ("Haus Moorblick"): the letter kinds "AOK", "BKK" need
            // a name found after them.)
            guard tokens[next].isCapitalizedWord, !tokens[next].flags.contains(.allCaps), tokens[next].end - tokens[next].start >= 3,
                  tokens[index].end - tokens[index].start > 4 ? isKindOfBusiness(index, before: next, in: text) : isHomeName(next, in: text),
                  !lexicon.isCompoundHead(text.key(next)) || isNounName(next, afterServiceKind: index, in: text),
                  !lexicon.isAllowed(text.key(next)), !text.isLabel(next),
                  tokens[index + 1].start == tokens[index].end + 1, text.units[tokens[index].end] == 0x20,
                  !Self.adjectiveEndings.contains(where: { text.key(next).hasSuffix($0) }) else { continue }
            var start = tokens[index].start
            if let adjective = headingAdjective(before: index, in: text) { start = tokens[adjective].start }
            var end = tokens[next].end
            // A hyphenated name runs on: "Peene-Haff".
            var last = next
            while last + 2 < tokens.count, text.isJoiner(last + 1, after: last), tokens[last + 2].isCapitalizedWord,
                  !tokens[last + 2].flags.contains(.spaceBefore) { last += 2; end = tokens[last].end }
            end = OrganisationTail.end(after: end, in: text.units)
            candidates.append(Candidate(range: start..<end, category: .organisation, label: Self.label, score: 0.9, derived: true))
        }
        // A school or clinic named in one word that no dictionary holds ("Sonnenbergschule", "Spreetalklinikum").
        for index in tokens.indices where tokens[index].isCapitalizedWord && tokens[index].end - tokens[index].start >= 9
            && !starts.contains(tokens[index].start) && !tokens[index].flags.contains(.allCaps) {
            let key = text.key(index)
            guard Self.namedInstitutionEndings.contains(where: { key.count >= $0.count + 4 && key.hasSuffix($0) }),
                  !lexicon.isCommonWord(key), !lexicon.isAllowed(key), !lexicon.isKnownName(key),
                  !text.isPartOfCompound(index, isCommonWord: { lexicon.isCommonWord(text.key($0)) }) else { continue }
            candidates.append(Candidate(range: tokens[index].range, category: .organisation, label: Self.label, score: 0.9, derived: true))
        }
        candidates.append(contentsOf: added)
    }

    /// The name after "Haus" of a home or a residential group: a compound noun ("Haus Lindenhof", "Haus
    /// Sonnenhang") or no word at all ("Haus Moorblick"), not a short noun ("Haus Nummer 4", "Haus Ende").
    private func isHomeName(_ index: Int, in text: TokenizedText) -> Bool {
        text.tokens[index].end - text.tokens[index].start >= 8 || !lexicon.isCommonWord(text.key(index))
    }

    /// A counselling service's or shelter's name is often a noun ("Fachberatungsstelle Wegweiser -",
    /// "Kinderschutzhaus Leuchtturm)"): one noun after such a kind, with no word after it on its line.
    private func isNounName(_ index: Int, afterServiceKind kind: Int, in text: TokenizedText) -> Bool {
        let key = text.key(kind)
        guard Self.serviceKindEndings.contains(where: { key.hasSuffix($0) }) else { return false }
        let after = index + 1
        return after >= text.tokens.count || text.tokens[after].flags.contains(.newlineBefore) || !text.tokens[after].isWord
    }

    /// Endings of the kinds of counselling services and shelters.
    private static let serviceKindEndings: [[UInt8]] = ["beratungsstelle", "beratung", "schutzhaus", "frauenhaus", "kinderhaus",
                                                        "notruf", "treff"].map { Array($0.utf8) }

    /// Endings of one-word names of schools and clinics.
    private static let namedInstitutionEndings: [[UInt8]] = ["schule", "klinik", "klinikum", "gymnasium", "kindergarten",
                                                            "kita"].map { Array($0.utf8) }

    /// Whether token `index`, on the line of `next` and one space before it, names a kind of business.
    private func isKindOfBusiness(_ index: Int, before next: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isWord, text.tokens[next].flags.contains(.spaceBefore), !text.tokens[next].flags.contains(.newlineBefore)
        else { return false }
        let key = text.key(index)
        // The set look-ups copy the key: only words short enough to be in the sets are asked.
        // A handful of keys of three bytes at most: compared in place, without an array made per word.
        if key.count <= Self.longestShortKind { return Self.shortKindList.contains { $0.elementsEqual(key) } }
        // Small letters only in a note typed in small letters: the kind is then written like its name.
        guard token.isCapitalizedWord || text.tokens[next].flags.contains(.lowercase), let last = key.last else { return false }
        // Only the endings with the word's last byte are tried (asked for most capitalised words before a name).
        if Self.kindEndingsByLastByte[Int(last)].contains(where: { key.count >= $0.count + 2 && key.hasSuffix($0) })
            || (key.count <= Self.longestKind && Self.kindList.contains { $0.count == key.count && $0.elementsEqual(key) }) { return true }
        // A counselling service is named by a proper name ("Familienberatung Roma-Brücke"), its topic by a noun
        // ("Fachberatung Kinderschutz", "Verfahrensberatung Termin").
        return key.count >= Self.counselling.count + 2 && key.hasSuffix(Self.counselling) && !lexicon.isCommonWord(text.key(next))
    }

    /// The kind of practice before a doctor's title before the name at token `first` ("Praxis Dr. Reischl",
    /// "Kinderarztpraxis Dr. med. Schaper & Kollegen"): the practice is named after the doctor.
    private func kindBeforeTitle(_ first: Int, in text: TokenizedText) -> Int? {
        var index = first - 1
        for _ in 0..<2 {  // "Dr." and "med." each a word and a full stop
            guard index >= 2, text.units[text.tokens[index].start] == 0x2E, text.tokens[index].end - text.tokens[index].start == 1,
                  Self.titleList.contains(where: { $0.elementsEqual(text.key(index - 1)) }) else { break }
            index -= 2
        }
        guard index < first - 1, index >= 0, text.tokens[index].isCapitalizedWord,
              Self.practiceEndings.contains(where: { text.key(index).hasSuffix($0) }),
              !text.tokens[index + 1].flags.contains(.newlineBefore) else { return nil }
        return index
    }

    private static let titles: Set<[UInt8]> = Set(["dr", "med", "prof", "dent", "vet"].map { Array($0.utf8) })
    /// `titles` compared in place, without an array made per word.
    private static let titleList = Array(titles)
    private static let practiceEndings: [[UInt8]] = ["praxis", "kanzlei", "zahnaerzte", "aerzte", "klinik", "zentrum", "labor"]
        .map { Array($0.utf8) }

    /// The end of a trade word right after a surname, on its line ("Stangl Logistik", "Kunz Transporte",
    /// "Demir Gebäudeservice"); nil when none follows.
    private func businessWordEnd(after range: Range<Int>, in text: TokenizedText) -> Int? {
        let next = text.firstToken(endingAfter: range.upperBound)
        guard next < text.tokens.count, text.tokens[next].start == range.upperBound + 1, text.units[range.upperBound] == 0x20,
              text.tokens[next].isCapitalizedWord, !text.tokens[next].flags.contains(.allCaps) else { return nil }
        let key = text.key(next)
        guard Self.tradeEndings.contains(where: { key.count >= $0.count && key.hasSuffix($0) }) else { return nil }
        return text.tokens[next].end
    }

    /// Endings of the trades a firm named after its owner carries behind the name.
    private static let tradeEndings: [[UInt8]] = ["logistik", "transporte", "transport", "technik", "bau", "service",
        "handel", "reinigung", "immobilien", "elektro", "systeme", "automobile", "montage", "spedition"].map { Array($0.utf8) }

    /// "Frauenberatung und" before token `index`: a second kind of service joined by "und" names one service
    /// ("Frauenberatung und Interventionsstelle Ostholstein").
    private func joinedKindStart(before index: Int, in text: TokenizedText) -> Int? {
        guard index >= 2, text.key(index - 1).elementsEqual(Self.and), text.tokens[index - 2].isCapitalizedWord,
              !text.tokens[index - 1].flags.contains(.newlineBefore), !text.tokens[index - 2].flags.contains(.allCaps) else { return nil }
        let key = text.key(index - 2), kind = text.key(index)
        guard Self.serviceKindEndings.contains(where: { key.count > $0.count && key.hasSuffix($0) }),
              Self.serviceKindEndings.contains(where: { kind.hasSuffix($0) }) || Self.kindEndings.contains(where: { kind.hasSuffix($0) })
        else { return nil }
        return index - 2
    }

    /// The start of "Kinder- und" before token `index`: a word glued to a hyphen, then "und".
    private func sharedCompoundStart(before index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens, units = text.units
        guard index >= 3, text.key(index - 1).elementsEqual(Self.and), units[tokens[index - 2].start] == 0x2D,
              !tokens[index - 2].flags.contains(.spaceBefore), tokens[index - 3].isCapitalizedWord,
              !tokens[index - 1].flags.contains(.newlineBefore) else { return nil }
        return index - 3
    }

    private static let and = Array("und".utf8)
    /// "Am", "Im": a service named after where it stands.
    private static let locatives: [[UInt8]] = [Array("am".utf8), Array("im".utf8)]

    /// The adjective ending in an institution's name before token `index` ("Staatl.", "Städtische",
    /// "Katholische"), on the same line; nil when there is none.
    private func headingAdjective(before index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens
        guard index > 0, !tokens[index].flags.contains(.newlineBefore), tokens[index].flags.contains(.spaceBefore) else { return nil }
        // "Kinder- und Jugendklinik": the first part of a shared compound belongs to the name.
        if let joined = sharedCompoundStart(before: index, in: text) ?? joinedKindStart(before: index, in: text) { return joined }
        var word = index - 1
        // "Staatl." : the full stop is a token of its own.
        if text.units[tokens[word].start] == 0x2E, tokens[word].end - tokens[word].start == 1, word > 0 { word -= 1 }
        let key = text.key(word)
        guard tokens[word].isCapitalizedWord,
              Self.headingAdjectives.contains(Array(key)) || Self.adjectiveEndings.contains(where: { key.count > $0.count + 3 && key.hasSuffix($0) })
        else { return nil }
        return sharedCompoundStart(before: word, in: text) ?? word
    }

    /// Endings of the adjectives that head institutions' names ("Heilpädagogische", "Kinderpsychiatrische").
    private static let adjectiveEndings: [[UInt8]] = ["ische", "ischen", "liche", "lichen"].map { Array($0.utf8) }

    /// Endings of words for kinds of business and institution. Keys are case-folded with umlauts spelt out
    /// ("städt" is "staedt").
    private static let kindEndings: [[UInt8]] = [
        "erei", "studio", "service", "werk", "werke", "heim", "halle", "markt", "bank", "kasse", "betrieb", "betriebe",
        "firma", "dienst", "praxis", "klinik", "schule", "zentrum", "verein", "genossenschaft", "gesellschaft",
        "institut", "agentur", "laden", "salon", "werkstatt", "handel", "technik", "transporte", "logistik",
        "hof", "haus", "stube", "stelle", "ambulanz", "verbund", "kanzlei", "apotheke", "unternehmen",
        "buero", "wohngruppe", "sanitaer", "projekt", "stuetzpunkt", "treffpunkt", "netzwerk",
    ].map { Array($0.utf8) }

    private static let counselling = Array("beratung".utf8)

    /// Kinds that are short or end otherwise.
    private static let kinds: Set<[UInt8]> = Set(["studio", "salon", "kiosk", "imbiss", "cafe", "bistro", "hotel",
        "taxi", "lager", "markt", "gebr", "spital", "haus", "umzuege",
        "bedachungen", "sanitaer"].map { Array($0.utf8) })
    private static let house = Array("haus".utf8)

    /// Health insurers and banks written as letters: "AOK Nordost", "BKK Lech-Donau".
    private static let shortKinds: Set<[UInt8]> = Set(["aok", "bkk", "ikk", "dak", "kkh", "hkk", "vr"].map { Array($0.utf8) })
    private static let shortKindList = Array(shortKinds)
    /// `kinds` compared in place, length first: a set look-up made an array of every word.
    private static let kindList = Array(kinds)
    private static let longestShortKind = shortKinds.map(\.count).max() ?? 0
    /// `kindEndings` grouped by their last byte.
    private static let kindEndingsByLastByte: [[[UInt8]]] = (0..<256).map { byte in kindEndings.filter { $0.last == UInt8(byte) } }
    private static let longestKind = kinds.map(\.count).max() ?? 0

    /// Adjectives that begin the names of schools, institutions and charities.
    private static let headingAdjectives: Set<[UInt8]> = Set([
        "staatl", "staatliche", "staatlichen", "staedt", "staedtische", "staedtischen", "kath", "katholische",
        "katholischen", "ev", "evang", "evangelische", "evangelischen", "priv", "private", "privaten", "freie", "freien",
        "regionale", "regionalen", "kommunale", "integrierte", "berufsbildende", "bischoefliche", "gemeinnuetzige",
        "kirchliche", "diakonische", "internationale", "oeffentliche",
    ].map { Array($0.utf8) })
}
