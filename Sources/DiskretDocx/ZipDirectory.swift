import Foundation
import ZIPFoundation

/// The entries of a ZIP archive held in memory, read from its central directory with every structure checked
/// to lie inside the bytes, and unpacked through ZIPFoundation's inflater fed by a provider that never reads
/// past an entry's own data. ZIPFoundation's `Archive` is not used on untrusted bytes: fuzzing found that its
/// in-memory reader traps on a directory pointing past the end, and that its inflater loops for ever (and tells
/// zlib a short last chunk is full) when a stream does not end inside the file. ZIP64 is refused: a Word
/// document within the input limit never needs it.
struct ZipDirectory {
    struct Entry {
        let method: Int
        let dataStart: Int
        let compressedSize: Int
        let uncompressedSize: Int
        let crc: UInt32
    }

    private let bytes: Data
    private let entries: [String: Entry]

    private static let endRecord = 0x0605_4B50, directoryEntry = 0x0201_4B50, localHeader = 0x0403_4B50, zip64Locator = 0x0706_4B50

    /// Reads the directory; nil when the bytes are not a sound ZIP archive.
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        let count = bytes.count
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end record: the first signature scanning back from 22 bytes before the end.
        guard count >= 22, let end = stride(from: count - 22, through: 0, by: -1).first(where: { u32($0) == Self.endRecord }),
              let total = u16(end + 10), var position = u32(end + 16), total != 0xFFFF, position != 0xFFFF_FFFF else { return nil }
        if end >= 20, u32(end - 20) == Self.zip64Locator { return nil }
        var entries: [String: Entry] = [:]
        for _ in 0..<total {
            guard u32(position) == Self.directoryEntry, let method = u16(position + 10), let crc = u32(position + 16),
                  let compressed = u32(position + 20), let uncompressed = u32(position + 24), let nameLength = u16(position + 28),
                  let extraLength = u16(position + 30), let commentLength = u16(position + 32), let local = u32(position + 42),
                  compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                  position + 46 + nameLength + extraLength + commentLength <= count,
                  u32(local) == Self.localHeader, let localName = u16(local + 26), let localExtra = u16(local + 28) else { return nil }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart + compressed <= count else { return nil }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(method: method, dataStart: dataStart, compressedSize: compressed, uncompressedSize: uncompressed, crc: UInt32(crc))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.bytes = data
        self.entries = entries
    }

    /// The entry names.
    var paths: [String] { Array(entries.keys) }

    /// Whether the archive holds `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The unpacked bytes of `path`, at most `budget` of them (else `tooLarge(limit)`); a damaged entry or an
    /// unknown method is `notADocx`.
    func read(_ path: String, budget: Int, limit: Int) throws(DocxError) -> Data {
        guard let entry = entries[path] else { throw DocxError.notADocx }
        guard entry.uncompressedSize <= budget else { throw DocxError.tooLarge(limit: limit) }
        let start = bytes.startIndex + entry.dataStart
        var output = Data()
        do {
            let crc: CRC32
            switch entry.method {
            case 0:
                output = bytes.subdata(in: start..<start + entry.compressedSize)
                crc = output.crc32(checksum: 0)
            case 8:
                let bufferSize = 16 << 10
                crc = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: bufferSize, skipCRC32: false, provider: { position, size in
                    // Always a full chunk (the inflater takes `bufferSize` bytes as given), zeros after the entry's
                    // data, and nothing once its data is used up: a stream that does not end is an error.
                    let from = Int(position)
                    guard from < entry.compressedSize else { throw DocxError.notADocx }
                    var chunk = self.bytes.subdata(in: start + from..<start + min(entry.compressedSize, from + size))
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: { chunk in
                    guard chunk.count <= budget - output.count else { throw DocxError.tooLarge(limit: limit) }
                    output.append(chunk)
                })
            default:
                throw DocxError.notADocx
            }
            guard crc == entry.crc, output.count <= budget else { throw DocxError.notADocx }
        } catch let error as DocxError { throw error } catch { throw DocxError.notADocx }
        return output
    }
}
