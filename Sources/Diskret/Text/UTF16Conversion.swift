/// Conversions between a note's `String` and the UTF-16 units the engine works on, written out because the
/// standard library's generic paths (the `utf16` view of a UTF-8 string, `String(decoding:as: UTF16.self)`)
/// cost a few per cent of the whole filter.
enum UTF16Conversion {
    /// The UTF-16 units of `string`.
    static func units(of string: String) -> [UInt16] {
        var string = string
        return string.withUTF8 { bytes in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
                var index = 0, written = 0
                while index < bytes.count {
                    // Eight ASCII bytes at a time: most of a German note is ASCII.
                    while index + 8 <= bytes.count,
                          UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        for offset in 0..<8 { units[written + offset] = UInt16(bytes[index + offset]) }
                        index += 8; written += 8
                    }
                    guard index < bytes.count else { break }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        units[written] = UInt16(byte); written += 1; index += 1
                        continue
                    }
                    // A Swift string's UTF-8 is valid, so the sequence length follows from the lead byte.
                    let scalar: UInt32
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        scalar = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    if scalar < 0x10000 {
                        units[written] = UInt16(scalar); written += 1
                    } else {
                        let offset = scalar - 0x10000
                        units[written] = UInt16(0xD800 + (offset >> 10))
                        units[written + 1] = UInt16(0xDC00 + (offset & 0x3FF))
                        written += 2
                    }
                }
                count = written
            }
        }
    }

    /// Appends the UTF-16 units of `string` to `units`: an ASCII string (a placeholder) byte by byte from its
    /// UTF-8, since the standard library's UTF-16 view of a UTF-8 string is walked generically (~450
    /// instructions a placeholder); any other through `units(of:)`.
    static func append(_ string: String, to units: inout [UInt16]) {
        let appended: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            for byte in bytes { units.append(UInt16(byte)) }
            return true
        }
        if appended != true { units.append(contentsOf: self.units(of: string)) }
    }

    /// The string of `units`; a lone surrogate becomes U+FFFD, as with `String(decoding:as:)`.
    static func string(of units: [UInt16]) -> String { units.withUnsafeBufferPointer { string(of: $0) } }

    /// The string of a part of a note's units.
    static func string(of units: ArraySlice<UInt16>) -> String { units.withUnsafeBufferPointer { string(of: $0) } }

    private static func string(of units: UnsafeBufferPointer<UInt16>) -> String {
        // The exact length, not three bytes a unit: a masked note's string lives until it is written, and
        // for a long note the worst case held three times the memory it needs.
        String(unsafeUninitializedCapacity: utf8Count(of: units)) { bytes in
                var index = 0, written = 0
                func put(_ scalar: UInt32) {
                    switch scalar {
                    case ..<0x80:
                        bytes[written] = UInt8(scalar); written += 1
                    case ..<0x800:
                        bytes[written] = UInt8(0xC0 | scalar >> 6); bytes[written + 1] = UInt8(0x80 | scalar & 0x3F)
                        written += 2
                    case ..<0x10000:
                        bytes[written] = UInt8(0xE0 | scalar >> 12); bytes[written + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        bytes[written + 2] = UInt8(0x80 | scalar & 0x3F)
                        written += 3
                    default:
                        bytes[written] = UInt8(0xF0 | scalar >> 18); bytes[written + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                        bytes[written + 2] = UInt8(0x80 | scalar >> 6 & 0x3F); bytes[written + 3] = UInt8(0x80 | scalar & 0x3F)
                        written += 4
                    }
                }
                while index < units.count {
                    while index + 4 <= units.count, isASCII(units, at: index) {
                        for offset in 0..<4 { bytes[written + offset] = UInt8(truncatingIfNeeded: units[index + offset]) }
                        index += 4; written += 4
                    }
                    guard index < units.count else { break }
                    let unit = units[index]
                    index += 1
                    if unit < 0x80 { bytes[written] = UInt8(unit); written += 1; continue }
                    if UTF16.isLeadSurrogate(unit), index < units.count, UTF16.isTrailSurrogate(units[index]) {
                        put(0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(units[index] - 0xDC00)))
                        index += 1
                    } else if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) {
                        put(0xFFFD)
                    } else {
                        put(UInt32(unit))
                    }
                }
                return written
        }
    }

    /// The number of UTF-8 bytes `string(of:)` writes for `units`.
    static func utf8Count(of units: UnsafeBufferPointer<UInt16>) -> Int {
        var count = 0, index = 0
        while index < units.count {
            while index + 4 <= units.count, isASCII(units, at: index) { index += 4; count += 4 }
            guard index < units.count else { break }
            let unit = units[index]
            index += 1
            if unit < 0x80 {
                count += 1
            } else if unit < 0x800 {
                count += 2
            } else if UTF16.isLeadSurrogate(unit), index < units.count, UTF16.isTrailSurrogate(units[index]) {
                count += 4
                index += 1
            } else {
                count += 3  // the rest of the BMP, and U+FFFD for a lone surrogate
            }
        }
        return count
    }

    /// Whether the four units from `index` are all ASCII, read as one 64-bit word.
    @inline(__always)
    private static func isASCII(_ units: UnsafeBufferPointer<UInt16>, at index: Int) -> Bool {
        UnsafeRawPointer(units.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0xFF80_FF80_FF80_FF80 == 0
    }
}
