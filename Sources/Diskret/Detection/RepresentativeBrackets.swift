/// Who speaks for an institution, in the bracket after it: "Frauenberatung (Vogelsang): KM ambivalent",
/// "ASD (Kraus) übernimmt", "Frauenhaus (Fischer): Auslastung 96 %". Minutes name the person reporting for an
/// agency so, by surname alone; the surname may be a noun, an adjective or a village ("Fischer", "kraus",
/// "Vogelsang"), which no list takes without context. A surname that is no noun is that person anywhere in such a
/// bracket (capitalised there, "Kraus" is no adjective); a noun or a word no list knows only before the colon
/// of a minutes' item — otherwise it is the matter ("Polizei (Wegweisung)", "Familiengericht (Gast)"). A word
/// that only a gazetteer of towns knows is the agency's place ("Jugendamt (Meppen)") and stays with the address
/// rules. After a role or an institution, a bracket of two words one of which is a person's name is that
/// person's name whole ("Der Vater (Silo Khalaf)").
struct RepresentativeBrackets {
    static let label = RuleLabel(rule: "engine.representative-bracket", type: "person.surname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        // Where candidates begin (and where person candidates do), gathered at the first bracket after a role.
        var starts: (any: OffsetSet, person: OffsetSet)?
        for open in tokens.indices.dropFirst() where open + 2 < tokens.count && units[tokens[open].start] == 0x28
            && tokens[open].end - tokens[open].start == 1 && tokens[open].flags.contains(.spaceBefore)
            && !tokens[open].flags.contains(.newlineBefore) && tokens[open - 1].isWord && tokens[open + 1].isCapitalizedWord {
            // One or two capitalised words, then the closing bracket.
            var close = open + 1
            while close < min(tokens.count, open + 3), tokens[close].isCapitalizedWord, !tokens[close].flags.contains(.newlineBefore) { close += 1 }
            guard close < tokens.count, units[tokens[close].start] == 0x29, tokens[close].end - tokens[close].start == 1 else { continue }
            let before = text.key(open - 1)
            let institution = lexicon.isInstitution(before)
            guard institution || lexicon.isRoleWord(before) else { continue }
            if starts == nil {
                var any = OffsetSet(limit: units.count), person = OffsetSet(limit: units.count)
                for candidate in candidates.indices where candidates[candidate].score >= threshold {
                    any.insert(candidates[candidate].range.lowerBound)
                    if candidates[candidate].category == .person { person.insert(candidates[candidate].range.lowerBound) }
                }
                starts = (any, person)
            }
            guard let (any, person) = starts else { continue }
            if close - open == 2 {
                if institution, let candidate = representative(open + 1, reports: close + 1 < tokens.count && units[tokens[close + 1].start] == 0x3A,
                                                                in: text), !any.contains(tokens[open + 1].start) {
                    added.append(candidate)
                }
                continue
            }
            // Two words after a role or an institution, one of them a person's and no word of the language: the
            // bracket is her name ("Der Vater (Silo Khalaf)", a first name that is a noun before a surname no list
            // holds) — not a matter ("(Leichte Sprache)").
            let words = (open + 1)..<close
            guard words.count == 2, words.contains(where: { person.contains(tokens[$0].start) && !lexicon.isCommonWord(text.key($0)) }),
                  words.allSatisfy({ !tokens[$0].flags.contains(.allCaps) && !lexicon.isRoleWord(text.key($0)) && !lexicon.isAllowed(text.key($0))
                      && !lexicon.isLowercaseWord(text.key($0)) })
            else { continue }
            added.append(Candidate(range: tokens[open + 1].start..<tokens[close - 1].end, category: .person, label: Self.label,
                                   score: Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }

    /// The person for the one capitalised word at `word` in the bracket after an institution, or nil.
    private func representative(_ word: Int, reports: Bool, in text: TokenizedText) -> Candidate? {
        let token = text.tokens[word]
        guard !token.flags.contains(.allCaps), !token.flags.contains(.hasDigit), token.end - token.start >= 3 else { return nil }
        let key = text.key(word)
        guard !lexicon.isAllowed(key), !lexicon.isRoleWord(key), !lexicon.endsInCommonWord(key, headLength: 5) else { return nil }
        let surname = lexicon.isSurname(key)
        guard surname && (reports || !lexicon.isNoun(key)) || reports && !lexicon.isCommonWord(key) && !lexicon.isPlace(key)
        else { return nil }
        // A surname that is a town too ("Lingen") only at the threshold: an address rule's reading of it wins.
        let score = surname && lexicon.isPlace(key) ? threshold : Evidence.confidentScore
        return Candidate(range: token.range, category: .person, label: Self.label, score: score, derived: score < Evidence.confidentScore)
    }
}
