/// A Bloom filter over byte strings in memory the list owns or maps, blocked by cache line: one 64-bit hash
/// picks a 512-bit block and four bits in it, so a look-up costs one cache miss at most. 16 bits per element
/// give about 0.3 % false positives, which then cost one probe of the list's hash index.
struct BloomFilter {
    let words: UnsafePointer<UInt64>
    /// The base-2 logarithm of the size in bits (at least 9: one block).
    let bits: Int

    /// The filter size, as a base-2 logarithm of bits, for `count` elements.
    static func log2Bits(for count: Int) -> Int {
        var bits = 9
        while (1 << bits) < count * 16 && bits < 40 { bits += 1 }
        return bits
    }

    static func insert(_ hash: UInt64, into words: UnsafeMutablePointer<UInt64>, bits: Int) {
        var probe = Probe(hash: hash, bits: bits)
        for _ in 0..<4 { let (word, bit) = probe.next(); words[word] |= bit }
    }

    // Inlined: asked millions of times per megabyte, and as a call its probe set-up cost as much as the probe.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        var probe = Probe(hash: hash, bits: bits)
        for _ in 0..<4 { let (word, bit) = probe.next(); if words[word] & bit == 0 { return false } }
        return true
    }

    /// The four (word, bit mask) positions of one element: the low bits choose the block, the high bits the
    /// word and the bit in it.
    private struct Probe {
        let block: Int
        var rest: UInt64
        @inline(__always)
        init(hash: UInt64, bits: Int) {
            block = Int(hash & ((UInt64(1) << UInt64(bits - 9)) - 1)) << 3
            rest = hash >> 28
        }
        @inline(__always)
        mutating func next() -> (Int, UInt64) {
            defer { rest >>= 9 }
            return (block | Int(rest & 7), 1 << ((rest >> 3) & 63))
        }
    }

    /// FNV-1a with a final mix, so that every bit of the hash depends on every byte.
    static func hash<Bytes: Collection<UInt8>>(_ key: Bytes) -> UInt64 { mix(fnv1a(key)) }

    /// The final mix of `hash`, applied to an FNV-1a value computed elsewhere (a phrase key grown token by token).
    static func mix(_ fnv: UInt64) -> UInt64 {
        var value = fnv
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }
}
