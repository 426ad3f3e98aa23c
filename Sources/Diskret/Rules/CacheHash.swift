/// A 64-bit hash taken eight bytes at a step, for the pack cache's fingerprint (of the rule files) and
/// checksum (of its body): FNV-1a byte by byte over both had been a twentieth of a warm start.
///
/// Each step — xor the word, multiply by an odd constant, xor the state with itself shifted right — is a
/// bijection of the state for a given word and of the word for a given state, so two inputs of the same
/// length that differ in one word (any damaged byte) always hash apart.
struct CacheHash {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 29
    }

    /// Adds the length of `bytes`, then their words (the last one padded with zeros).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            add(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        guard offset < bytes.count else { return }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
        add(tail)
    }

    mutating func add(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { add($0) } }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }
}
