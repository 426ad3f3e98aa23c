/// Cells read by their column's header. A number alone under "Alter" ("| 11 |", "| 7 Mon. |") is an age, one
/// under "Zi." a room, one under "Tel." or "DW" a phone number or its extension, a word under "Wohnort" a place,
/// whoever the row is about; years are the number, months and weeks keep their unit, as the guideline writes
/// them. A word under "Name" or "Kind" that a name list knows only weakly ("| Noel | Sohn |") is a name, and a
/// capitalised word no list knows there is one too.
struct TableColumns {
    static let ageLabel = RuleLabel(rule: "engine.table-age", type: "age")
    static let nameLabel = RuleLabel(rule: "engine.table-name", type: "person.name")
    static let roomLabel = RuleLabel(rule: "engine.table-room", type: "address.floor")
    static let placeLabel = RuleLabel(rule: "engine.table-place", type: "address.city")
    static let phoneLabel = RuleLabel(rule: "engine.table-phone", type: "contact.phone")
    let lexicon: Lexicon
    let threshold: Double
    let tables: TableLayout

    /// Names in person columns: before the threshold, so that a weak list hit there counts.
    func applyNames(to candidates: inout [Candidate], in text: TokenizedText) {
        // Staff columns hold names as well as codes ("| Bearb. |" over "| Wunderlich |").
        let cells = tables.cells.filter { $0.kind == .person || $0.kind == .staff }
        guard !cells.isEmpty else { return }
        var claimed = Set<Int>()
        for index in candidates.indices where candidates[index].category == .person {
            guard let cell = cells.first(where: { $0.range.contains(candidates[index].range.lowerBound) }) else { continue }
            if candidates[index].range.upperBound <= cell.range.upperBound {
                // A name the lists know, alone in its cell under "Name", "Vorname" or "Kürzel", is as sure as one after
                // "Frau": it spreads to the notes under the table ("- W25-05 Andrzej: …", "05:10  Jojo auf"). A first
                // name that is a noun too ("| Jojo |") is one there: the column says which.
                let sure = isAloneInCell(candidates[index].range, cell, words: wordsIn(cell, text),
                                         firstName: candidates[index].label.isFirstName, in: text)
                candidates[index].score = max(candidates[index].score, sure ? Evidence.confidentScore : threshold)
            }
            claimed.insert(candidates[index].range.lowerBound)
        }
        // How many cells of each column hold a person found: a column of names ("| Wer |" over "| Nessi |", "| Ali |").
        var personsInColumn: [Int: Int] = [:]
        for cell in cells where claimed.contains(where: { cell.range.contains($0) }) { personsInColumn[cell.column, default: 0] += 1 }
        for cell in cells {
            // A cell under "Name" that holds one quoted word holds a name even when it is a word of the language
            // ("| „Dodo“ |", "| „Kleiner“ |"): nicknames fill such columns. (Unquoted, a word there is mostly a
            // form's field: "| Anschrift |".)
            let words = wordsIn(cell, text)
            let aloneInNameCell = cell.kind == .person && words.count == 1 && words[0] > 0
                && QuotationMarks.opens(text.units[text.tokens[words[0] - 1].start])
            for index in tokenIndices(of: cell.range, in: text) where text.tokens[index].isCapitalizedWord
                && !claimed.contains(text.tokens[index].start) {
                // An initial under "Name" is that person ("| ASD-14 | R. | fallführende Fachkraft |").
                if cell.kind == .person, text.isInitial(index), index + 1 < text.tokens.count,
                   !(index > 0 && text.tokens[index - 1].kind == .number) {  // "34 J." is an age
                    candidates.append(Candidate(range: text.tokens[index].start..<text.tokens[index + 1].end, category: .person,
                                                label: Self.nameLabel, score: threshold, derived: true))
                    continue
                }
                guard text.tokens[index].end - text.tokens[index].start >= 2, !text.tokens[index].flags.contains(.allCaps) else { continue }
                let key = text.key(index)
                // A quoted nickname found so spreads to the log's later rows ("| 5 | Dodo | raucht …"), and so does
                // a word no list knows alone in its cell under "Name" ("| Andrzej |" … "- W25-05 Andrzej: …").
                let plainlySure = aloneInNameCell
                    || cell.kind == .person && isAloneInCell(text.tokens[index].range, cell, words: words, firstName: false, in: text)
                // A word of the language alone in a cell of a column of names, and named so in the note's running text
                // too, never after an article: a pet form ("| Dome |" … "* Dome pünktlich los"; not "| Team |" …
                // "im Team besprochen"). Asked only where the cell does not already say so: it reads the whole note.
                let amongNames = !plainlySure && words.count == 1 && personsInColumn[cell.column, default: 0] >= 2
                    && !lexicon.isLowercaseWord(key) && isNamedBareElsewhere(index, in: text)
                guard !lexicon.isAllowed(key), !lexicon.isRoleWord(key), aloneInNameCell || amongNames || !lexicon.isCommonWord(key)
                else { continue }
                let sure = plainlySure || amongNames
                candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.nameLabel,
                                            score: sure ? Evidence.confidentScore : threshold, derived: !sure))
            }
        }
    }

    /// Whether a one-word candidate fills its cell but for spaces, a nickname's bracket or quotes after it, and
    /// is no common word ("| Andrzej |", "| Ionuț („Johnny“) |"; not "| Mutter |") — a first name the lists hold
    /// may be one under "Name" ("| Jojo |"). Under a staff header ("Kürzel") only a listed first name counts:
    /// codes and words stand there too.
    private func isAloneInCell(_ range: Range<Int>, _ cell: TableLayout.Cell, words: [Int], firstName: Bool,
                               in text: TokenizedText) -> Bool {
        guard cell.kind == .person || cell.kind == .staff && firstName else { return false }
        guard let first = words.first, text.tokens[first].range == range, text.tokens[first].isCapitalizedWord else { return false }
        let key = text.key(first)
        return (firstName || !lexicon.isCommonWord(key)) && !lexicon.isRoleWord(key) && !lexicon.isAllowed(key)
            && (words.count == 1 || text.units[text.tokens[first].end..<cell.range.upperBound].contains(0x28))
    }

    /// Whether the word at `index` recurs in the note outside tables, capitalised, never after an article or a
    /// preposition joined with one, and once at least opening a line or a list's item as a log names its subject:
    /// as a name stands ("* Dome pünktlich los"), not as a noun ("die Dome", "Büro Leitung").
    private func isNamedBareElsewhere(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        var bare = 0, opening = false
        for other in text.tokens.indices where other != index && text.tokens[other].keyHash == text.tokens[index].keyHash
            && text.key(other).elementsEqual(key) {
            guard text.tokens[other].isCapitalizedWord else { return false }
            if other > 0, text.tokens[other - 1].isWord, ListedPersons.isArticleOrPossessive(text.key(other - 1)) { return false }
            if !tables.cells.contains(where: { $0.range.contains(text.tokens[other].start) }) {
                bare += 1
                opening = opening || text.opensListItem(other)
            }
        }
        return bare >= 1 && opening
    }

    /// The word tokens of a cell.
    private func wordsIn(_ cell: TableLayout.Cell, _ text: TokenizedText) -> [Int] {
        tokenIndices(of: cell.range, in: text).filter { text.tokens[$0].isWord }
    }

    /// Ages in age columns.
    func applyAges(to candidates: inout [Candidate], in text: TokenizedText) {
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
            candidates.append(Candidate(range: text.tokens[first].start..<end, category: .age, label: Self.ageLabel, score: threshold, derived: true))
        }
    }

    /// Rooms in room columns ("Zi. | Bewohnerin" over "3 | …"): in a shelter's list the number says where a woman
    /// sleeps. A short number or code alone in the cell is the room.
    func applyRooms(to candidates: inout [Candidate], in text: TokenizedText) {
        for cell in tables.cells where cell.kind == .room {
            let tokens = tokenIndices(of: cell.range, in: text)
            guard tokens.count <= 3, let first = tokens.first, text.tokens[first].kind == .number || text.tokens[first].isWord,
                  text.tokens[first].end - text.tokens[first].start <= 5,
                  tokens.contains(where: { text.tokens[$0].kind == .number }) else { continue }
            candidates.append(Candidate(range: cell.range, category: .address, label: Self.roomLabel, score: threshold, derived: true))
        }
    }

    /// Places in place columns ("Wohnort", "Stadtteil", "Herkunft"): a cell of up to four capitalised words
    /// (hyphens and slashes between them) is a place, whether a list knows it ("Neugraben") or not; a cell
    /// that begins with a common noun ("Frauenhaus", "unbekannt") is not, unless a town follows the noun.
    func applyPlaces(to candidates: inout [Candidate], in text: TokenizedText) {
        for cell in tables.cells where cell.kind == .place {
            let tokens = tokenIndices(of: cell.range, in: text)
            let words = tokens.filter { text.tokens[$0].isWord }
            // A cell that begins with a common noun holds a place when a town follows it ("Parkplatz Bahnhof
            // Oldenburg (H)", "Familienzentrum Burg"): where a child is handed over locates the family.
            let namesATown = words.dropFirst().contains { text.tokens[$0].isCapitalizedWord && lexicon.isPlace(text.key($0)) }
            guard let first = words.first, words.count <= 4, text.tokens[first].isCapitalizedWord,
                  lexicon.isPlace(text.key(first)) || !lexicon.isCommonWord(text.key(first)) || namesATown,
                  words.allSatisfy({ text.tokens[$0].isCapitalizedWord || text.tokens[$0].end - text.tokens[$0].start <= 3 }),
                  !tokens.contains(where: { text.tokens[$0].kind == .number }) else { continue }
            candidates.append(Candidate(range: cell.range, category: .address, label: Self.placeLabel, score: threshold, derived: true))
        }
    }

    /// Numbers in phone columns ("| DW |" over "| -3108 |", "| Tel. |" over "| 0171 2233 445 |"): an extension
    /// alone reaches the person at her desk as surely as the whole number. A cell of digits with the signs
    /// numbers are written with, two digits or more.
    func applyPhones(to candidates: inout [Candidate], in text: TokenizedText) {
        for cell in tables.cells where cell.kind == .phone {
            let units = text.units[cell.range]
            guard units.count(where: isASCIIDigit) >= 2,
                  units.allSatisfy({ isASCIIDigit($0) || [0x20, 0x2D, 0x2013, 0x2B, 0x2F, 0x28, 0x29].contains($0) })
            else { continue }
            candidates.append(Candidate(range: cell.range, category: .contact, label: Self.phoneLabel, score: threshold, derived: true))
        }
    }

    /// Units below a year that belong to the age span: "7 Mon.", "9 Wochen".
    private static let smallUnits: [[UInt16]] = ["Mon", "Monat", "Monate", "Mo", "Wo", "Wochen", "Woche", "Tage", "Tag"].map { Array($0.utf16) }
}
