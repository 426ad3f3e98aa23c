/// Staff who are numbered instead of named: a residential group's or a service's roster writes "MA 0233" once and
/// then the bare number ("F 0233 | S 0418, 0502 | N 0377", "Gespräch 0418 mit Jannik", "gez. 0233"). A number is
/// a person of the note where a staff word or a sign-off stands before it, or where a roster line pairs two shifts
/// or more with numbers; then every number listed beside one on its line is staff too, and each such number of
/// three digits or more is the same person wherever it stands alone in the note.
struct StaffNumbers {
    static let label = RuleLabel(rule: "engine.staff-number", type: "person.initials")
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var standalone: [Int] = []
        for index in tokens.indices where tokens[index].kind == .number && isStandalone(index, in: text) { standalone.append(index) }
        guard !standalone.isEmpty else { return }
        var staff = Set<[UInt16]>()
        for index in standalone where isAfterStaffWord(index, in: text) || isSignOff(index, in: text) || isRosterEntry(index, in: text) {
            staff.insert(Array(text.units[tokens[index].range]))
        }
        guard !staff.isEmpty else { return }
        // Each number's line, found once: the rounds below ask it again and again.
        let lineOf = Dictionary(uniqueKeysWithValues: standalone.map { ($0, text.lineTokens(of: $0).lowerBound) })
        // A number listed beside a staff number on its line is staff too; found so, it spreads, and its line may
        // list more ("Mi 13.11.  F 0502 | S 0418, 0233 | N 0191").
        for _ in 0..<4 {
            let before = staff.count
            var lines = Set<Int>()
            for index in standalone where isSpreading(index, staff, in: text) { lines.insert(lineOf[index]!) }
            for index in standalone where !staff.contains(Array(text.units[tokens[index].range]))
                && lines.contains(lineOf[index]!) && isListed(index, in: text)
                && staff.contains(where: { $0.count == tokens[index].end - tokens[index].start }) && !isYear(index, in: text) {
                staff.insert(Array(text.units[tokens[index].range]))
            }
            if staff.count == before { break }
        }
        for index in standalone where isSpreading(index, staff, in: text) || isAfterStaffWord(index, in: text) {
            candidates.append(Candidate(range: tokens[index].range, category: .person, label: Self.label, score: threshold, derived: true))
        }
    }

    /// Whether token `index` is one of `staff` long enough to name one person throughout the note (three digits
    /// or more: "07" or "23" elsewhere is a day, an hour or a count).
    private func isSpreading(_ index: Int, _ staff: Set<[UInt16]>, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        return token.end - token.start >= 3 && staff.contains(Array(text.units[token.range]))
    }

    /// Two to five ASCII digits standing apart: after a space, a line's start, a bracket or a list's mark, and
    /// before a space, a comma, a bracket or a line's end — not part of a date, a time, a phone number or an amount.
    private func isStandalone(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index], units = text.units
        guard (2...5).contains(token.end - token.start), units[token.range].allSatisfy(isASCIIDigit) else { return false }
        if token.start > 0, !Self.openers.contains(units[token.start - 1]) { return false }
        guard token.end < units.count else { return true }
        let next = units[token.end]
        // A full stop ends a sentence only before a space or a line's end ("Unterschrift 0418."), not in "12.03.".
        if next == 0x2E { return token.end + 1 == units.count || isSpace(units[token.end + 1]) }
        return Self.closers.contains(next)
    }

    /// Space, line breaks, "(", "[", "|", "/", "·", "→".
    private static let openers: Set<UInt16> = [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x28, 0x5B, 0x7C, 0x2F, 0xB7, 0x2192]
    /// Space, line breaks, ",", ")", "]", "|", ";", "/".
    private static let closers: Set<UInt16> = [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2C, 0x29, 0x5D, 0x7C, 0x3B, 0x2F]

    /// "MA 0233", "FK 071", "Mitarbeiterin 0418": a staff word, one space, and a number of three digits or more, or
    /// one with a leading zero (a "MA 12" alone may count staff).
    private func isAfterStaffWord(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index >= 1, tokens[index - 1].isWord, tokens[index].start == tokens[index - 1].end + 1,
              units[tokens[index - 1].end] == 0x20 else { return false }
        let digits = units[tokens[index].range], word = units[tokens[index - 1].range]
        // "PK 44" listed after an officer is a police station (Polizeikommissariat), not a colleague's number.
        guard digits.count >= 3 || digits.first == 0x30 || !word.elementsEqual(Self.policeStation) && isListedBesideAPerson(index, in: text),
              !isAmount(index, in: text) else { return false }
        return NumberedStaffCodes.staffWords.contains(where: { word.elementsEqual($0) })
            || Self.staffNouns.contains(where: { text.key(index - 1).elementsEqual($0) })
    }

    /// Whether a staff word and its number stand as one item of a bracket or list of persons: after "(", "/" or
    /// ",", and before ")", "/", "," or the line's end ("Übergabe an FD (Emre / MA 11)"), where two digits are a
    /// person too, not a count ("3 MA 12 Std.").
    private func isListedBesideAPerson(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index >= 2, !tokens[index - 2].isWord, [0x28, 0x2F, 0x2C].contains(units[tokens[index - 2].start]) else { return false }
        return index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore)
            || [0x29, 0x2F, 0x2C].contains(units[tokens[index + 1].start])
    }

    private static let policeStation = Array("PK".utf16)
    private static let staffNouns: [[UInt8]] = ["mitarbeiter", "mitarbeiterin", "mitarb", "betreuer", "betreuerin", "bezugsbetreuer",
                                                 "bezugsbetreuerin", "kollege", "kollegin"].map { Array($0.utf8) }

    /// "gez. 0233" closing its line: a number of three digits or more signs as a person.
    private func isSignOff(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard index >= 2, tokens[index].end - tokens[index].start >= 3, text.units[tokens[index - 1].start] == 0x2E,
              text.key(index - 2).elementsEqual(Self.signed) else { return false }
        return index + 1 == tokens.count || tokens[index + 1].flags.contains(.newlineBefore)
    }

    private static let signed = Array("gez".utf8)

    /// A shift's letters and a number of three digits or more ("F 0233", "N 0377", "BD 0233"), on a line that pairs
    /// two shifts or more so: a roster's day.
    private func isRosterEntry(_ index: Int, in text: TokenizedText) -> Bool {
        guard isAfterShift(index, in: text), !isYear(index, in: text) else { return false }
        let line = text.lineTokens(of: index)
        var pairs = 0
        for other in line where text.tokens[other].kind == .number && isAfterShift(other, in: text) { pairs += 1 }
        return pairs >= 2
    }

    /// Whether a shift's letters stand right before token `index`, one space apart, after a space or a list's mark.
    private func isAfterShift(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        guard index >= 1, tokens[index].end - tokens[index].start >= 3, tokens[index - 1].isWord,
              tokens[index].start == tokens[index - 1].end + 1, units[tokens[index - 1].end] == 0x20 else { return false }
        let word = units[tokens[index - 1].range]
        return Self.shifts.contains(where: { word.elementsEqual($0) })
    }

    /// Früh, Spät, Nacht, Tag, geteilter and Bereitschaftsdienst as rosters abbreviate them.
    private static let shifts: [[UInt16]] = ["F", "S", "N", "T", "FD", "SD", "ND", "TD", "BD", "GD", "RB", "Früh", "Spät", "Nacht"]
        .map { Array($0.utf16) }

    /// Whether a comma, a list's mark, "und" or a shift's letters stand right before token `index`: an item of a
    /// list, not a number that counts or dates something.
    private func isListed(_ index: Int, in text: TokenizedText) -> Bool {
        guard index >= 1 else { return false }
        let previous = text.tokens[index - 1]
        if previous.kind == .punctuation { return Self.listMarks.contains(text.units[previous.start]) }
        return text.key(index - 1).elementsEqual(Self.and) || isAfterShift(index, in: text)
    }

    /// ",", "|", "/", "(", "+", "·", "→".
    private static let listMarks: Set<UInt16> = [0x2C, 0x7C, 0x2F, 0x28, 0x2B, 0xB7, 0x2192]
    private static let and = Array("und".utf8)

    /// Whether a currency, a percent sign or a unit follows the number on its line ("RB 563 €" is a benefit).
    private func isAmount(_ index: Int, in text: TokenizedText) -> Bool {
        let next = index + 1
        guard next < text.tokens.count, !text.tokens[next].flags.contains(.newlineBefore) else { return false }
        if text.tokens[next].kind != .word { return [0x20AC, 0x25, 0x24].contains(text.units[text.tokens[next].start]) }
        return Self.units.contains(where: { text.key(next).elementsEqual($0) })
    }

    private static let units: [[UInt8]] = ["eur", "euro", "std", "min", "km", "kg", "ml", "mg", "stk", "tage", "wochen"]
        .map { Array($0.utf8) }

    /// Four digits from 1900 to 2099: a year.
    private func isYear(_ index: Int, in text: TokenizedText) -> Bool {
        guard text.tokens[index].end - text.tokens[index].start == 4, let value = text.asciiNumber(index) else { return false }
        return (1900...2099).contains(value)
    }
}
