import Testing
@testable import Diskret

@Suite struct OffsetSetTests {
    /// Against `Set<Int>`, for offsets inside the limit, on word edges and beyond it (where the set grows).
    @Test func agreesWithASetOfInts() {
        var bits = OffsetSet(limit: 130)
        var reference = Set<Int>()
        for offset in [0, 1, 63, 64, 65, 127, 128, 130, 131, 500, 64, 0] {
            bits.insert(offset)
            reference.insert(offset)
        }
        for offset in -3...600 { #expect(bits.contains(offset) == reference.contains(offset), "\(offset)") }
    }

    @Test func anEmptySetHoldsNothing() {
        let bits = OffsetSet(limit: 0)
        #expect(!bits.contains(0) && !bits.contains(64) && !bits.contains(-1))
    }

    /// Ranges inserted a word at a time against the same offsets inserted one by one.
    @Test func rangesAgreeWithSingleOffsets() {
        for range in [0..<0, 0..<1, 3..<9, 60..<70, 0..<64, 64..<128, 63..<129, 5..<300, 127..<128, 200..<200] {
            var bits = OffsetSet(limit: 130), reference = OffsetSet(limit: 130)
            bits.insert(contentsOf: range)
            for offset in range { reference.insert(offset) }
            for offset in -3...400 { #expect(bits.contains(offset) == reference.contains(offset), "\(range) \(offset)") }
        }
    }
}
