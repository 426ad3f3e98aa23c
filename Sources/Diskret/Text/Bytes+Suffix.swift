extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Whether the bytes end with `suffix`. Asked of every capitalised word of every note (endings of
    /// nouns, drugs and Latin words), where the generic `suffix(_:).elementsEqual(_:)` cost about a hundred
    /// instructions a call.
    @inline(__always)
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        var index = endIndex - suffix.count
        for byte in suffix {
            if self[index] != byte { return false }
            index += 1
        }
        return true
    }
}
