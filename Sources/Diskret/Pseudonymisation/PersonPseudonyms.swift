/// Keyed pseudonyms of persons without a roster subject, made name word by name word: "Person-" and four hex
/// digits per name word, in the mention's order ("Tomasz Wierzbicki" → "Person-7F3A-C46D", "Herr Wierzbicki"
/// → "Herr Person-C46D", "Tomasz" → "Person-7F3A").
///
/// A code per word, whatever its kind and whoever else the note names, is what keeps a case readable across
/// notes written without a roster: the full name in one note and the family name or first name alone in
/// the next share their codes, a double name shares its parts' codes with their single uses
/// ("Fischer-Yılmaz" → "Person-91C0-4E2B", "Frau Fischer" → "Frau Person-91C0"), and persons sharing a
/// family name stay apart by their first names' codes. Particles, initials and titles inside a mention are
/// left out; a genitive "s" is dropped when the note or the first-name lists know the stem ("Miras" → the
/// code of "Mira").
struct PersonPseudonyms {
    let key: CaseKey
    let lexicon: Lexicon

    /// The pseudonym of each finding at `indices`; a finding without name words keeps its placeholder.
    func codes(for indices: [Int], in findings: [Candidate], text: TokenizedText) -> [Int: String] {
        var wordsPerFinding: [Int: [[UInt8]]] = [:]
        var noteWords: Set<[UInt8]> = []
        for index in indices {
            var words: [[UInt8]] = []
            for token in tokenIndices(of: findings[index].range, in: text) where text.tokens[token].isWord && text.tokens[token].end - text.tokens[token].start >= 2 {
                let word = text.key(token)
                if lexicon.isParticle(word) || MentionGender.isHonorificOrTitle(word) || text.isInitial(token) { continue }
                words.append(Array(word))
            }
            wordsPerFinding[index] = words
            noteWords.formUnion(words)
        }
        func stem(_ word: [UInt8]) -> [UInt8] {
            guard word.count > 3, word.last == 0x73, !lexicon.isKnownName(word[...]) else { return word }
            let stem = Array(word.dropLast())
            return noteWords.contains(stem) || lexicon.isFirstName(stem[...]) ? stem : word
        }
        let stems = Set(noteWords.map(stem))
        // Four digits, eight for words whose four digits another word of the note shares.
        var wordsByShortCode: [String: Set<[UInt8]>] = [:]
        for word in stems { wordsByShortCode[code(word, digits: 4), default: []].insert(word) }
        var result: [Int: String] = [:]
        for index in indices {
            let words = wordsPerFinding[index] ?? []
            guard !words.isEmpty else { continue }
            let codes = words.map { word -> String in
                let stem = stem(word)
                let short = code(stem, digits: 4)
                return wordsByShortCode[short]!.count > 1 ? code(stem, digits: 8) : short
            }
            result[index] = "Person-" + codes.joined(separator: "-")
        }
        return result
    }

    /// The hex code of one name word: HMAC of the case key over the folded word, the same in every note.
    private func code(_ word: [UInt8], digits: Int) -> String {
        key.derive("pseudonym/person-word", word).prefix(digits / 2)
            .map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
}
