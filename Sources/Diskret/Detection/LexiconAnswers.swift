/// A session's memory of what the lexicon answered for single words, kept from note to note: the stages ask
/// the same few thousand words ("Frau", "Termin", "Müller") whether they are listed as names, common words,
/// places or roles, in every note and several times per note, and each answer cost a Bloom filter probe per
/// list (a dozen lists for some questions).
///
/// Keys are compared whole (up to `maxKeyBytes`; longer ones are asked of the lists every time), never by
/// hash alone, so a word only ever gets its own answers. The table is direct-mapped: a new word takes its
/// slot. Not thread-safe: one per `Lexicon`, which one session owns.
final class LexiconAnswers {
    /// The longest key kept, in bytes.
    static let maxKeyBytes = 16
    /// The number of slots, as a base-2 logarithm (32 bytes each: 256 KB).
    static let slotBits = 13

    /// A question's number: bit `question` of a slot's answers says it was asked, bit `question + 16` the answer.
    enum Question: Int {
        case allowed, knownName, firstName, surname, commonWord, roleWord, place, lowercaseWord, compoundHead,
             femaleFirstName, maleFirstName, noun, institution, personRole
    }

    private typealias Slot = WordSlot
    private let slots = DirectMappedSlots(bits: slotBits, empty: Slot())

    /// The answer to `question` for `key`: a kept one if the word was asked it before, else `compute()`'s.
    @inline(__always)
    func answer(_ question: Question, for key: ArraySlice<UInt8>, compute: () -> Bool) -> Bool {
        let length = key.count
        guard length <= Self.maxKeyBytes else { return compute() }
        // The key in two words, read as two overlapping loads that together cover every byte: with the
        // length, they tell any two keys apart (a byte at a time, packing had cost more than the look-up).
        var head: UInt64 = 0, tail: UInt64 = 0
        key.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            switch length {
            case 8...:
                head = raw.loadUnaligned(as: UInt64.self)
                tail = raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            case 4..<8:
                head = UInt64(raw.loadUnaligned(as: UInt32.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) << 32
            case 2..<4:
                head = UInt64(raw.loadUnaligned(as: UInt16.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)) << 16
            case 1: head = UInt64(base[0])
            default: break
            }
        }
        var hash = (head ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15 ^ tail &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        let slot = slots.slot(for: hash)
        let meta = Slot.filled | UInt64(length) << 32
        let asked: UInt64 = 1 << UInt64(question.rawValue), yes: UInt64 = 1 << UInt64(question.rawValue + 16)
        if slot.pointee.meta & ~0xFFFF_FFFF == meta && slot.pointee.head == head && slot.pointee.tail == tail {
            if slot.pointee.meta & asked != 0 { return slot.pointee.meta & yes != 0 }
            let answer = compute()
            slot.pointee.meta |= asked | (answer ? yes : 0)
            return answer
        }
        let answer = compute()
        slot.pointee = Slot(hash: hash, head: head, tail: tail, meta: meta | asked | (answer ? yes : 0))
        return answer
    }
}
