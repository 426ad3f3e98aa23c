/// Finds names written letter-spaced, as in headers or to dodge a filter: "M ü l l e r". A run of four or
/// more single letters separated by single spaces, starting with a capital, is joined; when the joined word
/// is a known name, the whole run is a person candidate.
struct LetterSpacingDetector {
    static let rule = "engine.letter-spacing"
    static let label = RuleLabel(rule: rule, type: "person.name")
    let lexicon: Lexicon
    let folder: KeyFolder

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) throws(DiskretError) {
        let tokens = text.tokens
        var index = 0
        while index < tokens.count {
            guard isLetter(index, in: text), tokens[index].flags.contains(.capitalized) else { index += 1; continue }
            var end = index
            while end + 1 < tokens.count, isLetter(end + 1, in: text), singleSpaceBetween(end, end + 1, in: text) { end += 1 }
            defer { index = end + 1 }
            guard end - index + 1 >= 4 else { continue }
            var word: [UInt16] = []
            for letter in index...end { word.append(contentsOf: text.units[tokens[letter].range]) }
            let key = try word.withUnsafeBufferPointer { (buffer) throws(DiskretError) -> [UInt8] in
                var key: [UInt8] = []
                try folder.appendKey(of: buffer, to: &key)
                return key
            }
            // Only names the lists know ("M ü l l e r" even though Müller is also a noun): letter-spaced
            // headings and warnings ("O N K O L O G I E", "C A V E") are not names.
            guard lexicon.isKnownName(key[...]) else { continue }
            candidates.append(Candidate(range: tokens[index].start..<tokens[end].end, category: .person, label: Self.label,
                                        score: 0.8))
        }
    }

    private func isLetter(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        // One letter is one or two UTF-16 units (with a combining mark); longer tokens are words.
        guard token.isWord, token.end - token.start <= 2 else { return false }
        let units = text.units[token.range]
        // Asked for every short word ("am", "zu", "KM"): ASCII (whose only alphabetic units are A–Z and a–z)
        // without making a string.
        if units.allSatisfy({ $0 < 0x80 }) { return units.count { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } == 1 }
        return UTF16Conversion.string(of: units).unicodeScalars.filter { $0.properties.isAlphabetic }.count == 1
    }

    private func singleSpaceBetween(_ left: Int, _ right: Int, in text: TokenizedText) -> Bool {
        let gap = text.units[text.tokens[left].end..<text.tokens[right].start]
        return gap.count == 1 && (gap.first == 0x20 || gap.first == 0xA0)
    }
}
