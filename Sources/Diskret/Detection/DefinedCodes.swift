/// A staff code defined in a note stands for its person wherever it recurs ("JO / SK, 22.01.", "Frage AK:",
/// "f.d.R. JB"). Codes are defined in two places: in the bracket after a person ("J. Oberdorfer (JO)",
/// "S. Lorenz (Leitung, Gesprächsführung = SL)", "N. Öztürk (nö)"), and in the attendance lines of minutes and
/// logs ("anw.: AK, JB, Kü", "Dienst: MaK (Tagdienst), SW", "Prot.: JB") — see `DefinedCodes+Lists.swift` —
/// and in the staff columns of tables ("| wer |", "| verantwortlich |").
struct DefinedCodes {
    static let label = RuleLabel(rule: "engine.defined-code", type: "person.initials")
    let lexicon: Lexicon
    let threshold: Double
    let tables: TableLayout

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        // The tokens of sure person candidates: names are candidates word by word yet ("Kerstin", "Wollenberg").
        var personTokens = [Bool](repeating: false, count: text.tokens.count)
        // By index: a copy of each candidate retained its label.
        for position in candidates.indices where candidates[position].category == .person && candidates[position].score >= threshold {
            for index in tokenIndices(of: candidates[position].range, in: text) { personTokens[index] = true }
        }
        var codes = codesInBrackets(after: candidates, personTokens: personTokens, in: text)
        codes.formUnion(codesInAttendanceLines(of: text))
        codes.formUnion(codesInVerticalLists(of: text))
        codes.formUnion(codesBeforeFunctionBrackets(in: text))
        codes.formUnion(codesInStaffCells(in: text))
        codes.formUnion(codesDefinedByEquals(in: text))
        codes.formUnion(codesOpeningTheirNamesLine(personTokens: personTokens, in: text))
        candidates.append(contentsOf: surnamesDefiningCodes(in: text))
        candidates.append(contentsOf: numbersInStaffCells(in: text))
        codes.formUnion(codesAfterNamedPersons(personTokens: personTokens, in: text))
        codes.formUnion(authorCodes(after: candidates, in: text))
        codes.formUnion(signOffAndHandoverCodes(in: text))
        codes.formUnion(entrySignatures(in: text))
        codes.formUnion(closingSignature(in: text))
        codes.formUnion(codesAfterGreetings(in: text))
        codes.formUnion(codesOnLinesOfTheirOwn(in: text))
        codes.formUnion(codesInLabelledRows(in: text))
        codes.formUnion(initialsOfNamedPersons(personTokens: personTokens, in: text))
        codes.formUnion(codesAfterDutyWords(in: text))
        codes.formUnion(abbreviatedSurnames(personTokens: personTokens, in: text))
        codes.formUnion(spelledCodesWherePersonsStand(personTokens: personTokens, in: text))
        codes.formUnion(truncatedNames(personTokens: personTokens, in: text))
        codes.formUnion(codesAfterShiftLetters(in: text))
        codes.formUnion(capitalsMetWith(in: text))
        guard !codes.isEmpty else { return }
        codes.formUnion(codesListedWith(Array(codes), in: text))
        codes.formUnion(letterNumbersOfAnEstablishedShape(codes, in: text))
        // A roster's shifts are no one's code ("Früh → Spät | K07 an R12").
        codes.subtract(Self.shiftNames)
        let tokens = text.tokens, units = text.units
        var covered = [Bool](repeating: false, count: units.count + 1)
        for position in candidates.indices where candidates[position].score >= threshold {
            for offset in candidates[position].range { covered[offset] = true }
        }
        let codeList = Array(codes)
        for token in tokens where token.kind != .punctuation && (2...5).contains(token.end - token.start) && !covered[token.start]
            && (Self.isOne(of: codeList, units[token.range]) || Self.isGenitive(of: codeList, units[token.range])) {
            // An abbreviated name keeps its full stop ("Sch.", "Kü."): left behind, it marks the abbreviation. With
            // its full stop a code that is a common abbreviation too is that ("Kl. 3b" where "Kl" is a colleague).
            let abbreviated = token.end < units.count && units[token.end] == 0x2E && units[token.range].contains(where: isLatinLower)
            if abbreviated, Self.addressAbbreviations.contains(Array(text.key(text.firstToken(endingAfter: token.start)))) { continue }
            candidates.append(Candidate(range: token.start..<(abbreviated ? token.end + 1 : token.end), category: .person,
                                        label: Self.label, score: threshold, derived: true))
        }
    }

    /// Where two codes of the note are a capital and two or three digits ("gez. P11", "gez. N02"), every such token
    /// standing alone is a colleague too ("P11 an P04", "Rufbereitschaft P09", "P22 mit Bogi"): a service that
    /// numbers its staff so numbers all of them.
    private func letterNumbersOfAnEstablishedShape(_ codes: Set<[UInt16]>, in text: TokenizedText) -> Set<[UInt16]> {
        guard codes.filter({ Self.isLetterNumber($0[...]) }).count >= 2 else { return [] }
        var found = Set<[UInt16]>()
        for (index, token) in text.tokens.enumerated() where token.kind == .number && Self.isLetterNumber(text.units[token.range])
            && (token.start == 0 || !isCasedLatinLetter(text.units[token.start - 1]) && text.units[token.start - 1] != 0x2D)
            && (token.end == text.units.count || text.units[token.end] != 0x2D) && !isNamedByNoun(index, in: text) {
            found.insert(Array(text.units[token.range]))
        }
        return found
    }

    /// Whether a noun that no duty or handover word is stands right before token `index`: "Vitamin B12", "Raum
    /// A12", "Bus B12" name a thing, "Rufbereitschaft T09" a colleague.
    private func isNamedByNoun(_ index: Int, in text: TokenizedText) -> Bool {
        guard index >= 1, text.tokens[index - 1].isCapitalizedWord, !text.tokens[index].flags.contains(.newlineBefore) else { return false }
        let word = Self.labelWord(text.units[text.tokens[index - 1].range])
        return !Self.dutyLabels.contains(word) && !Self.labels.contains(word)
    }

    /// A staff number alone in a cell under a staff header ("Nr | Zeit | MA |" … "| 23 |"): the one on duty,
    /// as "MA 23" names her elsewhere. Masked where it stands only: the same digits elsewhere are a time or a count.
    private func numbersInStaffCells(in text: TokenizedText) -> [Candidate] {
        var found: [Candidate] = []
        for cell in tables.cells where cell.kind == .staff {
            let indices = tokenIndices(of: cell.range, in: text)
            guard indices.count == 1, let index = indices.first, text.tokens[index].kind == .number,
                  (1...4).contains(text.tokens[index].end - text.tokens[index].start), text.asciiNumber(index) != nil else { continue }
            found.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
        return found
    }

    /// The codes in the cells under a staff header ("| wer |", "| MA |"). Capitals a list knows otherwise ("LT",
    /// not "lt.") count where they stand in such cells only: written in the running text too, they are an
    /// institution ("JA kommt morgen"); a role's letters stay a role ("KM").
    private func codesInStaffCells(in text: TokenizedText) -> Set<[UInt16]> {
        var codes = Set<[UInt16]>(), listed = Set<[UInt16]>()
        var inCell = [Bool](repeating: false, count: text.tokens.count)
        for cell in tables.cells where cell.kind == .staff {
            let words = tokenIndices(of: cell.range, in: text).filter { text.tokens[$0].isWord }
            // A capital and its number alone in the cell ("| P07 |", "| B5 |"): a colleague numbered, wherever the
            // note writes it again ("nicht P12 allein"). "K1", "K2" are the children of a roster, a role's code.
            let indices = tokenIndices(of: cell.range, in: text)
            if indices.count == 1, text.tokens[indices.lowerBound].kind == .number,
               Self.isCapitalAndNumber(text.units[text.tokens[indices.lowerBound].range]),
               text.units[text.tokens[indices.lowerBound].start] != 0x4B {
                codes.insert(Array(text.units[text.tokens[indices.lowerBound].range]))
            }
            for index in tokenIndices(of: cell.range, in: text) where text.tokens[index].isWord {
                inCell[index] = true
                if isCodeShape(index, in: text) || isSmallCode(index, in: text) || words.count == 1 && isLetterCode(index, in: text) {
                    codes.insert(Array(text.units[text.tokens[index].range]))
                } else if isCodeShape(index, in: text, inList: true) {
                    listed.insert(Array(text.units[text.tokens[index].range]))
                }
            }
        }
        guard !listed.isEmpty else { return codes }
        for index in text.tokens.indices where !inCell[index] && text.tokens[index].isWord
            && listed.contains(Array(text.units[text.tokens[index].range])) {
            listed.remove(Array(text.units[text.tokens[index].range]))
        }
        return codes.union(listed)
    }

    /// A capital and one to three digits: "B5", "P07", "N112".
    static func isCapitalAndNumber(_ code: ArraySlice<UInt16>) -> Bool {
        (2...4).contains(code.count) && isLatinUpper(code[code.startIndex]) && code.dropFirst().allSatisfy(isASCIIDigit)
    }

    /// Two or three letters, a capital and small ones, that no weekday or form of address is ("Bg", "Ha", "Wö"):
    /// a colleague's letters where the place says so (alone in a staff cell, before a subject's bracket) even
    /// where a list knows them as an abbreviation.
    func isLetterCode(_ index: Int, in text: TokenizedText) -> Bool {
        let letters = text.units[text.tokens[index].range]
        guard (2...3).contains(letters.count), isLatinUpper(letters[letters.startIndex]), letters.dropFirst().allSatisfy(isLatinLower)
        else { return false }
        let key = Array(text.key(index))
        // "Kl." is a class, "Fr." a woman; without its full stop the pair is a colleague's letters ("| Kl |").
        let dotted = text.tokens[index].end < text.units.count && text.units[text.tokens[index].end] == 0x2E
        return !Self.calendarAbbreviations.contains(key) && !(dotted && Self.addressAbbreviations.contains(key))
            && !Self.addressWords.contains(key)
    }

    /// Forms of address and words that stand so without their full stop too: "Fr", "Hr", "Dr", "Nr", "St", "Tel".
    private static let addressWords: Set<[UInt8]> = Set(["hr", "fr", "dr", "nr", "st", "tel", "zi", "ca", "vs", "bzw"].map { Array($0.utf8) })

    /// Whether `word` is one of `codes`, compared in place, not as an array made per word: the codes are few,
    /// the words many.
    private static func isOne(of codes: [[UInt16]], _ word: ArraySlice<UInt16>) -> Bool {
        codes.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    /// Whether `word` is a code in capitals with a genitive "s" ("RHs Mutter").
    private static func isGenitive(of codes: [[UInt16]], _ word: ArraySlice<UInt16>) -> Bool {
        word.count >= 3 && word.last == 0x73 && word.dropLast().allSatisfy(isLatinUpper) && isOne(of: codes, word.dropLast())
    }

    /// Codes in the bracket after a person, and before a bracket that holds one. The code must begin with the person's first initial (and, for a name
    /// of two words or more, end with a later word's), stand alone in the bracket or after "=" or ":", so that
    /// "(ASD)", "(MFA)", "(KM)" or "(zu TOP 3)" after a name are not taken for codes; shift words after a first
    /// name ("(ND)") and the allow lists' role words ("Frau Kowalczyk (KM)") are not either. A code in small
    /// letters ("(nö)") must match the initials exactly.
    private func codesInBrackets(after candidates: [Candidate], personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for position in candidates.indices where candidates[position].category == .person && candidates[position].score >= threshold {
            let covered = tokenIndices(of: candidates[position].range, in: text)
            // The other way round: a code right before the bracket that holds the person ("KB (Katja Brenner)",
            // "ts (tanja schrader)"), read from the bracket's first name on (its names are separate candidates yet).
            let opening = covered.lowerBound - 1
            if opening >= 2, units[tokens[opening].start] == 0x28,
               let closing = tokens[covered.lowerBound..<min(tokens.count, covered.lowerBound + 6)].firstIndex(where: { units[$0.start] == 0x29 }),
               tokens[covered.lowerBound..<closing].allSatisfy(\.isWord) {
                // In a note typed in small letters, both in small letters: "– ts (tanja schrader)".
                let small = tokens[covered.lowerBound].flags.contains(.lowercase)
                let names = (covered.lowerBound..<closing).map { units[tokens[$0].start] }
                    .filter { small ? isLatinLower($0) : isLatinUpper($0) }.map { small ? $0 - 0x20 : $0 }
                let codeIndex = opening - 1
                let code = Array(units[tokens[codeIndex].range])
                let written = small && code.allSatisfy(isLatinLower) ? code.map { $0 - 0x20 } : code
                if let nameFirst = names.first, tokens[codeIndex].isWord, (2...3).contains(code.count), !small || code.allSatisfy(isLatinLower),
                   !lexicon.isAllowed(text.key(codeIndex)), Self.isCode(written, of: names, first: nameFirst) {
                    codes.insert(code)
                }
            }
            if let code = codeSpellingTheName(before: covered, personTokens: personTokens, in: text) { codes.insert(code) }
            var index = covered.upperBound
            guard index < tokens.count, units[tokens[index].start] == 0x28 else { continue }
            // The name's earlier words are candidates of their own yet ("Kerstin" of "Kerstin Wollenberg (KW)").
            var nameStart = covered.lowerBound
            while nameStart > 0, personTokens[nameStart - 1], tokens[nameStart - 1].isWord,
                  !tokens[nameStart].flags.contains(.newlineBefore) { nameStart -= 1 }
            let initials = (nameStart..<covered.upperBound).filter { tokens[$0].isWord && isLatinUpper(units[tokens[$0].start]) }
                .map { units[tokens[$0].start] }
            guard let first = initials.first else {
                // A name in small letters, a code of its letters in order: "fr. wesołowska (wsk)", "hr. brandt (bt)";
                // of a first name and surname, their first letters: "hanna kluge (hk)".
                if covered.count == 1, tokens[covered.lowerBound].flags.contains(.lowercase),
                   let code = smallCodeInBracket(at: index, of: Array(units[tokens[covered.lowerBound].range]), in: text) {
                    codes.insert(code)
                } else if covered.upperBound - nameStart == 2, tokens[nameStart].flags.contains(.lowercase),
                          tokens[covered.upperBound - 1].flags.contains(.lowercase),
                          let code = smallCodeInBracket(at: index, of: [units[tokens[nameStart].start], units[tokens[covered.upperBound - 1].start]],
                                                        in: text), code.count == 2 {
                    codes.insert(code)
                }
                continue
            }
            index += 1
            // A capital and small letters that begin the surname are a code too ("Ines Kühn (Kü)").
            let surname = units[tokens[covered.upperBound - 1].range]
            while index < tokens.count && index < covered.upperBound + 12 && units[tokens[index].start] != 0x29 {
                let token = tokens[index]
                let code = Array(units[token.range])
                // The code opens the bracket or follows "=", ":" or a comma in it ("(GL, SY)", "(Praktikantin,
                // AL)"), and closes it or a list item — in quotation marks too ("Dennis Wörner („DW“)").
                var before = index - 1, after = index + 1
                if QuotationMarks.isQuotationMark(units[tokens[before].start]), before >= 1 { before -= 1 }
                if after < tokens.count, QuotationMarks.isQuotationMark(units[tokens[after].start]) { after += 1 }
                let opens = [0x28, 0x3D, 0x3A, 0x2C].contains(units[tokens[before].start])
                let closes = after < tokens.count && [0x29, 0x2C].contains(units[tokens[after].start])
                // An allowed word ("DW" for Durchwahl) is the code where it spells the name's initials, not a role's
                // letters ("Katrin Müller (KM)" is the mother).
                let spellsInitials = code.elementsEqual(initials) && !lexicon.isPersonRole(text.key(index))
                // Alone in the bracket, even a word of the lists ("K. Wohlfahrt (Wo)").
                let beginsSurname = code.count < surname.count && isLatinUpper(code[0]) && code.dropFirst().allSatisfy(isLatinLower)
                    && surname.starts(with: code) && (!lexicon.isAllowed(text.key(index)) || after < tokens.count && units[tokens[after].start] == 0x29)
                // A capital and a number, alone in the bracket: "Tanja (T4)", "Bea (B1)", "Ute (B214)" — one digit
                // only after the name's own initial, as "Frau Ahmadi (B1)" gives a language level.
                let digits = code.dropFirst()
                let numbered = opens && closes && isLatinUpper(code[0]) && !digits.isEmpty && digits.allSatisfy(isASCIIDigit)
                    && (digits.count >= 2 && digits.count <= 4 || digits.count == 1 && code[0] == first)
                if numbered || token.isWord && opens && closes && (2...3).contains(code.count)
                    && ((!lexicon.isAllowed(text.key(index)) || spellsInitials) && Self.isCode(code, of: initials, first: first) || beginsSurname) {
                    codes.insert(code)
                }
                index += 1
            }
        }
        return codes
    }

    /// The capitals right before a full name that spell its initials, as a legend of codes writes them ("MA-Kürzel:
    /// BK Benjamin Kähler, …, AW Anja Wolf (Leitung)"); not a role's letters ("KM Katrin Müller" is the mother).
    private func codeSpellingTheName(before name: Range<Int>, personTokens: [Bool], in text: TokenizedText) -> [UInt16]? {
        let tokens = text.tokens, units = text.units
        let first = name.lowerBound, codeIndex = first - 1
        guard codeIndex >= 0, tokens[codeIndex].isWord, tokens[codeIndex].flags.contains(.allCaps),
              (2...3).contains(tokens[codeIndex].end - tokens[codeIndex].start), tokens[first].flags.contains(.spaceBefore),
              !tokens[first].flags.contains(.newlineBefore), tokens[first].isCapitalizedWord,
              !tokens[first].flags.contains(.allCaps) else { return nil }
        // The name's words: this candidate's and the person words right after it on the line.
        var end = name.upperBound
        while end < tokens.count, end < name.upperBound + 3, personTokens[end], tokens[end].isCapitalizedWord,
              !tokens[end].flags.contains(.newlineBefore) { end += 1 }
        let initials = (first..<end).filter { tokens[$0].isCapitalizedWord }.map { units[tokens[$0].start] }
        let code = Array(units[tokens[codeIndex].range])
        guard initials.count >= 2, code.elementsEqual(initials), !lexicon.isPersonRole(text.key(codeIndex)) else { return nil }
        return code
    }

    /// The capitals that open a line of a participants' list and spell the initials of the name later on it
    /// ("RA - Mutter (Ramona Albrecht, Tel. …)", "EL – Lebensgefährte (Enrico Lenz)"): the letters are that
    /// person, even where they are a title's or a word's ("RA", "EL"); a role's stay the role ("KM Katrin Müller").
    private func codesOpeningTheirNamesLine(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices where tokens[index].flags.contains(.lineStart) && tokens[index].isWord
            && tokens[index].flags.contains(.allCaps) && (2...3).contains(tokens[index].end - tokens[index].start)
            && !lexicon.isPersonRole(text.key(index)) {
            let code = Array(units[tokens[index].range])
            var position = index + 1
            while position < tokens.count, !tokens[position].flags.contains(.newlineBefore) {
                // A run of capitalised person words: their first letters.
                var end = position
                while end < tokens.count, personTokens[end], tokens[end].isCapitalizedWord, !tokens[end].flags.contains(.newlineBefore) { end += 1 }
                if end - position >= 2, end - position == code.count,
                   (position..<end).map({ units[tokens[$0].start] }).elementsEqual(code) {
                    codes.insert(code)
                    break
                }
                position = max(end, position + 1)
            }
        }
        return codes
    }

    /// The code of two or three small letters alone in the bracket that opens at token `opening`, when its
    /// letters stand in `name` in that order and it begins with the name's first letter; no word of the lists.
    private func smallCodeInBracket(at opening: Int, of name: [UInt16], in text: TokenizedText) -> [UInt16]? {
        let tokens = text.tokens, units = text.units
        let index = opening + 1
        guard index + 1 < tokens.count, units[tokens[index + 1].start] == 0x29, isSmallCode(index, in: text) else { return nil }
        let code = Array(units[tokens[index].range])
        guard code[0] == name[0] else { return nil }
        var rest = name.dropFirst()[...]
        for letter in code.dropFirst() {
            guard let found = rest.firstIndex(of: letter) else { return nil }
            rest = rest[(found + 1)...]
        }
        return code
    }

    /// Whether `code` is made of the initials: capitals beginning with the first initial and ending with a later
    /// one (a single-word name: any capitals but a shift word), or the same in small letters, letter for letter.
    private static func isCode(_ code: [UInt16], of initials: [UInt16], first: UInt16) -> Bool {
        // Capitals and small letters ("AnM" = Anne Mählmann, "JoK"): the capitals are the initials, in order.
        if isLatinUpper(code[0]), code.contains(where: isLatinLower), code.allSatisfy(isCasedLatinLetter) {
            let capitals = code.filter(isLatinUpper)
            return capitals.count >= 2 && capitals.count == initials.count && capitals == initials
        }
        if code.allSatisfy(isLatinUpper) {
            guard code[0] == first else { return false }
            return initials.count < 2 ? !shiftWords.contains(code) : initials.dropFirst().contains(code[code.count - 1])
        }
        guard code.allSatisfy(isLatinLower), initials.count >= 2 else { return false }
        let small = initials.map { $0 | 0x20 }  // ASCII and Latin-1 capitals are 0x20 below their small letters
        return code.count == 2 ? code[0] == small[0] && small.dropFirst().contains(code[1]) : code == Array(small.prefix(code.count))
    }

    /// "sw = S. Wiegand", "KB = Katrin Bading": a code, "=", and the initials or name it stands for.
    private func codesDefinedByEquals(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x3D && tokens[index].end - tokens[index].start == 1
            && index + 1 < tokens.count {
            let code = index - 1
            guard tokens[code].isWord, (2...3).contains(tokens[code].end - tokens[code].start),
                  !tokens[index + 1].flags.contains(.newlineBefore) else { continue }
            var initials: [UInt16] = []
            var next = index + 1
            let letters = Array(units[tokens[code].range])
            // "Dem = Fr. Demirtaş": the code begins the surname in the item, a word of the language though it is.
            var beginsSurname = false
            // Up to the item's end: a comma, "·", ";", "|" or "/" ("KS = Katrin Schubert · AnM = Anne Mählmann").
            while next < tokens.count, next < index + 8, !tokens[next].flags.contains(.newlineBefore),
                  ![0x2C, 0xB7, 0x3B, 0x7C, 0x2F].contains(units[tokens[next].start]) {
                // A title or a function's letters before the name are no initial ("SK = MFA Sandra Klees", "Dr.").
                let title = (lexicon.isAllowed(text.key(next)) || lexicon.isRoleWord(text.key(next)))
                    && (tokens[next].flags.contains(.allCaps) || next + 1 < tokens.count && units[tokens[next + 1].start] == 0x2E)
                if tokens[next].isWord, isLatinUpper(units[tokens[next].start]), !title {
                    initials.append(units[tokens[next].start])
                    let word = units[tokens[next].range]
                    if word.count >= letters.count + 3, zip(letters, word).allSatisfy({ $0 == $1 || $0 | 0x20 == $1 }),
                       !lexicon.isAllowed(text.key(next)) { beginsSurname = true }
                }
                next += 1
            }
            guard let first = initials.first, beginsSurname || !lexicon.isAllowed(text.key(code)) else { continue }
            if beginsSurname, isLatinUpper(letters[0]) { codes.insert(letters); continue }
            // "TG = Grabowski": a surname alone vouches for a code in capitals that ends with its letter.
            let bySurname = initials.count == 1 && letters.allSatisfy(isLatinUpper) && letters.last == first
            // "Be = Bernadette": a code that spells the beginning of the first name after it stands for that person.
            let name = units[tokens[index + 1].range]
            let byFirstName = tokens[index + 1].isCapitalizedWord && name.count > letters.count
                && zip(letters, name).allSatisfy { $0 | 0x20 == $1 | 0x20 } && lexicon.isFirstName(text.key(index + 1))
            guard bySurname || byFirstName || (initials.count >= 2 && Self.isCode(letters, of: initials, first: first)) else { continue }
            codes.insert(letters)
        }
        return codes
    }

    /// The surname a legend gives a code ("KRÜ = Krüger (KL 7a), WEB = Weber (KL 5c)"): after a code in capitals
    /// and "=" a surname the lists know is that person even where it is a noun; a function ("KS =
    /// Bezugserzieherin", "NR = Nachtbereitschaft") is none.
    private func surnamesDefiningCodes(in text: TokenizedText) -> [Candidate] {
        let tokens = text.tokens, units = text.units
        var found: [Candidate] = []
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x3D && tokens[index].end - tokens[index].start == 1
            && index + 1 < tokens.count {
            let code = index - 1, name = index + 1
            guard tokens[code].isWord, tokens[code].flags.contains(.allCaps), (2...4).contains(tokens[code].end - tokens[code].start),
                  tokens[name].isCapitalizedWord, !tokens[name].flags.contains(.allCaps), !tokens[name].flags.contains(.newlineBefore),
                  name + 1 == tokens.count || tokens[name + 1].flags.contains(.newlineBefore)
                    || [0x28, 0x2C, 0x3B, 0xB7, 0x7C].contains(units[tokens[name + 1].start]) else { continue }
            let key = text.key(name)
            guard lexicon.isSurname(key), !lexicon.isAllowed(key), !lexicon.isRoleWord(key) else { continue }
            found.append(Candidate(range: tokens[name].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
        return found
    }

    /// A code given to a person after the name, at the end of its line: "Sabine Pohl (Erzieherin, führt Gespräch)
    /// = SP", as records of a conversation name the speakers before quoting them ("SP: Wann war das?").
    private func codesAfterNamedPersons(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x3D && tokens[index].end - tokens[index].start == 1
            && index + 1 < tokens.count {
            let code = index + 1
            guard tokens[code].isWord, !tokens[code].flags.contains(.newlineBefore), isCodeShape(code, in: text),
                  code + 1 == tokens.count || tokens[code + 1].flags.contains(.newlineBefore) else { continue }
            // A person named on the line before the "=".
            var before = index - 1
            var named = false
            while before >= 0 {
                if personTokens[before] { named = true; break }
                if tokens[before].flags.contains(.newlineBefore) { break }
                before -= 1
            }
            if named { codes.insert(Array(units[tokens[code].range])) }
        }
        return codes
    }

    /// The writer's code after the date of an entry: "9.1.25 – KB", "19.02.25 /HK", "Mi 15.1. KB" ending the line, or alone in
    /// a bracket behind the date ("Gespräch 08.10.24 (DO):"). Capitals only, and no role word ("(ASD)").
    private func authorCodes(after candidates: [Candidate], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for position in candidates.indices where candidates[position].category == .date && candidates[position].score >= threshold {
            let end = candidates[position].range.upperBound
            var index = text.firstToken(endingAfter: end)
            guard index < tokens.count, tokens[index].start >= end, !tokens[index].flags.contains(.newlineBefore)
            else { continue }
            let unit = units[tokens[index].start]
            let bracket = unit == 0x28
            // A slash only set apart from the date ("19.02.25 /HK"): glued to it, it names a department ("…2029/RAD").
            let slash = unit == 0x2F && tokens[index].flags.contains(.spaceBefore)
            if bracket || unit == 0x2013 || unit == 0x2D || unit == 0x2014 || slash { index += 1 }
            guard index < tokens.count, tokens[index].isWord, !tokens[index].flags.contains(.newlineBefore),
                  (2...3).contains(tokens[index].end - tokens[index].start) else { continue }
            let after = index + 1
            // Small letters only in a bracket that ends the line or a day's heading ("--- So 13.07. (jm) ---").
            let small = bracket && isSmallCode(index, in: text) && after + 1 <= tokens.count && after < tokens.count
                && units[tokens[after].start] == 0x29
                && (after + 1 == tokens.count || tokens[after + 1].flags.contains(.newlineBefore) || units[tokens[after + 1].start] == 0x2D)
            guard small || (units[tokens[index].range].allSatisfy(isLatinUpper) && !lexicon.isAllowed(text.key(index))) else { continue }
            let ends: Bool
            if bracket {
                ends = after < tokens.count && units[tokens[after].start] == 0x29
            } else {
                ends = after == tokens.count || tokens[after].flags.contains(.newlineBefore) || units[tokens[after].start] == 0x28
            }
            if ends { codes.insert(Array(units[tokens[index].range])) }
        }
        return codes
    }

    /// The initials of the note's persons named with three words (a double name's parts count), written as a
    /// code in capitals: "HYB" for "Hannah Yilmaz-Berger", wherever it stands ("(SD HYB)"). Two letters are
    /// too often an abbreviation ("AW", "KO", "TL") to be taken this way, unless they head lines as a
    /// speaker ("MT: Bitte so dokumentieren" of Minh Trinh answering inside a forwarded mail); nor are role
    /// words and the allow lists' words.
    private func initialsOfNamedPersons(personTokens: [Bool], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        var speakers: Set<[UInt16]>?
        func add(_ initials: [UInt16]) {
            if initials.count == 2 && speakers == nil { speakers = twoLetterSpeakers(in: text) }
            guard initials.count == 3 || (initials.count == 2 && speakers!.contains(initials)) else { return }
            let key = Array(String(decoding: initials, as: UTF16.self).lowercased().utf8)
            guard !lexicon.isAllowed(key[...]), !lexicon.isRoleWord(key[...]), !lexicon.isCommonWord(key[...]) else { return }
            codes.insert(initials)
        }
        var index = 0
        while index < tokens.count {
            guard personTokens[index], tokens[index].isCapitalizedWord else { index += 1; continue }
            // A run of capitalised name words on one line, apart by spaces or glued by hyphens. Only a run of
            // two or three words gives initials: their letters are kept in place, and an array is made for
            // those runs alone (most runs are one word).
            var letters = (units[tokens[index].start], UInt16(0), UInt16(0)), count = 1
            var last = index
            var next = index + 1
            while next < tokens.count, !tokens[next].flags.contains(.newlineBefore) {
                if text.isJoiner(next, after: last), next + 1 < tokens.count, personTokens[next + 1], tokens[next + 1].isCapitalizedWord {
                    next += 1
                } else if !(personTokens[next] && tokens[next].isCapitalizedWord && text.onlySpaceBetween(last, next)) {
                    break
                }
                if count == 1 { letters.1 = units[tokens[next].start] } else if count == 2 { letters.2 = units[tokens[next].start] }
                count += 1
                last = next
                next += 1
            }
            if count == 2 || count == 3 {
                let initials = count == 2 ? [letters.0, letters.1] : [letters.0, letters.1, letters.2]
                if initials.allSatisfy(isLatinUpper) { add(initials) }
            }
            index = next
        }
        return codes
    }

    /// A code in the bracket after a shift's word or a function's abbreviation: "Übergabe Spätdienst (MJ)", "an
    /// Frühdienst (sa)", "SL (Hm.) informiert", "rücksprache mit tl (bö)"; and two or three capitals right after
    /// a function's abbreviation ("BZ DK informieren").
    private func codesAfterDutyWords(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropLast(2) where tokens[index].isWord && (2...17).contains(tokens[index].end - tokens[index].start) {
            // Only a word before a bracket, or capitals before capitals, can be followed by a code here: that is
            // asked before the word is made and hashed, which had been done for every word of a note.
            let beforeBracket = units[tokens[index + 1].start] == 0x28
            // Or a written-out duty (ten letters or more) before capitals or its abbreviation's full stop.
            let long = tokens[index].end - tokens[index].start >= 10
                && (tokens[index + 1].flags.contains(.allCaps) || units[tokens[index + 1].start] == 0x2E)
            guard beforeBracket || long || tokens[index].flags.contains(.allCaps) && tokens[index + 1].flags.contains(.allCaps) else { continue }
            let label = Self.labelWord(units[tokens[index].range])
            let function = Self.functionAbbreviations.contains(label)
            let writtenOut = long && Self.writtenOutDuties.contains(label)
            guard function || Self.dutyLabels.contains(label) || writtenOut else { continue }
            let code = index + 2
            if beforeBracket, tokens[code].isWord, code + 1 < tokens.count {
                // The code closes the bracket, with its full stop if it has one ("(Hm.)").
                let dotted = units[tokens[code + 1].start] == 0x2E && !tokens[code + 1].flags.contains(.spaceBefore)
                let closing = dotted ? code + 2 : code + 1
                guard closing < tokens.count, units[tokens[closing].start] == 0x29 else { continue }
                // After a function's abbreviation the bracket names who holds it: two or three small letters are
                // her code even where a list knows them ("tl (bö)"), unless a word of small letters ("(ja)").
                let smallAfterFunction = function && (2...3).contains(tokens[code].end - tokens[code].start)
                    && units[tokens[code].range].allSatisfy(isLatinLower) && !lexicon.isLowercaseWord(text.key(code))
                if isCodeShape(code, in: text, inList: true, duty: true) || isSmallCode(code, in: text) || smallAfterFunction {
                    codes.insert(Array(units[tokens[code].range]))
                }
            } else if writtenOut, case let held = units[tokens[index + 1].start] == 0x2E ? index + 2 : index + 1,
                      held < tokens.count, tokens[held].isWord, tokens[held].flags.contains(.allCaps),
                      !tokens[held].flags.contains(.newlineBefore), (2...3).contains(tokens[held].end - tokens[held].start),
                      !lexicon.isRoleWord(text.key(held)), !Self.shiftWords.contains(Array(units[tokens[held].range])),
                      isCodeShape(held, in: text), !lexicon.isAllowed(text.key(held)), isFollowedByTimeOrEnd(held, in: text) {
                // A written-out duty before capitals no list knows: "Rufbereitschaft KB 6:40 informiert", "mit
                // Bezugsbetr. TB" — not "Rufbereitschaft JA Bad Ems", "Bezugserzieher TG" (Tagesgruppe).
                codes.insert(Array(units[tokens[held].range]))
            } else if function, tokens[index].flags.contains(.allCaps), tokens[index + 1].isWord, tokens[index + 1].flags.contains(.allCaps),
                      text.onlySpaceBetween(index, index + 1), (2...3).contains(tokens[index + 1].end - tokens[index + 1].start),
                      !lexicon.isRoleWord(text.key(index + 1)), isCodeShape(index + 1, in: text) {
                codes.insert(Array(units[tokens[index + 1].range]))
            }
        }
        return codes
    }

    /// Whether the line ends after token `index`, or a full stop, a number or a weekday follows it ("KB 6:40",
    /// "TB Mo."): a colleague's code so; before a name, a place or a colon it is a group or a service ("BL: Hr.
    /// Ostermann", "LK Dingolfing", "WG Haus Lindenhof").
    private func isFollowedByTimeOrEnd(_ index: Int, in text: TokenizedText) -> Bool {
        let after = index + 1
        guard after < text.tokens.count, !text.tokens[after].flags.contains(.newlineBefore) else { return true }
        return text.units[text.tokens[after].start] == 0x2E || text.tokens[after].kind == .number
            || Self.calendarAbbreviations.contains(Array(text.key(after)))
    }

    /// Written-out duties and functions a colleague's capitals follow: folded, without dots.
    static let writtenOutDuties: Set<[UInt16]> = Set(["rufbereitschaft", "bereitschaft", "hintergrunddienst", "bezugsbetreuer",
        "bezugsbetreuerin", "bezugsbetreuung", "bezugserzieher", "bezugserzieherin", "bezugsbetr", "fallführung",
        "fallverantwortung"].map { Array($0.utf16) })

    /// Abbreviations of functions that a colleague's code follows ("SL (Hm.)", "BZ DK"): Schul-, Team-,
    /// Klassen-, Gruppen-, Bereichsleitung, Fachkraft, Bezugsbetreuung, Schulsozialarbeit, Stellvertretung:
    /// folded, without dots. Not "SB": "SB HG" is the desk for domestic violence (häusliche Gewalt).
    static let functionAbbreviations: Set<[UInt16]> = Set(["sl", "tl", "kl", "gl", "bl", "pl", "fk", "bz", "bzb", "ssa",
        "stv", "stellv", "ltg"].map { Array($0.utf16) })

    /// Two or three capitals after a mail's closing greeting at its line's end: "Gruß HD", "LG, KB", "Viele Grüße
    /// SY" — the writer's letters, wherever the mail is quoted or forwarded in the note.
    private func codesAfterGreetings(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where tokens[index].isWord && tokens[index].flags.contains(.allCaps)
            && (2...3).contains(tokens[index].end - tokens[index].start)
            && (index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore)) && !tokens[index].flags.contains(.newlineBefore) {
            var greeting = index - 1
            if units[tokens[greeting].start] == 0x2C, greeting >= 1 { greeting -= 1 }
            guard tokens[greeting].isWord, Self.greetings.contains(text.key(greeting)), !lexicon.isRoleWord(text.key(index)) else { continue }
            codes.insert(Array(units[tokens[index].range]))
        }
        return codes
    }

    /// Closing greetings a writer's letters follow: folded keys.
    private static let greetings: Set<ArraySlice<UInt8>> = Set(["gruss", "gruesse", "grusse", "lg", "vg", "mfg", "bg", "gruß",
        "grüße"].map { Array($0.utf8)[...] })

    /// Codes that sign a line off or hand a case over: a code opening its line before " / " and a date or a rank
    /// ("Kr. / 08.10.24", "Pe. / POK Petersen") or ending it after a date and " / " ("13.03.2025 / JW"), and codes
    /// on both sides of an arrow ("Übergabe Ma → KaRo").
    /// The code alone on a note's last line, after a dash or "gez." at most ("jb", "– SO", "MSÖ"): the writer
    /// signing the note off. Words that close a note otherwise ("OK", "Ende") are not codes.
    private func closingSignature(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        // A code with its full stop ("Pf."): the letters before it sign.
        guard var last = tokens.indices.last else { return [] }
        // A dash, the code, and the service after a slash or comma: "– bh / familienhilfe thüringer wald".
        // A dash, the code, and the writer's full name in a bracket: "– Kö (Aylin Köse)".
        let line = text.lineTokens(of: last)
        if line.count >= 4, tokens[line.lowerBound].end - tokens[line.lowerBound].start == 1,
           [0x2D, 0x2013, 0x2014].contains(units[tokens[line.lowerBound].start]), tokens[line.lowerBound + 1].isWord,
           [0x2F, 0x2C, 0x28].contains(units[tokens[line.lowerBound + 2].start]) {
            last = line.lowerBound + 1
            guard (2...4).contains(tokens[last].end - tokens[last].start) else { return [] }
            // Before the writer's name a capital and a small letter are hers even where a list knows them ("Kö").
            let named = units[tokens[last + 1].start] == 0x28 && tokens[last + 2].isCapitalizedWord && isLetterCode(last, in: text)
            return named || isSigningCode(last, in: text) ? [Array(units[tokens[last].range])] : []
        }
        if last >= 2, units[tokens[last].start] == 0x2E, tokens[last].end - tokens[last].start == 1, !tokens[last].flags.contains(.spaceBefore),
           tokens[last - 1].isWord, (2...3).contains(tokens[last - 1].end - tokens[last - 1].start),
           units[tokens[last - 1].range].dropFirst().allSatisfy(isLatinLower) {
            last -= 1
        }
        guard last > 0, tokens[last].isWord, (2...4).contains(tokens[last].end - tokens[last].start),
              tokens[last].flags.contains(.spaceBefore) || tokens[last].flags.contains(.newlineBefore) else { return [] }
        var first = last
        while first > 0 && !tokens[first].flags.contains(.newlineBefore) { first -= 1 }
        guard tokens[first].flags.contains(.newlineBefore), last - first <= 2 else { return [] }
        if first < last {
            let lead = text.key(first)
            let isDash = tokens[first].end - tokens[first].start == 1 && [0x2D, 0x2013, 0x2014].contains(units[tokens[first].start])
            guard isDash || (lead.elementsEqual(Self.signed) && last - first == 2 && units[tokens[first + 1].start] == 0x2E) else { return [] }
            // Two small letters after the closing dash sign even where a list knows them as an abbreviation ("– bw").
            if isDash, last == first + 1, isTwoSmallLetters(last, in: text) { return [Array(units[tokens[last].range])] }
        } else if isCapitalsSignature(last, in: text) {
            // Capitals alone on the note's last line sign it even where a list knows them ("CL").
            return [Array(units[tokens[last].range])]
        }
        return isSigningCode(last, in: text) ? [Array(units[tokens[last].range])] : []
    }

    /// Whether an abbreviation with its full stop names a group by its letter or number after it ("an DGr. A",
    /// "an Gr. 2"): a shift handed to a team, not to a colleague.
    private func isNamingAGroup(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard index + 2 < tokens.count, text.units[tokens[index + 1].start] == 0x2E, !tokens[index + 2].flags.contains(.newlineBefore)
        else { return false }
        return tokens[index + 2].end - tokens[index + 2].start == 1 || tokens[index + 2].kind == .number
    }

    /// Two small letters that are no word of the language, no role and no closing word: a colleague's code
    /// where a signature or a duty stands, even where a list knows them as an abbreviation ("bw", "jh").
    func isTwoSmallLetters(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range], key = text.key(index)
        return code.count == 2 && code.allSatisfy(isLatinLower) && !lexicon.isLowercaseWord(key) && !lexicon.isRoleWord(key)
            && !Self.closingWords.contains(Array(key)) && !Self.shortFunctionWords.contains(Array(key))
    }

    /// Two or three capitals that are no role and no closing word ("CL", not "KM", "PS").
    private func isCapitalsSignature(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range], key = text.key(index)
        return (2...3).contains(code.count) && code.allSatisfy(isLatinUpper) && !lexicon.isRoleWord(key)
            && !Self.closingWords.contains(Array(key))
    }

    /// Whether the letters of token `index`, where a note's signature stands, can be the writer's code: no word
    /// that ends a note, no role, no word of the language.
    private func isSigningCode(_ index: Int, in text: TokenizedText) -> Bool {
        let code = text.units[text.tokens[index].range]
        let key = text.key(index)
        guard code.allSatisfy(isCasedLatinLetter), !Self.closingWords.contains(Array(key)), !lexicon.isRoleWord(key) else { return false }
        if code.allSatisfy(isLatinLower) {
            // Two small letters that a noun list knows are an abbreviation's ("Kb"), no sentence's last word.
            return (code.count <= 2 || !lexicon.isCommonWord(key)) && !lexicon.isAllowed(key) && !lexicon.isLowercaseWord(key)
        }
        return isCodeShape(index, in: text) && (code.count <= 2 || !lexicon.isCommonWord(key))
    }

    private static let signed = Array("gez".utf8)
    private static let handover = Array("uebergabe".utf8)
    private static let to = Array("an".utf8)
    private static let takeover = Array("uebernahme".utf8)
    private static let from = Array("von".utf8)
    /// Words that end a note without signing it.
    static let closingWords: Set<[UInt8]> = Set(["ok", "ja", "nein", "ende", "gez", "info", "fyi", "todo", "tbc", "eilt",
                                                          "wv", "zda", "erl", "ps", "pps", "nb", "lg", "vg", "mfg", "bg", "tbd", "usw", "etc"].map { Array($0.utf8) })

    /// Codes in a bracket that ends a line, twice or more: the writer signing each entry of a diary or log
    /// ("… vom Gitterbett". (AY)"). Once, such a bracket is as often an abbreviation ("(ASD)").
    private func entrySignatures(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var seen: [[UInt16]: Int] = [:]
        for index in tokens.indices.dropFirst().dropLast() where units[tokens[index - 1].start] == 0x28
            && units[tokens[index + 1].start] == 0x29 && tokens[index].isWord && (2...3).contains(tokens[index].end - tokens[index].start) {
            let closing = index + 1
            guard closing + 1 == tokens.count || tokens[closing + 1].flags.contains(.newlineBefore),
                  !tokens[index].flags.contains(.spaceBefore), isCodeShape(index, in: text),
                  !lexicon.isRoleWord(text.key(index)) else { continue }
            seen[Array(units[tokens[index].range]), default: 0] += 1
        }
        return Set(seen.filter { $0.value >= 2 }.keys)
    }

    private func signOffAndHandoverCodes(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        // Looser than a code in running text: a short word with a capital that is no role, rank or shift ("Ma", "KaRo").
        func isHandoverCode(_ index: Int) -> Bool {
            let range = tokens[index].range
            return tokens[index].isWord && (2...4).contains(range.count) && isLatinUpper(units[range.lowerBound])
                && units[range].allSatisfy(isCasedLatinLetter) && !lexicon.isRoleWord(text.key(index))
                && !Self.shiftWords.contains(Array(units[range]))
        }
        // The mark after the word is looked at first: most short words are followed by neither.
        for index in tokens.indices where tokens[index].isWord && (2...4).contains(tokens[index].end - tokens[index].start) {
            // The other way round, a date and " / " before a code that ends its line: "13.03.2025 / JW".
            if index >= 2, units[tokens[index - 1].start] == 0x2F, tokens[index - 2].kind == .number,
               tokens[index - 1].flags.contains(.spaceBefore), tokens[index].flags.contains(.spaceBefore),
               !tokens[index - 1].flags.contains(.newlineBefore), !tokens[index].flags.contains(.newlineBefore),
               index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore), isCodeShape(index, in: text) {
                codes.insert(Array(units[tokens[index].range]))
            }
            // A dash glued to the code that ends the line: an entry's writer ("… aufs Zi. -TS").
            if index >= 1, tokens[index - 1].end - tokens[index - 1].start == 1, [0x2D, 0x2013].contains(units[tokens[index - 1].start]),
               tokens[index - 1].flags.contains(.spaceBefore), !tokens[index - 1].flags.contains(.newlineBefore),
               tokens[index].start == tokens[index - 1].end, index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore),
               isCodeShape(index, in: text) {
                codes.insert(Array(units[tokens[index].range]))
            }
            // "Übergabe TS an MK": who hands the shift over and who takes it.
            if index >= 1, index + 2 < tokens.count, text.key(index - 1).elementsEqual(Self.handover), text.key(index + 1).elementsEqual(Self.to),
               !tokens[index + 2].flags.contains(.newlineBefore), isCodeShape(index, in: text), isCodeShape(index + 2, in: text) {
                codes.insert(Array(units[tokens[index].range]))
                codes.insert(Array(units[tokens[index + 2].range]))
            }
            // "Übergabe an KL:", "Übernahme von KL.": the one a shift goes to or comes from. Not a shift ("an FD"),
            // nor three capitals, which here are as often a ward or a service ("von ZNA").
            if index >= 2, text.key(index - 1).elementsEqual(Self.to) || text.key(index - 1).elementsEqual(Self.from),
               text.key(index - 2).elementsEqual(Self.handover) || text.key(index - 2).elementsEqual(Self.takeover),
               index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore) || tokens[index + 1].kind == .punctuation,
               !isNamingAGroup(index, in: text),
               isCodeShape(index, in: text), !Self.shiftWords.contains(Array(units[tokens[index].range])),
               tokens[index].end - tokens[index].start == 2 || !tokens[index].flags.contains(.allCaps) {
                codes.insert(Array(units[tokens[index].range]))
            }
            var next = index + 1
            if next < tokens.count, units[tokens[next].start] == 0x2E, !tokens[next].flags.contains(.spaceBefore) { next += 1 }
            guard next + 1 < tokens.count, !tokens[next].flags.contains(.newlineBefore) else { continue }
            let after = next + 1
            switch units[tokens[next].start] {
            case 0x2F:
                guard index == 0 || tokens[index].flags.contains(.newlineBefore), isCodeShape(index, in: text) else { continue }
                // After the slash a date, a rank or a name: not a noun ("KJND / Inobhutnahmestelle").
                let signs = tokens[after].kind == .number || (tokens[after].isCapitalizedWord
                    && (lexicon.isRoleWord(text.key(after)) || lexicon.isKnownName(text.key(after))))
                if signs { codes.insert(Array(units[tokens[index].range])) }
            case 0x2192:
                guard isHandoverCode(index), isHandoverCode(after) else { continue }
                codes.insert(Array(units[tokens[index].range]))
                codes.insert(Array(units[tokens[after].range]))
            case 0x2D, 0x3D:
                // The arrow typed as "->" or "=>": "Übergabe TK -> RS".
                guard units[tokens[after].start] == 0x3E, !tokens[after].flags.contains(.spaceBefore), after + 1 < tokens.count,
                      !tokens[after + 1].flags.contains(.newlineBefore), isHandoverCode(index), isHandoverCode(after + 1),
                      isCodeShape(index, in: text), isCodeShape(after + 1, in: text) else { continue }
                codes.insert(Array(units[tokens[index].range]))
                codes.insert(Array(units[tokens[after + 1].range]))
            default:
                continue
            }
        }
        return codes
    }

    /// Codes listed with a known one: "HeB/JaW", "FK: HeB (fallf.), JaW (2. FK)" — the item after a code, its
    /// bracket and a list's separator, when it has a code's shape and ends its item ("/ RB ASD:" does not);
    /// followed along the list.
    private func codesListedWith(_ known: [[UInt16]], in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices where tokens[index].isWord && (2...4).contains(tokens[index].end - tokens[index].start)
            && Self.isOne(of: known, units[tokens[index].range]) {
            var item = index
            while true {
                var next = item + 1
                if next < tokens.count, units[tokens[next].start] == 0x2E, !tokens[next].flags.contains(.spaceBefore) { next += 1 }
                if next < tokens.count, units[tokens[next].start] == 0x28 {  // the item's bracket: "(fallf.)"
                    let limit = min(tokens.count, next + 8)
                    guard let closing = tokens[next..<limit].firstIndex(where: { units[$0.start] == 0x29 }),
                          !tokens[next...closing].contains(where: { $0.flags.contains(.newlineBefore) }) else { break }
                    next = closing + 1
                }
                guard next + 1 < tokens.count, !tokens[next].flags.contains(.newlineBefore),
                      !tokens[next + 1].flags.contains(.newlineBefore),
                      [0x2C, 0x2F, 0x2B, 0x26].contains(units[tokens[next].start]), tokens[next].end - tokens[next].start == 1
                else { break }
                item = next + 1
                // After a slash two small letters are the next colleague's ("Spät – TS / mk").
                if units[tokens[next].start] == 0x2F, tokens[item].isWord, isTwoSmallLetters(item, in: text), endsItem(item + 1, in: text) {
                    codes.insert(Array(units[tokens[item].range]))
                    continue
                }
                guard tokens[item].isWord, isCodeShape(item, in: text), !lexicon.isRoleWord(text.key(item)),
                      endsItem(item + 1, in: text) else { break }
                let code = units[tokens[item].range]
                // Capitals and small letters mixed ("JaW") or capitals only: a word that merely begins with one is a name.
                guard code.dropFirst().contains(where: isLatinUpper) else { break }
                codes.insert(Array(code))
            }
        }
        return codes
    }

    /// Two or three small letters that are no word of the lists ("sw", "mb"): a code where a column or a list's
    /// label says so ("fachkraft: hk").
    func isSmallCode(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        return (2...3).contains(token.end - token.start) && text.units[token.range].allSatisfy(isLatinLower)
            && !lexicon.isAllowed(text.key(index)) && !lexicon.isCommonWord(text.key(index))
    }

    /// Shifts and services that follow a first name in rosters ("Timo (ND)"): Früh-, Spät-, Nacht-, Tag-,
    /// Bereitschaftsdienst.
    static let shiftWords: Set<[UInt16]> = Set(dutyShifts + ["KD", "HD", "RD", "SB", "AZ"].map { Array($0.utf16) })
}
