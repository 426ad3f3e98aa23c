/// A name word followed by an age in brackets ("Zi. 3 Kevin (fast 16)", "Merve (13)", "Mai (8 Mon.)") is a person, even where
/// its list hit alone was too weak (after a number, at a line start, a first name that is also a noun): in
/// lists of children and residents that bracket is what names them. Not a noun alone: "Seite (3)".
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
        addNamesBeforeAges(to: &candidates, in: text)
    }

    /// A word no rule took before an age in brackets: a name no list holds ("Chadischat (10 Monate)"), or a first
    /// name typed in small letters ("wollte ben (4) abholen"). Not a word of the dictionaries, a role or a unit.
    private func addNamesBeforeAges(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var starts = Set<Int>()
        for index in tokens.indices.dropFirst().dropLast() where units[tokens[index].start] == 0x28
            && tokens[index].end - tokens[index].start == 1 && tokens[index + 1].kind == .number
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
