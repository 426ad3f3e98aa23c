/// A number alone in a table's age column ("| Kind | geb. | Alter |" … "| 11 |", "| 7 Mon. |") is an age,
/// whoever the row is about: the header says what the cell holds. Years are the number; months and weeks
/// keep their unit, as the guideline writes them.
struct TableAges {
    static let label = RuleLabel(rule: "engine.table-age", type: "age")
    let threshold: Double
    let tables: TableLayout

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        for cell in tables.cells where cell.kind == .age {
            let tokens = tokenIndices(of: cell.range, in: text)
            guard let first = tokens.first, text.tokens[first].kind == .number,
                  (1...3).contains(text.tokens[first].end - text.tokens[first].start),
                  text.units[text.tokens[first].range].allSatisfy({ (0x30...0x39).contains($0) }) else { continue }
            var end = text.tokens[first].end
            if first + 1 < tokens.upperBound, text.tokens[first + 1].isWord,
               Self.smallUnits.contains(where: { text.units[text.tokens[first + 1].range].elementsEqual($0) }) {
                end = text.tokens[first + 1].end
                if first + 2 < tokens.upperBound, text.units[text.tokens[first + 2].start] == 0x2E { end = text.tokens[first + 2].end }
            }
            candidates.append(Candidate(range: text.tokens[first].start..<end, category: .age, label: Self.label, score: threshold, derived: true))
        }
    }

    /// Units below a year that belong to the age span: "7 Mon.", "9 Wochen".
    private static let smallUnits: [[UInt16]] = ["Mon", "Monat", "Monate", "Mo", "Wo", "Wochen", "Woche", "Tage", "Tag"].map { Array($0.utf16) }
}
