extension Array {
    /// `removeAll(where:)` that hands the predicate each element where it lies: the standard library's
    /// version copies every element to test it, which for candidates (a label reference each) is a retain
    /// and a release per candidate and test. The kept elements keep their order.
    mutating func removeAllInPlace(where shouldBeRemoved: (borrowing Element) -> Bool) {
        let kept = withUnsafeMutableBufferPointer { buffer -> Int in
            var kept = 0
            for index in buffer.indices where !shouldBeRemoved(buffer[index]) {
                if index != kept { buffer.swapAt(index, kept) }
                kept += 1
            }
            return kept
        }
        removeLast(count - kept)
    }
}
