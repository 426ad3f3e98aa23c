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
        #expect(try Self.compared(Self.texts) > 500)
    }

    /// Runs the pack's pattern rules over `texts` with and without the prefilter, expects the same
    /// candidates, and returns how many there were.
    static func compared(_ texts: [String], comment: Comment? = nil) throws -> Int {
        let pack = TestSupport.pack
        let filtered = try PatternDetector(rules: pack.patterns, prefilters: pack.patternPrefilters, prefilterWarmUp: 0, timeLimit: 0)
        let unfiltered = try PatternDetector(rules: pack.patterns, prefilters: [], timeLimit: 0)
        let tokenizer = try Tokenizer()
        var matches = 0
        for text in texts {
            let without = try unfiltered.candidates(in: text, tokenizer: tokenizer)
            #expect(try filtered.candidates(in: text, tokenizer: tokenizer) == without, comment)
            matches += without.count
        }
        return matches
    }

    /// Generated texts: pieces of the examples and notes cut at random, joined by separators that the
    /// shapes treat specially (line ends, digits, "ß", capitals). The seed is the property tests'
    /// (`DISKRET_PROPERTY_SEED`).
    @Test func thePrefilterLosesNoMatchOnGeneratedText() throws {
        let matches = try Self.compared(Self.generatedTexts(), comment: "seed \(PropertyTests.seed)")
        #expect(matches > 100)
    }

    /// Forty texts of forty pieces each, drawn with the property tests' seed.
    static func generatedTexts() -> [String] {
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        let pieces = PatternGateTests.texts
        let joints = ["\n", " ", ", ", ".", "ß", "SS", " 12", "3.", "-", "/", "\n\n", " Str. ", "@", "(", ")", "ẞE "]
        var texts: [String] = []
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<40 {
                let piece = Array(pieces.randomElement(using: &random)!)
                let start = Int.random(in: 0..<max(1, piece.count), using: &random)
                let length = Int.random(in: 0...min(60, piece.count - start), using: &random)
                let cut = String(piece[start..<(start + length)])
                text += Bool.random(using: &random) ? cut : cut.uppercased()
                text += joints.randomElement(using: &random)!
            }
            texts.append(text)
        }
        return texts
    }

    /// Every rule of the German pack has a shape and runs behind one of the automata: a rule without one
    /// runs on every line its gate passes.
    @Test func everyRuleHasAShape() {
        let pack = TestSupport.pack
        #expect(pack.rulesWithoutPrefilter.isEmpty, "\(pack.rulesWithoutPrefilter)")
        for index in pack.patterns.indices {
            let covering = pack.patternPrefilters.filter { $0.automatonRule[index] != nil }
            #expect(covering.count == 1, "rule \(pack.patterns[index].definition.id)")
        }
    }

    /// A pack with more pattern rules than one automaton tracks is split: every rule lands in exactly one
    /// automaton, each automaton holds at most `maxRules`, and the split keeps the matches.
    @Test func morePatternRulesThanOneAutomatonHoldsAreSplit() {
        // Small patterns of their own (a letter and a digit each), so that the three automata build quickly.
        let many = (0..<(PatternPrefilter.maxRules * 2 + 3)).map { number in
            (id: "rule.\(number)", pattern: Optional("x\(number % 10)[a-z]"), caseInsensitive: false)
        }
        let prefilters = PatternPrefilter.chunked(patterns: many)
        #expect(prefilters.count == 3)
        for prefilter in prefilters { #expect(prefilter.automatonRule.compactMap { $0 }.count <= PatternPrefilter.maxRules) }
        for index in many.indices { #expect(prefilters.filter { $0.automatonRule[index] != nil }.count == 1) }
    }

    /// Closures kept per node give what walking the automaton gives: with a memo that holds everything,
    /// with none, and with one that fills up part way. Entry sets are drawn at random and asked twice, so
    /// the second answer comes from the memo.
    @Test func keptClosuresEqualWalkedOnes() {
        let automaton = TestSupport.pack.patternPrefilters[0].automaton
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        var kept = Closure(automaton: automaton), walked = Closure(automaton: automaton, memoLimit: 0)
        var partly = Closure(automaton: automaton, memoLimit: 150)
        var nonEmpty = 0
        for round in 0..<200 {
            let entries = (0..<(round % 3 == 0 ? 1 : Int.random(in: 2...20, using: &random))).map { _ in
                Int32.random(in: 0..<Int32(automaton.nodes.count), using: &random)
            }
            let expected = walked.nodes(from: entries)
            for _ in 0..<2 {
                let fromKept = kept.nodes(from: entries), fromPartly = partly.nodes(from: entries)
                #expect(fromKept.nodes == expected.nodes && fromKept.accepted == expected.accepted)
                #expect(fromPartly.nodes == expected.nodes && fromPartly.accepted == expected.accepted)
            }
            if !expected.nodes.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 100)
    }

    /// The scanner waits until a session has read enough text to pay for building its DFA.
    @Test func theScannerStartsAfterItsWarmUp() {
        let scanner = PrefilterScanner(prefilter: TestSupport.pack.patternPrefilters[0], warmUpUnits: 1000)
        #expect(!scanner.isWorthRunning(on: 600))
        #expect(scanner.isWorthRunning(on: 600))
        #expect(scanner.isWorthRunning(on: 10))
    }
}
