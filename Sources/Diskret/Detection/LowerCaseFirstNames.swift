/// First names typed in small letters on lines typed so ("bitte jay hat 8 uhr schule", "ich soll ihm jay
/// mitgeben"): hurried messages and a family helper's phone notes write nouns and names alike in small letters,
/// so a list's first name there is a name unless it is a word of the language ("max", "rosa", "will" stay) or
/// of chats ("moin", "hey", "ned"), and no month shortened ("seit jan.").
/// A line counts as typed in small letters when it has five words or more, four in five of them small, and a
/// noun among them written small ("schule", "fieber") — a line of ordinary German has none.
struct LowerCaseFirstNames {
    static let label = RuleLabel(rule: "engine.lower-case-first-name", type: "person.firstname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var covered: Set<Int>?
        var added: [Candidate] = []
        var start = 0
        while start < tokens.count {
            let end = text.lineTokens(of: start).upperBound
            defer { start = end }
            // Most lines are ordinary German: the lists are asked only on the few typed small.
            guard text.isTypedSmall(start..<end, minimumWords: 5),
                  (start..<end).contains(where: { tokens[$0].flags.contains(.lowercase) && isNounTypedSmall($0, in: text) }) else { continue }
            for index in start..<end where tokens[index].flags.contains(.lowercase)
                && (3...12).contains(tokens[index].end - tokens[index].start) && isFirstNameOnly(index, in: text) {
                if covered == nil {
                    covered = Set(candidates.filter { $0.score >= threshold }.flatMap { tokenIndices(of: $0.range, in: text) })
                }
                guard !covered!.contains(index) else { continue }
                added.append(Candidate(range: tokens[index].range, category: .person, label: Self.label, score: threshold))
            }
        }
        candidates.append(contentsOf: added)
    }

    /// A noun the lists know, written in small letters, that is no word written small as well ("essen").
    private func isNounTypedSmall(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return key.count >= 4 && lexicon.isNoun(key) && !lexicon.isLowercaseWord(key)
    }

    /// A first name of the lists that no other list knows as a word, role or place.
    private func isFirstNameOnly(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return lexicon.isFirstName(key) && !Self.chatWords.contains(where: { key.elementsEqual($0) })
            && !DefinedCodes.calendarAbbreviations.contains(Array(key)) && !lexicon.isLowercaseWord(key)
            && !lexicon.isCommonWord(key) && !lexicon.isAllowed(key) && !lexicon.isRoleWord(key) && !lexicon.isPlace(key)
    }

    /// Greetings, dialect forms, typos and English or Turkish words of chats that the first-name lists hold too.
    private static let chatWords: [[UInt8]] = ["hey", "hay", "moin", "servus", "ciao", "the", "and", "you", "ned", "kan", "eve",
        "nix", "jo", "joa", "bro"].map { Array($0.utf8) }
}
