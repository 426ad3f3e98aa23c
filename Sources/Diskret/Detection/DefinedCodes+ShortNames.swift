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

    /// Two capitals that spell a person the note names with a first name or its initial — the initials ("CW" of
    /// Ch. Wessendorf, "TA" of T. Ademi) or the surname's first two letters ("MÖ" of M. Möller; "Wa" of a
    /// surname named alone) — where a person stands: after "durch", "von", "mit" and the like, or alone in a bracket ("pro-aktiver Anruf (MÖ)", "durch
    /// CW und TA"). Elsewhere two capitals are as often the field's abbreviations ("HB", "KM"), and those the
    /// lists know stay readable even here.
    func spelledCodesWherePersonsStand(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var spelled = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where personTokens[index] && tokens[index].isCapitalizedWord
            && tokens[index].end - tokens[index].start >= 3 && !tokens[index].flags.contains(.newlineBefore) {
            var before = index - 1
            // An initial's full stop: "T. Ademi", "Ch. Wessendorf".
            if units[tokens[before].start] == 0x2E, tokens[before].end - tokens[before].start == 1, before >= 1,
               !tokens[before].flags.contains(.spaceBefore), !tokens[before].flags.contains(.newlineBefore) { before -= 1 }
            // The initial itself may stand outside the name's finding ("T." before "Ademi").
            let initial = before < index - 1 && tokens[before].end - tokens[before].start == 1
            guard personTokens[before] || initial, tokens[before].isCapitalizedWord, text.onlySpaceBetween(index - 1, index),
                  before + 1 == index || !tokens[before + 1].flags.contains(.newlineBefore),
                  let first = Self.capital(units[tokens[before].start]), let surname = Self.capital(units[tokens[index].start]),
                  let second = Self.capital(units[tokens[index].start + 1]) else { continue }
            spelled.insert([first, surname])
            spelled.insert([surname, second])
        }
        // A surname named alone after a rank or form of address gives its first two letters as a staff code, a
        // capital and a small letter ("PHK Wagenhäuser" … "Fax raus ([[Wa]])", "0.35 h / Be").
        for index in tokens.indices.dropFirst() where personTokens[index] && tokens[index].isCapitalizedWord
            && tokens[index].end - tokens[index].start >= 4 && !personTokens[index - 1]
            && (index + 1 == tokens.count || !personTokens[index + 1]) {
            let second = units[tokens[index].start + 1]
            guard isLatinLower(second) else { continue }
            spelled.insert([units[tokens[index].start], second])
        }
        guard !spelled.isEmpty else { return [] }
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where tokens[index].end - tokens[index].start == 2 && !personTokens[index]
            && tokens[index].isCapitalizedWord && spelled.contains(Array(units[tokens[index].range])) {
            let previous = index - 1
            let aloneInBracket = units[tokens[previous].start] == 0x28 && index + 1 < tokens.count && units[tokens[index + 1].start] == 0x29
            // A sign-off after a slash at the line's end: "erklärt am 04.08.24, 0.35 h / Be".
            let signedOff = units[tokens[previous].start] == 0x2F && !tokens[index].flags.contains(.newlineBefore)
                && (index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore))
            let afterActorWord = !tokens[index].flags.contains(.newlineBefore)
                && Self.actorWords.contains(where: { text.key(previous).elementsEqual($0) })
            // A full stop after the capitals makes them an abbreviation ("WH." for wohnhaft), a hyphen a compound's
            // first part ("mit PR-Nummer").
            let dotted = index + 1 < tokens.count && [0x2E, 0x2D].contains(units[tokens[index + 1].start])
                && !tokens[index + 1].flags.contains(.spaceBefore)
            guard aloneInBracket || afterActorWord || signedOff, !dotted else { continue }
            let key = text.key(index), word = Self.labelWord(units[tokens[index].range])
            // A function's or a shift's letters name the post, not who holds it ("B. Gärtner (TL)", "im SD").
            guard !Self.calendarAbbreviations.contains(Array(key)), !Self.addressAbbreviations.contains(Array(key)),
                  !Self.functionAbbreviations.contains(word), !Self.dutyLabels.contains(word), !lexicon.isAllowed(key),
                  !lexicon.isRoleWord(key), tokens[index].flags.contains(.allCaps) || !lexicon.isCommonWord(key) else { continue }
            codes.insert(Array(units[tokens[index].range]))
        }
        return codes
    }

    /// A first name or surname the note names, cut after four or five letters with a full stop ("Svetlana" …
    /// "Svetl. braucht Begleitung"), as handovers shorten residents; not a word or abbreviation of the lists.
    func truncatedNames(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        var names: [ArraySlice<UInt16>]?
        for index in tokens.indices.dropLast() where !personTokens[index] && tokens[index].isCapitalizedWord
            && (4...5).contains(tokens[index].end - tokens[index].start) && units[tokens[index + 1].start] == 0x2E
            && !tokens[index + 1].flags.contains(.spaceBefore) {
            let cut = units[tokens[index].range]
            // The second half of a compound is no name ("Dipl.-Psych.").
            guard cut.dropFirst().allSatisfy(isLatinLower), index == 0 || !text.isJoiner(index - 1, after: index - 2) else { continue }
            if names == nil {
                names = tokens.indices.filter { personTokens[$0] && tokens[$0].isCapitalizedWord && tokens[$0].end - tokens[$0].start >= 6 }
                    .map { units[tokens[$0].range] }
            }
            guard names!.contains(where: { $0.count >= cut.count + 2 && $0.starts(with: cut) }) else { continue }
            let key = text.key(index)
            guard !Self.calendarAbbreviations.contains(Array(key)), !Self.fileAbbreviations.contains(Array(key)),
                  !lexicon.isAllowed(key), !lexicon.isCommonWord(key), !lexicon.isRoleWord(key), !lexicon.isPlace(key) else { continue }
            codes.insert(Array(cut))
        }
        return codes
    }

    /// Words the field shortens to four or five letters, which a name may begin with too ("Dolm." of Dolmetscherin).
    private static let fileAbbreviations: Set<[UInt8]> = Set(["dolm", "betr", "bespr", "besch", "gesch", "sachb", "zust",
        "verf", "vorg", "stellv", "bearb", "ausk", "mitt", "abschl", "bekl", "klaeg", "antr", "angekl"].map { Array($0.utf8) })

    /// Words after which a person's code stands for who did something: "durch CW", "mit TA", "lt. MÖ".
    private static let actorWords: [[UInt8]] = ["durch", "von", "mit", "bei", "an", "fuer", "laut", "lt", "und", "sowie", "bzw"]
        .map { Array($0.utf8) }

    /// A Latin letter as a capital (ASCII and Latin-1's umlauts and accents), or nil for anything else.
    private static func capital(_ unit: UInt16) -> UInt16? {
        switch unit {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: unit
        case 0x61...0x7A, 0xE0...0xF6, 0xF8...0xFE: unit - 0x20
        default: nil
        }
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
