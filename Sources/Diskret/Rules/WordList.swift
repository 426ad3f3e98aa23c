#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of folded phrase keys, stored as one byte-sorted blob so it can be memory-mapped from a cache and
/// searched without making a Swift string per entry.
///
/// Layout (little-endian): magic "DKWL", format version, source size, source mtime, entry count, longest entry
/// in tokens, the base-2 logarithms of the sizes of the two Bloom filters (in bits) and of the hash index (in
/// slots), 4 bytes padding; then `count + 1` UInt32 offsets into the key bytes, the key bytes, padding to 8
/// bytes, 257 UInt32 first-byte bounds (+ 4 bytes padding), the Bloom filter of the entries, the Bloom filter
/// of their proper token prefixes ("frankfurt am ") and the hash index of the entries.
/// Most words of a note are in no list: the filters answer for them without a look-up. Words that pass are
/// mostly listed, and the hash index finds them with one probe where a binary search took a dozen steps
/// through memory that is not in the cache. Whether a phrase may go on, detection asks the prefix filter
/// alone (`PhraseKey.mayContinue`); the exact answer, `hasEntry(withPrefix:)`, searches the sorted keys.
final class WordList: @unchecked Sendable {
    // Safety: the storage is immutable after init and only read.
    static let formatVersion: UInt32 = 4
    private static let headerSize = 4 + 4 + 8 + 8 + 4 + 4 + 4 + 4 + 4 + 4

    private let storage: UnsafeRawBufferPointer
    private let release: () -> Void
    /// Number of entries.
    let count: Int
    /// The largest number of tokens in one entry ("Frankfurt am Main" has 3).
    let maxTokens: Int
    private let offsets: UnsafePointer<UInt32>
    private let bytes: UnsafePointer<UInt8>
    /// Where the entries starting with each byte begin (257 bounds): a look-up searches only its first
    /// byte's range.
    private let firstByteBounds: UnsafePointer<UInt32>
    /// The Bloom filter of the entries.
    let entryFilter: BloomFilter
    /// The Bloom filter of the entries' proper token prefixes, each with its trailing space.
    let prefixFilter: BloomFilter
    /// The hash index of the entries (see `HashIndex`).
    private let index: HashIndex

    /// The layout of a list with `count` entries, `keyBytes` bytes of keys and filters of 2^`entryBits` and
    /// 2^`prefixBits` bits: the offsets of its parts and its whole size.
    private struct Layout {
        let offsets: Int, bytes: Int, bounds: Int, entryFilter: Int, prefixFilter: Int, index: Int, size: Int

        init(count: Int, keyBytes: Int, entryBits: Int, prefixBits: Int, indexBits: Int) {
            offsets = WordList.headerSize
            bytes = offsets + 4 * (count + 1)
            bounds = (bytes + keyBytes + 7) & ~7
            entryFilter = bounds + 4 * 258
            prefixFilter = entryFilter + (1 << entryBits) / 8
            index = prefixFilter + (1 << prefixBits) / 8
            size = index + (8 << indexBits)
        }
    }

    /// An open-addressing table of the entries by their `BloomFilter.hash`: per slot the entry's number plus
    /// one (0: empty) and the hash's low 32 bits, so a probe compares keys only when those agree. Its top
    /// bits choose the first slot, linear probing the next; at most half the slots are used.
    private struct HashIndex {
        let slots: UnsafePointer<UInt64>
        let bits: Int

        /// The size, as a base-2 logarithm of slots, for `count` entries.
        static func log2Slots(for count: Int) -> Int {
            var bits = 1
            while (1 << bits) < 2 * count { bits += 1 }
            return bits
        }

        static func insert(entry: Int, hash: UInt64, into slots: UnsafeMutablePointer<UInt64>, bits: Int) {
            let mask = (1 << bits) - 1
            var slot = Int(hash >> UInt64(64 - bits))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(entry + 1) << 32 | (hash & 0xFFFF_FFFF)
        }

        /// The entries whose hash has the low 32 bits of `hash`, in probe order, until `found` says yes.
        /// A damaged cache file can neither make it loop (at most every slot once) nor read outside the
        /// list (entry numbers of `count` or more are passed over).
        @inline(__always)
        func first(hash: UInt64, count: Int, where found: (Int) -> Bool) -> Bool {
            let mask = (1 << bits) - 1
            var slot = Int(hash >> UInt64(64 - bits))
            for _ in 0...mask {
                let value = slots[slot]
                if value == 0 { return false }
                let entry = Int(value >> 32) - 1
                if value & 0xFFFF_FFFF == hash & 0xFFFF_FFFF, entry < count, found(entry) { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
    }

    private init(storage: UnsafeRawBufferPointer, layout: Layout, release: @escaping () -> Void) {
        self.storage = storage
        self.release = release
        count = Int(storage.load(fromByteOffset: 24, as: UInt32.self))
        maxTokens = Int(storage.load(fromByteOffset: 28, as: UInt32.self))
        let base = storage.baseAddress!
        offsets = base.advanced(by: layout.offsets).assumingMemoryBound(to: UInt32.self)
        bytes = base.advanced(by: layout.bytes).assumingMemoryBound(to: UInt8.self)
        firstByteBounds = base.advanced(by: layout.bounds).assumingMemoryBound(to: UInt32.self)
        entryFilter = BloomFilter(words: base.advanced(by: layout.entryFilter).assumingMemoryBound(to: UInt64.self),
                                  bits: Int(storage.load(fromByteOffset: 32, as: UInt32.self)))
        prefixFilter = BloomFilter(words: base.advanced(by: layout.prefixFilter).assumingMemoryBound(to: UInt64.self),
                                   bits: Int(storage.load(fromByteOffset: 36, as: UInt32.self)))
        index = HashIndex(slots: base.advanced(by: layout.index).assumingMemoryBound(to: UInt64.self),
                          bits: Int(storage.load(fromByteOffset: 40, as: UInt32.self)))
    }

    /// The range of entries that can equal or start with `key`.
    private func candidates(for key: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        guard let first = key.first else { return (0, count) }
        return (Int(firstByteBounds[Int(first)]), Int(firstByteBounds[Int(first) + 1]))
    }

    deinit { release() }

    /// Builds a list from keys (any order, duplicates allowed).
    convenience init(keys: [(key: [UInt8], tokens: Int)], sourceSize: UInt64 = 0, sourceTime: Int64 = 0) {
        let sorted = keys.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var unique: [[UInt8]] = []
        for entry in sorted where unique.last != entry.key { unique.append(entry.key) }
        // Proper token prefixes with their trailing space, the form in which phrase look-ups ask for them.
        var prefixes: [ArraySlice<UInt8>] = []
        for key in unique { for (index, byte) in key.enumerated() where byte == 0x20 { prefixes.append(key[...index]) } }
        let maxTokens = keys.map(\.tokens).max() ?? 0
        let entryBits = BloomFilter.log2Bits(for: unique.count), prefixBits = BloomFilter.log2Bits(for: prefixes.count)
        let indexBits = HashIndex.log2Slots(for: unique.count)
        let layout = Layout(count: unique.count, keyBytes: unique.reduce(0) { $0 + $1.count }, entryBits: entryBits,
                            prefixBits: prefixBits, indexBits: indexBits)
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: layout.size, alignment: 8)
        raw.initializeMemory(as: UInt8.self, repeating: 0)
        raw.storeBytes(of: 0x4C57_4B44, toByteOffset: 0, as: UInt32.self)  // "DKWL"
        raw.storeBytes(of: Self.formatVersion, toByteOffset: 4, as: UInt32.self)
        raw.storeBytes(of: sourceSize, toByteOffset: 8, as: UInt64.self)
        raw.storeBytes(of: sourceTime, toByteOffset: 16, as: Int64.self)
        raw.storeBytes(of: UInt32(unique.count), toByteOffset: 24, as: UInt32.self)
        raw.storeBytes(of: UInt32(maxTokens), toByteOffset: 28, as: UInt32.self)
        raw.storeBytes(of: UInt32(entryBits), toByteOffset: 32, as: UInt32.self)
        raw.storeBytes(of: UInt32(prefixBits), toByteOffset: 36, as: UInt32.self)
        raw.storeBytes(of: UInt32(indexBits), toByteOffset: 40, as: UInt32.self)
        var offset = 0
        var bound = 0  // the next first byte whose bound is not yet written
        for (index, key) in unique.enumerated() {
            raw.storeBytes(of: UInt32(offset), toByteOffset: layout.offsets + 4 * index, as: UInt32.self)
            for (position, byte) in key.enumerated() { raw[layout.bytes + offset + position] = byte }
            offset += key.count
            // Empty keys sort first and belong to no first byte.
            let first = key.first.map { Int($0) } ?? -1
            while bound <= first { raw.storeBytes(of: UInt32(index), toByteOffset: layout.bounds + 4 * bound, as: UInt32.self); bound += 1 }
        }
        while bound <= 256 { raw.storeBytes(of: UInt32(unique.count), toByteOffset: layout.bounds + 4 * bound, as: UInt32.self); bound += 1 }
        raw.storeBytes(of: UInt32(offset), toByteOffset: layout.offsets + 4 * unique.count, as: UInt32.self)
        let entryWords = (raw.baseAddress! + layout.entryFilter).assumingMemoryBound(to: UInt64.self)
        let indexSlots = (raw.baseAddress! + layout.index).assumingMemoryBound(to: UInt64.self)
        for (entry, key) in unique.enumerated() {
            let hash = BloomFilter.hash(key)
            BloomFilter.insert(hash, into: entryWords, bits: entryBits)
            HashIndex.insert(entry: entry, hash: hash, into: indexSlots, bits: indexBits)
        }
        let prefixWords = (raw.baseAddress! + layout.prefixFilter).assumingMemoryBound(to: UInt64.self)
        for prefix in prefixes { BloomFilter.insert(BloomFilter.hash(prefix), into: prefixWords, bits: prefixBits) }
        self.init(storage: UnsafeRawBufferPointer(raw), layout: layout, release: { raw.deallocate() })
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
        let count = Int(buffer.load(fromByteOffset: 24, as: UInt32.self))
        let entryBits = Int(buffer.load(fromByteOffset: 32, as: UInt32.self))
        let prefixBits = Int(buffer.load(fromByteOffset: 36, as: UInt32.self))
        let indexBits = Int(buffer.load(fromByteOffset: 40, as: UInt32.self))
        let valid = buffer.load(fromByteOffset: 0, as: UInt32.self) == 0x4C57_4B44
            && buffer.load(fromByteOffset: 4, as: UInt32.self) == formatVersion
            && buffer.load(fromByteOffset: 8, as: UInt64.self) == sourceSize
            && buffer.load(fromByteOffset: 16, as: Int64.self) == sourceTime
            && (9...40).contains(entryBits) && (9...40).contains(prefixBits) && indexBits == HashIndex.log2Slots(for: count)
            && headerSize + 4 * (count + 1) <= size
        guard valid, case let keyBytes = Int(buffer.load(fromByteOffset: headerSize + 4 * count, as: UInt32.self)),
              case let layout = Layout(count: count, keyBytes: keyBytes, entryBits: entryBits, prefixBits: prefixBits,
                                       indexBits: indexBits), layout.size == size
        else { munmap(address, size); return nil }
        return WordList(storage: buffer, layout: layout, release: { munmap(address, size) })
    }

    /// Writes the compiled form to `path` atomically with mode 0600; failures are ignored (the cache is optional).
    func write(to path: String) { FileBytes.writeAtomically(storage, to: path) }

    /// Whether the list holds `key` exactly.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { contains(key, hash: BloomFilter.hash(key)) }

    /// Whether the list holds `key`, whose `BloomFilter.hash` the caller computed once for several lists.
    func contains(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        guard entryFilter.mayContain(hash) else { return false }
        return index.first(hash: hash, count: count) { compare(entry: $0, key) == 0 }
    }

    /// Whether some entry starts with `prefix` (pass a phrase key plus a trailing space to ask whether a
    /// longer phrase may still match). Its tests also hold the prefix filter to having every token prefix.
    func hasEntry(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        // A prefix ending in a space is a token prefix: the prefix filter knows all of those.
        if prefix.last == 0x20 && !prefixFilter.mayContain(BloomFilter.hash(prefix)) { return false }
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

    /// Calls `body` with the key bytes of every entry, in key order (not for the hot path).
    func forEachEntry(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for index in 0..<count {
            let (start, length) = entry(index)
            body(UnsafeBufferPointer(start: bytes + start, count: length))
        }
    }

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

extension Array where Element == WordList {
    /// Whether one of the lists holds `key`, hashed once for all of them (a look-up asks several lists, and
    /// hashing the key per list cost as much as the look-ups).
    func anyContains(_ key: ArraySlice<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { key in
            let hash = BloomFilter.hash(key)
            return contains { $0.contains(key, hash: hash) }
        }
    }

    /// `anyContains(_:)` for a whole key.
    func anyContains(_ key: [UInt8]) -> Bool { anyContains(key[...]) }
}
