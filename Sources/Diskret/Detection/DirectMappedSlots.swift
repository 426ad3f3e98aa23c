/// The slots of a session's direct-mapped memo of word answers (`WordAnswers`, `LexiconAnswers`): 2^`bits` of
/// them, allocated once and never grown, a slot chosen by the top bits of a well-mixed hash.
final class DirectMappedSlots<Slot> {
    private let base: UnsafeMutablePointer<Slot>
    private let bits: Int

    init(bits: Int, empty: Slot) {
        self.bits = bits
        base = .allocate(capacity: 1 << bits)
        base.initialize(repeating: empty, count: 1 << bits)
    }

    deinit {
        base.deinitialize(count: 1 << bits)
        base.deallocate()
    }

    /// The slot of `hash`.
    @inline(__always)
    func slot(for hash: UInt64) -> UnsafeMutablePointer<Slot> { base + Int(hash >> UInt64(64 - bits)) }
}

/// A slot of a memo of word answers: the word's key in two words (how each memo packs it), a hash of the key,
/// and in `meta` the answers (low 32 bits), the key's length above them and `filled`.
struct WordSlot {
    var hash: UInt64 = 0
    var head: UInt64 = 0
    var tail: UInt64 = 0
    var meta: UInt64 = 0
    static let filled: UInt64 = 1 << 63
}
