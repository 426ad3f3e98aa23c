/// A month that is also a first name ("Mai", "April", "Juni") right before a surname is the first name:
/// "für Mai Brenninger" names Mai, not a date in May. Read as a date it left the surname alone, and the
/// linker gave it the placeholder of a sibling with the same surname — an act on the wrong person.
struct FirstNameMonths {
    static let label = RuleLabel(rule: "engine.first-name-month", type: "person.name")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var months: [Int] = []
        for index in candidates.indices where candidates[index].category == .date && candidates[index].type == "date.month" {
            months.append(index)
        }
        guard !months.isEmpty else { return }
        var dropped: [Int] = []
        for month in months {
            let range = candidates[month].range
            let first = text.firstToken(endingAfter: range.lowerBound)
            guard first < tokens.count, tokens[first].range == range, tokens[first].isCapitalizedWord,
                  first + 1 < tokens.count, tokens[first + 1].flags.contains(.spaceBefore),
                  !tokens[first + 1].flags.contains(.newlineBefore), lexicon.isFirstName(text.key(first)) else { continue }
            let next = tokens[first + 1].start
            guard let person = candidates.indices.first(where: { candidates[$0].category == .person && candidates[$0].score >= threshold
                && candidates[$0].range.lowerBound == next }) else { continue }
            candidates[person].range = range.lowerBound..<candidates[person].range.upperBound
            candidates[person].label = Self.label
            candidates[person].score = max(candidates[person].score, Evidence.confidentScore)
            dropped.append(month)
        }
        for index in dropped.sorted(by: >) { candidates.remove(at: index) }
    }
}
