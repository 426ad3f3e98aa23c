/// Ends a person finding after a first name in the genitive when common nouns follow it: "Miras Armen" is
/// "Mira's arms", never a first and a family name, because a full name takes its genitive "s" on the family
/// name ("Anna Fischers"). Left whole, the noun would be masked as a name and the mention linked by it.
/// A word that is a name itself ("Jonas", "Miras") counts as a genitive only when the note names its stem
/// elsewhere ("Tochter Mira") and no family name follows it, so "Jonas Koch" stays one name, and so does
/// "Dennis Müller" where his pet form „Denni“ stands.
struct GenitiveNames {
    let lexicon: Lexicon

    /// Cuts each person finding that starts with a genitive first name back to that name, in place.
    func trim(_ findings: inout [Candidate], in text: TokenizedText) {
        // The note's person words, made only when a finding could hold a genitive (few notes have one).
        var personWords: Set<[UInt8]>? = nil
        // Roster findings too: "Lenas Zimmer" is the child's room whoever the roster names.
        for index in findings.indices where findings[index].category == .person {
            let tokens = tokenIndices(of: findings[index].range, in: text)
            // Cheap tests first: most person findings are one word or do not start with a word ending in "s".
            guard tokens.count >= 2, let first = tokens.first, text.tokens[first].isCapitalizedWord, text.key(first).last == 0x73 else { continue }
            let words = tokens.filter { text.tokens[$0].isWord }
            guard words.count >= 2, words[0] == first, text.tokens[words[1]].flags.contains(.spaceBefore) else { continue }
            let key = text.key(first)
            guard key.count > 3, lexicon.isFirstName(key.dropLast()),
                  words.dropFirst().allSatisfy({ lexicon.isCommonWord(text.key($0)) }) else { continue }
            if lexicon.isKnownName(key) {
                // A name that is a name itself before a family name stays whole even where its stem is a pet
                // form in the note ("Dennis Müller" … „Denni“): cut, the surname leaked.
                // Never a kin word: "Lenas Mutter" is Lena's mother, whom a whole name would link to Lena.
                guard !words.dropFirst().contains(where: { lexicon.isSurname(text.key($0)) && !isKinWord(text.key($0)) }) else { continue }
                if personWords == nil { personWords = Self.personWords(of: findings, in: text) }
                guard personWords!.contains(Array(key.dropLast())) else { continue }
            }
            findings[index].range = findings[index].range.lowerBound..<text.tokens[first].end
        }
    }

    /// A word for a relative or a role in the household ("Mutter", "Bruder", "Zimmer"), which the surname lists hold too.
    private func isKinWord(_ key: ArraySlice<UInt8>) -> Bool {
        lexicon.isRoleWord(key) || Self.kinWords.contains(Array(key))
    }

    private static let kinWords: Set<[UInt8]> = Set(["mutter", "vater", "bruder", "schwester", "oma", "opa", "tante", "onkel", "sohn",
        "tochter", "kind", "kinder", "freund", "freundin", "zimmer", "mann", "frau", "partner", "lehrer", "lehrerin", "schule",
        "klasse", "handy", "papa", "mama", "geschwister", "eltern", "grossmutter", "grossvater", "cousin", "cousine"].map { Array($0.utf8) })

    /// The folded keys of every word of the note's person findings.
    private static func personWords(of findings: [Candidate], in text: TokenizedText) -> Set<[UInt8]> {
        var words: Set<[UInt8]> = []
        for finding in findings where finding.category == .person {
            for token in tokenIndices(of: finding.range, in: text) where text.tokens[token].isWord { words.insert(Array(text.key(token))) }
        }
        return words
    }
}
