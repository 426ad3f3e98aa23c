/// Capitals no list knows after "mit": "Tür&Angel mit ROS", "Klassenrat mit HUB", "Gespräch mit ROS u. BRN".
/// Schools and services write a colleague's letters where a person is met or talked with; an abbreviation a list
/// knows stays one ("mit ASD", "mit KV", "mit EKG").
extension DefinedCodes {
    func capitalsMetWith(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropLast() where tokens[index].isWord && tokens[index].end - tokens[index].start == 3
            && text.key(index).elementsEqual(Self.with) {
            var code = index + 1
            while code < tokens.count, !tokens[code].flags.contains(.newlineBefore), isUnknownCapitals(code, in: text) {
                codes.insert(Array(units[tokens[code].range]))
                // "ROS u. BRN", "ROS und BRN", "ROS + BRN", "ROS/BRN": the next colleague of the same talk.
                var next = code + 1
                guard next < tokens.count else { break }
                if text.key(next).elementsEqual(Self.andShort), next + 1 < tokens.count, units[tokens[next + 1].start] == 0x2E { next += 2 }
                else if text.key(next).elementsEqual(Self.and) || [0x2B, 0x2F].contains(units[tokens[next].start]) { next += 1 }
                else { break }
                code = next
            }
        }
        return codes
    }

    /// Three capitals standing alone (no hyphen or digit glued on), a consonant and a vowel first as a surname's
    /// first letters are ("ROS", "HUB", "MÜL"; a function's letters mostly are not: "SSA", "RTW", "PDL", "SGL"), that
    /// no list knows as a word, a role, an institution or a place.
    private func isUnknownCapitals(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index], units = text.units
        guard token.isWord, token.end - token.start == 3, units[token.range].allSatisfy(isLatinUpper),
              !Self.capitalVowels.contains(units[token.start]), Self.capitalVowels.contains(units[token.start + 1]) else { return false }
        if token.end < units.count, [0x2D, 0x2F].contains(units[token.end]) || isASCIIDigit(units[token.end]) { return false }
        if token.start > 0, units[token.start - 1] == 0x2D { return false }
        let key = text.key(index)
        // A word of the language in capitals is an abbreviation more often ("mit SIM") than a colleague ("HUB").
        return !lexicon.isAllowed(key) && !lexicon.isRoleWord(key) && !lexicon.isInstitution(key) && !lexicon.isPlace(key)
            && !lexicon.isCommonWord(key) && !Self.calendarAbbreviations.contains(Array(key))
    }

    private static let capitalVowels: Set<UInt16> = Set("AEIOUÄÖÜ".utf16)
    private static let with = Array("mit".utf8)
    private static let and = Array("und".utf8)
    private static let andShort = Array("u".utf8)
}
