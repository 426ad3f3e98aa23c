import Foundation
import Testing
@testable import Diskret

/// The prefilter only saves time: with it, the pattern rules find exactly what they find without it.
@Suite struct PatternPrefilterTests {
    /// The gate tests' texts, each also behind an umlaut prefix and in capitals (case-insensitive parts and
    /// the "ß" → "SS" folding), and notes that join lines and mix scripts.
    static let texts: [String] = PatternGateTests.texts.flatMap { ["Äöü ß: " + $0, $0.uppercased()] } + PatternGateTests.texts

    /// Every rule's candidates, with and without the prefilter, over `texts`.
    @Test func thePrefilterLosesNoMatch() throws {
        let pack = TestSupport.pack
        let filtered = try PatternDetector(rules: pack.patterns, prefilter: pack.patternPrefilter, prefilterWarmUp: 0, timeLimit: 0)
        let unfiltered = try PatternDetector(rules: pack.patterns, prefilter: nil, timeLimit: 0)
        let tokenizer = try Tokenizer()
        var matches = 0
        for text in Self.texts {
            let tokenized = try tokenizer.tokenize(Array(text.utf16))
            var with: [Candidate] = [], without: [Candidate] = []
            try filtered.detect(in: tokenized, tokenizer: tokenizer, into: &with)
            try unfiltered.detect(in: tokenized, tokenizer: tokenizer, into: &without)
            #expect(with.map { "\($0.rule) \($0.range)" } == without.map { "\($0.rule) \($0.range)" })
            matches += without.count
        }
        #expect(matches > 500)
    }

    /// Every rule of the German pack has a shape: a rule without one runs on every line its gate passes.
    @Test func everyRuleHasAShape() {
        let prefilter = TestSupport.pack.patternPrefilter
        #expect(prefilter.unsupported.isEmpty, "\(prefilter.unsupported)")
        #expect(prefilter.automatonRule.allSatisfy { $0 != nil })
    }

    /// The scanner waits until a session has read enough text to pay for building its DFA.
    @Test func theScannerStartsAfterItsWarmUp() {
        let scanner = PrefilterScanner(prefilter: TestSupport.pack.patternPrefilter, warmUpUnits: 1000)
        #expect(!scanner.isWorthRunning(on: 600))
        #expect(scanner.isWorthRunning(on: 600))
        #expect(scanner.isWorthRunning(on: 10))
    }
}
