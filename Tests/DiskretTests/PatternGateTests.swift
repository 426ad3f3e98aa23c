import Foundation
import Testing
@testable import Diskret

/// A pattern rule's gates (`requires`, `requires-text`, `requires-before-number`) only save time: every
/// match the pattern finds on a whole note it also finds behind its gates. A gate that is not a necessary
/// condition of its pattern loses matches silently, so each gated rule is run both ways over its own
/// examples and every fixture note.
@Suite struct PatternGateTests {
    /// The rules' examples (marks removed), each also cut at its commas (so that a needle another part of
    /// the line supplies does not hide a missing one), then the fixture notes.
    static let texts: [String] = {
        let whole = TestSupport.pack.definitions.flatMap(\.examples).compactMap { RuleExamples.parse($0.value)?.0 }
        let examples = whole + whole.flatMap { $0.components(separatedBy: ", ") }
        let notes = FileManager.default.enumerator(atPath: TestSupport.repository.appendingPathComponent("Fixtures/notes").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? String(contentsOf: TestSupport.repository.appendingPathComponent("Fixtures/notes/\($0)"), encoding: .utf8) }
        return examples + notes
    }()

    static let gatedRules = TestSupport.pack.patterns.filter {
        $0.fields.gate != .none || !$0.fields.requiresText.isEmpty || !$0.fields.requiresBeforeNumber.isEmpty
    }

    @Test func theFixturesExerciseTheGates() {
        #expect(Self.gatedRules.count >= 20)
        #expect(Self.texts.count >= 100)
    }

    @Test(arguments: gatedRules.map(\.definition.id))
    func gatesLoseNoMatch(_ id: String) throws {
        let rule = try #require(TestSupport.pack.patterns.first { $0.definition.id == id })
        var open = rule.fields
        open.gate = .none
        open.requiresText = []
        open.requiresBeforeNumber = []
        let gated = try PatternDetector(rules: [rule], prefilters: [], timeLimit: 0)
        let ungated = try PatternDetector(rules: [PatternRule(definition: rule.definition, fields: open, regex: rule.regex, checkLists: rule.checkLists, rejectLists: rule.rejectLists)], prefilters: [], timeLimit: 0)
        let tokenizer = try Tokenizer()
        var matches = 0
        for text in Self.texts {
            let everywhere = try ungated.candidates(in: text, tokenizer: tokenizer)
            #expect(try gated.candidates(in: text, tokenizer: tokenizer) == everywhere, "\(id) loses matches behind its gates")
            matches += everywhere.count
        }
        #expect(matches > 0, "\(id) matches nothing in the fixtures: its gates go untested")
    }
}

extension PatternDetector {
    /// The detector's candidates in `text`, each as "rule start..<end", for comparing two detectors.
    func candidates(in text: String, tokenizer: Tokenizer) throws -> [String] {
        var candidates: [Candidate] = []
        try detect(in: try tokenizer.tokenize(Array(text.utf16)), tokenizer: tokenizer, into: &candidates)
        return candidates.map { "\($0.rule) \($0.range)" }
    }
}
