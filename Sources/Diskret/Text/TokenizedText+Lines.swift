/// The lines of a note as token ranges, and whether a line is typed in small letters.
extension TokenizedText {
    /// The tokens of the line that token `index` stands on.
    func lineTokens(of index: Int) -> Range<Int> {
        var start = index, end = index + 1
        while start > 0, !tokens[start].flags.contains(.newlineBefore) { start -= 1 }
        while end < tokens.count, !tokens[end].flags.contains(.newlineBefore) { end += 1 }
        return start..<end
    }

    /// Whether token `index` begins its line, after a list's dash, bullet or number at most.
    func opensListItem(_ index: Int) -> Bool {
        if index == 0 || tokens[index].flags.contains(.newlineBefore) { return true }
        let before = tokens[index - 1]
        guard before.flags.contains(.newlineBefore) || index == 1 else { return false }
        return before.end - before.start == 1 && [0x2D, 0x2013, 0x2022, 0x2A].contains(units[before.start]) || before.kind == .number
    }

    /// Whether `range` holds at least `minimumWords` words and four in five of them are written in small letters:
    /// a line typed so, nouns too ("- bubu (3) rennt rum, windel voll"), as hurried notes and chats write.
    func isTypedSmall(_ range: Range<Int>, minimumWords: Int = 1) -> Bool {
        var words = 0, small = 0
        for token in tokens[range] where token.isWord {
            words += 1
            if token.flags.contains(.lowercase) { small += 1 }
        }
        return words >= minimumWords && small * 5 >= words * 4
    }
}
