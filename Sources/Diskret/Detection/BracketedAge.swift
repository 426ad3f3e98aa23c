/// Ages in brackets behind a person or a birth date ("Merhawit (6)", "* 17.03.2014 (10)", "Lejla (26 J.)"):
/// in lists of children that number is the child's age, whatever the name, so it is found once the name
/// or date before it is. In a list of children ("Kinder (ZAHRA 11, ALI 8)") the bracket may hold several
/// names, each followed by a bare age.
struct BracketedAge {
    static let rule = "engine.bracketed-age"
    static let label = RuleLabel(rule: rule, type: "age")
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        // By index: a filtered copy of the candidates retained each one's label. The ends are sorted and
        // bisected: a Set hashed each of the tens of thousands of anchors per megabyte.
        var ends: [Int] = []
        for index in candidates.indices where candidates[index].score >= threshold
            && (candidates[index].category == .person || candidates[index].category == .date) {
            ends.append(candidates[index].range.upperBound)
        }
        let anchorEnds = SortedOffsets(ends)
        for (index, token) in text.tokens.enumerated() where token.kind == .number && index >= 1 && index + 1 < text.tokens.count {
            guard isListedAge(index, anchorEnds: anchorEnds, in: text) || isBracketedAge(index, anchorEnds: anchorEnds, in: text)
            else { continue }
            candidates.append(Candidate(range: token.range, category: .age, label: Self.label, score: threshold, derived: true))
        }
    }

    /// "(6)", "(26 J.)" or "(1 J. 11 Mon.)" right after an anchor, or after a comma or space behind it; also
    /// the first item of a longer bracket ("Mia (6, aus früherer Beziehung)") and the last after initials or a
    /// nickname ("Agnieszka W. (A. W., 34)", "Zofia („Zosia“, Z., 2)").
    private func isBracketedAge(_ index: Int, anchorEnds: SortedOffsets, in text: TokenizedText) -> Bool {
        let units = text.units, tokens = text.tokens
        let token = tokens[index], close = tokens[index + 1]
        guard index >= 2, token.end - token.start <= 3, let value = text.asciiNumber(index), value <= 120 else { return false }
        // ")" directly, or a unit ("J.", "Jahre", "Mon.") and then ")".
        let closes = units[close.start] == 0x29
            || (close.isWord && index + 2 < tokens.count && isAgeUnit(text.key(index + 1))
                && tokens[(index + 2)...].prefix(2).contains { units[$0.start] == 0x29 })
        let opener: Int
        if units[tokens[index - 1].start] == 0x28 && tokens[index - 1].end - tokens[index - 1].start == 1 {
            // First in the bracket: alone, with a unit, or before a comma.
            guard closes || units[close.start] == 0x2C else { return false }
            opener = index - 1
        } else if units[tokens[index - 1].start] == 0x2C, closes,
                  let found = tokens[max(0, index - 12)..<(index - 1)].lastIndex(where: { units[$0.start] == 0x28 || units[$0.start] == 0x29 }),
                  units[tokens[found].start] == 0x28 {
            // Last in the bracket, after initials or a nickname (no other number inside), or the last of a list
            // of ages ("2 Ki. (3, 5)").
            let inside = tokens[(found + 1)..<index]
            guard !inside.contains(where: { $0.kind == .number })
                || inside.allSatisfy({ ($0.kind == .number && $0.end - $0.start <= 2) || units[$0.start] == 0x2C }) else { return false }
            opener = found
        } else {
            return false
        }
        let open = tokens[opener]
        var before = open.start
        // Past spaces, a comma and a nickname's closing quote ("genannt „Ola“ (13)").
        while before > 0 && (isSpace(units[before - 1]) || units[before - 1] == 0x2C || QuotationMarks.closes(units[before - 1])) {
            before -= 1
        }
        if anchorEnds.contains(before) { return true }
        // A role word before the bracket ("KM (34)", "junge Frau (19)") is a person as much as a name.
        // An abbreviated role keeps its full stop ("2 Ki. (3, 5)").
        if before > 0 && units[before - 1] == 0x2E { before -= 1 }
        guard opener >= 1, let role = tokens[..<opener].last(where: { !isSpace(units[$0.start]) && units[$0.start] != 0x2C && units[$0.start] != 0x2E }),
              role.end == before, role.isWord else { return false }
        let key = text.units[role.range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if Self.roleWords.contains(key) { return true }
        // "Kinder (2)" counts them; "2 Ki. (3, 5)" gives their ages.
        return Self.pluralRoleWords.contains(key) && holdsAgeList(from: opener, in: text)
    }

    /// Whether the bracket opened at token `opener` holds two numbers or more and nothing but commas besides.
    private func holdsAgeList(from opener: Int, in text: TokenizedText) -> Bool {
        var numbers = 0
        for token in text.tokens[(opener + 1)...] {
            switch text.units[token.start] {
            case 0x29: return numbers >= 2
            case 0x2C: continue
            default:
                guard token.kind == .number, token.end - token.start <= 2 else { return false }
                numbers += 1
            }
        }
        return false
    }

    /// "NAME 11," or "NAME 4)": a child's age of one or two digits right after a person, ending a list item.
    private func isListedAge(_ index: Int, anchorEnds: SortedOffsets, in text: TokenizedText) -> Bool {
        let token = text.tokens[index], units = text.units
        guard token.end - token.start <= 2, token.flags.contains(.spaceBefore), !token.flags.contains(.newlineBefore),
              anchorEnds.contains(text.tokens[index - 1].end), text.tokens[index - 1].isWord,
              text.asciiNumber(index) != nil else { return false }
        let next = text.tokens[index + 1]
        return next.flags.contains(.newlineBefore) || (!next.flags.contains(.spaceBefore) && (units[next.start] == 0x2C || units[next.start] == 0x29))
    }

    /// Words for a person of the case that a bracketed age may follow (lower-cased UTF-16).
    private static let roleWords: Set<[UInt16]> = Set([
        "km", "kv", "mutter", "vater", "kind", "tochter", "sohn", "frau", "mann", "partner", "partnerin", "oma", "opa",
        "großmutter", "großvater", "bruder", "schwester", "junge", "mädchen", "baby", "säugling", "klientin", "klient",
        "bewohnerin", "patientin", "patient", "geschädigte", "geschädigter", "beschuldigte", "beschuldigter", "ehemann",
        "ehefrau", "lebensgefährte", "lebensgefährtin", "stiefvater", "stiefmutter", "cousin", "cousine", "tante", "onkel",
        "nichte", "neffe", "enkel", "enkelin", "freund", "freundin", "ex-partner", "ex-mann", "kindsmutter", "kindsvater",
    ].map { Array($0.utf16) })

    /// Words for several children, whose bracket may list their ages.
    private static let pluralRoleWords: Set<[UInt16]> = Set(["ki", "kinder", "geschw", "geschwister"].map { Array($0.utf16) })

    private func isAgeUnit(_ key: ArraySlice<UInt8>) -> Bool {
        Self.ageUnits.contains { $0.elementsEqual(key) }
    }

    /// The keys of age units, made once: made per question, they had been eight arrays a word.
    private static let ageUnits: [[UInt8]] = ["j", "jahre", "jahr", "lj", "mon", "monate", "m", "jr"].map { Array($0.utf8) }
}

/// Offsets sorted once and asked by bisection.
private struct SortedOffsets {
    private let offsets: [Int]

    init(_ offsets: [Int]) { self.offsets = offsets.sorted() }

    func contains(_ offset: Int) -> Bool {
        let index = offsets.lowerBound(of: offset)
        return index < offsets.count && offsets[index] == offset
    }
}
