/// A service's abbreviation with a staff number ("ASD-14", "SPFH-7", "IeF-3", "BE1") names one professional, as
/// initials do: minutes of youth offices and case conferences sign, list and assign tasks by such codes, and
/// the number is what tells the conference who it was.
struct NumberedStaffCodes {
    static let label = RuleLabel(rule: "engine.numbered-staff-code", type: "person.initials")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var found: [Range<Int>] = []
        // Capitals no list knows as a service, by their letters: the staff numbers seen with them, the times seen.
        var unknown: [[UInt16]: (ranges: [Range<Int>], numbers: Set<[UInt16]>)] = [:]
        // Every glued code with its text, and the codes a legend defines ("TK-1 = Tobi (FSJ)", "L-1 = Karin"):
        // defined, a code is a person wherever it stands, one capital and a number too.
        var glued: [(range: Range<Int>, code: ArraySlice<UInt16>, index: Int)] = []
        var singles: [UInt16: (ranges: [Range<Int>], numbers: Set<[UInt16]>)] = [:]
        var defined = Set<ArraySlice<UInt16>>()
        for index in tokens.indices.dropFirst().dropLast() where units[tokens[index].start] == 0x2D
            && tokens[index].end - tokens[index].start == 1 {
            let code = index - 1, number = index + 1
            // Glued: "ASD-14", not "ASD - 14" or "ASD-14a".
            guard tokens[code].end == tokens[index].start, tokens[number].start == tokens[index].end,
                  tokens[number].kind == .number, (1...3).contains(tokens[number].end - tokens[number].start),
                  text.asciiNumber(number) != nil,
                  number + 1 == tokens.count || tokens[number + 1].start > tokens[number].end
                    || (!tokens[number + 1].isWord && units[tokens[number + 1].start] != 0x2D),
                  code == 0 || tokens[code - 1].end < tokens[code].start || units[tokens[code - 1].start] != 0x2D
            else { continue }
            let range = tokens[code].start..<tokens[number].end
            // Up to three capitals: a legend may define them; unknown to the lists, several numbers make them staff.
            let capitals = tokens[code].isWord && tokens[code].end - tokens[code].start <= 3
                && units[tokens[code].range].allSatisfy(isLatinUpper)
            if capitals {
                glued.append((range, units[range], code))
                if isDefinedByLegend(after: number, in: text) { defined.insert(units[range]) }
            }
            // One capital numbered ("L-02", "L-11"): a school's or a group's staff where three numbers or more
            // stand with it; not an exhibit's letter ("K-1", "B-2").
            if tokens[code].isWord, tokens[code].end - tokens[code].start == 1, isLatinUpper(units[tokens[code].start]) {
                singles[units[tokens[code].start], default: ([], [])].ranges.append(range)
                singles[units[tokens[code].start], default: ([], [])].numbers.insert(Array(units[tokens[number].range]))
            }
            guard isCodeShape(code, in: text) else { continue }
            if isServiceShape(code, in: text) {
                found.append(range)
            } else if capitals {
                let letters = Array(units[tokens[code].range])
                unknown[letters, default: ([], [])].ranges.append(range)
                unknown[letters, default: ([], [])].numbers.insert(Array(units[tokens[number].range]))
            }
        }
        // "MA 07", "FK 12", "BL 2", "MA 4471": a staff word and its number apart by a space, where a residential group or
        // service numbers its staff instead of naming them (a "KW 11", "Zi. 3" or an exhibit's "AS 3" has
        // another word).
        for index in tokens.indices.dropLast() where tokens[index].isWord && tokens[index].end - tokens[index].start == 2
            && Self.staffWords.contains(where: { units[tokens[index].range].elementsEqual($0) }) {
            let number = index + 1
            // A number that goes on ("KG 3/5" a muscle grade, "MG 1-0-0" a dosage) counts something else.
            guard tokens[number].kind == .number, tokens[number].start == tokens[index].end + 1, units[tokens[index].end] == 0x20,
                  (1...4).contains(tokens[number].end - tokens[number].start), text.asciiNumber(number) != nil,
                  number + 1 == tokens.count || tokens[number + 1].start > tokens[number].end
                    || !tokens[number + 1].isWord && !goesOn(number, in: text)
            else { continue }
            let letters = Array(units[tokens[index].range])
            unknown[letters, default: ([], [])].ranges.append(tokens[index].start..<tokens[number].end)
            unknown[letters, default: ([], [])].numbers.insert(Array(units[tokens[number].range]))
        }
        // "BE1", "NB2": capitals with the number glued on, one token that ICU calls a number.
        var gluedShapes: [(letters: [UInt16], digits: Int, range: Range<Int>)] = []
        for index in tokens.indices where tokens[index].kind == .number && (3...5).contains(tokens[index].end - tokens[index].start) {
            guard isGluedCode(index, in: text) else { continue }
            let code = units[tokens[index].range]
            let letters = Array(code.prefix(while: isLatinUpper))
            unknown[letters, default: ([], [])].ranges.append(tokens[index].range)
            unknown[letters, default: ([], [])].numbers.insert(Array(code.dropFirst(letters.count)))
            gluedShapes.append((letters, code.count - letters.count, tokens[index].range))
        }
        // Capitals that stand for a function ("FK-07", "FK-12", "LT-1" three times) are staff codes where the note
        // numbers several staff so, or uses one code again and again; a single "GA-02" stays a thing's number.
        var staffLetters = Set<[UInt16]>()
        for (letters, seen) in unknown where seen.numbers.count >= 2 || seen.ranges.count >= 3 {
            found.append(contentsOf: seen.ranges)
            staffLetters.insert(letters)
        }
        // Where two codes glued so name staff ("AB1" and "KR2", each many times), every code of their shape does:
        // a service that codes its staff by two letters and a digit writes "TW1" and "LP2" once each too.
        let established = gluedShapes.filter { staffLetters.contains($0.letters) }
        if Set(established.map(\.letters)).count >= 2 {
            let shapes = Set(established.map { [$0.letters.count, $0.digits] })
            for glued in gluedShapes where !staffLetters.contains(glued.letters) && shapes.contains([glued.letters.count, glued.digits]) {
                found.append(glued.range)
            }
        }
        // An exhibit's letter ("B-2", "K-12") numbers without a leading zero; "B-07", "B-02" number staff.
        for (letter, seen) in singles where seen.numbers.count >= 3 {
            guard Self.exhibitLetters.contains(letter) else { found.append(contentsOf: seen.ranges); continue }
            guard seen.numbers.contains(where: { $0.count == 2 && $0.first == 0x30 }) else { continue }
            found.append(contentsOf: seen.ranges.filter { Self.numberLength(units[$0]) == 2 })
        }
        if !defined.isEmpty {
            let already = Set(found.map(\.lowerBound))
            for entry in glued where defined.contains(entry.code) && !already.contains(entry.range.lowerBound) { found.append(entry.range) }
        }
        // Where two codes or more joined so name staff ("BE-07", "BE-11"), a code of their number's length where a
        // person stands names one too ("Rufbereitschaft L-01", "erledigt durch GL-02", "gegengelesen: GL-02").
        let foundStarts = Set(found.map(\.lowerBound))
        let staffCodes = glued.filter { foundStarts.contains($0.range.lowerBound) }
        if Set(staffCodes.map(\.code)).count >= 2 {
            let lengths = Set(staffCodes.map { Self.numberLength($0.code) })
            for entry in glued where !foundStarts.contains(entry.range.lowerBound) && lengths.contains(Self.numberLength(entry.code))
                && standsForPerson(entry.index, in: text) {
                found.append(entry.range)
            }
        }
        for range in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            candidates.append(Candidate(range: range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
    }

    /// Two to five Latin letters, a capital first and last, none of the laws ("SGB-8"), classifications ("ICD-10")
    /// and things.
    private func isCodeShape(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        let letters = text.units[token.range]
        guard token.isWord, (2...5).contains(letters.count), isLatinUpper(letters[letters.startIndex]),
              isLatinUpper(letters[letters.index(before: letters.endIndex)]),
              letters.allSatisfy(isCasedLatinLetter) else { return false }
        return !Self.notStaff.contains(Array(text.key(index)))
    }

    /// Whether a code's letters name a service: capitals that the lists know as one ("ASD", "SPFH"), or capitals
    /// around small letters that no list knows as a word ("IeF", "JaS"); a device's letters ("Kamera GA-02") are
    /// neither.
    private func isServiceShape(_ index: Int, in text: TokenizedText) -> Bool {
        let letters = text.units[text.tokens[index].range]
        let key = text.key(index)
        // Capitals alone only for a service the lists know ("ASD", "SPFH"; not a camera's "GA-02").
        return lexicon.isRoleWord(key) || (letters.contains(where: isLatinLower) && !lexicon.isCommonWord(key) && !lexicon.isAllowed(key))
    }

    /// Two or three capitals with a number of one or two digits glued on ("BE1", "NB2"), none of the laws,
    /// things and floors ("SGB8", "PS4", "OG2") nor a person's role counted ("KV2", the second child's father).
    func isGluedCode(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range]
        let letters = code.prefix(while: { $0 >= 0x41 && $0 <= 0x5A }), number = code.dropFirst(letters.count)
        guard (2...3).contains(letters.count), (1...2).contains(number.count), number.allSatisfy(isASCIIDigit) else { return false }
        let key = text.key(index).prefix(letters.count)
        return !Self.notStaff.contains(Array(key)) && !lexicon.isPersonRole(key)
    }

    /// The digits after a code's hyphen.
    private static func numberLength(_ code: ArraySlice<UInt16>) -> Int {
        code.count - (code.firstIndex(of: 0x2D).map { code.distance(from: code.startIndex, to: $0) + 1 } ?? 0)
    }

    /// Whether a duty's or an author's word, a label's colon or a list's comma stands right before token `index`.
    private func standsForPerson(_ index: Int, in text: TokenizedText) -> Bool {
        guard index >= 1, !text.tokens[index].flags.contains(.newlineBefore) else { return false }
        let previous = text.tokens[index - 1]
        if previous.kind == .punctuation { return [0x3A, 0x2C, 0x28, 0x2F].contains(text.units[previous.start]) }
        return Self.personSlotWords.contains(where: { text.key(index - 1).elementsEqual($0) })
    }

    private static let personSlotWords: [[UInt8]] = ["rufbereitschaft", "bereitschaft", "durch", "intern", "dienst", "leitung",
        "nachtbereitschaft", "nachtdienst", "spaetdienst", "fruehdienst", "info", "an", "mit", "von", "laut", "lt"].map { Array($0.utf8) }

    /// Letters that number a party's exhibits in court filings (Kläger, Beklagte, Antragsteller, Antragsgegner).
    private static let exhibitLetters: Set<UInt16> = [0x4B, 0x42, 0x41]

    /// Whether " = " and a capitalised name follow the code's number: a legend's definition ("TK-1 = Tobi").
    private func isDefinedByLegend(after number: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard number + 2 < tokens.count, text.units[tokens[number + 1].start] == 0x3D,
              !tokens[number + 2].flags.contains(.newlineBefore) else { return false }
        let key = text.key(number + 2)
        return tokens[number + 2].isCapitalizedWord && (lexicon.isFirstName(key) || lexicon.isSurname(key) || !lexicon.isCommonWord(key))
            && !lexicon.isAllowed(key)
    }

    /// Whether a slash, hyphen, full stop or colon and another number follow the number glued: a fraction, a
    /// dosage, a date or a time ("3/5", "1-0-0", "12.03", "10:30"), not a sentence's end ("an MA 12.").
    private func goesOn(_ number: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard number + 2 < tokens.count, Self.numberContinuations.contains(text.units[tokens[number + 1].start]) else { return false }
        return tokens[number + 2].start == tokens[number + 1].end && isASCIIDigit(text.units[tokens[number + 2].start])
    }

    private static let numberContinuations: Set<UInt16> = [0x2F, 0x2D, 0x2E, 0x3A]

    /// Mitarbeiter(in), Fachkraft, Bezugsbetreuer(in), Bereichs-, Team- and Gruppenleitung, Praktikant(in),
    /// Erzieher(in), Nacht- and Rufbereitschaft, Nachtdienst, Krisendienst: words that a staff number follows.
    static let staffWords: [[UInt16]] = ["MA", "FK", "BB", "BL", "TL", "GL", "PK", "EZ", "NB", "RB", "ND", "KD"].map { Array($0.utf16) }

    /// Capitals with numbers that name laws, classifications, forms and things.
    private static let notStaff: Set<[UInt8]> = Set(["sgb", "bgb", "icd", "dsm", "covid", "ffp", "pcr", "hiv", "gg", "stgb", "stpo",
        "famfg", "ag", "olg", "lg", "vg", "sg", "bmw", "vw", "mp", "kw", "ukw", "din", "iso", "en", "usb", "lte", "hd", "tv", "pc",
        "bab", "ns", "sars", "mrt", "ct", "ekg", "eeg", "og", "ug", "eg", "dg", "ps", "zi", "ssw", "nr", "wg", "co", "fc", "tsv",
        "pp", "pi", "pr", "kk", "hb", "lk", "kg", "mg"].map { Array($0.utf8) })
}
