/// Which tokens may start an entry of a small word list, told by the token's key hash alone: a bitmap of the
/// FNV-1a hashes of every entry's leading tokens (the whole entry and each part of it before a space). A
/// token whose hash has no bit set here starts no entry, exactly; one with a bit set still goes to the
/// lists' Bloom filters and keys.
///
/// Why: a deny list is asked at every word of a note, and its few entries almost never start there; the
/// filters' two probes per word cost more than one bit here.
struct FirstTokenGate: Sendable {
    private var bits = [UInt64](repeating: 0, count: Self.words)
    private static let words = 64
    private static let indexBits: UInt64 = 12

    /// The most entries a gate is made for: beyond that its bits fill up, and the filters answer as well.
    static let maxEntries = 512

    /// The gate of `lists`, nil if they hold more than `maxEntries` entries together.
    init?(lists: [WordList]) {
        guard lists.reduce(0, { $0 + $1.count }) <= Self.maxEntries else { return nil }
        var bits = bits
        func insert(_ hash: UInt64) {
            let index = Self.index(hash)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        for list in lists {
            list.forEachEntry { key in
                // An entry of several tokens starts with its first token's key, and a token's key may itself
                // hold a space: every part before a space is a key a starting token may have.
                for (offset, byte) in key.enumerated() where byte == 0x20 { insert(fnv1a(key[..<offset])) }
                insert(fnv1a(key))
            }
        }
        self.bits = bits
    }

    /// Whether a token with key hash `hash` may start an entry.
    @inline(__always)
    func mayStart(_ hash: UInt64) -> Bool {
        let index = Self.index(hash)
        return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// The bit of a hash: its top bits after a multiplicative mix (FNV-1a's low bits follow the last byte).
    private static func index(_ hash: UInt64) -> Int { Int((hash &* 0x9E37_79B9_7F4A_7C15) >> (64 - indexBits)) }
}
