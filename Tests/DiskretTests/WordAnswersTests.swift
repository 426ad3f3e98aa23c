import Testing
@testable import Diskret

/// The session's kept word-list answers must change nothing but speed: a word gets its own answers, never
/// another's, however the table's slots are shared.
@Suite struct WordAnswersTests {
    /// Asks `memo` about the first token of `text`, counting calls of `compute`.
    static func ask(_ memo: WordAnswers, _ text: String, giving answers: UInt32, computed: inout Int) throws -> UInt32 {
        let tokenized = try Tokenizer().tokenize(Array(text.utf16))
        return memo.answers(for: 0, in: tokenized) { computed += 1; return answers }
    }

    @Test func aWordSeenBeforeGetsItsKeptAnswers() throws {
        let memo = WordAnswers()
        var computed = 0
        #expect(try Self.ask(memo, "Müller kam", giving: 5, computed: &computed) == 5)
        // Another note, the same word (its key folds case): kept, not asked again.
        #expect(try Self.ask(memo, "MÜLLER", giving: 9, computed: &computed) == 5)
        #expect(computed == 1)
        // A word longer than the kept keys is asked every time.
        let long = String(repeating: "x", count: WordAnswers.maxKeyBytes + 1)
        #expect(try Self.ask(memo, long, giving: 7, computed: &computed) == 7)
        #expect(try Self.ask(memo, long, giving: 8, computed: &computed) == 8)
        #expect(computed == 3)
    }

    /// Words of one length whose keys fall into one slot, and words that differ only after the first eight
    /// bytes or in length, each get the answers computed for them. (The keys are compared besides their
    /// hashes in case two hashes collide, which no test here can make happen.)
    @Test func wordsSharingASlotNeverGetEachOthersAnswers() throws {
        let tokenizer = try Tokenizer()
        var bySlot: [UInt64: String] = [:]
        var pair: (String, String)?
        for number in 10000..<20000 where pair == nil {
            let word = "Wort\(number)x"
            let hash = try tokenizer.tokenize(Array(word.utf16)).tokens[0].keyHash
            let slot = BloomFilter.mix(hash) >> UInt64(64 - WordAnswers.slotBits)
            if let other = bySlot[slot] { pair = (other, word) } else { bySlot[slot] = word }
        }
        let (first, second) = try #require(pair)
        let memo = WordAnswers()
        var computed = 0
        #expect(try Self.ask(memo, first, giving: 1, computed: &computed) == 1)
        #expect(try Self.ask(memo, second, giving: 2, computed: &computed) == 2)
        #expect(try Self.ask(memo, first, giving: 3, computed: &computed) == 3)
        #expect(computed == 3)
        for (word, answers) in [("abcdefghij", UInt32(10)), ("abcdefghik", 11), ("abcdefgh", 12), ("abcdefghijklmnop", 13)] {
            #expect(try Self.ask(memo, word, giving: answers, computed: &computed) == answers)
        }
        #expect(try Self.ask(memo, "abcdefghij", giving: 0, computed: &computed) == 10)
    }

    /// The word-list rules find the same candidates with the session's memo as without, note after note.
    @Test func theMemoChangesNoCandidate() throws {
        let tokenizer = try Tokenizer()
        let rules = TestSupport.pack.wordLists
        let memo = WordAnswers()
        var found = 0
        for text in PatternGateTests.texts + PatternGateTests.texts.map({ $0.uppercased() }) {
            let tokenized = try tokenizer.tokenize(Array(text.utf16))
            var with: [Candidate] = [], without: [Candidate] = []
            WordListDetector(rules: rules, memo: memo).detect(in: tokenized, into: &with)
            WordListDetector(rules: rules, memo: nil).detect(in: tokenized, into: &without)
            #expect(with.map { "\($0.rule) \($0.range) \($0.score)" } == without.map { "\($0.rule) \($0.range) \($0.score)" })
            found += with.count
        }
        #expect(found > 500)
    }
}
