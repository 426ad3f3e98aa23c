/// The residents of an occupancy line, each after her room's number or before its bracket: "Belegung: Zi. 1
/// Dodo | Zi. 2 Smiley | Zi. 6 frei", "Zi. 3 Gabi", "Dschay (Zi. 1), Lulu (Zi. 4), Bär (Zi. 6)". Shelters and residential groups name residents so, often by nicknames that are
/// words too; where two rooms or more are listed on one line, the capitalised word after each room's number is a
/// person (a word of the dictionaries or the allow lists only in a roster of three rooms or more), and found so it spreads to the rest
/// of the note ("22:20 | Dodo | telefoniert").
struct RoomResidents {
    static let label = RuleLabel(rule: "engine.room-resident", type: "person.nickname")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var line: [(index: Int, common: Bool)] = []
        var added: [Candidate] = []
        func flush() {
            // A word of the dictionaries ("Smiley", "Dodo") counts only in a roster of three rooms or more: in
            // "Zi. 3 Lena (14), Zi. 4 Auto (2)" the car is a thing.
            let roster = line.count >= 3
            if line.count >= 2 {
                for entry in line where roster || !entry.common {
                    added.append(Candidate(range: tokens[entry.index].range, category: .person, label: Self.label,
                                           score: Evidence.confidentScore))
                }
            }
            line.removeAll(keepingCapacity: true)
        }
        for index in tokens.indices.dropLast(3) {
            if tokens[index].flags.contains(.newlineBefore) { flush() }
            // "Zi." or "Zimmer", a number of one or two digits, then the resident's name.
            guard units[tokens[index].start] == 0x5A, tokens[index].isCapitalizedWord else { continue }  // "Z"
            let room = text.key(index)
            guard room.elementsEqual(Self.zi) || room.elementsEqual(Self.zimmer) else { continue }
            var number = index + 1
            if units[tokens[number].start] == 0x2E { number += 1 }
            guard tokens[number].kind == .number, tokens[number].end - tokens[number].start <= 2 else { continue }
            // The name before the room's bracket ("Lulu (Zi. 4)") or after the room's number ("Zi. 4 Lulu").
            let name: Int
            if index >= 2, units[tokens[index - 1].start] == 0x28, tokens[index - 2].end < tokens[index - 1].start,
               !tokens[index - 1].flags.contains(.newlineBefore) {
                name = index - 2
            } else {
                name = number + 1
                guard name < tokens.count, tokens[name].start == tokens[number].end + 1 else { continue }
            }
            guard tokens[name].isCapitalizedWord, !tokens[name].flags.contains(.allCaps), !tokens[name].flags.contains(.newlineBefore)
                    || name < index else { continue }
            let key = text.key(name)
            guard !lexicon.isPersonRole(key), !lexicon.isInstitution(key), !Self.notResidents.contains(where: { key.elementsEqual($0) })
            else { continue }
            // A word an allow list holds ("Dari", a language) is a resident as a dictionary's word is: in a roster.
            line.append((name, lexicon.isCommonWord(key) || lexicon.isAllowed(key) || lexicon.isRoleWord(key)))
        }
        flush()
        candidates.append(contentsOf: added)
    }

    private static let zi = Array("zi".utf8), zimmer = Array("zimmer".utf8)
    /// What a room holds when no one lives in it.
    private static let notResidents: [[UInt8]] = ["frei", "leer", "belegt", "reserviert", "gesperrt", "renovierung", "notaufnahme"]
        .map { Array($0.utf8) }
}
