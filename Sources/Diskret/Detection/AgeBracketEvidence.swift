/// A name word followed by an age in brackets ("Zi. 3 Kevin (fast 16)", "Merve (13)", "Mai (8 Mon.)") is a person, even where
/// its list hit alone was too weak (after a number, at a line start, a first name that is also a noun): in
/// lists of children and residents that bracket is what names them. Not a noun alone: "Seite (3)".
struct AgeBracketEvidence {
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let units = text.units
        for index in candidates.indices where candidates[index].category == .person && candidates[index].score < threshold {
            var position = candidates[index].range.upperBound
            if position < units.count && units[position] == 0x20 { position += 1 }
            guard position < units.count, units[position] == 0x28 else { continue }
            position += 1
            // A noun before a bracket ("Seite (3)", "Anlage (2)") is no child; a noun that is also a first name
            // ("Lan (7)", "Rose (4)") is one. (Asked after the bracket is seen: most candidates have none.)
            guard let key = text.joinedKey(covering: candidates[index].range),
                  !lexicon.isCommonWord(key[...]) || lexicon.isFirstName(key[...]) else { continue }
            // An optional "ca."/"fast"/"knapp" before the number.
            for word in Self.qualifiers where units.has(word, at: position) { position += word.count; break }
            var digits = 0
            while position < units.count, (0x30...0x39).contains(units[position]), digits < 3 { digits += 1; position += 1 }
            guard (1...2).contains(digits), position < units.count else { continue }
            let next = units[position]
            // ")", ",", or a unit of years, months or weeks: " J.", " Mon.", " Wo."
            if next == 0x29 || next == 0x2C || (next == 0x20 && position + 1 < units.count && [0x4A, 0x4D, 0x57].contains(units[position + 1])) {
                candidates[index].score = threshold
            }
        }
    }

    private static let qualifiers: [[UInt16]] = ["ca. ", "fast ", "knapp ", "jetzt ", "heute "].map { Array($0.utf16) }

}
