/// Appends values to a byte buffer in a fixed little-endian layout, for the compiled-pack cache.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func double(_ value: Double) { uint64(value.bitPattern) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func data(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }

    /// 32-bit integers in one block (automaton nodes, class tables, prefilter states).
    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        #if _endian(little)
        // One copy of the block: the prefilter states hold hundreds of thousands of values.
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// 64-bit integers in one block (the prefilter states' rule masks).
    mutating func uint64s(_ values: [UInt64]) {
        int(values.count)
        for value in values { uint64(value) }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Strings with the rule-file line each came from.
    mutating func lines(_ values: [(value: String, line: Int)]) {
        int(values.count)
        for (value, line) in values { string(value); int(line) }
    }
}

/// Reads what `ByteWriter` wrote; any inconsistency throws, and the caller then treats the cache as missing.
struct ByteReader {
    /// A cache file that is truncated, damaged or of another layout.
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position: Int
    /// Where the bytes to read end in `bytes`.
    private let end: Int

    init(_ bytes: [UInt8]) { self.init(bytes, range: 0..<bytes.count) }

    /// A reader of `range` of `bytes`, which shares the array: the pack cache's sections are read without
    /// copying them out of the file's bytes first.
    init(_ bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { position == end }

    mutating func uint64() throws(Malformed) -> UInt64 {
        guard position + 8 <= end else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count or length: never negative, never more than the bytes left.
    mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= end - position else { throw Malformed() }
        return value
    }

    mutating func double() throws(Malformed) -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws(Malformed) -> Bool {
        guard position < end, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func data() throws(Malformed) -> [UInt8] {
        let length = try count()
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    /// What `ByteWriter.int32s` wrote, each value checked to lie in `valid`.
    mutating func int32s(in valid: ClosedRange<Int32>) throws(Malformed) -> [Int32] {
        let count = try int()
        guard count >= 0, count <= (end - position) / 4 else { throw Malformed() }
        let start = position
        // Copied and checked by their least and greatest value in one loop without branches, which the
        // compiler can vectorise: the automata and their states hold hundreds of thousands of values, read at
        // every start (a closure per value had cost twice as much as a plain loop, and a range test per value
        // more than this; a memcpy of the block counts a step per byte under valgrind).
        var least = Int32.max, greatest = Int32.min
        let result = bytes.withUnsafeBytes { raw in
            [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                let source = raw.baseAddress! + start
                for index in 0..<count {
                    let value = Int32(littleEndian: source.loadUnaligned(fromByteOffset: 4 * index, as: Int32.self))
                    least = min(least, value)
                    greatest = max(greatest, value)
                    buffer[index] = value
                }
                initialized = count
            }
        }
        guard count == 0 || (valid.contains(least) && valid.contains(greatest)) else { throw Malformed() }
        position += 4 * count
        return result
    }

    /// What `ByteWriter.uint64s` wrote.
    mutating func uint64s() throws(Malformed) -> [UInt64] {
        let count = try int()
        guard count >= 0, count <= (end - position) / 8 else { throw Malformed() }
        let start = position
        let result = bytes.withUnsafeBytes { raw in
            [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer.initializeElement(at: index, to: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * index, as: UInt64.self)))
                }
                initialized = count
            }
        }
        position += 8 * count
        return result
    }

    mutating func string() throws(Malformed) -> String {
        guard let value = String(validating: try data(), as: UTF8.self) else { throw Malformed() }
        return value
    }

    mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

    mutating func lines() throws(Malformed) -> [(value: String, line: Int)] {
        var result: [(value: String, line: Int)] = []
        for _ in 0..<(try count()) { result.append((try string(), try int())) }
        return result
    }
}
