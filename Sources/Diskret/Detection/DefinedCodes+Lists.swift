/// Codes defined by the attendance and duty lines of minutes, logs and rosters: "anw.: AK, JB, Kü, MS",
/// "entsch.: RH (krank)", "Prot.: JB", "f.d.R. JB", "Dienst: MaK (Tagdienst), SW (Spätdienst)". After such a
/// label ("erstellt:", "durch:", "Übernommen:") every item of the list that has a code's shape is a person of the note; full names in the list are
/// left to the name rules, and an item's bracket ("(krank)", "(Prakt.)") is skipped.
extension DefinedCodes {
    func codesInAttendanceLines(of text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        var index = 0
        while index < tokens.count {
            // A label is followed by a dot or a colon: most words are not, and are passed over here.
            guard tokens[index].isWord, index + 1 < tokens.count,
                  case let next = units[tokens[index + 1].start], next == 0x2E || next == 0x3A,
                  let listStart = listStart(afterLabelAt: index, in: text) else { index += 1; continue }
            // Whoever a duty line names is on duty, a role's letters too ("Nachtdienst: KL").
            let duty = Self.dutyLabels.contains(Self.labelWord(units[tokens[index].range]))
            index = listStart
            var itemStart = true, titled = false
            // A list whose line ends with a comma goes on, indented, on the next ("KRÜ (D, Ge), …,⏎     LNG (Ku)").
            while index < tokens.count, index == listStart || !tokens[index].flags.contains(.newlineBefore)
                    || (units[tokens[index - 1].start] == 0x2C && isIndented(index, in: text)) {
                // Another label on the line opens a list of its own ("ND: AH   Übergabe von: JK   Leitung: MG").
                if index > listStart, tokens[index].isWord, index + 1 < tokens.count, units[tokens[index + 1].start] == 0x3A,
                   self.listStart(afterLabelAt: index, in: text) != nil { break }
                let unit = units[tokens[index].start]
                if unit == 0x28 {  // an item's bracket: skip it whole
                    while index < tokens.count, units[tokens[index].start] != 0x29, !tokens[index].flags.contains(.newlineBefore) { index += 1 }
                    if index < tokens.count, units[tokens[index].start] == 0x29 { index += 1 }
                    continue
                }
                if Self.separators.contains(unit) || Self.isJoiningWord(units[tokens[index].range]) { itemStart = true; index += 1; continue }
                // A title's abbreviation before the item's code leaves the code the item ("Ref. Kö", "Fr. Sch").
                if itemStart, tokens[index].isWord, index + 2 < tokens.count, units[tokens[index + 1].start] == 0x2E,
                   !tokens[index + 2].flags.contains(.newlineBefore),
                   Self.itemTitles.contains(where: { text.key(index).elementsEqual($0) }) {
                    index += 2
                    titled = true
                    continue
                }
                // A shift's letters before the item's code ("Dienst: FD JoB · SD MaF, WW · ND Kl"): the code is the item.
                if itemStart, tokens[index].end - tokens[index].start == 2, index + 1 < tokens.count, tokens[index + 1].isWord,
                   !tokens[index + 1].flags.contains(.newlineBefore), Self.shiftWords.contains(Array(units[tokens[index].range])) {
                    index += 1
                    continue
                }
                // In an attendance line capitals are someone's initials unless they are a role ("KG", not "KM").
                // ICU calls a word that ends in digits a number: "BE1" is asked for apart.
                // After a title's abbreviation a capital and small letters are the code even where they are a word ("Ref. Kö").
                // A weekday's letters alone at a duty line's end are the one on duty ("MA: Sa").
                let closesLine = index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore)
                if itemStart, endsItem(index + 1, in: text), tokens[index].isWord
                    && (isCodeShape(index, in: text, inList: true, duty: duty) || isSmallCode(index, in: text)
                        || duty && closesLine && index == listStart && isTwoLetterCode(index, in: text)
                        || duty && isTwoSmallLetters(index, in: text)
                        || titled && isLetterCode(index, in: text) && !lexicon.isAllowed(text.key(index)))
                    || tokens[index].kind == .number && (NumberedStaffCodes(lexicon: lexicon).isGluedCode(index, in: text)
                        || itemStart && endsItem(index + 1, in: text) && Self.isLetterNumber(units[tokens[index].range])
                        || itemStart && endsItem(index + 1, in: text) && isRecurringOneDigitCode(index, in: text)) {
                    codes.insert(Array(units[tokens[index].range]))
                }
                // A duty's word inside the list leaves the one who holds it the item ("Dienst: N3, N7,
                // Hintergrund Leitung KS").
                itemStart = duty && tokens[index].isWord && Self.dutyLabels.contains(Self.labelWord(units[tokens[index].range]))
                titled = false
                index += 1
            }
        }
        return codes
    }

    /// The token after a list label and its colon ("anw.:", "Teilnehmende:"), or after a label that needs
    /// none ("f.d.R.", "gez."); nil when token `index` is no such label.
    private func listStart(afterLabelAt index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens, units = text.units
        let token = tokens[index]
        var next = index + 1
        if next < tokens.count, units[tokens[next].start] == 0x2E, tokens[next].end - tokens[next].start == 1 { next += 1 }
        // Most words are followed by neither a dot nor a colon: look at the word only after that test.
        guard token.end - token.start <= 20, next > index + 1 || (next < tokens.count && units[tokens[next].start] == 0x3A)
        else { return nil }
        let colon = next < tokens.count && units[tokens[next].start] == 0x3A && tokens[next].end - tokens[next].start == 1
        // Without a colon only the few short labels count: a word at a sentence's end is longer, mostly.
        let (length, first) = Self.labelShape(units[token.range])
        if !colon && length > Self.longestLabelWithoutColon { return nil }
        // Most words before a dot or colon are no label: their length and first letter tell so before the word
        // is made and hashed (that had been most of this stage on the bench corpus).
        let shaped = length < Self.labelShapes.count && Self.labelShapes[length] & Self.shapeBit(first) != 0
        let word = shaped ? Self.labelWord(units[token.range]) : []
        let labelled = shaped && (colon ? Self.labels.contains(word) || Self.labelsWithoutColon.contains(word)
                                        : Self.labelsWithoutColon.contains(word))
        // A legend's label of several words: "LK-Kürzel lt. Stundenplan:", "Kürzel der Kolleginnen:".
        guard labelled || colon && (isCodeLegend(endingAt: index, in: text) || isGenderedLabel(endingAt: index, in: text))
        else { return nil }
        if labelled, Self.handoverLabels.contains(word), !opensHandoverLine(index, in: text) { return nil }
        if colon { next += 1 }
        guard next < tokens.count, !tokens[next].flags.contains(.newlineBefore) else { return nil }
        return next
    }

    /// Whether a word ending in "kürzel" opens the line of the label that ends at token `index` ("LK-Kürzel lt.
    /// Stundenplan:"): what the colon lists are codes.
    private func isCodeLegend(endingAt index: Int, in text: TokenizedText) -> Bool {
        var before = index
        for _ in 0..<6 {
            let token = text.tokens[before]
            if token.isWord, Self.labelWord(text.units[token.range]).reversed().starts(with: Self.legendWord.reversed()) { return true }
            if token.flags.contains(.newlineBefore) || before == 0 { return false }
            before -= 1
        }
        return false
    }

    private static let legendWord = Array("kürzel".utf16)

    /// Whether token `index` is the "innen" of a label written with a gender mark ("Berater*innen:",
    /// "Mitarbeiter:innen:", "Kolleg_innen:"), whose stem is a label.
    private func isGenderedLabel(endingAt index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index >= 2, units[tokens[index].range].elementsEqual("innen".utf16), tokens[index - 1].end - tokens[index - 1].start == 1,
              [0x2A, 0x3A, 0x5F].contains(units[tokens[index - 1].start]), tokens[index - 1].end == tokens[index].start,
              tokens[index - 2].end == tokens[index - 1].start, tokens[index - 2].isWord else { return false }
        let stem = Self.labelWord(units[tokens[index - 2].range])
        return Self.labels.contains(stem) || Self.labels.contains(stem + Array("innen".utf16))
    }

    /// Whether token `index` is the "von:" that opens a handover line or the "an:" after it on that line ("von:
    /// SK  an: MB"); a mail's or fax's "Von:" has its "An:" on a line of its own.
    private func opensHandoverLine(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        let line = text.lineTokens(of: index), start = line.lowerBound, end = line.upperBound
        func isLabel(_ at: Int, _ word: String) -> Bool {
            at + 1 < end && text.key(at).elementsEqual(word.utf8) && text.units[tokens[at + 1].start] == 0x3A
        }
        return isLabel(start, "von") && (start + 2..<end).contains { isLabel($0, "an") }
    }

    /// A capital and a small letter ("Sa", "Ch").
    private func isTwoLetterCode(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range]
        return code.count == 2 && isLatinUpper(code[code.startIndex]) && isLatinLower(code[code.startIndex + 1])
    }

    /// One capital and two or three digits, as a helpline numbers its staff in an attendance line ("Besetzung:
    /// B07 (Schichtltg.), B12").
    static func isLetterNumber(_ code: ArraySlice<UInt16>) -> Bool { code.count >= 3 && isCapitalAndNumber(code) }

    /// A capital and one digit in a duty or staff line that the note writes again elsewhere ("Dienst: N3 (bis
    /// 02:00), N7" … "22:14 | N3 |", "Beraterinnen: B2, B5"): a helpline's staff by their line's number. Once only, it is a paper size or a room ("A4").
    private func isRecurringOneDigitCode(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range]
        guard code.count == 2, Self.isCapitalAndNumber(code) else { return false }
        return text.tokens.indices.contains { $0 != index && text.tokens[$0].kind == .number && text.units[text.tokens[$0].range].elementsEqual(code) }
    }

    /// Whether the line of token `index` begins with white space: a list's continuation.
    private func isIndented(_ index: Int, in text: TokenizedText) -> Bool {
        let start = text.tokens[index].start
        return start > 0 && (text.units[start - 1] == 0x20 || text.units[start - 1] == 0x09)
    }

    /// Whether the item's word is followed by the end of the line or the list, a bracket, or a code's dot.
    func endsItem(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index < tokens.count, !tokens[index].flags.contains(.newlineBefore) else { return true }
        // A column's gap ends the item as a line's end does ("gez. HeB / JaW     TL: Ro.").
        if index > 0, isColumnGap(units[tokens[index - 1].end..<tokens[index].start]) { return true }
        let unit = units[tokens[index].start]
        if unit == 0x2E { return endsItem(index + 1, in: text) }
        // The next list label on the line: "von: SK  an: MB" (not "RB ASD: TS", a duty and its service).
        if tokens[index].isWord, index + 1 < tokens.count, units[tokens[index + 1].start] == 0x3A,
           Self.labels.contains(Self.labelWord(units[tokens[index].range])) { return true }
        // A closing bracket ends a list written inside one ("(erstellt: CE)"); a date after a code dates the
        // entry ("Übernommen: EK 13.03.").
        // "=" after a code in a legend defines it ("Kürzel: Hf = Klassenleitung, Mü = Schulsozialarbeit").
        return unit == 0x28 || unit == 0x29 || unit == 0x3D || isASCIIDigit(unit) || Self.separators.contains(unit)
            || Self.isJoiningWord(units[tokens[index].range])
    }

    /// Two to four Latin letters beginning with a capital, not a role word nor, unless in capitals, a common
    /// word: "AK", "AM", "Kü", "MaK", "Schr". In an attendance list (`inList`) capitals that another allow list
    /// holds ("KG") are initials as well.
    /// A capital and three small letters must carry a dot ("Schr."), or it is a word ("Nina", "Team").
    func isCodeShape(_ index: Int, in text: TokenizedText, inList: Bool = false, duty: Bool = false) -> Bool {
        let token = text.tokens[index]
        let code = text.units[token.range]
        guard (2...4).contains(code.count), isLatinUpper(code[code.startIndex]),
              code.allSatisfy(isCasedLatinLetter) else { return false }
        let capitals = code.filter(isLatinUpper).count
        // A capital after a small letter ("KiR", "AnM"), two capitals before a small one ("ERz") or no vowel at
        // all ("Wst", "Hdz" is a label) is no word.
        if zip(code.dropLast(), code.dropFirst()).contains(where: { isLatinLower($0) && isLatinUpper($1) })
            || capitals >= 2 && capitals < code.count && isLatinUpper(code[code.startIndex + 1]) {
            return !lexicon.isAllowed(text.key(index))
        }
        if inList && capitals == 1 && code.count == 3 && !code.contains(where: { Self.vowels.contains($0) }) {
            return !lexicon.isAllowed(text.key(index)) && !Self.voweless.contains(Array(text.key(index)))
        }
        // On a duty line two letters name the one on duty even where a list knows them ("ND Kl", "Nachtdienst
        // (Kl)"), but for a weekday ("Dienst: Di 12.03.").
        if duty && capitals == 1 && code.count == 2 { return !Self.calendarAbbreviations.contains(Array(text.key(index))) }
        if capitals == 1 && code.count > 2 {
            let dotted = index + 1 < text.tokens.count && text.units[text.tokens[index + 1].start] == 0x2E
                && !text.tokens[index + 1].flags.contains(.spaceBefore)
            // Four letters without a vowel are no word, with or without their dot ("Schr = Sport").
            let voweless = code.count == 4 && !code.contains(where: { Self.vowels.contains($0) })
                && !Self.voweless.contains(Array(text.key(index)))
            guard dotted || voweless else { return false }
        }
        // Capitals are no word of the lists ("AM" is not "am", "AB" is not "ab"); a role word stays one ("KM", "ASD").
        let key = text.key(index)
        if capitals == code.count {
            return !lexicon.isAllowed(key) || Self.shortFunctionWords.contains(Array(key)) || (inList && (duty || !lexicon.isRoleWord(key)))
        }
        return !lexicon.isAllowed(key) && !lexicon.isCommonWord(key)
    }

    private static let vowels: Set<UInt16> = Set("aeiouäöüyAEIOUÄÖÜY".utf16)
    /// Abbreviations of three letters without a vowel that name a function, not a person ("Ltg = M. Gassmann").
    private static let voweless: Set<[UInt8]> = Set(["ltg", "stv", "vtr", "mgl", "pkt", "std", "tgl", "tlw", "vgl", "bzw", "zzt",
                                                      "hzg", "hst", "grp"].map { Array($0.utf8) })

    /// Two-letter words of the allow lists that, written in capitals where codes stand, are someone's initials
    /// ("AB", "DA"; "KL", not "Kl." for the client).
    static let shortFunctionWords: Set<[UInt8]> = Set(["ab", "an", "am", "im", "um", "zu", "da", "so", "es", "er", "ob",
        "wo", "du", "la", "kl"].map { Array($0.utf8) })

    private static func isJoiningWord(_ word: ArraySlice<UInt16>) -> Bool {
        word.elementsEqual("und".utf16) || word.elementsEqual("u".utf16) || word.elementsEqual("sowie".utf16)
    }

    /// Abbreviated titles before a colleague's code: Referendar(in), Praktikant(in), Frau, Herr, Kollege/Kollegin.
    private static let itemTitles: [[UInt8]] = ["ref", "prakt", "fr", "hr", "koll"].map { Array($0.utf8) }

    /// "," "/" "+" "&" ";" "·" "•" between the items of a list, and the check marks of a read receipt ("gelesen: AS ✓ TK ✓").
    private static let separators: Set<UInt16> = [0x2C, 0x2F, 0x2B, 0x26, 0x3B, 0xB7, 0x2022, 0x2713, 0x2714]

    /// Labels of attendance, duty and authorship lines, small letters without dots, that need a colon.
    static let labels: Set<[UInt16]> = Set([
        "anw", "anwesend", "anwesende", "anwesenheit", "teilnehmende", "teilnehmer", "teilnehmerinnen", "tn", "teiln",
        "entsch", "entschuldigt", "abwesend", "prot", "protokoll", "protokollführung", "protokollant", "protokollantin",
        "mod", "moderation", "dienst", "dienste", "verf", "verfasst", "verfasser", "verfasserin", "bearb", "bearbeitung",
        "kürzel", "hz", "vertretung", "verteiler", "schicht", "frühdienst", "spätdienst", "nachtdienst", "tagdienst",
        "zuständig", "zust", "fallführung", "ff", "mitarbeitende", "team", "besetzung", "angelegt", "erstellt",
        "durch", "übernommen", "übergeben", "abgetippt", "abgeschrieben", "aufgenommen", "bearbeiter", "bearbeiterin", "sachbearbeitung",
        "ansprechpartner", "ansprechpartnerin", "ersteller", "erstellerin", "unterschrift", "handzeichen", "berat",
        "rufbereitschaft", "bereitschaft", "hdz", "nd", "fd", "sd", "td", "gesehen", "gelesen", "kenntnis", "fk", "fachkraft",
        "fachkräfte", "beteiligt", "beteiligte", "nachtbereitschaft", "gegengelesen", "leitung", "ltg", "geführt", "ma",
        "von", "an", "berater", "beraterin", "beraterinnen", "mitarbeiter", "mitarbeiterinnen", "kolleginnen", "kollegen",
    ].map { Array($0.utf16) })
    /// Labels that open a handover only at the line's start, "an" after "von:" on it too ("von: SK  an: MB"):
    /// elsewhere they are prepositions ("Weiter an: BISS Uelzen").
    private static let handoverLabels: Set<[UInt16]> = Set(["von", "an"].map { Array($0.utf16) })

    /// Labels of who is on duty: a role's letters after them are someone's code.
    static let dutyLabels: Set<[UInt16]> = Set(["dienst", "schicht", "frühdienst", "spätdienst", "nachtdienst", "tagdienst",
        "rufbereitschaft", "bereitschaft", "hz", "hdz", "handzeichen", "kürzel", "nd", "fd", "sd", "td", "nachtbereitschaft",
        "leitung", "ltg", "ma"]
        .map { Array($0.utf16) })

    /// A label's word in small letters, without its dots.
    static func labelWord(_ units: ArraySlice<UInt16>) -> [UInt16] {
        var word: [UInt16] = []
        word.reserveCapacity(units.count)
        for unit in units where unit != 0x2E { word.append(latinLowercased(unit)) }
        return word
    }

    /// The length of `labelWord(units)` and its first unit (0 when empty), without making it.
    private static func labelShape(_ units: ArraySlice<UInt16>) -> (length: Int, first: UInt16) {
        var length = 0, first: UInt16 = 0
        for unit in units where unit != 0x2E {
            if length == 0 { first = latinLowercased(unit) }
            length += 1
        }
        return (length, first)
    }

    /// Per length, the first units of `labels` and `labelsWithoutColon` of that length as `shapeBit`s: a word
    /// whose shape has no bit here is in neither set.
    private static let labelShapes: [UInt32] = {
        var shapes = [UInt32](repeating: 0, count: 1 + labels.union(labelsWithoutColon).map(\.count).max()!)
        for word in labels.union(labelsWithoutColon) { shapes[word.count] |= shapeBit(word[0]) }
        return shapes
    }()

    /// One bit per small ASCII letter, one for every other unit.
    private static func shapeBit(_ unit: UInt16) -> UInt32 { (0x61...0x7A).contains(unit) ? 1 << UInt32(unit - 0x61) : 1 << 26 }

    /// Labels followed by a code without a colon: "f.d.R. JB", "gez. AK", "Prot. JB", "aufgen. sk".
    private static let labelsWithoutColon: Set<[UInt16]> = Set(["fdr", "gez", "prot", "hz", "hdz", "aufgen", "aufg", "verf"].map { Array($0.utf16) })
    private static let longestLabelWithoutColon = labelsWithoutColon.map(\.count).max() ?? 0

    /// The code after a shift's letters in a day's heading or a handover line ("Fr 14.03. – FD MaS, SD tk, ND Rü"):
    /// whoever the shift names is on duty.
    func codesAfterShiftLetters(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        // Every shift begins with a capital: most words are passed over by that before they are compared.
        for index in tokens.indices.dropLast() where tokens[index].isWord && (2...5).contains(tokens[index].end - tokens[index].start)
            && isLatinUpper(units[tokens[index].start])
            && (Self.dutyShifts.contains(where: { units[tokens[index].range].elementsEqual($0) })
                || Self.shiftNames.contains(where: { units[tokens[index].range].elementsEqual($0) })) {
            let code = index + 1
            guard tokens[code].isWord, tokens[code].start == tokens[index].end + 1, units[tokens[index].end] == 0x20,
                  !Self.dutyShifts.contains(where: { units[tokens[code].range].elementsEqual($0) }),
                  endsItem(code + 1, in: text), isCodeShape(code, in: text, inList: true, duty: true) || isSmallCode(code, in: text)
            else { continue }
            codes.insert(Array(units[tokens[code].range]))
        }
        return codes
    }

    /// Früh-, Spät-, Nacht-, Tag- and Bereitschaftsdienst as duty rosters write them: the shifts of `shiftWords`
    /// that name a duty on their own, wherever they stand.
    static let dutyShifts: [[UInt16]] = ["FD", "SD", "ND", "TD", "BD"].map { Array($0.utf16) }
    /// The shifts a roster writes out before the one on them: "Früh FRO (App. 21), Spät BEN".
    static let shiftNames: [[UInt16]] = ["Früh", "Spät", "Nacht", "Tag"].map { Array($0.utf16) }
}
