import Testing
@testable import Diskret

@Suite struct BytesSuffixTests {
    /// `hasSuffix` says what the standard library's `suffix(_:).elementsEqual(_:)` says, for every word of up
    /// to four bytes over a small alphabet and every ending of up to three, on arrays and on slices that do
    /// not start at index 0 (word keys are slices of a note's key buffer).
    @Test func hasSuffixAgreesWithTheStandardLibrary() {
        let alphabet: [UInt8] = [0x61, 0x73, 0xC3]
        func all(upTo length: Int) -> [[UInt8]] {
            (0..<length).reduce(into: [[]]) { words, _ in
                words += words.filter { $0.count == words.last!.count }.flatMap { word in alphabet.map { word + [$0] } }
            }
        }
        let words = all(upTo: 4), endings = all(upTo: 3)
        var matches = 0
        for word in words {
            let slice = ([0x78, 0x79] + word + [0x7A])[2..<(2 + word.count)]
            for ending in endings {
                let expected = word.suffix(ending.count).elementsEqual(ending) && word.count >= ending.count
                #expect(word.hasSuffix(ending) == expected)
                #expect(slice.hasSuffix(ending) == expected)
                if expected { matches += 1 }
            }
        }
        #expect(words.count == 121 && endings.count == 40 && matches > 100)
    }
}
