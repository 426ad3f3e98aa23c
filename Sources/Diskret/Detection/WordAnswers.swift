/// A session's memory of what its word lists answered for single words, kept from note to note: which word-list
/// rules a word may start, and for which a genitive or plural "s" hides a listed word. The same few thousand
/// words ("Frau", "Termin", "Müller") come back in every note, and each first question cost a cache miss in a
/// Bloom filter per list, where a hit here costs one in a table small enough to stay in the cache.
///
/// Words are compared by their whole key (up to `maxKeyBytes`; longer ones are not kept), never by hash
/// alone, so a word can only ever get its own answers. The table is direct-mapped: a new word takes its slot.
final class WordAnswers {
    /// The longest key kept, in bytes: longer words are asked of the lists every time.
    static let maxKeyBytes = 16
    /// The number of slots, as a base-2 logarithm (32 bytes each: 256 KB).
    static let slotBits = 13

    private typealias Slot = WordSlot
    private let slots = DirectMappedSlots(bits: slotBits, empty: Slot())

    /// The answers for token `index` of `text`: kept ones if its key was seen before, else `compute()`'s.
    @inline(__always)
    func answers(for index: Int, in text: TokenizedText, compute: () -> UInt32) -> UInt32 {
        let token = text.tokens[index]
        let length = token.keyEnd - token.keyStart
        guard length <= Self.maxKeyBytes else { return compute() }
        var head: UInt64 = 0, tail: UInt64 = 0
        text.keys.withUnsafeBufferPointer { keys in
            for offset in 0..<length {
                let byte = UInt64(keys[token.keyStart + offset])
                if offset < 8 { head |= byte << UInt64(offset * 8) } else { tail |= byte << UInt64((offset - 8) * 8) }
            }
        }
        let meta = Slot.filled | UInt64(length) << 32
        let slot = slots.slot(for: BloomFilter.mix(token.keyHash))
        if slot.pointee.meta & ~0xFFFF_FFFF == meta && slot.pointee.hash == token.keyHash
            && slot.pointee.head == head && slot.pointee.tail == tail {
            return UInt32(truncatingIfNeeded: slot.pointee.meta)
        }
        let answers = compute()
        slot.pointee = Slot(hash: token.keyHash, head: head, tail: tail, meta: meta | UInt64(answers))
        return answers
    }
}
