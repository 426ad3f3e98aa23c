/// The names under which people write in a quoted chat, at the start of each message line before its time
/// ("Bena (22:14): bist du wach", "Efua [07:02]: antworte"): the chat's persons, whether or not a name list
/// knows the word. A chat has two such lines at least; a word of the dictionaries ("Termin (10:00): …") or a
/// role is no sender. Found with context, a sender's name spreads to the rest of the note ("bena antworte").
struct ChatSenders {
    static let label = RuleLabel(rule: "engine.chat-sender", type: "person.name")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var senders: [Int] = []
        for index in tokens.indices where (index == 0 || tokens[index].flags.contains(.newlineBefore))
            && tokens[index].isCapitalizedWord && !tokens[index].flags.contains(.allCaps) && isFollowedByTime(tokens[index].end, in: text) {
            senders.append(index)
        }
        guard senders.count >= 2 else { return }
        for index in senders {
            let key = text.key(index)
            guard lexicon.isFirstName(key) || !(lexicon.isCommonWord(key) || lexicon.isAllowed(key) || lexicon.isRoleWord(key))
            else { continue }
            candidates.append(Candidate(range: tokens[index].range, category: .person, label: Self.label, score: 0.85))
        }
    }

    /// Whether " (22:14):" or " [7:02]" and a space follow `offset`.
    private func isFollowedByTime(_ offset: Int, in text: TokenizedText) -> Bool {
        let units = text.units
        var position = offset
        func take(_ unit: UInt16) -> Bool {
            guard position < units.count, units[position] == unit else { return false }
            position += 1
            return true
        }
        func digits(_ range: ClosedRange<Int>) -> Bool {
            var count = 0
            while position < units.count, isASCIIDigit(units[position]) { position += 1; count += 1 }
            return range.contains(count)
        }
        guard take(0x20) else { return false }
        let closing: UInt16
        if take(0x28) { closing = 0x29 } else if take(0x5B) { closing = 0x5D } else { return false }
        guard digits(1...2), take(0x3A), digits(2...2), take(closing) else { return false }
        _ = take(0x3A)
        return take(0x20)
    }
}
