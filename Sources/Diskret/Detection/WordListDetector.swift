extension TokenizedText {

    /// Whether the word of token `index` has a Latin capital after its first letter ("RiAG", "TikTok"): an
    /// abbreviation or a brand, no name or word of the language.
    func hasCapitalInside(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.end - token.start > 1 && units[(token.start + 1)..<token.end].contains { (0x41...0x5A).contains($0) }
    }
    /// A word that reads as an abbreviation rather than a name: glued to a full stop that a lower-case word
    /// or a number follows ("Pat. erfolgte", "Art. 33"), or — with `shortCapitals`, for names — short and all
    /// upper-case ("ASA", "VU"). With `lineEndEndsSentence` (for first names), a full stop at a line end
    /// ends the sentence instead ("… mit Hanna.⏎Z4 …"); other words there are still abbreviated ("Gesch.⏎ein").
    func looksLikeAbbreviation(_ index: Int, shortCapitals: Bool, lineEndEndsSentence: Bool = false) -> Bool {
        let token = tokens[index]
        if shortCapitals && token.flags.contains(.allCaps) && token.end - token.start <= 3 { return true }
        guard index + 2 < tokens.count, units[tokens[index + 1].start] == 0x2E, tokens[index + 1].end - tokens[index + 1].start == 1,
              !tokens[index + 1].flags.contains(.spaceBefore) else { return false }
        let next = tokens[index + 2]
        guard !(lineEndEndsSentence && next.flags.contains(.newlineBefore)) else { return false }
        // A closing quote after the full stop ends a quoted sentence ("… dann weint Noah.“").
        return next.flags.contains(.lowercase) || next.kind == .number
            || (next.kind == .punctuation && !(QuotationMarks.closes(units[next.start]) || units[next.start] == QuotationMarks.apostrophe))
    }

    /// A word right after a number ("4,00 Mio", "137 Uli"): a unit, not a name. A clock time or a date is no
    /// quantity: in logs a name follows it ("22:10 Kevin zurück", "Am 28.12.2024 Maja …"); nor is a code that
    /// begins with a letter ("Z4 Emily", "U8 Kacper": a goal's or an examination's number).
    func followsNumber(_ index: Int) -> Bool {
        guard index > 0 && tokens[index - 1].kind == .number && !tokens[index].flags.contains(.newlineBefore),
              (0x30...0x39).contains(units[tokens[index - 1].start]) else { return false }
        // A clock time or a date ends with a number glued to a colon or a full stop ("22:10", "28.12.2024"),
        // or is one number token with them inside.
        let clockTimeOrDate = index >= 3 && [0x3A, 0x2E].contains(units[tokens[index - 2].start]) && tokens[index - 3].kind == .number
            && !tokens[index - 1].flags.contains(.spaceBefore) && !tokens[index - 2].flags.contains(.spaceBefore)
            || units[tokens[index - 1].range].contains { $0 == 0x3A || $0 == 0x2E }
        return !clockTimeOrDate && !followsRoomNumber(index)
    }

    /// Whether a word names a method, sign or finding after a person ("Gilchrist Verband", "Rasmussen
    /// Enzephalitis", "Clark-Level"): an eponym, which clinical letters are full of, not a person of the case.
    func precedesEponymHead(_ index: Int) -> Bool {
        var next = index + 1
        if next < tokens.count, isJoiner(next, after: index), !tokens[next].flags.contains(.spaceBefore) { next += 1 }
        guard next < tokens.count, tokens[next].isCapitalizedWord, !tokens[next].flags.contains(.newlineBefore),
              next == index + 2 ? !tokens[next].flags.contains(.spaceBefore) : tokens[next].flags.contains(.spaceBefore) else { return false }
        return Self.eponymHeads.contains(Array(key(next)))
    }

    /// What eponyms name, as folded keys.
    private static let eponymHeads: Set<[UInt8]> = Set(["syndrom", "krankheit", "zeichen", "test", "formel", "klassifikation",
        "score", "operation", "plastik", "verband", "level", "stadium", "enzephalitis", "methode", "schema", "reflex",
        "phaenomen", "zyste", "fraktur", "naht", "index", "regel", "kriterien", "skala", "lappen", "manoever", "handgriff",
        "wing", "tumor", "lagerung", "schiene", "sonde", "katheter", "prothese", "krise", "trias"].map { Array($0.utf8) })

    /// Whether a word holds a letter German spelling never uses ("André", "Adèle", "Trần"): its folded key may
    /// meet a German word's ("andre", "adele"), but the word itself is none.
    func hasLetterForeignToGerman(_ index: Int) -> Bool {
        units[tokens[index].range].contains { $0 > 0x7F && !Self.germanLetters.contains($0) }
    }

    private static let germanLetters: Set<UInt16> = Set("äöüÄÖÜß".utf16)

    /// A room's number is no quantity: in a shelter's log a name follows it ("Zi. 5 Katja B.").
    private func followsRoomNumber(_ index: Int) -> Bool {
        var label = index - 2
        if label >= 0, units[tokens[label].start] == 0x2E, tokens[label].end - tokens[label].start == 1 { label -= 1 }
        guard label >= 0, tokens[label].isWord else { return false }
        let word = units[tokens[label].range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return Self.roomWords.contains(word)
    }

    private static let roomWords: Set<[UInt16]> = Set(["zi", "zimmer", "raum", "whg", "app", "bett", "nr"].map { Array($0.utf16) })

    /// A word glued by a hyphen to a lower-case word, a number or a common noun ("a-Amy", "ECLA-Roche-Test",
    /// "Istanbul-Konvention"): part of a compound rather than a name or place of its own. Names glued to names
    /// ("Fischer-Yılmaz", "Castrop-Rauxel") are not affected.
    func isPartOfCompound(_ index: Int, isCommonWord: (Int) -> Bool) -> Bool {
        func isCompoundPart(_ other: Int) -> Bool {
            tokens[other].flags.contains(.lowercase) || tokens[other].kind == .number || isCommonWord(other)
        }
        let before = index >= 2 && !tokens[index].flags.contains(.spaceBefore) && isJoiner(index - 1, after: index - 2)
            && !tokens[index - 1].flags.contains(.spaceBefore) && isCompoundPart(index - 2)
        let after = index + 2 < tokens.count && isJoiner(index + 1, after: index)
            && !tokens[index + 2].flags.contains(.spaceBefore) && isCompoundPart(index + 2)
        return before || after
    }
}

/// Finds candidates whose words (or phrases of several tokens) stand in a rule's word lists.
struct WordListDetector {
    let rules: [WordListRule]
    /// The session's kept answers about single words for the first `rulesPerPass` rules; nil asks the
    /// lists every time.
    let memo: WordAnswers?

    /// The rules whose answers fit the 32 bits a word has in `WordAnswers`.
    static let rulesPerPass = 16

    /// Per rule, two answers about a word: bit `2 × rule` whether it may start an entry of the rule's lists
    /// (see `PhraseKey.mayStartEntry`), bit `2 × rule + 1` whether it ends in an "s" after a listed word of
    /// four letters or more.
    private static func answers(for index: Int, in text: TokenizedText, rules: ArraySlice<WordListRule>) -> UInt32 {
        let token = text.tokens[index]
        let word = text.key(index)
        var answers: UInt32 = 0
        for (number, rule) in rules.enumerated() {
            if PhraseKey.mayStartEntry(token, in: rule.lists, longer: rule.maxTokens > 1) { answers |= 1 << (2 * number) }
            if word.count > 3, word.last == 0x73, rule.lists.anyContains(word.dropLast()) { answers |= 2 << (2 * number) }
        }
        return answers
    }

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) {
        let lowerCase = Self.isWrittenInLowerCase(text)
        for first in stride(from: 0, to: rules.count, by: Self.rulesPerPass) {
            let pass = rules[first..<min(first + Self.rulesPerPass, rules.count)]
            detect(in: text, rules: pass, memo: first == 0 ? memo : nil, lowerCase: lowerCase, into: &candidates)
        }
    }

    /// Whether the note was typed in lower case throughout ("frau petra braun rief an, tochter lea …"): German
    /// capitalises every noun, so a quarter of the words inside sentences start with a capital, and a note
    /// where fewer than one in twenty-five does has no capitals to tell names by. There, the lists of names
    /// and places take lower-case words too; their ambiguous lists (nouns, lower-case words) still keep
    /// "krause haare" and "wolf" low.
    static func isWrittenInLowerCase(_ text: TokenizedText) -> Bool {
        var words = 0, capitalised = 0
        for token in text.tokens where token.isWord && !token.isAtInitialPosition && token.end - token.start > 1 {
            words += 1
            // Abbreviations in capitals (KM, ASD, EG) are typed so even in haste.
            if token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) { capitalised += 1 }
        }
        return words >= 40 && capitalised * 25 < words
    }

    private func detect(in text: TokenizedText, rules: ArraySlice<WordListRule>, memo: WordAnswers?, lowerCase: Bool,
                        into candidates: inout [Candidate]) {
        let tokens = text.tokens
        // Asked once per word for all rules, before the rules run one after another.
        let anyLowercase = lowerCase || rules.contains { !$0.fields.capitalizedOnly }
        let wordAnswers: [UInt32] = tokens.indices.map { index in
            let token = tokens[index]
            guard token.kind == .word || token.kind == .number, anyLowercase || token.flags.contains(.capitalized) else { return 0 }
            guard let memo else { return Self.answers(for: index, in: text, rules: rules) }
            return memo.answers(for: index, in: text) { Self.answers(for: index, in: text, rules: rules) }
        }
        // Per rule, the words with an answer for it: a word with neither answer is passed over by the rule
        // whatever it is, and walking every word once per rule had cost more than the rules' own work.
        var startsByRule = [[Int]](repeating: [], count: rules.count)
        // Counted first, so that each rule's array is made once at its size rather than grown word by word.
        var counts = [Int](repeating: 0, count: rules.count)
        for answers in wordAnswers where answers != 0 {
            var bits = answers
            while bits != 0 {
                let number = bits.trailingZeroBitCount / 2
                counts[number] += 1
                bits &= ~(3 << UInt32(2 * number))
            }
        }
        for number in counts.indices where counts[number] > 0 { startsByRule[number].reserveCapacity(counts[number]) }
        for (index, answers) in wordAnswers.enumerated() where answers != 0 {
            var bits = answers
            while bits != 0 {
                let number = bits.trailingZeroBitCount / 2
                startsByRule[number].append(index)
                bits &= ~(3 << UInt32(2 * number))
            }
        }
        var key = PhraseKey()  // reused: a phrase key is built per token and rule, on the hot path
        for (number, rule) in rules.enumerated() {
            let definition = rule.definition
            let maxTokens = max(1, rule.maxTokens)
            let takesLowerCaseFirstNames = definition.type == "person.firstname"
            let listedBit: UInt32 = 1 << (2 * number)
            for start in startsByRule[number] {
                let first = tokens[start]
                if rule.fields.capitalizedOnly && !(first.flags.contains(.capitalized)) {
                    // In a note typed in lower case a name list takes a lower-case word, but never one its
                    // ambiguous lists hold: next to a sure name, evidence would promote it ("Brückner ging").
                    // A first name of four letters or more that no dictionary holds ("jassi", "kevin") is a name
                    // in lower case in any note: quotes and chat lines are typed that way ("li", "ul" are not).
                    guard lowerCase || (takesLowerCaseFirstNames && wordAnswers[start] & listedBit != 0 && first.end - first.start >= 4
                                        && !text.looksLikeAbbreviation(start, shortCapitals: false)
                                        && !(start + 1 < tokens.count && text.units[tokens[start + 1].start] == 0x2E
                                             && !tokens[start + 1].flags.contains(.spaceBefore))),
                          !rule.ambiguous.anyContains(text.key(start)), !rule.ambiguousAtStart.anyContains(text.key(start))
                    else { continue }
                }
                let answers = wordAnswers[start]
                var matchedEnd = -1
                if answers & (1 << (2 * number)) != 0 {
                    key.start(start, in: text)
                    var end = start
                    while true {
                        if key.isListed(in: rule.lists) { matchedEnd = end }
                        guard end + 1 < tokens.count, key.tokens < maxTokens,
                              // Phrases do not run across blank lines or sentence ends.
                              !(tokens[end + 1].flags.contains(.sentenceStart) && tokens[end + 1].flags.contains(.newlineBefore)),
                              key.mayContinue(in: rule.lists) else { break }
                        end += 1
                        key.append(end, in: text)
                    }
                }
                var score = definition.score
                if matchedEnd < 0 {
                    // A genitive or plural "s" ("Müllers", "Lenas") still names the listed word; a day with
                    // an "s" recurs ("dienstags", "sonntags") and fixes none.
                    guard first.isWord, definition.category != .date, answers & (2 << (2 * number)) != 0 else { continue }
                    matchedEnd = start
                    score *= 0.9
                }
                if matchedEnd == start {
                    let word = text.key(start)
                    let common = { (index: Int) in rule.ambiguous.anyContains(text.key(index)) }
                    let isName = definition.category == .person
                    if text.looksLikeAbbreviation(start, shortCapitals: isName, lineEndEndsSentence: takesLowerCaseFirstNames)
                        || (isName && text.followsNumber(start))
                        // Short capitals are mostly acronyms (RITA, VAIA); longer ones in shift notes are names.
                        || (isName && first.flags.contains(.allCaps) && first.end - first.start <= 4)
                        || (isName && text.precedesEponymHead(start))
                        || text.isPartOfCompound(start, isCommonWord: common)
                        || (rule.ambiguous.anyContains(word) && !(isName && text.hasLetterForeignToGerman(start)))
                        || (first.isAtInitialPosition && rule.ambiguousAtStart.anyContains(word)) {
                        score = min(score, rule.fields.ambiguousScore)
                    }
                }
                if tokens[matchedEnd].end - first.start < rule.fields.minLength { continue }
                candidates.append(Candidate(range: first.start..<tokens[matchedEnd].end, category: definition.category!,
                                            label: rule.label, score: score))
            }
        }
    }
}
