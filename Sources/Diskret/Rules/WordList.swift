#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of folded phrase keys, stored as one byte-sorted blob so it can be memory-mapped from a cache and
/// searched without making a Swift string per entry.
///
/// Layout (little-endian): magic "DKWL", format version, source size, source mtime, entry count, longest entry
/// in tokens, then `count + 1` UInt32 offsets into the key bytes, then the key bytes.
final class WordList: @unchecked Sendable {
    // Safety: the storage is immutable after init and only read.
    static let formatVersion: UInt32 = 2
    private static let headerSize = 4 + 4 + 8 + 8 + 4 + 4

    private let storage: UnsafeRawBufferPointer
    private let release: () -> Void
    /// Number of entries.
    let count: Int
    /// The largest number of tokens in one entry ("Frankfurt am Main" has 3).
    let maxTokens: Int
    private let offsets: UnsafePointer<UInt32>
    private let bytes: UnsafePointer<UInt8>
    /// Where the entries starting with each byte begin (257 bounds): a look-up searches only its first
    /// byte's range, a few comparisons fewer on the hot path, found with 256 binary searches at load.
    private let firstByteBounds: [Int]

    private init(storage: UnsafeRawBufferPointer, release: @escaping () -> Void) {
        self.storage = storage
        self.release = release
        count = Int(storage.load(fromByteOffset: 24, as: UInt32.self))
        maxTokens = Int(storage.load(fromByteOffset: 28, as: UInt32.self))
        offsets = storage.baseAddress!.advanced(by: Self.headerSize).assumingMemoryBound(to: UInt32.self)
        bytes = storage.baseAddress!.advanced(by: Self.headerSize + 4 * (count + 1)).assumingMemoryBound(to: UInt8.self)
        let (count, offsets, bytes) = (count, offsets, bytes)
        // The first entry whose first byte is at least `byte` (empty entries sort first).
        func lowerBound(_ byte: Int) -> Int {
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                let start = Int(offsets[mid]), length = Int(offsets[mid + 1]) - start
                if length == 0 || Int(bytes[start]) < byte { low = mid + 1 } else { high = mid }
            }
            return low
        }
        firstByteBounds = (0...256).map(lowerBound)
    }

    /// The range of entries that can equal or start with `key`.
    private func candidates(for key: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        guard let first = key.first else { return (0, count) }
        return (firstByteBounds[Int(first)], firstByteBounds[Int(first) + 1])
    }

    deinit { release() }

    /// Builds a list from keys (any order, duplicates allowed).
    convenience init(keys: [(key: [UInt8], tokens: Int)], sourceSize: UInt64 = 0, sourceTime: Int64 = 0) {
        let sorted = keys.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var unique: [[UInt8]] = []
        for entry in sorted where unique.last != entry.key { unique.append(entry.key) }
        let maxTokens = keys.map(\.tokens).max() ?? 0
        let total = Self.headerSize + 4 * (unique.count + 1) + unique.reduce(0) { $0 + $1.count }
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(total, Self.headerSize + 4), alignment: 8)
        raw.storeBytes(of: 0x4C57_4B44, toByteOffset: 0, as: UInt32.self)  // "DKWL"
        raw.storeBytes(of: Self.formatVersion, toByteOffset: 4, as: UInt32.self)
        raw.storeBytes(of: sourceSize, toByteOffset: 8, as: UInt64.self)
        raw.storeBytes(of: sourceTime, toByteOffset: 16, as: Int64.self)
        raw.storeBytes(of: UInt32(unique.count), toByteOffset: 24, as: UInt32.self)
        raw.storeBytes(of: UInt32(maxTokens), toByteOffset: 28, as: UInt32.self)
        var offset = 0
        let base = Self.headerSize + 4 * (unique.count + 1)
        for (index, key) in unique.enumerated() {
            raw.storeBytes(of: UInt32(offset), toByteOffset: Self.headerSize + 4 * index, as: UInt32.self)
            for (position, byte) in key.enumerated() { raw[base + offset + position] = byte }
            offset += key.count
        }
        raw.storeBytes(of: UInt32(offset), toByteOffset: Self.headerSize + 4 * unique.count, as: UInt32.self)
        self.init(storage: UnsafeRawBufferPointer(raw), release: { raw.deallocate() })
    }

    /// Maps a compiled list from `path` if it was made from a source of this size and time; nil otherwise.
    static func mapped(path: String, sourceSize: UInt64, sourceTime: Int64) -> WordList? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= headerSize + 4 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        let buffer = UnsafeRawBufferPointer(start: address, count: size)
        let valid = buffer.load(fromByteOffset: 0, as: UInt32.self) == 0x4C57_4B44
            && buffer.load(fromByteOffset: 4, as: UInt32.self) == formatVersion
            && buffer.load(fromByteOffset: 8, as: UInt64.self) == sourceSize
            && buffer.load(fromByteOffset: 16, as: Int64.self) == sourceTime
        let count = Int(buffer.load(fromByteOffset: 24, as: UInt32.self))
        let offsetsEnd = headerSize + 4 * (count + 1)
        guard valid, offsetsEnd <= size,
              headerSize + 4 * (count + 1) + Int(buffer.load(fromByteOffset: headerSize + 4 * count, as: UInt32.self)) == size
        else { munmap(address, size); return nil }
        return WordList(storage: buffer, release: { munmap(address, size) })
    }

    /// Writes the compiled form to `path` atomically with mode 0600; failures are ignored (the cache is optional).
    func write(to path: String) { FileBytes.writeAtomically(storage, to: path) }

    /// Whether the list holds `key` exactly.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var (low, high) = candidates(for: key)
        while low < high {
            let mid = (low + high) / 2
            let order = compare(entry: mid, key)
            if order == 0 { return true }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return false
    }

    /// Whether some entry starts with `prefix` (pass a phrase key plus a trailing space to ask whether a
    /// longer phrase may still match).
    func hasEntry(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        var (low, high) = candidates(for: prefix)
        let end = high
        while low < high {
            let mid = (low + high) / 2
            if compare(entry: mid, prefix) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < end else { return false }
        let (start, length) = entry(low)
        return length >= prefix.count && (prefix.isEmpty || memcmp(bytes + start, prefix.baseAddress!, prefix.count) == 0)
    }

    func contains(_ key: [UInt8]) -> Bool { key.withUnsafeBufferPointer { contains($0) } }
    func contains(_ key: ArraySlice<UInt8>) -> Bool { key.withUnsafeBufferPointer { contains($0) } }

    /// All entries as strings (for generating surrogates and for tests; not for the hot path).
    var entries: [String] {
        (0..<count).map { index in
            let (start, length) = entry(index)
            return String(decoding: UnsafeBufferPointer(start: bytes + start, count: length), as: UTF8.self)
        }
    }

    private func entry(_ index: Int) -> (Int, Int) {
        let start = Int(offsets[index])
        return (start, Int(offsets[index + 1]) - start)
    }

    private func compare(entry index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let (start, length) = entry(index)
        let common = min(length, key.count)
        if common > 0 {
            let order = memcmp(bytes + start, key.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return length - key.count
    }
}
