/// A capital and its full stop before a word in small letters stand for a person wherever they stand in the
/// sentence ("L. habe ihm …", "da L. große Angst äußert", "Gespräch L. mit …"): notes on children name them
/// by one letter and never in full. Once a letter is a person in a note, it is that person everywhere in the
/// note ("- L. ist in der Schule", "K. + L.-M."), unless a number follows it ("S. 12"). So is a letter with its
/// function in a bracket ("T. (Sport)").
///
/// Not read as persons: the second letter of an abbreviation ("z. B.", "u. A."), a letter before a one-letter
/// abbreviation ("Z. n.", "V. a."), a unit after a number ("6 J."), and A., M., N., V. before a Latin word
/// (Arteria, Morbus, Nervus, Vena).
struct LoneInitials {
    static let label = RuleLabel(rule: "engine.lone-initial", type: "person.initial")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var covered = OffsetSet(limit: units.count)
        var letters = Set<UInt16>()
        for index in candidates.indices where candidates[index].score >= threshold {
            covered.insert(candidates[index].range.lowerBound)
            let range = candidates[index].range
            if candidates[index].category == .person, range.count <= 2, isLatinUpper(units[range.lowerBound]),
               range.count == 1 || units[range.lowerBound + 1] == 0x2E {
                letters.insert(units[range.lowerBound])
            }
            // A child named by two initials ("mit R. A. (8b)") is named by the first alone too ("bei R.").
            if candidates[index].category == .person, range.count == 5, isLatinUpper(units[range.lowerBound]),
               units[range.lowerBound + 1] == 0x2E, units[range.lowerBound + 2] == 0x20, isLatinUpper(units[range.lowerBound + 3]),
               units[range.lowerBound + 4] == 0x2E, !Self.isDegree(units[range.lowerBound], units[range.lowerBound + 3]) {
                letters.insert(units[range.lowerBound])
            }
        }
        var initials: [Int] = []
        for index in tokens.indices where text.isInitial(index) && !isAbbreviationPart(index, in: text) {
            initials.append(index)
            if isSubject(index, in: text) || hasFunctionBracket(index, in: text) { letters.insert(units[tokens[index].start]) }
        }
        for index in initials where !covered.contains(tokens[index].start) && letters.contains(units[tokens[index].start])
            && !isFollowedByNumber(index, in: text) {
            candidates.append(Candidate(range: tokens[index].start..<tokens[index + 1].end, category: .person, label: Self.label,
                                        score: threshold, derived: true))
        }
        applyGenitives(of: letters, to: &candidates, covered: covered, in: text)
        applySmallLetters(to: &candidates, covered: covered, in: text)
        applyDigraphs(to: &candidates, covered: covered, in: text)
    }

    /// A person's letter with a genitive "s" glued to its full stop ("nicht R.s handy"), which the word breaker
    /// keeps as one word: that person too.
    private func applyGenitives(of letters: Set<UInt16>, to candidates: inout [Candidate], covered: OffsetSet, in text: TokenizedText) {
        guard !letters.isEmpty else { return }
        let units = text.units
        for token in text.tokens where token.end - token.start == 3 && units[token.start + 1] == 0x2E && units[token.start + 2] == 0x73
            && letters.contains(units[token.start]) && !covered.contains(token.start) {
            candidates.append(Candidate(range: token.range, category: .person, label: Self.label, score: threshold, derived: true))
        }
    }

    /// German initials of two or three letters for the sounds one letter does not write ("Th." for Theresa,
    /// "Ch." for Christian, "Ph.", "Sch.", "St."): a person of the note begins with them, and the initial stands
    /// before a word in small letters once ("Th. weint viel"); then it is that person wherever it stands, unless a
    /// number follows ("St. 3").
    private func applyDigraphs(to candidates: inout [Candidate], covered: OffsetSet, in text: TokenizedText) {
        let tokens = text.tokens
        var initials: [Int] = []
        for index in tokens.indices.dropLast() where (2...3).contains(tokens[index].end - tokens[index].start)
            && tokens[index].isCapitalizedWord && !tokens[index].flags.contains(.allCaps)
            && text.units[tokens[index + 1].start] == 0x2E && !tokens[index + 1].flags.contains(.spaceBefore)
            && Self.digraphs.contains(where: { text.key(index).elementsEqual($0) }) && !covered.contains(tokens[index].start) {
            initials.append(index)
        }
        guard !initials.isEmpty else { return }
        // The digraphs some person of the note begins with, and those of them written as a subject once.
        var named = Set<[UInt8]>()
        for candidate in candidates.indices where candidates[candidate].category == .person && candidates[candidate].score >= threshold {
            let first = text.firstToken(endingAfter: candidates[candidate].range.lowerBound)
            guard first < tokens.count, tokens[first].isCapitalizedWord, tokens[first].end - tokens[first].start >= 4 else { continue }
            let word = text.key(first)
            for digraph in Self.digraphs where word.starts(with: digraph) { named.insert(digraph) }
        }
        var subjects = Set<[UInt8]>()
        for index in initials where named.contains(Array(text.key(index))) && isSubject(index, in: text) {
            subjects.insert(Array(text.key(index)))
        }
        for index in initials where subjects.contains(Array(text.key(index))) && !isFollowedByNumber(index, in: text) {
            candidates.append(Candidate(range: tokens[index].start..<tokens[index + 1].end, category: .person, label: Self.label,
                                        score: threshold, derived: true))
        }
    }

    /// Initials of two or three letters, folded: "Ch.", "Ph.", "Sch.", "St.", "Th.".
    private static let digraphs: [[UInt8]] = ["ch", "ph", "sch", "st", "th"].map { Array($0.utf8) }

    /// Whether the initial at `index` is followed by a bracket naming a function or subject ("T. (Sport)",
    /// "K. (KL 3b)"): how minutes and school notes introduce the staff they then name by the letter alone.
    private func hasFunctionBracket(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        let open = index + 2
        guard open + 2 < tokens.count, units[tokens[open].start] == 0x28, tokens[open].flags.contains(.spaceBefore),
              !tokens[open].flags.contains(.newlineBefore), tokens[open + 1].isWord, isLatinUpper(units[tokens[open + 1].start]),
              !lexicon.isFirstName(text.key(open + 1)) else { return false }
        // The bracket closes within three words on the line.
        var close = open + 2
        while close < min(tokens.count, open + 5), units[tokens[close].start] != 0x29, !tokens[close].flags.contains(.newlineBefore) { close += 1 }
        return close < tokens.count && units[tokens[close].start] == 0x29
    }

    /// A note typed in small letters names a child by its small letter once it has named her ("elif" … "ihr ist
    /// aufgefallen e. seit karneval sehr still", "wenn e. bestätigt"): a small letter and its full stop before a
    /// word in small letters, when a person of the note begins with it and the letter is no common abbreviation
    /// ("u.", "s.", "d. h.", "z. b.", "w." for weiblich).
    private func applySmallLetters(to candidates: inout [Candidate], covered: OffsetSet, in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var letters = Set<UInt16>()
        for index in candidates.indices where candidates[index].category == .person && candidates[index].score >= threshold
            && candidates[index].range.count >= 3 && isLatinLower(units[candidates[index].range.lowerBound]) {
            letters.insert(units[candidates[index].range.lowerBound])
        }
        // "d." is "der" before a noun ("wohnung d. mutter") but a person before a verb ("d. hat die tür eingetreten").
        let article = letters.contains(Self.d)
        letters.subtract(Self.abbreviationLetters)
        if article { letters.insert(Self.d) }
        guard !letters.isEmpty else { return }
        for index in tokens.indices.dropLast() where tokens[index].isWord && tokens[index].end - tokens[index].start == 1
            && letters.contains(units[tokens[index].start]) && units[tokens[index + 1].start] == 0x2E
            && !tokens[index + 1].flags.contains(.spaceBefore) && !covered.contains(tokens[index].start)
            && !isAbbreviationPart(index, in: text) && isSubject(index, in: text)
            && (units[tokens[index].start] != Self.d || !lexicon.isNoun(text.key(index + 2))) {
            candidates.append(Candidate(range: tokens[index].start..<tokens[index + 1].end, category: .person, label: Self.label,
                                        score: threshold, derived: true))
        }
    }

    /// Small letters that stand for a word before their full stop: an, bei, der, für, gegen, (d.) h., in, mit,
    /// nach, oder, siehe, und, von, weiblich, zu.
    private static let abbreviationLetters: Set<UInt16> = Set("abdfghimnosuvwz".utf16)
    private static let d: UInt16 = 0x64

    /// Whether the initial at `index` is followed, on its line, by a word in small letters of two letters or more
    /// that is no one-letter abbreviation and, after A., M., N. or V., no Latin word.
    private func isSubject(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        let next = index + 2
        guard next < tokens.count, tokens[next].isWord, tokens[next].flags.contains(.lowercase),
              tokens[next].flags.contains(.spaceBefore), !tokens[next].flags.contains(.newlineBefore),
              tokens[next].end - tokens[next].start >= 2 else { return false }
        // An abbreviated word after the letter is Latin or jargon ("A. fem.", "N. med."), not a verb.
        if next + 1 < tokens.count, text.units[tokens[next + 1].start] == 0x2E, !tokens[next + 1].flags.contains(.spaceBefore) { return false }
        if [0x41, 0x4D, 0x4E, 0x56].contains(text.units[tokens[index].start]) {
            let word = text.key(next)
            if Self.latinEndings.contains(where: { word.count > $0.count + 1 && word.hasSuffix($0) }) { return false }
        }
        return true
    }

    /// A letter after a small letter and its full stop ("z. B.", "u. A."), or before a one-letter abbreviation
    /// ("Z. n.", "V. a.", "S. o.").
    private func isAbbreviationPart(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        // A unit after a number: "6 J." is six years ("3 M.", "5 T.", "2 W." months, days, weeks); after a clock
        // time a letter is someone ("05:50 D. wach").
        if index >= 1, tokens[index - 1].kind == .number, !tokens[index].flags.contains(.newlineBefore),
           [0x4A, 0x4D, 0x54, 0x57].contains(units[tokens[index].start]) { return true }
        if index >= 2, tokens[index - 2].isWord, tokens[index - 2].end - tokens[index - 2].start == 1,
           units[tokens[index - 1].start] == 0x2E, !tokens[index].flags.contains(.newlineBefore) { return true }
        let next = index + 2
        if next + 1 < tokens.count, tokens[next].isWord, tokens[next].end - tokens[next].start == 1,
           tokens[next].flags.contains(.lowercase), units[tokens[next + 1].start] == 0x2E { return true }
        // A degree in a bracket after a profession: "Sozialpädagogin (B. A.)", "(M. A.)".
        if index >= 1, units[tokens[index - 1].start] == 0x28, next + 2 < tokens.count, tokens[next].end - tokens[next].start == 1,
           Self.isDegree(units[tokens[index].start], units[tokens[next].start]),
           units[tokens[next + 1].start] == 0x2E, units[tokens[next + 2].start] == 0x29 { return true }
        return false
    }

    /// Whether two capitals are the letters of a degree, "B. A." or "M. A.", not a person's initials.
    private static func isDegree(_ first: UInt16, _ second: UInt16) -> Bool {
        second == 0x41 && (first == 0x42 || first == 0x4D)
    }

    /// Whether a number follows the initial on its line ("S. 12", "Abb. A. 3").
    private func isFollowedByNumber(_ index: Int, in text: TokenizedText) -> Bool {
        let next = index + 2
        return next < text.tokens.count && text.tokens[next].kind == .number && !text.tokens[next].flags.contains(.newlineBefore)
    }

    /// Endings of the Latin words after A., M., N., V. in anatomy ("A. carotis", "N. ulnaris", "M. Crohn").
    private static let latinEndings: [[UInt8]] = ["is", "us", "ae", "um", "ii", "i", "a", "ior"].map { Array($0.utf8) }
}
