/// The word a chat handle is made of, used as the user's name: a counsellor writes "Pass auf dich auf, Sternchen"
/// to "sternchen_2011", and the word points to the account as the handle does. A handle's leading letters (four or
/// more, before a digit, "_" or ".") are that person wherever the note writes them as a word of their own — not a
/// role ("mama_2019" … "Mama"), a place ("naumburg.7c.leaks" … "Naumburg"), a word of the language other than a
/// noun, nor a noun after an article ("die Blume").
struct HandleNames {
    static let label = RuleLabel(rule: "engine.handle-name", type: "person.nickname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let units = text.units
        var heads = Set<[UInt16]>()
        var handles: [Range<Int>] = []
        for candidate in candidates where candidate.category == .contact && candidate.score >= threshold
            && candidate.type.hasSuffix("handle") {
            handles.append(candidate.range)
            var end = candidate.range.lowerBound
            if end < units.count, units[end] == 0x40 { end += 1 }
            let start = end
            while end < candidate.range.upperBound, isLatinLower(units[end]) || isLatinUpper(units[end]) { end += 1 }
            guard end - start >= 4, end < candidate.range.upperBound, [0x5F, 0x2E].contains(units[end]) || isASCIIDigit(units[end])
            else { continue }
            heads.insert(units[start..<end].map(latinLowercased))
        }
        guard !heads.isEmpty else { return }
        // A word another rule took as a place or an institution stays that ("naumburg.7c.leaks" … "· Naumburg").
        var taken = OffsetSet(limit: units.count)
        for candidate in candidates where candidate.score >= threshold && candidate.category != .person {
            taken.insert(candidate.range.lowerBound)
        }
        var added: [Candidate] = []
        for index in text.tokens.indices where text.tokens[index].isWord && !handles.contains(where: { $0.contains(text.tokens[index].start) }) {
            let token = text.tokens[index]
            guard token.end - token.start >= 4,
                  heads.contains(units[token.range].map(latinLowercased)),
                  token.start == 0 || !isHandleCharacter(units[token.start - 1]),
                  token.end == units.count || !isHandleCharacter(units[token.end]) else { continue }
            let key = text.key(index)
            guard !taken.contains(token.start), !lexicon.isRoleWord(key), !lexicon.isAllowed(key), !lexicon.isLowercaseWord(key) || lexicon.isNoun(key),
                  !(index > 0 && text.tokens[index - 1].isWord && ListedPersons.isArticleOrPossessive(text.key(index - 1))) else { continue }
            added.append(Candidate(range: token.range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }

    /// "_", "." followed by more of a handle, or a digit: the word is part of a handle, not a word of its own.
    private func isHandleCharacter(_ unit: UInt16) -> Bool { unit == 0x5F || unit == 0x40 || isASCIIDigit(unit) }
}
