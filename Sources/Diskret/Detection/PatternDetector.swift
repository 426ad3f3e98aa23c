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

/// The line ranges of a note that contain a digit, an "@", or URL punctuation: patterns gated on them skip
/// the rest, which is most of a note.
struct GateRegions {
    private var digit: [Range<Int>] = []
    private var at: [Range<Int>] = []
    private var url: [Range<Int>] = []
    private let whole: Range<Int>

    init(units: [UInt16]) {
        whole = 0..<units.count
        var lineStart = 0
        var hasDigit = false, hasAt = false, hasURL = false
        func close(_ end: Int) {
            // Adjacent gated lines merge into one region, so a match broken over a line ending is still seen.
            if hasDigit { Self.add(lineStart..<end, to: &digit) }
            if hasAt { Self.add(lineStart..<end, to: &at) }
            if hasURL { Self.add(lineStart..<end, to: &url) }
        }
        for (index, unit) in units.enumerated() {
            switch unit {
            case _ where Self.isDigit(unit): hasDigit = true
            case 0x40, 0xFF20: hasAt = true
            case 0x2F, 0x3A, 0x2E: hasURL = true
            case 0x0A:
                close(index + 1)
                lineStart = index + 1
                hasDigit = false; hasAt = false; hasURL = false
            default: break
            }
        }
        close(units.count)
    }

    /// Digits as the gates see them: ASCII, full-width, Arabic-Indic and Persian.
    static func isDigit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x30...0x39, 0xFF10...0xFF19, 0x0660...0x0669, 0x06F0...0x06F9: return true
        default: return false
        }
    }

    func ranges(for gate: PatternGate) -> [Range<Int>] {
        switch gate {
        case .none: return whole.isEmpty ? [] : [whole]
        case .digit: return digit
        case .at: return at
        case .url: return url
        }
    }

    /// The lines within `ranges` that contain one of `needles`, ignoring ASCII and Latin-1 case.
    static func lines(in ranges: [Range<Int>], of units: [UInt16], containingAnyOf needles: NeedleSet) -> [Range<Int>] {
        var result: [Range<Int>] = []
        units.withUnsafeBufferPointer { units in
            for range in ranges {
                var lineStart = range.lowerBound
                var index = range.lowerBound
                while index < range.upperBound {
                    if units[index] == 0x0A {
                        lineStart = index + 1
                    } else if needles.occurs(in: units, at: index, within: range) {
                        // Found: the line is taken whole, and the search goes on after its end.
                        var end = index
                        while end < range.upperBound && units[end] != 0x0A { end += 1 }
                        add(lineStart..<end, to: &result)
                        index = end
                        continue
                    }
                    index += 1
                }
            }
        }
        return result
    }

    private static func add(_ range: Range<Int>, to ranges: inout [Range<Int>]) {
        if let last = ranges.last, last.upperBound >= range.lowerBound {
            ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
        } else {
            ranges.append(range)
        }
    }
}

/// Lower-case texts to look for in a note, ignoring ASCII and Latin-1 case, indexed by one of their units
/// so that most positions cost one table look-up.
struct NeedleSet: Sendable {
    /// Needles by their first unit, or by their last for `beforeNumber`.
    private var byKeyUnit: [[[UInt16]]] = Array(repeating: [], count: 256)
    private var otherKeyUnits: [UInt16: [[UInt16]]] = [:]
    /// Which of the 256 Latin-1 key units have needles: most positions stop at this test.
    private var keyUnitUsed = [Bool](repeating: false, count: 256)
    /// A needle counts only right before a number, after at most one space; it is then looked for backwards
    /// from the digits, which are rare, rather than at every letter.
    private let beforeNumber: Bool

    init(_ needles: [String], beforeNumber: Bool = false) {
        self.beforeNumber = beforeNumber
        for needle in needles.map({ Array($0.utf16) }) where !needle.isEmpty {
            let key = beforeNumber ? needle[needle.count - 1] : needle[0]
            if key < 256 { byKeyUnit[Int(key)].append(needle); keyUnitUsed[Int(key)] = true } else { otherKeyUnits[key, default: []].append(needle) }
        }
    }

    /// Whether a needle occurrence inside `range` makes the line of `index` qualify: one starts at `index`,
    /// or, for `beforeNumber`, `index` is a digit that one ends right before.
    func occurs(in units: UnsafeBufferPointer<UInt16>, at index: Int, within range: Range<Int>) -> Bool {
        if beforeNumber {
            guard GateRegions.isDigit(units[index]) else { return false }
            var end = index
            if end > range.lowerBound && units[end - 1] == 0x20 { end -= 1 }
            guard end > range.lowerBound, mayStart(units[end - 1]) else { return false }
            return candidates(for: units[end - 1]).contains { needle in
                guard end - needle.count >= range.lowerBound else { return false }
                return matches(needle, in: units, at: end - needle.count)
            }
        }
        guard mayStart(units[index]) else { return false }
        return candidates(for: units[index]).contains { needle in
            index + needle.count <= range.upperBound && matches(needle, in: units, at: index)
        }
    }

    /// Whether some needle has `unit` as its key unit (a table look-up without touching the needle arrays).
    private func mayStart(_ unit: UInt16) -> Bool {
        let key = Self.lowercased(unit)
        return key < 256 ? keyUnitUsed[Int(key)] : !otherKeyUnits.isEmpty
    }

    private func candidates(for unit: UInt16) -> [[UInt16]] {
        let key = Self.lowercased(unit)
        return key < 256 ? byKeyUnit[Int(key)] : otherKeyUnits[key] ?? []
    }

    private func matches(_ needle: [UInt16], in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        for offset in needle.indices where Self.lowercased(units[start + offset]) != needle[offset] { return false }
        return true
    }

    private static func lowercased(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 ? unit + 0x20 : unit
    }
}
