/// Ages in brackets behind a person or a birth date ("Merhawit (6)", "* 17.03.2014 (10)", "Lejla (26 J.)"):
/// in lists of children that number is the child's age, whatever the name, so it is found once the name
/// or date before it is. In a list of children ("Kinder (ZAHRA 11, ALI 8)") the bracket may hold several
/// names, each followed by a bare age.
struct BracketedAge {
    static let rule = "engine.bracketed-age"
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let anchors = candidates.filter { $0.score >= threshold && ($0.category == .person || $0.category == .date) }
        guard !anchors.isEmpty else { return }
        let anchorEnds = Set(anchors.map(\.range.upperBound))
        let units = text.units
        for (index, token) in text.tokens.enumerated() where token.kind == .number && index >= 1 && index + 1 < text.tokens.count {
            let open = text.tokens[index - 1], close = text.tokens[index + 1]
            if isListedAge(index, anchorEnds: anchorEnds, in: text) {
                candidates.append(Candidate(range: token.range, category: .age, type: "age", rule: Self.rule,
                                            score: threshold, derived: true))
                continue
            }
            guard units[open.start] == 0x28, open.end - open.start == 1, token.end - token.start <= 3,
                  let value = Int(text.string(token.range)), value <= 120 else { continue }
            // ")" directly, or a unit ("J.", "Jahre", "Mon.") and then ")".
            let closes = units[close.start] == 0x29
                || (close.isWord && index + 2 < text.tokens.count && isAgeUnit(text.key(index + 1))
                    && text.tokens[(index + 2)...].prefix(2).contains { units[$0.start] == 0x29 })
            guard closes, index >= 2 else { continue }
            // The bracket follows the anchor directly, or after a comma or space.
            var before = open.start
            while before > 0 && (isSpace(units[before - 1]) || units[before - 1] == 0x2C) { before -= 1 }
            guard anchorEnds.contains(before) else { continue }
            candidates.append(Candidate(range: token.range, category: .age, type: "age", rule: Self.rule,
                                        score: threshold, derived: true))
        }
    }

    /// "NAME 11," or "NAME 4)": a child's age of one or two digits right after a person, ending a list item.
    private func isListedAge(_ index: Int, anchorEnds: Set<Int>, in text: TokenizedText) -> Bool {
        let token = text.tokens[index], units = text.units
        guard token.end - token.start <= 2, token.flags.contains(.spaceBefore), !token.flags.contains(.newlineBefore),
              anchorEnds.contains(text.tokens[index - 1].end), text.tokens[index - 1].isWord,
              units[token.range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        guard index + 1 < text.tokens.count else { return true }
        let next = text.tokens[index + 1]
        return next.flags.contains(.newlineBefore) || (!next.flags.contains(.spaceBefore) && (units[next.start] == 0x2C || units[next.start] == 0x29))
    }

    private func isAgeUnit(_ key: ArraySlice<UInt8>) -> Bool {
        ["j", "jahre", "jahr", "lj", "mon", "monate", "m", "jr"].contains { Array($0.utf8)[...] == key }
    }
}
