/// Name words that name nobody of the case: common nouns after an article, idioms' pairs of nouns, families.
extension RoleEvidence {
    // MARK: Common nouns

    /// One capitalised word that a list knows as a common noun, after a determiner with at most two
    /// lower-case words (adjectives) between: "der Koch", "ein großer Stein", "im Garten".
    func isCommonNounUse(_ finding: Candidate, in text: TokenizedText) -> Bool {
        let words = tokenIndices(of: finding.range, in: text)
        guard words.count == 1, let word = words.first, text.tokens[word].isCapitalizedWord,
              lexicon.isCommonWord(text.key(word)) else { return false }
        var index = word - 1
        var adjectives = 0
        while index >= 0, text.tokens[index].isWord, !text.tokens[index + 1].flags.contains(.newlineBefore) {
            let key = text.key(index)
            if Self.determiners.contains(String(decoding: key, as: UTF8.self)) { return true }
            guard text.tokens[index].flags.contains(.lowercase), adjectives < 2 else { return false }
            adjectives += 1
            index -= 1
        }
        return false
    }

    /// One capitalised common-noun word in a pair of nouns joined by "und"/"oder" whose other noun no rule took
    /// for a name: the fixed pairs of idioms ("für Fuchs und Sau", "Stein und Bein", "mit Kind und Kegel").
    func isInBinomial(_ index: Int, _ findings: [Candidate], in text: TokenizedText) -> Bool {
        let words = tokenIndices(of: findings[index].range, in: text)
        // A first name that is no family name is a name even next to a noun ("wegen Selam und Schwangerschaft");
        // family names that are nouns ("Stein", "Fuchs", "Koch") are what idioms hold.
        guard words.count == 1, let word = words.first, text.tokens[word].isCapitalizedWord, lexicon.isCommonWord(text.key(word)),
              !lexicon.isFirstName(text.key(word)) || lexicon.isSurname(text.key(word)),
              MentionGender.honorific(before: findings[index].range.lowerBound, in: text) == nil else { return false }
        func isConjunction(_ token: Int) -> Bool {
            token >= 0 && token < text.tokens.count && (text.key(token).elementsEqual("und".utf8) || text.key(token).elementsEqual("oder".utf8))
        }
        func isFreeNoun(_ token: Int) -> Bool {
            guard token >= 0, token < text.tokens.count, text.tokens[token].isCapitalizedWord, lexicon.isCommonWord(text.key(token)),
                  !text.tokens[token].flags.contains(.newlineBefore) else { return false }
            let range = text.tokens[token].range
            return !findings.contains { $0.category == .person && $0.range.overlaps(range) }
        }
        return (isConjunction(word + 1) && isFreeNoun(word + 2)) || (isConjunction(word - 1) && isFreeNoun(word - 2))
    }

    /// Articles, demonstratives and prepositions fused with an article: before them a capitalised word is
    /// a noun phrase, not a person's name (names take no article in written notes).
    static let determiners: Set<String> = ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                                           "kein", "keine", "keinen", "keinem", "keiner", "keines", "jeder", "jede", "jedes", "jeden",
                                           "jedem", "dieser", "diese", "dieses", "diesen", "diesem", "im", "am", "vom", "zum", "zur",
                                           "beim", "ins", "ans", "ums"]

    // MARK: Families

    /// A name after "Familie", "Fam.", "Eheleute": the family, not one of its persons, so no person's
    /// placeholder and no role ("Fall: Familie Tekin" is not the father Serhat Tekin).
    func namesAFamily(_ finding: Candidate, in text: TokenizedText) -> Bool {
        var index = text.firstToken(endingAfter: finding.range.lowerBound) - 1
        if index >= 0 && text.key(index).elementsEqual(".".utf8) { index -= 1 }
        guard index >= 0, text.tokens[index].isWord else { return false }
        // Compared as bytes: asked for every person finding, and a String per finding cost a percent of a run.
        let key = text.key(index)
        return Self.familyWords.contains { $0.elementsEqual(key) }
    }

    static let familyWords: [[UInt8]] = ["familie", "fam", "eheleute", "ehepaar"].map { Array($0.utf8) }
}
