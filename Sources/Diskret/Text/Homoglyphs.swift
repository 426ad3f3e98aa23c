/// Letters of other scripts that look like a Latin letter, and that letter: what the detection view reads a
/// look-alike as ("Fisсher" with a Cyrillic "с" is "Fischer"). Every entry has the same confusable skeleton
/// as its Latin letter in ICU's data (UTS #39), and the same case; `HomoglyphTests` checks both.
package enum Homoglyphs {
    /// Look-alike → Latin letter, sorted by look-alike. Cyrillic and Greek: the scripts of the look-alikes
    /// that web copies and hostile input carry.
    package static let table: [(lookAlike: UInt16, latin: UInt16)] = [
        (0x0391, 0x41), (0x0392, 0x42), (0x0395, 0x45), (0x0396, 0x5A), (0x0397, 0x48), (0x0399, 0x49),
        (0x039A, 0x4B), (0x039C, 0x4D), (0x039D, 0x4E), (0x039F, 0x4F), (0x03A1, 0x50), (0x03A4, 0x54),
        (0x03A5, 0x59), (0x03A7, 0x58), (0x03B1, 0x61), (0x03B9, 0x69), (0x03BD, 0x76), (0x03BF, 0x6F),
        (0x03C1, 0x70),
        (0x0405, 0x53), (0x0406, 0x49), (0x0408, 0x4A), (0x0410, 0x41), (0x0412, 0x42), (0x0415, 0x45),
        (0x041A, 0x4B), (0x041C, 0x4D), (0x041D, 0x48), (0x041E, 0x4F), (0x0420, 0x50), (0x0421, 0x43),
        (0x0422, 0x54), (0x0425, 0x58), (0x0430, 0x61), (0x0435, 0x65), (0x043E, 0x6F), (0x0440, 0x70),
        (0x0441, 0x63), (0x0443, 0x79), (0x0445, 0x78), (0x0455, 0x73), (0x0456, 0x69), (0x0458, 0x6A),
        (0x04AE, 0x59), (0x04BB, 0x68), (0x04C0, 0x49), (0x0501, 0x64),
        (0x051B, 0x71), (0x051C, 0x57), (0x051D, 0x77),
    ]

    /// The Latin letter `unit` looks like, or nil.
    @inline(__always)
    package static func latin(of unit: UInt16) -> UInt16? {
        // All look-alikes lie in the Greek and Cyrillic blocks: one comparison sends every other unit away.
        guard unit >= 0x0391 && unit <= 0x051D else { return nil }
        var low = 0, high = table.count
        while low < high {
            let mid = (low + high) / 2
            if table[mid].lookAlike < unit { low = mid + 1 } else { high = mid }
        }
        return low < table.count && table[low].lookAlike == unit ? table[low].latin : nil
    }
}
