/// A name word followed by an age in brackets ("Zi. 3 Kevin (fast 16)", "Merve (13)", "Mai (8 Mon.)") is a person, even where
/// its list hit alone was too weak (after a number, at a line start, a first name that is also a noun): in
/// lists of children and residents that bracket is what names them; so is a first name that is a noun too before
/// a surname and the age ("Horst Ballerstedt (71)"). Not a noun alone: "Seite (3)".
struct AgeBracketEvidence {
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let units = text.units
        for index in candidates.indices where candidates[index].category == .person && candidates[index].score < threshold {
            var position = candidates[index].range.upperBound
            if position < units.count && units[position] == 0x20 { position += 1 }
            guard position < units.count, units[position] == 0x28 else { continue }
            position += 1
            // A noun before a bracket ("Seite (3)", "Anlage (2)") is no child; a noun that is also a first name
            // ("Lan (7)", "Rose (4)") is one. (Asked after the bracket is seen: most candidates have none.)
            guard let key = text.joinedKey(covering: candidates[index].range),
                  !lexicon.isCommonWord(key[...]) || lexicon.isFirstName(key[...]) else { continue }
            // An optional "ca."/"fast"/"knapp" before the number.
            for word in Self.qualifiers where units.has(word, at: position) { position += word.count; break }
            var digits = 0
            while position < units.count, (0x30...0x39).contains(units[position]), digits < 3 { digits += 1; position += 1 }
            guard (1...2).contains(digits), position < units.count else { continue }
            let next = units[position]
            // ")", ",", or a unit of years, months or weeks: " J.", " Mon.", " Wo."
            if next == 0x29 || next == 0x2C || (next == 0x20 && position + 1 < units.count && [0x4A, 0x4D, 0x57].contains(units[position + 1])) {
                candidates[index].score = threshold
            }
        }
        // The opening brackets, found once for the three readers below.
        let brackets = text.tokens.indices.filter { units[text.tokens[$0].start] == 0x28 && text.tokens[$0].end - text.tokens[$0].start == 1 }
        guard !brackets.isEmpty else { return }
        addFullNamesBeforeAges(to: &candidates, brackets: brackets, in: text)
        addNamesBeforeAges(to: &candidates, brackets: brackets, in: text)
        addNicknamesBeforeNames(to: &candidates, brackets: brackets, in: text)
    }

    /// A word before a bracket that gives a first name and a child's age is that child's nickname: "kinder: jojo
    /// (joel, 9), mimi (mia-marie, 6)". Found with that much context, it spreads to where it stands alone.
    private func addNicknamesBeforeNames(to candidates: inout [Candidate], brackets: [Int], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        for index in brackets where index >= 1 && index + 4 < tokens.count
            && tokens[index - 1].isWord && text.onlySpaceBetween(index - 1, index) {
            // The bracket's first name, hyphenated parts included ("mia-marie"), then ", 9)".
            var last = index + 1
            guard tokens[last].isWord else { continue }
            while last + 2 < tokens.count, text.isJoiner(last + 1, after: last), tokens[last + 2].isWord { last += 2 }
            let comma = last + 1, number = last + 2
            guard number + 1 < tokens.count, units[tokens[comma].start] == 0x2C, tokens[number].kind == .number,
                  let age = text.asciiNumber(number), age <= 19, units[tokens[number + 1].start] == 0x29,
                  lexicon.isFirstName(text.key(index + 1)) else { continue }
            let word = index - 1, key = text.key(word)
            // A toy's or pet's word is a child's nickname here as well ("jojo" of Joel).
            guard tokens[word].end - tokens[word].start >= 3, !tokens[word].flags.contains(.allCaps),
                  !lexicon.isAllowed(key), !lexicon.isRoleWord(key), !lexicon.isLowercaseWord(key) else { continue }
            added.append(Candidate(range: tokens[word].range, category: .person, label: Self.nicknameLabel, score: Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }

    private static let nicknameLabel = RuleLabel(rule: "engine.name-before-age", type: "person.nickname")

    /// A first name that is a noun too, its surname and the age after both ("1. Horst Ballerstedt (71), Vater
    /// d. Besch."): the list's weak hit and a word no dictionary holds are one person by the bracket.
    private func addFullNamesBeforeAges(to candidates: inout [Candidate], brackets: [Int], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        for index in brackets where index >= 2 && index + 2 < tokens.count && tokens[index + 1].kind == .number {
            let surname = index - 1, first = index - 2
            guard tokens[surname].isCapitalizedWord, tokens[first].isCapitalizedWord, !tokens[surname].flags.contains(.allCaps),
                  !tokens[first].flags.contains(.allCaps), text.onlySpaceBetween(surname, index), text.onlySpaceBetween(first, surname),
                  !tokens[surname].flags.contains(.newlineBefore), let age = text.asciiNumber(index + 1), age <= 110,
                  [0x29, 0x2C].contains(units[tokens[index + 2].start]) else { continue }
            let given = text.key(first), family = text.key(surname)
            // The surname may be a place's name too ("Ballerstedt"), not a noun or a word in small letters.
            guard lexicon.isFirstName(given), lexicon.isCommonWord(given), !lexicon.isNoun(family), !lexicon.isLowercaseWord(family),
                  !lexicon.isAllowed(family),
                  !lexicon.isRoleWord(family), !lexicon.isAllowed(given) else { continue }
            added.append(Candidate(range: tokens[first].start..<tokens[surname].end, category: .person, label: Self.label,
                                   score: Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }

    /// A word no rule took before an age in brackets: a name no list holds ("Chadischat (10 Monate)"), or a first
    /// name typed in small letters ("wollte ben (4) abholen"). Not a word of the dictionaries, a role or a unit.
    private func addNamesBeforeAges(to candidates: inout [Candidate], brackets: [Int], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var starts = Set<Int>()
        for index in brackets where index >= 1 && index + 1 < tokens.count && tokens[index + 1].kind == .number
            && tokens[index - 1].isWord && text.onlySpaceBetween(index - 1, index) {
            let word = index - 1, number = index + 1
            guard let age = text.asciiNumber(number), age <= 19, number + 1 < tokens.count else { continue }
            let after = units[tokens[number + 1].start]
            guard after == 0x29 || after == 0x2C || Self.ageUnits.contains(where: { text.key(number + 1).elementsEqual($0) }) else { continue }
            let key = text.key(word)
            let capitalised = tokens[word].isCapitalizedWord && !tokens[word].flags.contains(.allCaps)
            let small = tokens[word].flags.contains(.lowercase) && lexicon.isFirstName(key)
            guard capitalised || small, tokens[word].end - tokens[word].start >= 3, !lexicon.isCommonWord(key), !lexicon.isAllowed(key),
                  !lexicon.isRoleWord(key), !lexicon.endsInCommonWord(key) else { continue }
            if starts.isEmpty { for candidate in candidates { starts.insert(candidate.range.lowerBound) } }
            guard !starts.contains(tokens[word].start) else { continue }
            candidates.append(Candidate(range: tokens[word].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
    }

    private static let label = RuleLabel(rule: "engine.name-before-age", type: "person.name")
    private static let ageUnits: [[UInt8]] = ["j", "jahre", "mon", "monate", "wo", "wochen"].map { Array($0.utf8) }

    private static let qualifiers: [[UInt16]] = ["ca. ", "fast ", "knapp ", "jetzt ", "heute "].map { Array($0.utf16) }

}
