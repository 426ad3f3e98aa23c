import Testing
@testable import Diskret

@Suite struct ArrayLowerBoundTests {
    /// Against a linear search, on sorted arrays with repeats, for values below, between, on and above.
    @Test func findsTheFirstElementNotLess() {
        for array in [[], [5], [1, 3, 3, 3, 7, 9], [2, 2, 2], Array(0..<40).map { $0 * 3 }] {
            for value in -1...122 {
                #expect(array.lowerBound(of: value) == (array.firstIndex { $0 >= value } ?? array.count), "\(array) \(value)")
            }
        }
    }
}
