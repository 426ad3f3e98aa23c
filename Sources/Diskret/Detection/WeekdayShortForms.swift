/// A weekday's short form that the first-name lists hold too ("Di", "Mi", "Do", "Mo") is the day where it stands
/// as one, and was masked as a person and read as one. Office hours and other recurring days are no personal data
/// and stay readable: after "jeden", "ab", "bis" ("jeden Di"), or as a range's end ("Mo–Fr"). A particular day
/// beside another ("Sa und Mo", "di+mi", "Di/Do") or in a table's cell under "Tag" ("| Tag |" over "| Di |") is a
/// date, masked as one. A short form used as a name ("Mo" for Mohammed: "Mo kam spät") stays a name.
struct WeekdayShortForms {
    static let label = RuleLabel(rule: "engine.weekday-short-form", type: "date.weekday")
    let tables: TableLayout

    /// Drops the first-name findings that are recurring days and makes those that are particular days dates.
    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        var days: [Int] = []
        for position in candidates.indices where candidates[position].category == .person && candidates[position].label.isFirstName
            && candidates[position].range.count == 2 {
            let index = text.firstToken(endingAfter: candidates[position].range.lowerBound)
            guard index < text.tokens.count, text.tokens[index].range == candidates[position].range, isDay(index, in: text)
            else { continue }
            if isRecurring(index, in: text) {
                days.append(position)
            } else if isParticular(index, in: text) {
                candidates[position] = Candidate(range: candidates[position].range, category: .date, label: Self.label,
                                                 score: candidates[position].score)
            }
        }
        for position in days.reversed() { candidates.remove(at: position) }
    }

    private func isDay(_ index: Int, in text: TokenizedText) -> Bool {
        text.tokens[index].isWord && Self.days.contains(where: { text.key(index).elementsEqual($0) })
    }

    /// After "jeden", "ab", "bis", or joined to another day by a dash ("Mo–Fr", "Mo-Do").
    private func isRecurring(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        if index > 0, tokens[index - 1].isWord, !tokens[index].flags.contains(.newlineBefore),
           Self.dayWords.contains(where: { text.key(index - 1).elementsEqual($0) }) { return true }
        return isJoined(to: index, by: { [0x2D, 0x2013].contains(text.units[text.tokens[$0].start]) }, in: text)
    }

    /// Joined to another day by "+", "/", ",", "und" or "u." ("Sa und Mo", "di+mi"), or in a cell under "Tag".
    private func isParticular(_ index: Int, in text: TokenizedText) -> Bool {
        let joined = isJoined(to: index, by: { joiner in
            text.tokens[joiner].isWord ? text.key(joiner).elementsEqual("und".utf8) || text.key(joiner).elementsEqual("u".utf8)
                : [0x2B, 0x2F, 0x2C].contains(text.units[text.tokens[joiner].start])
        }, in: text)
        return joined || tables.dayCells.contains(where: { $0 == text.tokens[index].range })
    }

    /// Whether a joiner `joins` the day to another day's short form on either side.
    private func isJoined(to index: Int, by joins: (Int) -> Bool, in text: TokenizedText) -> Bool {
        for (joiner, other) in [(index + 1, index + 2), (index - 1, index - 2)] where other >= 0 && other < text.tokens.count {
            if !text.tokens[other].flags.contains(.newlineBefore) || other < index, joins(joiner), isDay(other, in: text) { return true }
        }
        return false
    }

    /// Weekdays' short forms: folded keys.
    private static let days: [[UInt8]] = ["mo", "di", "mi", "do", "fr", "sa", "so"].map { Array($0.utf8) }
    /// Words before a day: "jeden Di", "ab Mo", "bis Fr" (not "außer": "alle da außer Mo" names a youth).
    private static let dayWords: [[UInt8]] = ["jeden", "jeweils", "ab", "bis", "naechsten", "letzten", "kommenden"]
        .map { Array($0.utf8) }
}
