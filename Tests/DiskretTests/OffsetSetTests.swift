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
}
