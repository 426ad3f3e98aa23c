/// Finds candidates with the pack's pattern rules, each gated to the lines that could hold a match.
struct PatternDetector {
    let rules: [PatternRule]
    let matchers: [RegexMatcher]
    /// The ICU time limit per match call, in steps of its matching engine (see `uregex_setTimeLimit`).
    let timeLimit: Int32

    init(rules: [PatternRule], timeLimit: Int32) throws(DiskretError) {
        self.rules = rules
        var matchers: [RegexMatcher] = []
        for rule in rules { matchers.append(try rule.regex.makeMatcher()) }
        self.matchers = matchers
        self.timeLimit = timeLimit
    }

    func detect(in text: TokenizedText, tokenizer: Tokenizer, into candidates: inout [Candidate]) throws(DiskretError) {
        let regions = GateRegions(units: text.units)
        try text.units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in
            for (rule, matcher) in zip(rules, matchers) {
                let definition = rule.definition
                var ranges = regions.ranges(for: definition.gate)
                if !definition.requiresText.isEmpty { ranges = GateRegions.lines(in: ranges, of: text.units, containingAnyOf: rule.requiredText) }
                if !definition.requiresBeforeNumber.isEmpty {
                    ranges = GateRegions.lines(in: ranges, of: text.units, containingAnyOf: rule.requiredBeforeNumber)
                }
                if ranges.isEmpty { continue }
                try matcher.reset(buffer, timeLimit: timeLimit)
                for region in ranges {
                    try matcher.setRegion(region)
                    while true {
                        let found: Range<Int>?
                        do { found = try matcher.next(group: definition.group) } catch {
                            throw DiskretError.timeLimitExceeded(rule: definition.id)
                        }
                        guard let range = found else { break }
                        if let validator = definition.validator, !Validator.check(validator, text.string(range)) { continue }
                        // A check group that took part in the match must name a listed entry.
                        if !rule.checkLists.isEmpty, let checked = try matcher.lastGroup(definition.checkGroup) {
                            let key = try tokenizer.phraseKey(text.string(checked)).key
                            guard rule.checkLists.contains(where: { $0.contains(key) }) else { continue }
                        }
                        candidates.append(Candidate(range: range, category: definition.category!, type: definition.type,
                                                    rule: definition.id, score: definition.score))
                    }
                }
                try matcher.reset(UnsafeBufferPointer(start: nil, count: 0), timeLimit: 0)
            }
        }
    }
}
