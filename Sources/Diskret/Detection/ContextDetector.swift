/// Finds candidates after trigger words: "Frau Fischer", "wh. in Soest", "Az. 12 F 345/24", "KM Anna".
struct ContextDetector {
    let rules: [ContextRule]
    let lexicon: Lexicon
    /// The target patterns' matchers, made and bound to a note when a trigger first needs one.
    private let matchers: SessionMatchers
    let timeLimit: Int32
    /// The rules whose triggers start with a token of this key hash: one look-up per token for all rules,
    /// instead of one per token and rule.
    private let rulesByFirstToken: PrehashedTable<[Int]>
    /// A bit per slot of `slot(of:)`, set for the first-token hashes of all triggers: most tokens start no
    /// trigger, and this test spares them the dictionary look-up (~2 % of a run).
    private let firstTokenSlots: [UInt64]

    init(rules: [ContextRule], lexicon: Lexicon, timeLimit: Int32) throws(DiskretError) {
        self.rules = rules
        self.lexicon = lexicon
        matchers = SessionMatchers(rules.map(\.targetRegex))
        self.timeLimit = timeLimit
        var rulesByFirstToken: [UInt64: [Int]] = [:]
        for (index, rule) in rules.enumerated() { for hash in rule.firstTokenHashes { rulesByFirstToken[hash, default: []].append(index) } }
        var table = PrehashedTable<[Int]>(minimumCapacity: rulesByFirstToken.count)
        for (hash, indices) in rulesByFirstToken { table.insert(indices, forHash: hash) }
        self.rulesByFirstToken = table
        var slots = [UInt64](repeating: 0, count: Self.slotCount / 64)
        for slot in rulesByFirstToken.keys.map(Self.slot) { slots[slot / 64] |= 1 << UInt64(slot % 64) }
        firstTokenSlots = slots
    }

    private static let slotCount = 1 << 13

    /// A slot for a token hash, from its top bits after a multiplicative mix.
    private static func slot(of hash: UInt64) -> Int { Int((hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - 13)) }

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) throws(DiskretError) {
        let tokens = text.tokens
        // Candidates per rule, appended in rule order at the end, as if the rules had run one after another.
        var found = Array(repeating: [Candidate](), count: rules.count)
        var key = PhraseKey()  // reused: a trigger's key is built for every token that may start one
        // Each rule's last skip run: a chain of titles is walked once, not once per title in it.
        var runs = [SkipRun?](repeating: nil, count: rules.count)
        try text.units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in
            // A note that ended in an error may have left matchers bound to its text.
            try matchers.unbind()
            for start in tokens.indices where tokens[start].kind != .other {
                let slot = Self.slot(of: tokens[start].keyHash)
                guard firstTokenSlots[slot / 64] & (1 << UInt64(slot % 64)) != 0,
                      let indices = rulesByFirstToken.value(forHash: tokens[start].keyHash) else { continue }
                for index in indices {
                    if let candidate = try candidate(at: start, rule: index, text: text, buffer: buffer, key: &key, run: &runs[index]) {
                        found[index].append(candidate)
                    }
                }
            }
            try matchers.unbind()
        }
        for list in found { candidates.append(contentsOf: list) }
    }

    /// The candidate of rule `index` when one of its triggers starts at token `start`; `buffer` holds the
    /// units of `text`.
    private func candidate(at start: Int, rule index: Int, text: TokenizedText, buffer: UnsafeBufferPointer<UInt16>,
                           key: inout PhraseKey, run: inout SkipRun?) throws(DiskretError) -> Candidate? {
        let rule = rules[index]
        let tokens = text.tokens
        let definition = rule.definition
        guard let (triggerEnd, role) = trigger(at: start, rule: rule, text: text, key: &key) else { return nil }
        let skipped: SkipRun
        if let known = run, known.contains(triggerEnd) {
            skipped = known
        } else {
            skipped = SkipRun.walk(from: triggerEnd, rule: rule, text: text, joining: run.flatMap { $0.from > triggerEnd ? $0 : nil })
            run = skipped
        }
        let target = skipped.target
        guard target < tokens.count else { return nil }
        if !rule.fields.acrossSentences
            && crossesSentenceEnd(from: triggerEnd, to: target, skipped, text, lineBreaks: definition.category != .person) { return nil }
        let found: Range<Int>?
        switch rule.fields.target {
        case .name:
            // After a function, "von Lena" says whose it is ("Bezugserzieherin von Lena"): no particle of a name.
            if definition.category == .person && rule.fields.strictFirstWord && startsWithWhose(target, text) { return nil }
            found = text.nameEnd(from: target, maxWords: rule.fields.maxWords, lexicon: lexicon,
                                 strictFirstWord: rule.fields.strictFirstWord,
                                 trustSurnames: definition.category == .person)
                .map { tokens[target].start..<tokens[$0].end }
        case .word:
            found = text.isNameWord(target, first: !rule.fields.strictFirstWord, lexicon: lexicon) ? tokens[target].range : nil
        case .pattern:
            let from = tokens[target].start
            let matcher = try matchers.bound(index, to: buffer, timeLimit: timeLimit)
            try matcher.setRegion(from..<min(text.units.count, from + 400))
            do { found = try matcher.matchHere(group: 0) } catch {
                throw DiskretError.timeLimitExceeded(rule: definition.id)
            }
        }
        guard var range = found else { return nil }
        if !rule.targetLists.isEmpty {
            // The listed start of the target before an abbreviation: "AG Buchen Az. 1 F 64/20" names Buchen,
            // not "Buchen Az".
            var end = range.upperBound
            while true {
                if let key = text.joinedKey(covering: range.lowerBound..<end), rule.targetLists.anyContains(key) {
                    // Cut short, the place must be no noun: "bei Termin Do." is no town.
                    if end < range.upperBound && lexicon.isNoun(key[...]) { return nil }
                    break
                }
                let last = text.firstToken(endingAfter: end - 1)
                guard last > 0, last < tokens.count, tokens[last - 1].end > range.lowerBound,
                      text.looksLikeAbbreviation(last, shortCapitals: true) || text.isLabel(last) else { return nil }
                end = tokens[last - 1].end
            }
            range = range.lowerBound..<end
        }
        if rule.fields.includeTrigger {
            range = tokens[start].start..<closingQuoteEnd(after: range.upperBound, openedAfter: triggerEnd, text: text)
            if definition.category == .organisation { range = range.lowerBound..<OrganisationTail.end(after: range.upperBound, in: text.units) }
        }
        return Candidate(range: range, category: definition.category!, label: rule.label, score: definition.score, role: role)
    }

    /// A name quoted after its trigger ("Kita „Sternschnuppe“") is masked with its closing quote: left behind, the
    /// quote shows where a name stood and the output reads as broken. `end` when nothing closes there.
    private func closingQuoteEnd(after end: Int, openedAfter triggerEnd: Int, text: TokenizedText) -> Int {
        let units = text.units
        guard end < units.count, QuotationMarks.isQuotationMarkOrApostrophe(units[end]),
              text.tokens[triggerEnd...].prefix(while: { $0.start < end }).contains(where: { QuotationMarks.isQuotationMarkOrApostrophe(units[$0.start]) })
        else { return end }
        return end + 1
    }

    /// Whether "von", "vom", "zu", "zur" or "zum" at `target` is followed by a first name.
    private func startsWithWhose(_ target: Int, _ text: TokenizedText) -> Bool {
        guard target + 1 < text.tokens.count, text.tokens[target].isWord, Self.whoseWords.contains(text.key(target)) else { return false }
        return text.tokens[target + 1].isCapitalizedWord && lexicon.isFirstName(text.key(target + 1))
    }

    private static let whoseWords: Set<ArraySlice<UInt8>> = Set(["von", "vom", "zu", "zur", "zum"].map { Array($0.utf8)[...] })

    /// Whether a sentence ends between trigger and target: a blank line, or a full stop that is not an
    /// abbreviation's ("Oberarzt." ends a sentence, "Dr." and "Dr.med." do not), or — with `lineBreaks`, for
    /// places and organisations — a line break without a label colon before it. Names may follow their
    /// trigger on the next line ("unsere Patientin⏎Huberta …"). The tokens in `first..<target` are skip words
    /// of `run`, whose recorded colons and full stops answer for them in constant time.
    private func crossesSentenceEnd(from first: Int, to target: Int, _ run: SkipRun, _ text: TokenizedText, lineBreaks: Bool) -> Bool {
        guard target > 0, first <= target else { return false }
        if !text.onlySpaceBetween(target - 1, target) && text.tokens[target].flags.contains(.newlineBefore) { return true }
        // A line break is crossed only after a label colon ("Patientin:⏎Gerlinde …"), not after a heading
        // that happens to end with a trigger word ("… an das Jugendamt⏎Abteilung …").
        if lineBreaks && text.tokens[target].flags.contains(.newlineBefore) && run.lastColon < first { return true }
        // A rank in capitals ends a signature's line ("gez. Lindner, PHMin⏎Revierstation …"), not a name's start.
        if text.tokens[target].flags.contains(.newlineBefore) && run.lastColon < first && isRankAbbreviation(first - 1, text) { return true }
        return run.lastStop >= max(first, 1)
    }

    /// A short word with two capitals or more: "PHMin", "KHK", "POK'in" (its last token).
    private func isRankAbbreviation(_ index: Int, _ text: TokenizedText) -> Bool {
        guard index >= 0, index < text.tokens.count, text.tokens[index].isWord else { return false }
        let word = text.units[text.tokens[index].range]
        return word.count <= 7 && word.lazy.filter(isLatinUpper).count >= 2
    }

    /// Whether the letters of `tokens` are exactly `letters` (no requirement when nil).
    private func matchesCase(_ letters: String?, _ tokens: Range<Int>, _ text: TokenizedText) -> Bool {
        guard let letters else { return true }
        let range = text.tokens[tokens.lowerBound].start..<text.tokens[tokens.upperBound - 1].end
        // ASCII on both sides, the common case: the letters unit by unit (ASCII's only alphabetic characters
        // are A–Z and a–z, and its strings are equal only unit for unit), without making two strings.
        if letters.utf8.allSatisfy({ $0 < 0x80 }) && text.units[range].allSatisfy({ $0 < 0x80 }) {
            var expected = letters.utf8.makeIterator()
            for unit in text.units[range] where (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) {
                guard let byte = expected.next(), UInt16(byte) == unit else { return false }
            }
            return expected.next() == nil
        }
        let surface = text.string(range)
        return String(String.UnicodeScalarView(surface.unicodeScalars.filter { $0.properties.isAlphabetic })) == letters
    }

    /// The token after the longest trigger phrase starting at `start`, and the trigger's role (`key` is
    /// working space).
    private func trigger(at start: Int, rule: ContextRule, text: TokenizedText, key: inout PhraseKey) -> (Int, String?)? {
        // A trigger glued to the word before it is part of a compound ("Adeno-CA"), not a trigger — unless it
        // is a whole word after a hyphen ("US-Präsident", "Ex-Partnerin").
        if start > 0 && !text.tokens[start].flags.contains(.spaceBefore) && text.tokens[start - 1].kind != .punctuation { return nil }
        if start > 0 && !text.tokens[start].flags.contains(.spaceBefore) && text.isJoiner(start - 1, after: start - 2)
            && text.tokens[start].end - text.tokens[start].start < 4 { return nil }
        key.start(start, in: text)
        var best: (Int, String?)? = nil
        var end = start
        while true {
            if let trigger = rule.trigger(key), matchesCase(trigger.letters, start..<(end + 1), text) { best = (end + 1, trigger.role) }
            guard end + 1 < text.tokens.count, key.tokens < rule.maxTriggerTokens else { break }
            end += 1
            key.append(end, in: text)
        }
        return best
    }
}
