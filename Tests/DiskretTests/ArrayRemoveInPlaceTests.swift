import Testing
@testable import Diskret

/// `removeAllInPlace(where:)` moves elements instead of copying them: it must keep what `removeAll(where:)`
/// keeps, in the same order, and release what it removes.
@Suite struct ArrayRemoveInPlaceTests {
    private final class Box {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func keepsWhatRemoveAllKeepsInOrderForEverySubsetOfEight() {
        for mask in 0..<256 {
            let boxes = (0..<8).map { Box($0) }
            var expected = boxes, actual = boxes
            expected.removeAll { mask & (1 << $0.value) != 0 }
            actual.removeAllInPlace { mask & (1 << $0.value) != 0 }
            #expect(actual.map(\.value) == expected.map(\.value), "mask \(mask)")
            #expect(zip(actual, expected).allSatisfy { $0 === $1 })
        }
    }

    @Test func releasesTheRemovedElements() {
        var array = (0..<6).map { Box($0) }
        weak var removed = array[2]
        weak var kept = array[3]
        array.removeAllInPlace { $0.value % 2 == 0 }
        #expect(removed == nil, "a removed element is still retained")
        #expect(kept != nil && array.map(\.value) == [1, 3, 5])
    }
}
