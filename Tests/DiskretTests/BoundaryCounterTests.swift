import Testing
import Diskret

/// The counter behind `diskret bench --floor` must ask ICU what the tokenizer asks, on the same text.
@Suite struct BoundaryCounterTests {
    let counter = try! BoundaryCounter()

    @Test func countsWordSegmentsAndSentences() throws {
        // Sie, ␠, kam, ␠, heute, ., ␠, Er, ␠, ging, ␠, morgen, .
        let counts = try counter.count(in: "Sie kam heute. Er ging morgen.")
        #expect(counts.segments == 13)
        #expect(counts.sentences == 2)
    }

    /// Umlauts and a hyphen: segments are counted in the note's UTF-16, not in bytes or characters.
    @Test func countsSegmentsOfWordsWithUmlauts() throws {
        let counts = try counter.count(in: "Jürgen Müller-Lüdenscheidt")
        #expect(counts.segments == 5)
        #expect(counts.sentences == 1)
    }

    /// The sentence iterator is the tokenizer's: with `ss=standard`, "Dr." does not end a sentence.
    @Test func titlesDoNotEndASentence() throws {
        #expect(try counter.count(in: "Dr. Meier kam um 9 Uhr.").sentences == 1)
    }

    @Test func anEmptyTextHasNoSegments() throws {
        let counts = try counter.count(in: "")
        #expect(counts.segments == 0)
        #expect(counts.sentences == 0)
    }
}
