/// Merges person findings that are parts of one name into one finding: "Anna-Lena" + "Fischer-Yılmaz",
/// "van der" + "Berg", a first name and a surname split by a line break.
struct NameMerger {
    let lexicon: Lexicon

    func merge(_ findings: [Candidate], in text: TokenizedText) -> [Candidate] {
        var result: [Candidate] = []
        result.reserveCapacity(findings.count)  // at most as many: a long note's array grew by copies
        // By index, and the last result changed in place: iterating, and copying the last finding out and
        // back, retained each candidate's label two or three times more.
        for index in findings.indices {
            let range = findings[index].range
            if let last = result.indices.last, result[last].category == .person, findings[index].category == .person,
               onlyNameGlueBetween(result[last].range.upperBound, range.lowerBound, in: text)
                   && (!hasLineBreak(result[last].range.upperBound, range.lowerBound, in: text) || isSplitName(result[last], findings[index], in: text))
                || isInvertedName(result[last].range, range, in: text) {
                result[last].range = result[last].range.lowerBound..<range.upperBound
                if findings[index].score > result[last].score {
                    result[last].score = findings[index].score
                    result[last].label = findings[index].label
                }
                result[last].derived = result[last].derived && findings[index].derived
                if result[last].role == nil { result[last].role = findings[index].role }
                if result[last].subject == nil {
                    result[last].subject = findings[index].subject
                    result[last].fixedPlaceholder = findings[index].fixedPlaceholder
                }
            } else if let last = result.indices.last, let joined = doubleName(result[last], findings[index], in: text) {
                // A surname a place list also knows, glued to a name by a hyphen: "Yilmaz-Berger" is one name.
                result[last] = joined
            } else {
                result.append(findings[index])
            }
        }
        for index in result.indices where result[index].category == .person {
            let floor = index > 0 ? result[index - 1].range.upperBound : 0
            let ceiling = index + 1 < result.count ? result[index + 1].range.lowerBound : text.units.count
            let start = hyphenedPartBefore(result[index].range, floor: floor, in: text)
            result[index].range = initialsBefore(start..<result[index].range.upperBound, floor: floor, in: text)
                ..< min(ceiling, nameSuffixEnd(after: result[index].range, in: text))
        }
        return result
    }

    /// The start of a double name's first part that no rule took ("Gebre-" of "Gebre-Medhin"): a capitalised
    /// word glued by a hyphen to the name, no word of the language, role or place ("Ex-", "KM-", "Berlin-" stay).
    private func hyphenedPartBefore(_ name: Range<Int>, floor: Int, in text: TokenizedText) -> Int {
        let tokens = text.tokens
        let first = text.firstToken(endingAfter: name.lowerBound)
        guard first >= 2, first < tokens.count, tokens[first].start == name.lowerBound, text.isJoiner(first - 1, after: first - 2),
              !tokens[first].flags.contains(.spaceBefore), text.units[tokens[first - 1].start] != 0x27,
              text.units[tokens[first - 1].start] != 0x2019 else { return name.lowerBound }
        let part = first - 2
        let key = text.key(part)
        guard tokens[part].start >= floor, tokens[part].isCapitalizedWord, !tokens[part].flags.contains(.allCaps),
              tokens[part].end - tokens[part].start >= 3, !lexicon.isCommonWord(key), !lexicon.isRoleWord(key),
              !lexicon.isAllowed(key), !lexicon.isPlace(key),
              part == 0 || !text.isJoiner(part - 1, after: max(0, part - 2)) else { return name.lowerBound }
        return tokens[part].start
    }

    /// The start of the initials written before a name on its line ("J. Oberschmid", "H.-J. Rießner"), which
    /// belong to it: a surname found alone would leave its first name's letter beside the placeholder.
    private func initialsBefore(_ name: Range<Int>, floor: Int, in text: TokenizedText) -> Int {
        let tokens = text.tokens, units = text.units
        var first = text.firstToken(endingAfter: name.lowerBound)
        guard first < tokens.count, tokens[first].start == name.lowerBound, tokens[first].flags.contains(.spaceBefore),
              !tokens[first].flags.contains(.newlineBefore) else { return name.lowerBound }
        var start = name.lowerBound
        // Back over "X." and "X.-" pairs: a capital letter alone, its full stop glued to it.
        while first >= 2, units[tokens[first - 1].start] == 0x2E || units[tokens[first - 1].start] == 0x2D {
            var dot = first - 1
            if units[tokens[dot].start] == 0x2D {  // "H.-J.": the hyphen joins two initials
                guard dot >= 2, !tokens[dot].flags.contains(.spaceBefore), units[tokens[dot - 1].start] == 0x2E else { break }
                dot -= 1
            }
            let letter = dot - 1
            guard tokens[dot].end - tokens[dot].start == 1, !tokens[dot].flags.contains(.spaceBefore),
                  text.isInitial(letter) || isSmallInitial(letter, before: name, in: text) || isTwoLetterInitial(letter, in: text),
                  tokens[letter].start >= floor, !followsSmallAbbreviation(letter, in: text) else { break }
            start = tokens[letter].start
            first = letter
            if tokens[letter].flags.contains(.newlineBefore) { break }
        }
        return start
    }

    /// The two letters some first names are shortened to ("Ch.", "Th.", "Ph.", "Dž.", "Lj.", "Nj.").
    private func isTwoLetterInitial(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isWord, token.end - token.start == 2 else { return false }
        return Self.twoLetterInitials.contains { text.units[token.range].elementsEqual($0) }
    }

    private static let twoLetterInitials: [[UInt16]] = ["Ch", "Th", "Ph", "Dž", "Lj", "Nj"].map { Array($0.utf16) }

    /// A small letter before a name typed in small letters ("m. r. hauschild"): its initial, unless the letter
    /// abbreviates a word ("m." mit, "u." und, "s." siehe).
    private func isSmallInitial(_ index: Int, before name: Range<Int>, in text: TokenizedText) -> Bool {
        let units = text.units
        guard text.tokens[index].isWord, text.tokens[index].end - text.tokens[index].start == 1, isLatinLower(units[text.tokens[index].start]),
              isLatinLower(units[name.lowerBound]) else { return false }
        return !Self.oneLetterAbbreviations.contains(units[text.tokens[index].start])
    }

    /// Whether the letter at `index` ends an abbreviation begun by a small letter and its full stop: "z. N."
    /// (zum Nachteil), "u. A." — not an initial of the name after it.
    private func followsSmallAbbreviation(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard index >= 2, text.units[tokens[index - 1].start] == 0x2E, tokens[index - 2].isWord,
              tokens[index - 2].end - tokens[index - 2].start == 1 else { return false }
        return isLatinLower(text.units[tokens[index - 2].start])
    }

    /// The end of what belongs after a name on its line: the initial of a surname after a first name ("Katja B.",
    /// "lukas t."), and "jun." or "sen." after a surname ("Hr. Krämer jun."). The name's own end otherwise.
    private func nameSuffixEnd(after name: Range<Int>, in text: TokenizedText) -> Int {
        let tokens = text.tokens, units = text.units
        let last = text.firstToken(endingAfter: name.upperBound - 1)
        let next = last + 1
        guard last < tokens.count, tokens[last].end == name.upperBound else { return name.upperBound }
        // An abbreviated name keeps its full stop ("gez. Sch.", "Wie."): a short word no list knows as a name.
        if isLatinUpper(units[tokens[last].start]), (2...4).contains(tokens[last].end - tokens[last].start),
           units[tokens[last].range].contains(where: isLatinLower), name.upperBound < units.count, units[name.upperBound] == 0x2E,
           !lexicon.isKnownName(text.key(last)) {
            return name.upperBound + 1
        }
        guard next < tokens.count, tokens[next].isWord, tokens[next].flags.contains(.spaceBefore),
              !tokens[next].flags.contains(.newlineBefore) else { return name.upperBound }
        let dotted = next + 1 < tokens.count && units[tokens[next + 1].start] == 0x2E && !tokens[next + 1].flags.contains(.spaceBefore)
        if dotted, Self.generations.contains(Array(text.key(next))) { return tokens[next + 1].end }
        // "m." before a class or a number is the surname's initial ("jonas m. 8a"), not "männlich" or "mit".
        let initialBeforeNumber = dotted && units[tokens[next].start] | 0x20 == 0x6D && next + 2 < tokens.count
            && (tokens[next + 2].kind == .number || tokens[next + 2].flags.contains(.hasDigit)) && !tokens[next + 2].flags.contains(.newlineBefore)
        // A letter and its full stop that close a bracket or a list item ("kv (dennis o.)") abbreviate no word.
        let closesMention = dotted && (next + 2 == tokens.count || tokens[next + 2].flags.contains(.newlineBefore)
            || [0x29, 0x2C, 0x3B].contains(units[tokens[next + 2].start]))
        guard tokens[next].end - tokens[next].start == 1, lexicon.isFirstName(text.key(last)),
              initialBeforeNumber || closesMention || !Self.oneLetterAbbreviations.contains(units[tokens[next].start] | 0x20)
        else { return name.upperBound }
        if dotted { return tokens[next + 1].end }
        // Without its full stop the letter must end the line or stand before a colon or comma.
        let after = next + 1
        guard after == tokens.count || tokens[after].flags.contains(.newlineBefore) || [0x3A, 0x2C].contains(units[tokens[after].start])
        else { return name.upperBound }
        return tokens[next].end
    }

    private static let generations: Set<[UInt8]> = Set(["jun", "sen", "jr", "sr"].map { Array($0.utf8) })
    /// Small letters that are abbreviations after a name: "u." (und), "o." (oder), "s." (siehe), "z.", "v.", "d.", "i.", "a.", "e.".
    private static let oneLetterAbbreviations: Set<UInt16> = Set("uoszvdiaegm".utf16)

    /// "Name, Vorname: Mbeki, Grace Ayodele", "Pat.: Kranz, Mila Sophie", "| Petrenko, Wiktor (KV)", "KV Popa,
    /// Florin (unbekannt)": a surname and the first names after its comma, standing alone after a field label,
    /// at a line's or cell's start or after a parent's role word and ending the line or the field, are one
    /// person (two placeholders would make two people of her).
    /// Whether offset `end` closes the first word of its line and that word numbers an entry: "Z1 Opitz, Henrik",
    /// "B2 Kaya, Derya", "3) Vogt, Ina" — a witness's, an accused's or a list's number of up to four characters.
    private func isAfterLineNumber(_ end: Int, in text: TokenizedText) -> Bool {
        let units = text.units
        var start = end
        while start > 0, units[start - 1] != 0x20, units[start - 1] != 0x09, units[start - 1] != 0x0A { start -= 1 }
        guard start < end, end - start <= 4, start == 0 || units[start - 1] == 0x0A else { return false }
        return units[start..<end].contains(where: isASCIIDigit)
    }

    private func isInvertedName(_ surname: Range<Int>, _ given: Range<Int>, in text: TokenizedText) -> Bool {
        let units = text.units
        guard given.lowerBound == surname.upperBound + 2, units[surname.upperBound] == 0x2C, units[surname.upperBound + 1] == 0x20
        else { return false }
        var before = surname.lowerBound
        while before > 0 && (units[before - 1] == 0x20 || units[before - 1] == 0x09) { before -= 1 }
        // At a line's or a table cell's start, after a label, a semicolon or a slash, or after the role word that
        // introduces a parent ("KV Popa, Florin").
        // A comma after a bracket ends the list item before ("Petrenko, Oksana (KM, 38), Petrenko, Wiktor (KV)").
        let afterItem = before >= 2 && units[before - 1] == 0x2C && units[before - 2] == 0x29
        guard before == 0 || [0x0A, 0x3A, 0x7C, 0x3B, 0x2F].contains(units[before - 1]) || afterItem
                || isAfterParentRole(before, in: text) || isAfterLineNumber(before, in: text) else { return false }
        var after = given.upperBound
        while after < units.count && (units[after] == 0x20 || units[after] == 0x09) { after += 1 }
        // A capital: a second first name, merged next ("Grace Ayodele").
        guard after == units.count || [0x0A, 0x2C, 0x28, 0x7C, 0x3B, 0x2D, 0x2013].contains(units[after]) || isLatinUpper(units[after])
                || units.has(Self.born, at: after) else { return false }
        // A third name after the next comma makes a list of first names ("Anwesend: Lena, Tom, Mia"), not one
        // person with her surname first.
        if after < units.count, units[after] == 0x2C {
            let next = text.firstToken(endingAfter: after + 1)
            if next < text.tokens.count, text.tokens[next].isCapitalizedWord, text.tokens[next].start <= after + 2,
               lexicon.isFirstName(text.key(next)) || !lexicon.isCommonWord(text.key(next)), isListItemEnd(after: next, in: text) {
                return false
            }
        }
        let first = text.firstToken(endingAfter: given.lowerBound)
        guard first < text.tokens.count else { return false }
        // A surname in capitals before the comma is how forms and ID documents write a person ("AHMADZAI,
        // Farzana"): her first name need be in no list. Left apart, the surname alone would be linked to another
        // person of that surname (her husband's placeholder on her own surname).
        let last = text.firstToken(endingAfter: surname.lowerBound)
        let surnameInCapitals = last < text.tokens.count && text.tokens[last].flags.contains(.allCaps)
            && text.tokens[last].end - text.tokens[last].start >= 3 && text.tokens[first].isCapitalizedWord
            && !text.tokens[first].flags.contains(.allCaps) && !text.hasCapitalInside(first)
        return surnameInCapitals || lexicon.isFirstName(text.key(first))
    }

    private static let born = Array("geb".utf16)

    /// Whether the word at `index` ends a list item: a comma, "+", "und" or the line's end follows it.
    private func isListItemEnd(after index: Int, in text: TokenizedText) -> Bool {
        let next = index + 1
        guard next < text.tokens.count, !text.tokens[next].flags.contains(.newlineBefore) else { return true }
        let unit = text.units[text.tokens[next].start]
        return unit == 0x2C || unit == 0x2B || text.key(next).elementsEqual(ListedPersons.and)
    }

    /// Whether the word ending at `end` is "KV", "KM", "Kindsvater", "Kindsmutter" or "z.N." (zum Nachteil).
    private func isAfterParentRole(_ end: Int, in text: TokenizedText) -> Bool {
        let units = text.units
        var start = end
        while start > 0 && units[start - 1] != 0x20 && units[start - 1] != 0x0A { start -= 1 }
        let word = Array(units[start..<end])
        return Self.parentRoles.contains(word)
    }

    private static let parentRoles: Set<[UInt16]> = Set(["KV", "KM", "Kindsvater", "Kindsmutter", "z.N.", "Vater", "Mutter"]
        .map { Array($0.utf16) })


    /// A person and a one-word place or organisation glued by a hyphen, the place word a surname too
    /// ("Hannah Yilmaz-Berger", "Berger-Yilmaz"): one person's double name.
    private func doubleName(_ first: Candidate, _ second: Candidate, in text: TokenizedText) -> Candidate? {
        guard (first.category == .person) != (second.category == .person),
              [Category.address, .organisation].contains(first.category == .person ? second.category : first.category) else { return nil }
        let other = first.category == .person ? second : first
        let words = tokenIndices(of: other.range, in: text)
        // A surname the lists know, or any town glued after a name found with its title ("Dr. Schröder-Mayen"):
        // the second half of a double surname, not a place.
        let afterSureName = first.category == .person && first.score >= Evidence.confidentScore
        guard words.count == 1, let word = words.first, text.tokens[word].isCapitalizedWord,
              lexicon.isSurname(text.key(word)) || afterSureName else { return nil }
        let left = tokenIndices(of: first.range, in: text), right = tokenIndices(of: second.range, in: text)
        guard let end = left.last, let start = right.first, start == end + 2, text.isJoiner(end + 1, after: end),
              !text.tokens[end + 1].flags.contains(.spaceBefore), !text.tokens[start].flags.contains(.spaceBefore) else { return nil }
        var joined = first.category == .person ? first : second
        joined.range = first.range.lowerBound..<second.range.upperBound
        return joined
    }

    private func hasLineBreak(_ from: Int, _ to: Int, in text: TokenizedText) -> Bool {
        from < to && text.units[from..<to].contains(0x0A)
    }

    /// Across a line break, one name split in two: a single word before the break, and not two lines that each
    /// hold only a first name ("Fr. Gülistan⏎Aydın schon", "Anna⏎Fischer"; not "Lena⏎Tom", nor "Ilinca
    /// Kowalczyk⏎Tom Kowalczyk", persons each).
    private func isSplitName(_ first: Candidate, _ second: Candidate, in text: TokenizedText) -> Bool {
        let firstWords = tokenIndices(of: first.range, in: text), secondWords = tokenIndices(of: second.range, in: text)
        // A staff code ends its line alone ("Hdz. KL⏎Olena Petrenko …"): no name runs on from it.
        guard firstWords.count == 1, !first.type.hasSuffix("initials"), let opening = firstWords.first, let closing = secondWords.last
        else { return false }
        let wholeLines = (opening == 0 || text.tokens[opening].flags.contains(.newlineBefore))
            && (closing + 1 == text.tokens.count || text.tokens[closing + 1].flags.contains(.newlineBefore))
        return !(wholeLines && second.type.hasSuffix("firstname"))
    }

    /// Only white space (one line break at most, no column's gap), hyphens or name particles between two offsets.
    private func onlyNameGlueBetween(_ from: Int, _ to: Int, in text: TokenizedText) -> Bool {
        guard from <= to else { return false }
        var index = text.firstToken(endingAfter: from)
        var newlines = 0, spaces = 0
        for unit in text.units[from..<to] {
            // A tab or three spaces in a row part columns, which name different persons ("S. Ahmadi    LT-1: …").
            if unit == 0x09 { return false }
            spaces = unit == 0x20 ? spaces + 1 : 0
            if spaces >= 3 { return false }
            if unit == 0x0A { newlines += 1 }
        }
        guard newlines <= 1 else { return false }
        while index < text.tokens.count && text.tokens[index].start < to {
            let token = text.tokens[index]
            let isHyphen = token.kind == .punctuation && token.end - token.start == 1 && [0x2D, 0x2010, 0x2011].contains(text.units[token.start])
            if !isHyphen && !lexicon.isParticle(text.key(index)) { return false }
            index += 1
        }
        return true
    }
}
