/// The names under which people write in a quoted chat, at the start of each message line before its time
/// ("Bena (22:14): bist du wach", "Efua [07:02]: antworte", "Memo 🦁 19:12: wo bist du") or after it ("03.01. 21:14  M: hey"): the chat's persons, whether or not a name list
/// knows the word. A chat has two such lines at least; a word of the dictionaries ("Termin (10:00): …") or a
/// role is no sender. Found with context, a sender's name spreads to the rest of the note ("bena antworte").
struct ChatSenders {
    static let label = RuleLabel(rule: "engine.chat-sender", type: "person.name")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var senders: [Int] = []
        var senderEnds: [Int: Int] = [:]
        // Display names in small letters too ("saschi 🐍 (21:47): na nikki"), as phones save them.
        for index in tokens.indices where (index == 0 || tokens[index].flags.contains(.newlineBefore))
            && (tokens[index].isCapitalizedWord || tokens[index].isWord && tokens[index].flags.contains(.lowercase)
                && tokens[index].end - tokens[index].start >= 3)
            && !tokens[index].flags.contains(.allCaps) {
            if isFollowedByTime(tokens[index].end, in: text) {
                senders.append(index)
            } else if let end = emojiEnd(after: index, in: text), isFollowedByTime(end, in: text) {
                // A display name with its emoji ("Denni 🔥 (22:14): …") is the sender's name as a whole.
                senders.append(index)
                senderEnds[index] = end
            }
        }
        let afterTimes = sendersAfterTimes(in: text)
        for index in (senders.count >= 2 ? senders : []) + (afterTimes.count >= 2 ? afterTimes : []) {
            let key = text.key(index)
            // An initial alone is a sender too: "03.01. 21:14  M: hey" is written so to keep the name out.
            // A display name with an emoji is a name even when it is a word too ("Memo 🦁" of Mehmet).
            guard tokens[index].end - tokens[index].start == 1 || lexicon.isFirstName(key)
                || !((lexicon.isCommonWord(key) && senderEnds[index] == nil) || lexicon.isAllowed(key) || lexicon.isRoleWord(key))
            else { continue }
            // In small letters no verb, adjective or function word ("heute (10:00): termin").
            if tokens[index].flags.contains(.lowercase), lexicon.isLowercaseWord(key) || lexicon.isRoleWord(key) { continue }
            candidates.append(Candidate(range: tokens[index].start..<(senderEnds[index] ?? tokens[index].end), category: .person,
                                        label: Self.label, score: 0.85))
        }
    }

    /// The end of one emoji or symbol after the word at `index` and a space ("Denni 🔥"); nil when none stands there.
    private func emojiEnd(after index: Int, in text: TokenizedText) -> Int? {
        let units = text.units
        var position = text.tokens[index].end
        guard position + 1 < units.count, units[position] == 0x20 else { return nil }
        position += 1
        let start = position
        // Symbols outside the letters and punctuation of text: the surrogate pairs of emoji, the dingbats, and their
        // variation selectors and joiners.
        while position < units.count, UTF16.isLeadSurrogate(units[position]) || UTF16.isTrailSurrogate(units[position])
                || (0x2600...0x27BF).contains(units[position]) || units[position] == 0xFE0F || units[position] == 0x200D {
            position += 1
        }
        return position > start && position - start <= 8 ? position : nil
    }

    /// The senders of an export that puts the time first: "03.01. 21:14  M: hey", "[21:14] Lea: nee". The word
    /// after a line's opening date and time, glued to a colon.
    private func sendersAfterTimes(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens, units = text.units
        var senders: [Int] = []
        var index = 0
        while index < tokens.count {
            let lineStart = index
            index += 1
            while index < tokens.count && !tokens[index].flags.contains(.newlineBefore) { index += 1 }
            guard tokens[lineStart].kind == .number || units[tokens[lineStart].start] == 0x5B else { continue }
            // Digits, full stops, colons and brackets up to the first word, a time among them.
            var word = lineStart, hasTime = false
            while word < index, !tokens[word].isWord {
                guard tokens[word].kind == .number || [0x2E, 0x3A, 0x5B, 0x5D, 0x2C].contains(units[tokens[word].start]) else { break }
                if units[tokens[word].start] == 0x3A, word > lineStart, tokens[word - 1].kind == .number,
                   word + 1 < index, tokens[word + 1].kind == .number, tokens[word + 1].start == tokens[word].end { hasTime = true }
                word += 1
            }
            guard hasTime, word < index, tokens[word].isWord, tokens[word].isCapitalizedWord || tokens[word].end - tokens[word].start == 1,
                  isLatinUpper(units[tokens[word].start]), tokens[word].end < units.count, units[tokens[word].end] == 0x3A,
                  tokens[word].end + 1 < units.count, units[tokens[word].end + 1] == 0x20 else { continue }
            senders.append(word)
        }
        return senders
    }

    /// Whether " (22:14):", " [7:02]" or " 19:12:" and a space follow `offset`.
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
        if take(0x28) { closing = 0x29 } else if take(0x5B) { closing = 0x5D } else {
            // Without a bracket the time ends in a colon of its own: "Memo 🦁 19:12: wo bist du".
            return digits(1...2) && take(0x3A) && digits(2...2) && take(0x3A) && take(0x20)
        }
        guard digits(1...2), take(0x3A), digits(2...2), take(closing) else { return false }
        _ = take(0x3A)
        return take(0x20)
    }
}
