/// The word right after a first name is its surname when no dictionary knows it as a common word: "sascha
/// brückner", "Kerstin Wollenberg". Typed in lower case, no name list would take the surname; capitalised,
/// it may be a compound of nouns ("Wollen-berg") or a street's name that the lists read as something else; a
/// noun itself only where a table cell, an age bracket or a birth ends the name ("Emil Bruder (3) |",
/// "Ben Schwarz, geb. …") or the name opens a bracket ("(Gisela Ruf, Mahlberg)").
/// The word must be written like the first name (both lower case or both capitalised) and stand on its line.
/// A surname that an allow list holds for another sense counts here ("Anna Richter", "Rudolf Skoda").
struct SurnameAfterFirstName {
    static let label = RuleLabel(rule: "engine.surname-after-first-name", type: "person.surname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        // By index: iterating the candidates copied each one and retained its label.
        for position in candidates.indices where candidates[position].category == .person && candidates[position].score >= threshold {
            let covered = tokenIndices(of: candidates[position].range, in: text)
            let next = covered.upperBound
            guard covered.count == 1, next < tokens.count, tokens[next].isWord,
                  tokens[next].flags.contains(.spaceBefore), !tokens[next].flags.contains(.newlineBefore) else { continue }
            if tokens[next].end - tokens[next].start == 2 {
                if isShortSurname(next, afterFirstName: covered.lowerBound, in: text) {
                    added.append(Candidate(range: tokens[next].range, category: .person, label: Self.label, score: 0.7, derived: true))
                }
                continue
            }
            guard tokens[next].end - tokens[next].start >= 3 else { continue }
            let allowed = lexicon.isAllowed(text.key(next))
            let allowedSurname = allowed && isSurnameDespiteAllowList(next, in: text)
            guard !allowed || allowedSurname || endsPersonCell(after: next, in: text) else { continue }
            let lowerCase = isLatinLower(units[candidates[position].range.lowerBound])
            if lowerCase {
                // A surname that is also a noun ("krüger", "koch") only when the note names that person elsewhere
                // ("mutter frau krüger"): after a first name in small letters a noun is as often the next word.
                guard tokens[next].flags.contains(.lowercase),
                      !lexicon.isCommonWord(text.key(next)) || isNamedElsewhere(next, in: text, candidates)
                        || endsSmallName(next, in: text) else { continue }
            } else {
                // A capitalised surname may be a place ("Olpe"), not a noun; the first name must be one for sure:
                // no common word (a town's name is no doubt: "Ben" is one too).
                guard tokens[next].isCapitalizedWord, !tokens[next].flags.contains(.allCaps), !tokens[next].flags.contains(.hasDigit),
                      lexicon.isFirstName(text.key(covered.lowerBound)), !lexicon.isCompoundHead(text.key(covered.lowerBound)),
                      !lexicon.isCompoundHead(text.key(next)) || allowedSurname || endsPersonCell(after: next, in: text),
                      !text.isLabel(next) || allowedSurname && units[tokens[next + 1].start] == 0x2E,
                      !text.looksLikeAbbreviation(next, shortCapitals: true) else { continue }
            }
            // Above street names and towns, which such a surname often is as well.
            added.append(Candidate(range: tokens[next].range, category: .person, label: Self.label,
                                   score: lowerCase ? threshold : max(threshold, 0.7), derived: true))
        }
        candidates.append(contentsOf: spread(added, in: text, besides: candidates))
        candidates.append(contentsOf: added)
    }

    /// A capitalised surname that an allow list holds for another of its senses ("Anna Richter", "Ferdinand
    /// Porsche"): after a first name the name comes first. Not a relative or a role of the case ("(Lena Mama)",
    /// "Bekannte von Ida Mutter"), a weekday ("mit Lena Montag besprochen"), nor a word that is written small but
    /// at a sentence's start ("Alle", "Dann"). A month is a name here ("Thị Mai").
    private func isSurnameDespiteAllowList(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return text.tokens[index].isCapitalizedWord && lexicon.isSurname(key) && !lexicon.isLowercaseWord(key)
            && !ListedPersons.kinWords.contains(key) && !Self.caseWordsAndWeekdays.contains(Array(key))
    }

    private static let caseWordsAndWeekdays: Set<[UInt8]> = Set([
        "ehemann", "sohn", "kind", "kinder", "kindsvater", "stiefsohn", "nachbar", "zeuge", "patient", "herr",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    ].map { Array($0.utf8) })

    /// The capitalised surnames found here, where the note names the person by surname alone ("f. Olena
    /// Bondarenko (34)" … "25-019 Bondarenko +1"): the propagation stage ran before they were found.
    private func spread(_ surnames: [Candidate], in text: TokenizedText, besides candidates: [Candidate]) -> [Candidate] {
        // By the hash tokens carry already: a set of arrays made an array of every capitalised word to ask it.
        var keys = PrehashedTable<ArraySlice<UInt8>>()
        for surname in surnames where surname.score > threshold {
            let index = text.firstToken(endingAfter: surname.range.lowerBound)
            if text.tokens[index].isCapitalizedWord, !lexicon.isCommonWord(text.key(index)) {
                keys.insert(text.key(index), forHash: text.tokens[index].keyHash)
            }
        }
        guard !keys.isEmpty else { return [] }
        var covered = OffsetSet(limit: text.units.count)
        // By index, field by field: iterating copied each candidate and retained its label and extras.
        for position in candidates.indices where candidates[position].score >= threshold {
            covered.insert(candidates[position].range.lowerBound)
        }
        for surname in surnames { covered.insert(surname.range.lowerBound) }
        var spread: [Candidate] = []
        for index in text.tokens.indices where text.tokens[index].isCapitalizedWord && !covered.contains(text.tokens[index].start)
            && keys.first(forHash: text.tokens[index].keyHash, where: { $0.elementsEqual(text.key(index)) }) != nil {
            guard !candidates.indices.contains(where: {
                candidates[$0].score >= threshold && candidates[$0].range.overlaps(text.tokens[index].range)
            }) else { continue }
            spread.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
        return spread
    }

    /// Whether a surname the lists hold ends a name in small letters where a bracket follows ("fk: hanna kluge
    /// (hk)", "lg dennis schmitz (34)"), or a comma or the line's end after a word that is no other word of the
    /// language ("fk: lena brandes, famos …"; not "lea weiß,", "lea fieber,", "sagen lea ehrlich").
    private func endsSmallName(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        guard lexicon.isSurname(key), !lexicon.isRoleWord(key) else { return false }
        let next = index + 1
        if next < text.tokens.count, !text.tokens[next].flags.contains(.newlineBefore), text.units[text.tokens[next].start] == 0x28 {
            return true
        }
        let ends = next == text.tokens.count || text.tokens[next].flags.contains(.newlineBefore) || text.units[text.tokens[next].start] == 0x2C
        return ends && !lexicon.isLowercaseWord(key) && !lexicon.isNoun(key)
    }

    /// Whether the word at `index` is a surname the lists know that a person finding of the note already holds.
    private func isNamedElsewhere(_ index: Int, in text: TokenizedText, _ candidates: [Candidate]) -> Bool {
        let key = text.key(index)
        guard lexicon.isSurname(key), !lexicon.isLowercaseWord(key) else { return false }
        return candidates.indices.contains { position in
            candidates[position].category == .person && candidates[position].score >= threshold
                && candidates[position].range.lowerBound != text.tokens[index].start
                && tokenIndices(of: candidates[position].range, in: text).contains { text.key($0).elementsEqual(key) }
        }
    }

    /// A surname of two letters ("Gülay Er", "Ahmet Ay", "Mei Li"): capitalised after a capitalised first name
    /// inside a sentence, where German writes no pronoun or preposition with a capital, and no abbreviation.
    private func isShortSurname(_ index: Int, afterFirstName first: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard tokens[index].isCapitalizedWord, isLatinLower(units[tokens[index].start + 1]), !tokens[index].isAtInitialPosition,
              tokens[first].isCapitalizedWord, !tokens[first].isAtInitialPosition, lexicon.isFirstName(text.key(first)),
              !lexicon.isCommonWord(text.key(first)) else { return false }
        let after = index + 1
        return after == tokens.count || tokens[after].start > tokens[index].end
            || !(units[tokens[after].start] == 0x2E || units[tokens[after].start] == 0x3A || units[tokens[after].start] == 0x2D)
    }

    /// A noun after a first name is a surname where a person's cell or entry ends: before "| ", a bracketed
    /// age or a birth ("Emil Bruder (3) | Kathrin Bruder |", "Ben Schwarz, geb. 19.05.2015", "Ida Wolf * 2019").
    private func endsPersonCell(after index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        var next = index + 1
        guard next < tokens.count, !tokens[next].flags.contains(.newlineBefore) else { return false }
        // A bracket that opens with the full name and goes on with her town or number ("Oma „Nana“ (Gisela Ruf,
        // Mahlberg, Tel. …)"): the bracket names who the nickname is.
        if index >= 2, units[tokens[index - 2].start] == 0x28, [0x2C, 0x29].contains(units[tokens[next].start]),
           !lexicon.isRoleWord(text.key(index)), !ListedPersons.kinWords.contains(text.key(index)) { return true }
        if units[tokens[next].start] == 0x7C { return true }
        // An age or a school class in the bracket: "Emil Bruder (3)", "Leonie Abt (8a)".
        if units[tokens[next].start] == 0x28 && next + 1 < tokens.count
            && (tokens[next + 1].kind == .number || isASCIIDigit(units[tokens[next + 1].start])) { return true }
        if units[tokens[next].start] == 0x2C && next + 1 < tokens.count { next += 1 }
        return units[tokens[next].start] == 0x2A || (text.key(next).elementsEqual(Self.born) && next + 1 < tokens.count
                                                        && units[tokens[next + 1].start] == 0x2E)
    }

    private static let born = Array("geb".utf8)
}
