/// A lone initial ("D.", "A.") stands for a person of the note whose name starts with that letter: once
/// "Dominik" or "Amira" is found, "lt. D." and "- A. erzählt" are that person, whatever stands around them.
/// Children in case notes are mostly named so after their first mention; adults in police reports by both
/// initials, spaced or not ("D. H.", "D.H.").
///
/// Not taken: known abbreviations ("Z. n.", "I. A.", a lower-case letter after: "z. B."), "S." before a
/// number (a page), and A., M., N., V. before a word of no German list (Arteria, Morbus, Nervus, Vena in
/// findings: "A. carotis").
struct NamedInitials {
    static let label = RuleLabel(rule: "engine.named-initial", type: "person.initial")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var letters = Set<UInt16>()
        var covered = [Bool](repeating: false, count: units.count + 1)
        // By index: a copy of each candidate retained its label.
        for candidate in candidates.indices where candidates[candidate].score >= threshold {
            let range = candidates[candidate].range
            for offset in range { covered[offset] = true }
            guard candidates[candidate].category == .person else { continue }
            var position = range.lowerBound
            while position < range.upperBound {
                let unit = units[position]
                // A name's first letters, also of a name typed in lower case ("nicole nowak": N.).
                if Self.isLetter(unit), position + 1 < units.count, isLatinLower(units[position + 1]),
                   position == 0 || !Self.isLetter(units[position - 1]) {
                    letters.insert(isLatinLower(unit) && unit != 0xDF && unit != 0xFF ? unit - 0x20 : unit)
                }
                position += 1
            }
        }
        guard !letters.isEmpty else { return }
        for index in tokens.indices where index + 1 < tokens.count {
            let token = tokens[index], dot = tokens[index + 1]
            guard token.isWord, token.end - token.start == 1, letters.contains(units[token.start]), !covered[token.start],
                  units[dot.start] == 0x2E, !dot.flags.contains(.spaceBefore) else { continue }
            if index + 2 < tokens.count, isAbbreviationPart(after: index + 2, in: text) { continue }
            if index >= 2, units[tokens[index - 1].start] == 0x2E, tokens[index - 2].isWord,
               tokens[index - 2].end - tokens[index - 2].start == 1,
               Self.knownPairs.contains([units[tokens[index - 2].start], units[token.start]]) { continue }  // "I. A." second half
            if index + 2 < tokens.count, tokens[index + 2].kind == .number, units[token.start] == 0x53 { continue }  // "S. 12"
            // After a number a letter is a unit ("29 J.", "7 d. A."); after "d."/"i." it ends an abbreviation ("d. A.").
            if index >= 1, tokens[index - 1].kind == .number { continue }
            // "v." is "von" before a person ("Sohn v. H. W."), "u." is "und" between two ("O. u. K."): neither is
            // an abbreviation's first half there.
            if index >= 2, units[tokens[index - 1].start] == 0x2E, tokens[index - 2].isWord,
               tokens[index - 2].end - tokens[index - 2].start == 1, !tokens[index - 2].isCapitalizedWord,
               units[tokens[index - 2].start] != 0x76, !isAndBetweenInitials(index - 2, in: text) { continue }
            if [0x41, 0x4D, 0x4E, 0x56].contains(units[token.start]), index + 2 < tokens.count, tokens[index + 2].isWord,
               !tokens[index + 2].isCapitalizedWord, !lexicon.isCommonWord(text.key(index + 2)) { continue }
            // A double initial of a hyphenated first name ("L.-M." for Lara-Marie) is one mention.
            var end = dot.end
            if end + 2 < units.count, units[end] == 0x2D, isLatinUpper(units[end + 1]), units[end + 2] == 0x2E { end += 3 }
            candidates.append(Candidate(range: token.start..<end, category: .person, label: Self.label, score: threshold, derived: true))
        }
        // Both initials written without a space ("D.H." for Dennis Hoppe), which ICU keeps one word: a person's
        // first and last letters of the note, not an abbreviation's ("I.A.", "U.A.") nor a degree's ("B.A.").
        for index in tokens.indices where index + 1 < tokens.count && tokens[index].end - tokens[index].start == 3 {
            let start = tokens[index].start, dot = tokens[index + 1]
            guard units[start + 1] == 0x2E, isLatinUpper(units[start]), isLatinUpper(units[start + 2]), !covered[start],
                  units[dot.start] == 0x2E, !dot.flags.contains(.spaceBefore),
                  letters.contains(units[start]), letters.contains(units[start + 2]),
                  !Self.knownPairs.contains([units[start], units[start + 2]]),
                  !Self.degrees.contains([units[start], units[start + 2]]) else { continue }
            candidates.append(Candidate(range: start..<dot.end, category: .person, label: Self.label, score: threshold, derived: true))
        }
    }

    /// Whether the "u." at token `index` joins two capital initials ("O. u. K."): "und", not "u. a.".
    private func isAndBetweenInitials(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard units[tokens[index].start] == 0x75, index >= 2, index + 3 < tokens.count, units[tokens[index + 1].start] == 0x2E else { return false }
        return text.isInitial(index - 2) && text.isInitial(index + 2)
    }

    /// Whether the token at `index` continues an abbreviation of single letters ("Z. n.", "I. A.", "u. a.").
    private func isAbbreviationPart(after index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard index + 1 < tokens.count, tokens[index].isWord, tokens[index].end - tokens[index].start == 1,
              !isAndBetweenInitials(index, in: text) else { return false }
        let next = tokens[index + 1]
        guard text.units[next.start] == 0x2E, !next.flags.contains(.spaceBefore) else { return false }
        // A lower-case letter ("Z. n.") or a capital that the list of pairs knows ("I. A.").
        return !tokens[index].isCapitalizedWord || Self.knownPairs.contains([text.units[tokens[index - 2].start], text.units[tokens[index].start]])
    }

    private static let knownPairs: Set<[UInt16]> = [[0x49, 0x41], [0x49, 0x56], [0x5A, 0x4E], [0x56, 0x41], [0x55, 0x41]]  // I.A. I.V. Z.N. V.A. U.A.

    private static let degrees: Set<[UInt16]> = [[0x42, 0x41], [0x4D, 0x41], [0x42, 0x53], [0x4D, 0x53], [0x4D, 0x44], [0x50, 0x44]]  // B.A. M.A. B.S. M.S. M.D. P.D.

    private static func isLetter(_ unit: UInt16) -> Bool { isLatinUpper(unit) || isLatinLower(unit) }
}
