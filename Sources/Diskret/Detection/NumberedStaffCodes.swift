/// A service's abbreviation with a staff number ("ASD-14", "SPFH-7", "IeF-3") names one professional, as
/// initials do: minutes of youth offices and case conferences sign, list and assign tasks by such codes, and
/// the number is what tells the conference who it was.
struct NumberedStaffCodes {
    static let label = RuleLabel(rule: "engine.numbered-staff-code", type: "person.initials")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        for index in tokens.indices.dropFirst().dropLast() where units[tokens[index].start] == 0x2D
            && tokens[index].end - tokens[index].start == 1 {
            let code = index - 1, number = index + 1
            // Glued: "ASD-14", not "ASD - 14" or "ASD-14a".
            guard tokens[code].end == tokens[index].start, tokens[number].start == tokens[index].end,
                  tokens[number].kind == .number, (1...3).contains(tokens[number].end - tokens[number].start),
                  text.asciiNumber(number) != nil, isServiceShape(code, in: text),
                  number + 1 == tokens.count || tokens[number + 1].start > tokens[number].end
                    || (!tokens[number + 1].isWord && units[tokens[number + 1].start] != 0x2D),
                  code == 0 || tokens[code - 1].end < tokens[code].start || units[tokens[code - 1].start] != 0x2D
            else { continue }
            candidates.append(Candidate(range: tokens[code].start..<tokens[number].end, category: .person, label: Self.label,
                                        score: Evidence.confidentScore))
        }
    }

    /// Two to five letters in a service's shape: capitals that the lists know as a service ("ASD", "SPFH"), or
    /// capitals around small letters that no list knows as a word ("IeF", "JaS"); never a law ("SGB-8"), a
    /// classification ("ICD-10") or a device ("Kamera GA-02").
    private func isServiceShape(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        let letters = text.units[token.range]
        guard token.isWord, (2...5).contains(letters.count), isLatinUpper(letters[letters.startIndex]),
              isLatinUpper(letters[letters.index(before: letters.endIndex)]),
              letters.allSatisfy({ isLatinUpper($0) || isLatinLower($0) }) else { return false }
        let key = text.key(index)
        guard !Self.notStaff.contains(Array(key)) else { return false }
        // Capitals alone only for a service the lists know ("ASD", "SPFH"; not a camera's "GA-02").
        return lexicon.isRoleWord(key) || (letters.contains(where: isLatinLower) && !lexicon.isCommonWord(key) && !lexicon.isAllowed(key))
    }

    /// Capitals with numbers that name laws, classifications, forms and things.
    private static let notStaff: Set<[UInt8]> = Set(["sgb", "bgb", "icd", "dsm", "covid", "ffp", "pcr", "hiv", "gg", "stgb", "stpo",
        "famfg", "ag", "olg", "lg", "vg", "sg", "bmw", "vw", "mp", "kw", "ukw", "din", "iso", "en", "usb", "lte", "hd", "tv", "pc",
        "bab", "ns", "sars", "mrt", "ct", "ekg", "eeg"].map { Array($0.utf8) })
}
