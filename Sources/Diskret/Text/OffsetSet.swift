/// A set of UTF-16 offsets into one note, as a bitmap: stages note where each sure candidate starts (tens of
/// thousands per megabyte), and a `Set<Int>` hashed every one of them.
struct OffsetSet {
    private var words: [UInt64]

    /// An empty set for offsets up to `limit` (a note's unit count); larger offsets grow it.
    init(limit: Int) { words = [UInt64](repeating: 0, count: max(0, limit) / 64 + 1) }

    func contains(_ offset: Int) -> Bool {
        let word = offset >> 6
        return offset >= 0 && word < words.count && words[word] & (1 << UInt64(offset & 63)) != 0
    }

    /// Adds every offset of `range` (not negative), a word of the bitmap at a time.
    mutating func insert(contentsOf range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0, "offsets are not negative")
        let last = range.upperBound - 1
        if last >> 6 >= words.count { words.append(contentsOf: repeatElement(0, count: last >> 6 + 1 - words.count)) }
        var offset = range.lowerBound
        while offset <= last {
            let word = offset >> 6, bit = offset & 63
            let bits = min(64 - bit, last - offset + 1)
            let mask: UInt64 = bits == 64 ? ~0 : ((1 << UInt64(bits)) - 1) << UInt64(bit)
            words[word] |= mask
            offset += bits
        }
    }

    /// Adds `offset` (not negative).
    mutating func insert(_ offset: Int) {
        precondition(offset >= 0, "offsets are not negative")
        let word = offset >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        words[word] |= 1 << UInt64(offset & 63)
    }
}
