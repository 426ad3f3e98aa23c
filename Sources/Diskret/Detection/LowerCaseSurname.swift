/// The word after a first name typed in lower case is its surname when no dictionary knows it ("sascha
/// brückner", "jasmine okafor"): the hand that did not capitalise the first name did not capitalise the
/// surname either, and no name list would take it in lower case.
struct LowerCaseSurname {
    static let label = RuleLabel(rule: "engine.lower-case-surname", type: "person.surname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        // By index: iterating the candidates copied each one and retained its label.
        for position in candidates.indices where candidates[position].category == .person && candidates[position].score >= threshold
            && isLatinLower(units[candidates[position].range.lowerBound]) {
            let covered = tokenIndices(of: candidates[position].range, in: text)
            let next = covered.upperBound
            guard next < tokens.count, covered.count == 1, tokens[next].isWord, tokens[next].flags.contains(.lowercase),
                  tokens[next].flags.contains(.spaceBefore), !tokens[next].flags.contains(.newlineBefore),
                  tokens[next].end - tokens[next].start >= 3, !lexicon.isCommonWord(text.key(next)),
                  !lexicon.isAllowed(text.key(next)) else { continue }
            added.append(Candidate(range: tokens[next].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
        candidates.append(contentsOf: added)
    }
}
