/// Who speaks for an institution, in the bracket after it: "Frauenberatung (Vogelsang): KM ambivalent",
/// "ASD (Kraus) übernimmt", "Frauenhaus (Fischer): Auslastung 96 %". Minutes name the person reporting for an
/// agency so, by surname alone; the surname may be a noun, an adjective or a village ("Fischer", "kraus",
/// "Vogelsang"), which no list takes without context. A surname that is no noun is that person anywhere in such a
/// bracket (capitalised there, "Kraus" is no adjective); a noun or a word no list knows only before the colon
/// of a minutes' item — otherwise it is the matter ("Polizei (Wegweisung)", "Familiengericht (Gast)"). A word
/// that only a gazetteer of towns knows is the agency's place ("Jugendamt (Meppen)") and stays with the address
/// rules.
struct RepresentativeBrackets {
    static let label = RuleLabel(rule: "engine.representative-bracket", type: "person.surname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        var covered: OffsetSet?
        for open in tokens.indices.dropFirst() where open + 3 < tokens.count && units[tokens[open].start] == 0x28
            && tokens[open].end - tokens[open].start == 1 && tokens[open].flags.contains(.spaceBefore)
            && !tokens[open].flags.contains(.newlineBefore) && units[tokens[open + 2].start] == 0x29
            && tokens[open + 2].end - tokens[open + 2].start == 1 {
            let word = open + 1
            let token = tokens[word]
            guard token.isCapitalizedWord, !token.flags.contains(.allCaps), !token.flags.contains(.hasDigit),
                  token.end - token.start >= 3, tokens[open - 1].isWord, lexicon.isInstitution(text.key(open - 1)) else { continue }
            let key = text.key(word)
            guard !lexicon.isAllowed(key), !lexicon.isRoleWord(key), !lexicon.endsInCommonWord(key, headLength: 5) else { continue }
            let surname = lexicon.isSurname(key)
            let reports = open + 3 < tokens.count && units[tokens[open + 3].start] == 0x3A
            guard surname && (reports || !lexicon.isNoun(key)) || reports && !lexicon.isCommonWord(key) && !lexicon.isPlace(key)
            else { continue }
            if covered == nil {
                var offsets = OffsetSet(limit: units.count)
                for candidate in candidates.indices where candidates[candidate].score >= threshold {
                    offsets.insert(candidates[candidate].range.lowerBound)
                }
                covered = offsets
            }
            guard covered?.contains(token.start) == false else { continue }
            // A surname that is a town too ("Lingen") only at the threshold: an address rule's reading of it wins.
            let score = surname && lexicon.isPlace(key) ? threshold : Evidence.confidentScore
            added.append(Candidate(range: token.range, category: .person, label: Self.label, score: score,
                                   derived: score < Evidence.confidentScore))
        }
        candidates.append(contentsOf: added)
    }
}
