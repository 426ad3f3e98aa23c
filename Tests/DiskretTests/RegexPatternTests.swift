import Testing
@testable import Diskret

/// The one rewrite the pattern compiler makes: `\d` inside a character class lists the gated digits.
@Suite struct RegexPatternTests {
    @Test func digitsInsideSetsAreListedAndEverythingElseStaysAsWritten() {
        let listed = RegexPattern.listedDigits
        #expect(RegexPattern.withListedDigitsInSets(#"(?<![\d.,])\d{2}"#) == "(?<![\(listed).,])\\d{2}")
        #expect(RegexPattern.withListedDigitsInSets(#"\[\d\] [^\d] [\p{L}[\d]]"#) == "\\[\\d\\] [^\(listed)] [\\p{L}[\(listed)]]")
        #expect(RegexPattern.withListedDigitsInSets("a # comment [ \\d\n\\d[\\d]") == "a # comment [ \\d\n\\d[\(listed)]")
    }

    @Test func theRewrittenPatternMatchesTheSameDigits() throws {
        let text = "x12 .34 ５６ ٧٨ 90"
        let matcher = try RegexPattern(#"(?<![\d.])[\d]{2}"#).makeMatcher()
        var found: [String] = []
        let units = Array(text.utf16)
        try units.withUnsafeBufferPointer { buffer in
            try matcher.reset(buffer, timeLimit: 0)
            try matcher.setRegion(0..<units.count)
            while let range = try matcher.next(group: 0) { found.append(String(decoding: units[range], as: UTF16.self)) }
        }
        #expect(found == ["12", "５６", "٧٨", "90"])
    }

    @Test func aBrokenPatternReportsTheColumnAsWritten() {
        #expect(throws: RegexSyntaxError.self) { try RegexPattern(#"[\d]{2}(\d"#) }
        do { _ = try RegexPattern(#"[\d]{2}(\d"#) } catch {
            #expect(error.line <= 1 && error.offset <= 10)
        }
    }
}
