import Testing
@testable import Diskret

/// The shape of a pattern must hold every text ICU matches (or the prefilter would hide matches) and
/// should leave out most of what it does not (or the prefilter would save nothing).
@Suite struct PatternShapeTests {
    /// Whether the prefilter built from `pattern` alone sees a possible match somewhere in `text`.
    static func passes(_ pattern: String, _ text: String, caseInsensitive: Bool = false) throws -> Bool {
        let prefilter = PatternPrefilter(patterns: [(id: "test.rule", pattern: pattern, caseInsensitive: caseInsensitive)])
        #expect(prefilter.unsupported.isEmpty, "\(pattern): \(prefilter.unsupported)")
        let units = Array(text.utf16)
        let regions = try #require(units.withUnsafeBufferPointer { PrefilterScanner(prefilter: prefilter).regions(in: $0) })
        return !regions[0].isEmpty
    }

    /// Whether ICU finds `pattern` in `text` (free-spacing, as rule files are compiled).
    static func icuFinds(_ pattern: String, _ text: String, caseInsensitive: Bool = false) throws -> Bool {
        let matcher = try RegexPattern(pattern, caseInsensitive: caseInsensitive).makeMatcher()
        let units = Array(text.utf16)
        return try units.withUnsafeBufferPointer { buffer in
            try matcher.reset(buffer, timeLimit: 0)
            defer { try? matcher.reset(UnsafeBufferPointer(start: nil, count: 0), timeLimit: 0) }
            try matcher.setRegion(0..<units.count)
            return try matcher.next(group: 0) != nil
        }
    }

    /// (pattern, text ICU matches, text the shape rules out).
    static let cases: [(String, String, String)] = [
        (#"\d{5}(?=\x20Berlin)"#, "in 10115 Berlin", "in 10115 Hamburg"),
        (#"(?<=PLZ\x20)\d{5}"#, "PLZ 10115", "Tel 10115"),
        (#"(?<![\d.])(?:0?[1-9]|[12]\d|3[01]) \. (?:0?[1-9]|1[0-2]) \."#, "am 3.5. war", "Version 2.0 hier"),
        (#"\p{Uppercase}\p{Lowercase}+ , \x20 \d"#, "Berlin, 5", "berlin, 5"),
        (#"[A-Z]{2}\d{2}(?:\x20?[A-Z0-9]{4}){2,7}"#, "IBAN DE89 3704 0044 0532 0130 00", "DE89 37"),
        (#"[^\s<>]*@x"#, "mail a.b@x", "mail a.b@ y"),
        (#"(?i: stra?(?:ß|ss)e ) \x20 \d"#, "STRASSE 5", "Strand 5"),
        (#"(?i: strasse ) \x20 \d"#, "Straße 5", "Strae 5"),
        (#"(?i:straße)\x20\d"#, "STRASSE 5", "STRAE 5"),
        (#"(?i)jahre (?-i)Alt"#, "JAHREAlt", "JAHREALT"),
        (#"(?<name>ab){2}c"#, "ababc", "abc"),
        (#"\x{41}\u0042\x43 \n"#, "ABC\n", "ABC "),
        (#"[\d\x20\-–/()]{2,22}\d"#, "0171 / 123", "0"),
        (#"x{6}"#, "xxxxxx", "xxxxx"),
        (#"a.c # a comment [not a set"#, "abc", "ab"),
        (#"\d \s \d"#, "1\n2", "1 x 2"),
        (#"(?=\p{Uppercase}\.)(?<=von\x20)\p{Uppercase}\.(?=\x20?[,;)])"#, "von K., heute", "von K heute"),
        (#"\bNr\.\x20\d+\b"#, "Nr. 123", "Nr 123"),
        // Classes are what ICU's matcher takes, not what its documentation says: \s takes U+000B (found
        // by the prefilter fuzz target), sets may intersect, hold POSIX classes or free-spacing blanks.
        (#"3\.\s?1"#, "3.\u{0B}1", "3.x1"),
        (#"[\p{L}&&[^a-z]]x"#, "Äx", "ax"),
        (#"[[:alpha:]]1"#, "b1", "-1"),
        (#"[a b]c"#, "bc", " c"),
        (#"\S\W\D@"#, "a-x@", " -x@"),
        // Free spacing skips all of Unicode's pattern white space, not only ASCII blanks.
        ("a\u{85}\u{200E}\u{2028}b", "ab", "a b"),
    ]

    @Test(arguments: cases.indices)
    func shapesHoldWhatICUMatches(_ index: Int) throws {
        let (pattern, matching, other) = Self.cases[index]
        #expect(try Self.icuFinds(pattern, matching), "the case's text must be an ICU match")
        #expect(try Self.passes(pattern, matching), "\(pattern) hides a match in \(matching)")
        #expect(try !Self.icuFinds(pattern, other))
        #expect(try !Self.passes(pattern, other), "\(pattern) lets \(other) through")
    }

    @Test func caseInsensitiveRulesFoldBothWays() throws {
        #expect(try Self.passes("straße", "STRASSE", caseInsensitive: true))
        #expect(try Self.passes("STRASSE", "straße", caseInsensitive: true))
        #expect(try Self.icuFinds("STRASSE", "straße", caseInsensitive: true))
        #expect(try !Self.passes("straße", "STRASSE", caseInsensitive: false))
    }

    @Test(arguments: [#"(a)\1"#, #"\Qa\E"#, #"\N{LATIN SMALL LETTER A}"#, "(a", "a)", "a{2"])
    func unsupportedSyntaxIsRefused(_ pattern: String) {
        #expect(throws: UnsupportedPattern.self) { try PatternShapeParser.shape(of: pattern, caseInsensitive: false) }
    }

    /// A bounded rule's range runs from its longest match before the end to the end, across a line end.
    /// Nested counted repeats multiply; a rule whose shape would take too many nodes runs unfiltered.
    @Test func aHugeShapeIsRefused() {
        let prefilter = PatternPrefilter(patterns: [(id: "huge", pattern: "((((x{8}){8}){8}){8}){8}", caseInsensitive: false),
                                                    (id: "small", pattern: "x{8}", caseInsensitive: false)])
        #expect(prefilter.unsupported["huge"] != nil && prefilter.automatonRule == [nil, 0])
        #expect(prefilter.automaton.nodes.count < 100)
    }

    @Test func aMatchOverALineEndIsCoveredWhole() throws {
        let prefilter = PatternPrefilter(patterns: [(id: "test.rule", pattern: #"\d\s\d"#, caseInsensitive: false)])
        let units = Array("a\nb 1\n2 c\nd".utf16)
        let regions = units.withUnsafeBufferPointer { PrefilterScanner(prefilter: prefilter).regions(in: $0) }
        #expect(regions?[0] == [4..<7])
    }

    /// An unbounded rule's range starts where the run of threads that led to the match began.
    @Test func anUnboundedRuleStartsWhereItsThreadsBegan() throws {
        let prefilter = PatternPrefilter(patterns: [(id: "test.rule", pattern: #"[a-z]+\x20\d"#, caseInsensitive: false)])
        let units = Array("1\nxy. ab 2 c\nd".utf16)
        let regions = units.withUnsafeBufferPointer { PrefilterScanner(prefilter: prefilter).regions(in: $0) }
        #expect(regions?[0] == [6..<10])
    }

    @Test func notesOutsideTheBMPAreNotPrefiltered() {
        let prefilter = TestSupport.pack.patternPrefilters[0]
        let units = Array("Treffen 😀 am 3.5.".utf16)
        #expect(units.withUnsafeBufferPointer { PrefilterScanner(prefilter: prefilter).regions(in: $0) } == nil)
    }

    /// The DFA cache may start anew in the middle of a note; the regions must not change.
    @Test func aSmallStateCacheGivesTheSameRegions() throws {
        let prefilter = TestSupport.pack.patternPrefilters[0]
        let roomy = PrefilterScanner(prefilter: prefilter), cramped = PrefilterScanner(prefilter: prefilter, maxStates: 3)
        for text in PatternGateTests.texts.suffix(20) {
            let units = Array(text.utf16)
            let first = units.withUnsafeBufferPointer { roomy.regions(in: $0) }
            let second = units.withUnsafeBufferPointer { cramped.regions(in: $0) }
            #expect(first == second)
        }
        #expect(cramped.stateCount <= 3)
    }

    /// The scanner finds where a rule's run of live states began by walking back from each match; its
    /// regions must be what the definition gives step by step: each accepting unit's range runs from the
    /// start of its rule's run of live states before it (or from the unit itself), no further back than
    /// the rule's reach, and overlapping ranges join. On generated notes, also with a cache that starts
    /// anew every few hundred states, in the middle of runs.
    @Test func regionsFollowTheirDefinition() throws {
        var checked = 0
        for prefilter in TestSupport.pack.patternPrefilters {
            let reach = prefilter.reach.map { $0 ?? Int.max }
            // One scanner steps through each note and then finds its regions on the states it built.
            let roomy = PrefilterScanner(prefilter: prefilter), cramped = PrefilterScanner(prefilter: prefilter, maxStates: 400)
            for text in PatternPrefilterTests.generatedTexts() {
                let units = Array(text.utf16)
                guard !units.contains(where: UTF16.isLeadSurrogate) else { continue }
                var expected = Array(repeating: [Range<Int>](), count: reach.count)
                var liveSince = Array(repeating: 0, count: reach.count)
                var previous: UInt64 = 0
                for (index, step) in roomy.trace(of: units).enumerated() {
                    for rule in reach.indices {
                        let bit: UInt64 = 1 << UInt64(rule)
                        if step.live & bit != 0 && previous & bit == 0 { liveSince[rule] = index }
                        guard step.accepted & bit != 0 else { continue }
                        let runStart = previous & bit != 0 ? liveSince[rule] : index
                        let start = reach[rule] > index ? runStart : max(runStart, index + 1 - reach[rule])
                        if let last = expected[rule].last, start <= last.upperBound {
                            expected[rule][expected[rule].count - 1] = min(last.lowerBound, start)..<(index + 1)
                        } else {
                            expected[rule].append(start..<(index + 1))
                        }
                    }
                    previous = step.live
                }
                #expect(units.withUnsafeBufferPointer { roomy.regions(in: $0) } == expected)
                #expect(units.withUnsafeBufferPointer { cramped.regions(in: $0) } == expected)
                checked += expected.joined().count
            }
        }
        #expect(checked > 500)
    }
}
