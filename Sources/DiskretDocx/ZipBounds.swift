import Foundation

/// Checks, before ZIPFoundation opens an archive held in memory, that every structure it will read lies inside
/// the bytes: its in-memory reader traps (not throws) when the central directory or a local header points past
/// the end, which fuzzing found within seconds. The walk mirrors ZIPFoundation's own: the end record found by
/// scanning back from the end, then each directory entry, its local header, data and data descriptor. ZIP64 is
/// refused (a Word document within the input limit never needs it).
enum ZipBounds {
    private static let endRecord: UInt32 = 0x0605_4B50, directoryEntry: UInt32 = 0x0201_4B50
    private static let zip64Locator: UInt32 = 0x0706_4B50

    /// Whether the archive's structures all lie inside `data` (and it uses no ZIP64).
    static func areSound(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        let count = bytes.count
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end record: the first signature scanning back from 22 bytes before the end, as ZIPFoundation scans.
        guard count >= 22, let end = stride(from: count - 22, through: 0, by: -1).first(where: { u32($0) == Int(endRecord) }) else { return false }
        guard end + 22 <= count, let entries = u16(end + 10), let directorySize = u32(end + 12), var position = u32(end + 16) else { return false }
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || position == 0xFFFF_FFFF { return false }
        if end >= 20, u32(end - 20) == Int(zip64Locator) { return false }
        for _ in 0..<entries {
            guard u32(position) == Int(directoryEntry), let flags = u16(position + 8), let method = u16(position + 10),
                  let compressed = u32(position + 20), let uncompressed = u32(position + 24), let nameLength = u16(position + 28),
                  let extraLength = u16(position + 30), let commentLength = u16(position + 32), let local = u32(position + 42),
                  compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                  position + 46 + nameLength + extraLength + commentLength <= count,
                  let localName = u16(local + 26), let localExtra = u16(local + 28) else { return false }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart + compressed <= count else { return false }
            if flags & 0x08 != 0 {
                let descriptor = dataStart + (method != 0 ? compressed : uncompressed)
                guard descriptor + 16 <= count else { return false }
            }
            position += 46 + nameLength + extraLength + commentLength
        }
        return true
    }
}
