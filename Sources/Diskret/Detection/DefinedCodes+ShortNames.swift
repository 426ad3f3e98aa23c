/// Codes that shorten a person the note names in full: a surname cut to its first letters ("Sz." of
/// Szymański) and two capitals of a name heading the answer lines of a mail ("MT:" of Minh Trinh).
extension DefinedCodes {
    /// A surname cut to its first letters and a full stop where the note goes on about a person it has named
    /// in full ("Kevin Szymański (27) …" then "Gg. Sz. besteht EA", "Sz. vor Ort angetroffen"), as police and
    /// court notes shorten a party's name. Only the last word of a name of two words or more is cut so; the
    /// shortened form is two or three letters, no weekday or month, and no word or abbreviation of the lists.
    func abbreviatedSurnames(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var surnames: [ArraySlice<UInt16>] = []
        for index in tokens.indices.dropFirst() where personTokens[index] && personTokens[index - 1]
            && tokens[index].isCapitalizedWord && tokens[index - 1].isCapitalizedWord && text.onlySpaceBetween(index - 1, index)
            && tokens[index].end - tokens[index].start >= 5 && (index + 1 == tokens.count || !personTokens[index + 1]) {
            surnames.append(units[tokens[index].range])
        }
        guard !surnames.isEmpty else { return [] }
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropLast() where tokens[index].isCapitalizedWord && !personTokens[index]
            && (2...3).contains(tokens[index].end - tokens[index].start) && units[tokens[index + 1].start] == 0x2E
            && !tokens[index + 1].flags.contains(.spaceBefore) {
            let code = units[tokens[index].range]
            guard code.dropFirst().allSatisfy(isLatinLower), surnames.contains(where: { $0.starts(with: code) }) else { continue }
            let key = text.key(index)
            guard !Self.calendarAbbreviations.contains(Array(key)), !lexicon.isAllowed(key), !lexicon.isCommonWord(key),
                  !lexicon.isRoleWord(key), !lexicon.isKnownName(key), !lexicon.isPlace(key) else { continue }
            codes.insert(Array(code))
        }
        return codes
    }

    /// Weekdays and months as notes shorten them ("Mo.", "Sa.", "Jan.", "Aug."): never a surname's start.
    static let calendarAbbreviations: Set<[UInt8]> = Set(["mo", "di", "mi", "do", "fr", "sa", "so", "jan", "feb",
        "mar", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"].map { Array($0.utf8) })

    /// The two-letter words that head two lines or more before a colon ("MT: Ja, …" … "MT: Bitte …"): answers
    /// written into a mail, a dialogue's turns. Once, such a word is as often a label ("SB: PHM Gruber" for
    /// Sachbearbeitung). Found in one pass for all of a note's names (each name had scanned the note).
    func twoLetterSpeakers(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var turns: [[UInt16]: Int] = [:]
        for index in tokens.indices.dropLast() where tokens[index].isWord && tokens[index].end - tokens[index].start == 2
            && (index == 0 || tokens[index].flags.contains(.newlineBefore)) && units[tokens[index + 1].start] == 0x3A
            && !tokens[index + 1].flags.contains(.spaceBefore) {
            turns[Array(units[tokens[index].range]), default: 0] += 1
        }
        return Set(turns.filter { $0.value >= 2 }.keys)
    }
}
