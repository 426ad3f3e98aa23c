/// A nickname the note explains as someone's relative or partner: "der hulk is mein stiefvater", "bobo = mein
/// bruder", "Kralle ist ihr Ex". Children and hurried writers call people so and say once who it is; from then on
/// the word is that person ("dann flippt der hulk aus"), though no list holds it and an article stands before it.
/// The word must be no word of the language but a noun the note uses again: "das Problem ist mein Vater" names no
/// one.
struct DefinedNicknames {
    static let label = RuleLabel(rule: "engine.defined-nickname", type: "person.nickname")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var added: [Candidate] = []
        for verb in tokens.indices.dropFirst() where isCopula(verb, in: text) {
            var role = verb + 1
            guard role < tokens.count, tokens[role].isWord, Self.possessives.contains(where: { text.key(role).elementsEqual($0) })
            else { continue }
            role += 1
            // "mein neuer freund", "ihr ex".
            if !isRole(role, in: text), isOne(of: Self.adjectives, role, in: text) { role += 1 }
            guard isRole(role, in: text) else { continue }
            let word = verb - 1
            guard tokens[word].isWord, !tokens[verb].flags.contains(.newlineBefore), isNickname(word, in: text) else { continue }
            // A noun names someone so only where the note calls them so again ("der hulk … dann flippt der hulk aus"):
            // "das problem ist mein vater" says it once.
            if lexicon.isNoun(text.key(word)), !recursElsewhere(word, in: text) { continue }
            added.append(Candidate(range: tokens[word].range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }

    /// A relative's or partner's word on the same line: "stiefvater", "bruder", "ex".
    private func isRole(_ index: Int, in text: TokenizedText) -> Bool {
        guard index < text.tokens.count, text.tokens[index].isWord, !text.tokens[index].flags.contains(.newlineBefore) else { return false }
        return lexicon.isRoleWord(text.key(index)) || isOne(of: Self.partners, index, in: text)
    }

    private func isOne(of words: [[UInt8]], _ index: Int, in text: TokenizedText) -> Bool {
        index < text.tokens.count && text.tokens[index].isWord && words.contains(where: { text.key(index).elementsEqual($0) })
    }

    /// "ist", "is", "=", "heißt" between the nickname and whose it is.
    private func isCopula(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        if token.end - token.start == 1 { return text.units[token.start] == 0x3D }
        return token.isWord && Self.copulas.contains(where: { text.key(index).elementsEqual($0) })
    }

    /// A word of three letters or more that no list holds as a word, a role or a name's particle.
    private func isNickname(_ index: Int, in text: TokenizedText) -> Bool {
        guard text.tokens[index].end - text.tokens[index].start >= 3, !text.tokens[index].flags.contains(.allCaps) else { return false }
        let key = text.key(index)
        return !lexicon.isLowercaseWord(key) && !lexicon.isAllowed(key) && !lexicon.isRoleWord(key) && !lexicon.isParticle(key)
            && !lexicon.isPlace(key)
    }

    /// Whether the word stands in the note once more, whatever its case.
    private func recursElsewhere(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, key = text.key(index), hash = tokens[index].keyHash
        return tokens.indices.contains { $0 != index && tokens[$0].keyHash == hash && text.key($0).elementsEqual(key) }
    }

    private static let copulas: [[UInt8]] = ["ist", "is", "heisst", "war"].map { Array($0.utf8) }
    private static let possessives: [[UInt8]] = ["mein", "meine", "meiner", "dein", "deine", "sein", "seine", "ihr", "ihre", "unser",
                                                 "unsere"].map { Array($0.utf8) }
    private static let adjectives: [[UInt8]] = ["neuer", "neue", "ex", "alter", "alte", "grosser", "grosse", "kleiner", "kleine",
                                                "jetziger", "jetzige"].map { Array($0.utf8) }
    /// Partners the roles list does not hold as such.
    private static let partners: [[UInt8]] = ["ex", "typ", "lover", "schatz", "partnerin", "freundin", "stiefmutter", "stiefpapa",
                                              "stiefmama", "halbbruder", "halbschwester"].map { Array($0.utf8) }
}
