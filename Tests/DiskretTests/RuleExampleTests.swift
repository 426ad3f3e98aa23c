import Testing
@testable import Diskret

/// The one generic test that runs every example of every rule (the SwiftLint pattern).
@Suite struct RuleExampleTests {
    @Test func everyRuleExampleHolds() throws {
        let failures = try RuleExamples(engine: TestSupport.engine).verify()
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyRuleExampleHoldsBehindAnUmlautAndEmojiPrefix() throws {
        let failures = try RuleExamples(engine: TestSupport.engine).verify(prefix: RuleExamples.offsetProbe)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyRuleCarriesExamples() {
        let bare = TestSupport.pack.definitions.filter { $0.examples.isEmpty }.map(\.id)
        #expect(bare.isEmpty, "rules without examples: \(bare)")
    }

    @Test func exampleMarksAreParsedInUnicodeScalars() throws {
        let parsed = try #require(RuleExamples.parse("🙂 Frau [[Müller]] und [[Anna]]"))
        #expect(parsed.0 == "🙂 Frau Müller und Anna")
        #expect(parsed.1 == [7..<13, 18..<22])
        #expect(RuleExamples.parse("offen [[ohne Ende") == nil)
    }
}
