/// Widens a person or contact finding over the pictographs that end a chat's display name ("22:13 Maik 🐺: …",
/// „Maik 🐺“): the name and its emoji are one handle, and the emoji left behind still points to the sender on the
/// platform. Only before the colon of a chat line or a closing quote: elsewhere an emoji is the writer's.
struct DisplayNameSymbols {
    /// Moves the end of each such finding past its emoji, in place.
    func widen(_ findings: inout [Candidate], in text: TokenizedText) {
        let units = text.units
        for index in findings.indices where findings[index].category == .person || findings[index].category == .contact {
            let end = findings[index].range.upperBound
            guard end + 2 < units.count, units[end] == 0x20 else { continue }
            var cursor = end + 1
            while cursor < units.count, let length = Self.pictographLength(at: cursor, in: units) { cursor += length }
            guard cursor > end + 1, cursor < units.count, (units[cursor] == 0x3A || QuotationMarks.closes(units[cursor])),
                  index + 1 == findings.count || findings[index + 1].range.lowerBound >= cursor else { continue }
            findings[index].range = findings[index].range.lowerBound..<cursor
        }
    }

    /// The UTF-16 length of the pictograph, its variation selector or joiner at `offset`; nil for anything else.
    private static func pictographLength(at offset: Int, in units: [UInt16]) -> Int? {
        let unit = units[offset]
        // The emoji planes (U+1F000–U+1FAFF) as a surrogate pair.
        if (0xD83C...0xD83E).contains(unit), offset + 1 < units.count, UTF16.isTrailSurrogate(units[offset + 1]) { return 2 }
        // Miscellaneous symbols and dingbats (☀, ❤), arrows and stars (⭐), a variation selector, a zero-width joiner.
        if (0x2600...0x27BF).contains(unit) || (0x2B00...0x2BFF).contains(unit) || unit == 0xFE0F || unit == 0x200D { return 1 }
        return nil
    }
}
