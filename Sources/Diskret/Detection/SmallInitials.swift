/// Initials typed in small letters, as a family helper's hurried notes write them: a letter and its full stop
/// before a surname ("fk: s. wehrle", "bea (b. wunderlich)"), and a letter alone that stands for a person the note
/// names ("mandy macht auf" … "laut m. auf montage", "m. räumt weg"). Only on lines typed small (see
/// `TokenizedText.isTypedSmall`); a letter that begins an abbreviation of two ("z. b.", "u. a.", "s. o.") or ends
/// one is none.
struct SmallInitials {
    static let label = RuleLabel(rule: "engine.small-initial", type: "person.initial")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var initials: [Int] = []
        for index in tokens.indices where isSmallInitial(index, in: text) { initials.append(index) }
        guard !initials.isEmpty else { return }
        var covered = [Bool](repeating: false, count: tokens.count)
        // The first letters of the persons the note names, capitalised or not: a lone small letter may stand for one.
        var letters = Set<UInt16>()
        for candidate in candidates where candidate.score >= threshold {
            for index in tokenIndices(of: candidate.range, in: text) {
                covered[index] = true
                if candidate.category == .person, tokens[index].isWord, tokens[index].end - tokens[index].start >= 3 {
                    letters.insert(units[tokens[index].start] | 0x20)
                }
            }
        }
        var added: [Candidate] = []
        for index in initials where !covered[index] && text.isTypedSmall(text.lineTokens(of: index), minimumWords: 4) {
            let word = index + 2
            let beforeWord = tokens[word].isWord && tokens[word].flags.contains(.lowercase)
            if beforeWord, isSurnameLike(word, in: text) && (lexicon.isSurname(text.key(word)) || opensASlot(index, in: text)) {
                added.append(Candidate(range: tokens[index].start..<tokens[word].end, category: .person, label: Self.label,
                                       score: threshold))
            } else if letters.contains(units[tokens[index].start]), !isFollowedByNumber(index, in: text),
                      beforeWord ? isBeforeAVerb(word, covered: covered, in: text) : isAfterSource(index, in: text) {
                added.append(Candidate(range: tokens[index].start..<tokens[index + 1].end, category: .person, label: Self.label,
                                       score: threshold))
            }
        }
        candidates.append(contentsOf: added)
    }

    /// A small letter glued to its full stop, after a space, a bracket or a line's start, that neither ends nor
    /// begins an abbreviation of two letters ("z. b.", "u. a.": the letter before or after is one too), nor is
    /// "u." or "o." (und, oder), before a word in small letters.
    private func isSmallInitial(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index + 1 < tokens.count, tokens[index].isWord, tokens[index].end - tokens[index].start == 1,
              isLatinLower(units[tokens[index].start]), !Self.conjunctions.contains(units[tokens[index].start]),
              units[tokens[index + 1].start] == 0x2E,
              !tokens[index + 1].flags.contains(.spaceBefore) else { return false }
        if index >= 2, units[tokens[index - 1].start] == 0x2E, tokens[index - 2].end - tokens[index - 2].start == 1 { return false }
        if index + 3 < tokens.count, tokens[index + 2].end - tokens[index + 2].start == 1, units[tokens[index + 3].start] == 0x2E {
            return false
        }
        if index > 0, tokens[index - 1].isWord, tokens[index - 1].end == tokens[index].start { return false }
        return index + 2 < tokens.count
    }

    /// Whether the word after a lone initial can be what the person does ("m. räumt weg", "m. hat"): no noun, role
    /// or name, before which the letter is a preposition's ("allein m. lea": mit).
    private func isBeforeAVerb(_ word: Int, covered: [Bool], in text: TokenizedText) -> Bool {
        let key = text.key(word)
        return !covered[word] && !lexicon.isNoun(key) && !lexicon.isRoleWord(key) && !isFirstNameOnly(key)
    }

    /// A first name that is no verb or adjective as well ("finn", not "hat" or "will").
    private func isFirstNameOnly(_ key: ArraySlice<UInt8>) -> Bool { lexicon.isFirstName(key) && !lexicon.isLowercaseWord(key) }

    /// Whether "laut" or "lt." stands before the initial: whom a report is from ("laut m. \"auf montage\"").
    private func isAfterSource(_ index: Int, in text: TokenizedText) -> Bool {
        var before = index - 1
        if before >= 1, text.units[text.tokens[before].start] == 0x2E { before -= 1 }
        guard before >= 0, text.tokens[before].isWord else { return false }
        let key = text.key(before)
        return key.elementsEqual("laut".utf8) || key.elementsEqual("lt".utf8)
    }

    /// "u." and "o.": und, oder.
    private static let conjunctions: Set<UInt16> = [0x75, 0x6F]

    /// Whether the initial opens its line or follows a bracket, a colon or a comma, where a name is listed ("fk: s.
    /// wehrle", "bea (b. wunderlich)"); a word no list holds after an initial elsewhere is mostly an abbreviation's
    /// ("auch n. angiographisch").
    private func opensASlot(_ index: Int, in text: TokenizedText) -> Bool {
        guard index > 0, !text.tokens[index].flags.contains(.newlineBefore) else { return true }
        return [0x28, 0x3A, 0x2C].contains(text.units[text.tokens[index - 1].start])
    }

    /// A surname the lists hold, or a word no list holds, in small letters after the initial on its line.
    private func isSurnameLike(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.end - token.start >= 3, !token.flags.contains(.newlineBefore) else { return false }
        let key = text.key(index)
        if lexicon.isAllowed(key) || lexicon.isRoleWord(key) || lexicon.isParticle(key) { return false }
        // Before a first name the letter is a preposition's ("allein m. finn": mit), however the lists hold the name.
        if isFirstNameOnly(key) { return false }
        if lexicon.isSurname(key) && !lexicon.isNoun(key) { return true }
        return !lexicon.isLowercaseWord(key) && !lexicon.isCommonWord(key) && !lexicon.isNoun(key) && !lexicon.isPlace(key)
            && !lexicon.beginsCommonWord(key)
    }

    /// "s. 12": a page, not a person.
    private func isFollowedByNumber(_ index: Int, in text: TokenizedText) -> Bool {
        index + 2 < text.tokens.count && text.tokens[index + 2].kind == .number
    }
}
