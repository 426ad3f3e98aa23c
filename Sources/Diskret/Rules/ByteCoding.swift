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

    /// 32-bit integers in one block (automaton nodes, class tables).
    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
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
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func uint64() throws(Malformed) -> UInt64 {
        guard position + 8 <= bytes.count else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count or length: never negative, never more than the bytes left.
    mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - position else { throw Malformed() }
        return value
    }

    mutating func double() throws(Malformed) -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws(Malformed) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
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
        guard count >= 0, count <= (bytes.count - position) / 4 else { throw Malformed() }
        let start = position
        // Copied and checked in one pass over raw memory: the automata hold tens of thousands of values, read
        // at every start (a closure per value had cost twice as much).
        var inRange = true
        let result = bytes.withUnsafeBytes { raw in
            [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    let value = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: Int32.self))
                    inRange = inRange && valid.contains(value)
                    buffer.initializeElement(at: index, to: value)
                }
                initialized = count
            }
        }
        guard inRange else { throw Malformed() }
        position += 4 * count
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
