/// 64-bit FNV-1a, fed bytes and integers piece by piece (the parsed-pack cache's fingerprint, phrase keys).
struct FNV1a {
    private(set) var value: UInt64

    init() { value = 0xcbf2_9ce4_8422_2325 }

    /// Continues a hash whose bytes so far gave `value` (a token's `keyHash`).
    init(continuing value: UInt64) { self.value = value }

    mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes { add(byte: byte) }
    }

    mutating func add(byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

    mutating func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { add($0) } }
}

/// FNV-1a of `bytes` in one call: token keys (to pre-check trigger words without hashing arrays per token),
/// Bloom filters, cache names and checksums.
func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash = FNV1a()
    hash.add(bytes)
    return hash.value
}
