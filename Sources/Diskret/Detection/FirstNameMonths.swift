/// A month that is also a first name ("Mai", "April", "Juni") right before a surname or an age in brackets is the
/// first name: "für Mai Brenninger" names Mai, not a date in May, and so does "Halbschwester Mai (8 Mon.)". Read
/// as a date it left the surname alone, and the linker gave it the placeholder of a sibling with the same
/// surname — an act on the wrong person.
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
        // Before an age in brackets the month is a child ("die Halbschwester Mai (8 Mon.)", "Mai (10) äußerte"),
        // whether or not a date rule read it; allowed as a month, no list offered it as a name.
        for index in tokens.indices.dropLast(2) where text.units[tokens[index + 1].start] == 0x28 && tokens[index].isCapitalizedWord
            && (3...6).contains(tokens[index].end - tokens[index].start) {
            let open = index + 1, number = index + 2
            guard tokens[open].start <= tokens[index].end + 1, tokens[number].kind == .number, tokens[number].start == tokens[open].end,
                  tokens[number].end - tokens[number].start <= 2, Self.monthNames.contains(text.key(index)),
                  lexicon.isFirstName(text.key(index)) else { continue }
            let range = tokens[index].range
            candidates.removeAll { $0.category == .date && $0.range == range }
            candidates.append(Candidate(range: range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
        pairedWithName(&candidates, in: text)
    }

    /// A month that is a first name, paired by "und" with a person's first name ("Vater von Mai und Linh",
    /// "Linh und Mai"): the children, not a stretch of time ("von Mai und Juni" pairs two months).
    private func pairedWithName(_ candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var personStarts = Set<Int>(), personEnds = Set<Int>()
        // Gathered at the first month that is a first name, before any candidate changes: most notes have
        // none, and the two sets hashed every person's start and end.
        var gathered = false
        for index in tokens.indices where tokens[index].isCapitalizedWord && (3...6).contains(tokens[index].end - tokens[index].start)
            && Self.mayBeMonthName(text.key(index)) && Self.monthNames.contains(text.key(index)) {
            if !gathered {
                gathered = true
                // By index: a copy of each candidate retained its label.
                for candidate in candidates.indices where candidates[candidate].category == .person && candidates[candidate].score >= threshold {
                    personStarts.insert(candidates[candidate].range.lowerBound)
                    personEnds.insert(candidates[candidate].range.upperBound)
                }
            }
            guard !personStarts.isEmpty else { return }
            let after = index + 2 < tokens.count && text.key(index + 1).elementsEqual(Self.and)
                && personStarts.contains(tokens[index + 2].start) && !Self.monthNames.contains(text.key(index + 2))
            let before = index >= 2 && text.key(index - 1).elementsEqual(Self.and) && personEnds.contains(tokens[index - 2].end)
                && !Self.monthNames.contains(text.key(index - 2))
            // Right before a surname found on its own, after "=" that explains a code ("MT = Mai Trịnh").
            let explained = index >= 1 && index + 1 < tokens.count && text.units[tokens[index - 1].start] == 0x3D
                && personStarts.contains(tokens[index + 1].start) && text.onlySpaceBetween(index, index + 1)
            // A year or a day after the month makes it a date ("Mai und Linh" but not "Linh und Mai 2024").
            let dated = index + 1 < tokens.count && tokens[index + 1].kind == .number
            guard after || before || explained, !dated, lexicon.isFirstName(text.key(index)) else { continue }
            let range = tokens[index].range
            candidates.removeAll { $0.category == .date && $0.range.overlaps(range) }
            candidates.append(Candidate(range: range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
    }

    private static let and = Array("und".utf8)[...]

    /// Whether a key begins as one of `monthNames` does (a, j, m): the others are not hashed for the set.
    private static func mayBeMonthName(_ key: ArraySlice<UInt8>) -> Bool {
        guard let first = key.first else { return false }
        return first == 0x61 || first == 0x6A || first == 0x6D
    }

    /// Months that are first names too.
    private static let monthNames: Set<ArraySlice<UInt8>> = Set(["april", "mai", "juni", "juli", "august"].map { Array($0.utf8)[...] })
}
