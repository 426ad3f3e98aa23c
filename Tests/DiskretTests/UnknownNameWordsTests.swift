import Testing
@testable import Diskret

@Suite struct UnknownNameWordsTests {
    /// The ending test looks only at endings with the word's last byte; it must say what trying every
    /// ending says, for each ending on words of every length around the limits.
    @Test func clinicalEndingsAreFoundByTheirLastByte() {
        func everyEnding(_ word: [UInt8]) -> Bool {
            if word.count >= 7 && word.suffix(2).elementsEqual("in".utf8) { return true }
            return UnknownNameWords.clinicalEndings.contains { word.count > $0.count + 2 && word.suffix($0.count).elementsEqual($0) }
        }
        var found = 0
        for ending in UnknownNameWords.clinicalEndings + [Array("in".utf8), Array("xyz".utf8), []] {
            for stem in ["", "a", "ab", "abc", "mukos", "relaparot"] {
                let word = Array(stem.utf8) + ending
                #expect(UnknownNameWords.hasClinicalEnding(word[...]) == everyEnding(word), "\(String(decoding: word, as: UTF8.self))")
                if everyEnding(word) { found += 1 }
            }
        }
        #expect(found > 60)
    }
}
