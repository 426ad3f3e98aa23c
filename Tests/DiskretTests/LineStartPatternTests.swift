import Testing
@testable import Diskret

/// A pattern that begins with `(?<![^\n])` is tried at line starts only (`PatternRule.startsAtLines`); what it
/// finds must be what ICU's search over the same text finds.
@Suite struct LineStartPatternTests {
    /// The same rule searched the ordinary way: a pattern that does not begin with the assertion text is not
    /// taken for a line-start pattern, and `(?:)` matches the empty text.
    static func searched(_ rule: PatternRule) -> PatternRule {
        var fields = rule.fields
        fields.pattern = "(?:)" + fields.pattern
        return PatternRule(definition: rule.definition, fields: fields, regex: rule.regex, checkLists: rule.checkLists, rejectLists: rule.rejectLists)
    }

    static func compare(_ rule: PatternRule, on texts: [String]) throws -> Int {
        #expect(rule.startsAtLines)
        #expect(!searched(rule).startsAtLines)
        let anchored = try PatternDetector(rules: [rule], prefilters: [], timeLimit: 0)
        let searching = try PatternDetector(rules: [searched(rule)], prefilters: [], timeLimit: 0)
        let tokenizer = try Tokenizer()
        var matches = 0
        for text in texts {
            let found = try searching.candidates(in: text, tokenizer: tokenizer)
            #expect(try anchored.candidates(in: text, tokenizer: tokenizer) == found, "\(rule.definition.id) in \(text.debugDescription)")
            matches += found.count
        }
        return matches
    }

    @Test func theAssertionMustOpenThePattern() throws {
        let pack = try TestSupport.pack(yaml: """
            rules:
              - id: t.lead
                kind: pattern
                category: person
                type: person.name
                score: 0.9
                pattern: "  (?<![^\\\\n])[A-Z]\\\\w+"
              - id: t.inside
                kind: pattern
                category: person
                type: person.name
                score: 0.9
                pattern: "[A-Z](?<![^\\\\n])\\\\w+"
            """)
        #expect(pack.patterns.map(\.startsAtLines) == [true, false])
    }

    /// Matches that run over several lines, empty matches and a group that does not take part are taken or
    /// skipped as the search takes or skips them.
    @Test func findsWhatTheSearchFinds() throws {
        let pack = try TestSupport.pack(yaml: """
            rules:
              - id: t.lines
                kind: pattern
                category: person
                type: person.name
                score: 0.9
                pattern: "(?<![^\\\\n])(?:a+\\\\n)*(b)?a*"
                group: 1
              - id: t.word
                kind: pattern
                category: person
                type: person.name
                score: 0.9
                pattern: "(?<![^\\\\n])\\\\x20?[A-Z][a-z]+(?=:)"
            """)
        let texts = ["", "a", "b", "ab\nb", "aa\naa\nb\n", "\n\nb", "ba\nbb\n\nb", "Xy: Zw:\n Ab: cd\nEf:", "x\nAb:\n Cd:"]
        for rule in pack.patterns { _ = try Self.compare(rule, on: texts) }
    }

    @Test func thePacksLineStartRulesFindWhatTheSearchFinds() throws {
        let rules = TestSupport.pack.patterns.filter(\.startsAtLines)
        #expect(rules.count >= 2)
        for rule in rules {
            #expect(try Self.compare(rule, on: PatternGateTests.texts) > 0, "\(rule.definition.id) matches nothing in the fixtures")
        }
    }
}
