/// Finds candidates with the pack's pattern rules, each gated to the lines that could hold a match.
struct PatternDetector {
    let rules: [PatternRule]
    /// The rules' matchers, made when a note first leaves a rule a region to search.
    private let matchers: SessionMatchers
    /// The ICU time limit per match call, in steps of its matching engine (see `uregex_setTimeLimit`).
    let timeLimit: Int32
    /// The rules' required texts, found for all rules in one pass over a note.
    private let needles: LineNeedles
    /// Per rule, the numbers of its gates in `needles` (none, one or both of its required texts).
    private let needleGates: [[Int]]
    /// Narrow each rule to the ranges where its shape can match (one pass per automaton); none runs every
    /// rule behind its gates only.
    private let prefilters: [PrefilterScanner]
    /// The automata that narrow a rule, in the order of the rules and then of `prefilters`: the scanner and
    /// the rule's number in its automaton (read per rule and note, without asking every prefilter).
    private let shapeSlots: [(rule: Int, scanner: Int, shapeRule: Int)]
    /// Per-rule timing, for `diskret rules profile`; nil in normal runs.
    let clock: RuleClock?
    /// The keys of texts checked against the rules' lists.
    private let checkKeys = PhraseKeyMemo()

    /// `prefilters` must have been built from `rules`; they run once the session has read `prefilterWarmUp`
    /// UTF-16 units, each from the DFA states of its entry in `prefilterStates` (if any: states an earlier
    /// process built for the same prefilter).
    init(rules: [PatternRule], prefilters: [PatternPrefilter], prefilterStates: [PrefilterStates?] = [],
         prefilterWarmUp: Int = PrefilterScanner.defaultWarmUpUnits, timeLimit: Int32, profiles: Bool = false) throws(DiskretError) {
        self.rules = rules
        clock = profiles ? RuleClock(ruleCount: rules.count) : nil
        matchers = SessionMatchers(rules.map(\.regex))
        self.timeLimit = timeLimit
        var gates: [(needles: [String], beforeNumber: Bool)] = []
        needleGates = rules.map { rule in
            var numbers: [Int] = []
            for (needles, beforeNumber) in [(rule.fields.requiresText, false), (rule.fields.requiresBeforeNumber, true)] where !needles.isEmpty {
                numbers.append(gates.count)
                gates.append((needles, beforeNumber))
            }
            return numbers
        }
        needles = LineNeedles(gates: gates)
        self.prefilters = prefilters.enumerated().map { index, prefilter in
            PrefilterScanner(prefilter: prefilter, seed: prefilterStates.indices.contains(index) ? prefilterStates[index] : nil,
                             warmUpUnits: prefilterWarmUp)
        }
        var shapeSlots: [(rule: Int, scanner: Int, shapeRule: Int)] = []
        for rule in rules.indices {
            for (scanner, prefilter) in prefilters.enumerated() {
                if let shapeRule = prefilter.automatonRule[rule] { shapeSlots.append((rule, scanner, shapeRule)) }
            }
        }
        self.shapeSlots = shapeSlots
    }

    /// The transitions the prefilters have built in this session (not read from their seed states).
    var builtPrefilterTransitions: Int { prefilters.reduce(0) { $0 + $1.builtTransitions } }

    /// The prefilters' DFA states as they stand, one per prefilter, for the pack cache.
    var prefilterStates: [PrefilterStates] { prefilters.map(\.states) }

    func detect(in text: TokenizedText, tokenizer: Tokenizer, into candidates: inout [Candidate]) throws(DiskretError) {
        let regions = GateRegions(units: text.units)
        try text.units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in
            let marks = needles.marks(in: buffer, lines: regions.lines)
            let shapeRegions = prefilters.map { $0.isWorthRunning(on: buffer.count) ? $0.hits(in: buffer) : nil }
            var slot = 0
            rules: for (index, rule) in rules.enumerated() {
                // Each narrowing stops the rule once nothing is left: most rules find no line on most notes.
                var ranges = regions.ranges(for: rule.fields.gate)
                if !ranges.isEmpty && !needleGates[index].isEmpty {
                    ranges = regions.lines(in: ranges, marks: marks, gates: needleGates[index])
                }
                while slot < shapeSlots.count && shapeSlots[slot].rule == index {
                    let (_, scanner, shapeRule) = shapeSlots[slot]
                    slot += 1
                    if !ranges.isEmpty, let regions = shapeRegions[scanner] { ranges = GateRegions.intersection(ranges, regions[shapeRule]) }
                }
                if ranges.isEmpty { continue rules }
                let matcher = try matchers.matcher(index)
                let started = clock == nil ? 0 : RuleClock.now()
                defer { clock?.record(rule: index, since: started, units: ranges.reduce(0) { $0 + $1.count }) }
                try matcher.reset(buffer, timeLimit: timeLimit)
                /// Takes a match whose `group` has `range`, if it passes the rule's validator and check lists.
                func take(_ range: Range<Int>) throws(DiskretError) {
                    if let validator = rule.fields.validator, !Validator.check(validator, text.string(range)) { return }
                    // A check group that took part in the match must name a listed entry, and no entry of the reject
                    // lists (a word of the language where a name stands); its key is made once for both.
                    if !rule.checkLists.isEmpty || !rule.rejectLists.isEmpty, let checked = try matcher.lastGroup(rule.fields.checkGroup) {
                        let key = try checkKeys.key(of: text.units[checked], tokenizer: tokenizer)
                        guard rule.checkLists.isEmpty || rule.checkLists.anyContains(key) else { return }
                        if let group = rule.fields.rejectGroup, group != rule.fields.checkGroup {
                            if let rejected = try matcher.lastGroup(group),
                               rule.rejectLists.anyContains(try checkKeys.key(of: text.units[rejected], tokenizer: tokenizer)) { return }
                        } else if rule.rejectLists.anyContains(key) { return }
                    }
                    // The definition read here, not copied per rule and note: a copy retains all its fields.
                    candidates.append(Candidate(range: range, category: rule.definition.category!, label: rule.label,
                                                score: rule.definition.score))
                }
                for region in ranges {
                    if rule.startsAtLines {
                        try matchAtLineStarts(in: region, buffer, rule, matcher, take)
                        continue
                    }
                    try matcher.setRegion(region)
                    while true {
                        let found: Range<Int>?
                        do { found = try matcher.next(group: rule.fields.group) } catch {
                            throw DiskretError.timeLimitExceeded(rule: rule.definition.id)
                        }
                        guard let range = found else { break }
                        try take(range)
                    }
                }
                try matcher.reset(UnsafeBufferPointer(start: nil, count: 0), timeLimit: 0)
            }
        }
    }

    /// The matches of a rule that `startsAtLines` in `region`, found as ICU's search would find them: the
    /// pattern is tried at each line start (each match begins at one) from where the last match ended, instead
    /// of at every position ICU's search would try — in running text, every letter.
    private func matchAtLineStarts(in region: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, _ rule: PatternRule,
                                   _ matcher: RegexMatcher, _ take: (Range<Int>) throws(DiskretError) -> Void) throws(DiskretError) {
        var start = region.lowerBound
        while start < region.upperBound {
            if start == 0 || units[start - 1] == 0x0A {
                try matcher.setRegion(start..<region.upperBound)
                let found: (group: Range<Int>?, end: Int)?
                do { found = try matcher.matchAtStart(group: rule.fields.group) } catch {
                    throw DiskretError.timeLimitExceeded(rule: rule.definition.id)
                }
                if let found {
                    if let range = found.group { try take(range) }
                    // The search goes on where the match ended (after an empty match, one unit later).
                    start = max(found.end, start + 1)
                    continue
                }
            }
            start += 1
        }
    }
}
