import Foundation

/// One record of a JSON-lines corpus as `filter --jsonl` reads and writes it: a JSON object with a string
/// field `text`; its other fields pass through byte for byte, in the order written.
package struct JSONLinesRecord {
    /// The input line, whose bytes the passed-through fields are copied from.
    private let line: Data
    /// The top-level members, in input order.
    private let members: [JSONObjectReader.Member]
    /// The note to mask.
    package let text: String

    /// The top-level keys of the input object, in the order written (`text` included).
    package var keys: [String] { members.map(\.key) }

    /// Parses one input line (without its newline). `number` is the 1-based line number and `byteOffset` the
    /// line's position in the input, both for errors, which never quote the line. Refused (as an invalid
    /// record): anything but one JSON object, trailing commas, a key twice in one object, and a missing or
    /// non-string `text`.
    package init(line: Data, number: Int, byteOffset: Int) throws(DiskretError) {
        _ = try StrictUTF8.decode(line, baseOffset: byteOffset)
        let parsed = line.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<([JSONObjectReader.Member], String?), JSONObjectReader.Failure> in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(JSONObjectReader.Failure) {
                let members = try JSONObjectReader.members(of: bytes)
                guard let text = members.first(where: { $0.key == "text" }), text.isString else { return .success((members, nil)) }
                return .success((members, try JSONObjectReader.string(at: text.rawValue, in: bytes)))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case let .failure(failure):
            throw DiskretError.invalidRecord(line: number, message: failure.message)
        case let .success((members, text)):
            guard let text else { throw DiskretError.invalidRecord(line: number, message: "missing string field 'text'") }
            self.line = line
            self.members = members
            self.text = text
        }
    }

    /// The output line (without newline): `id`, the masked `text`, `findings`, then the input's other fields
    /// as written, in input order (an input `findings` is replaced).
    package func outputLine(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> String {
        String(decoding: try outputBytes(text: masked, findings: findings, number: number), as: UTF8.self)
    }

    /// `outputLine` as UTF-8 bytes, for writers that need no `String`, with room for one byte more (the
    /// newline). Written by hand: JSONSerialization with sorted keys cost more than masking the note itself,
    /// string interpolation per finding (a `Double`'s description among it) 4 % of a `--jsonl` run, and
    /// `Array.append(contentsOf:)` some 90 instructions for each of the dozen pieces of a finding.
    package func outputBytes(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> [UInt8] {
        var out = JSONByteWriter(capacity: masked.utf8.count + 160 * findings.count + 64)
        out.append(0x7B)
        line.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let id = members.first(where: { $0.key == "id" }) {
                out.append("\"id\":")
                out.append(UnsafeBufferPointer(rebasing: bytes[id.rawValue]))
                out.append(0x2C)
            }
            out.append("\"text\":")
            Self.writeString(masked, to: &out)
            out.append(",\"findings\":")
            Self.writeFindings(findings, to: &out)
            // Other members as written: key and value bytes copied, in input order.
            for member in members where member.key != "id" && member.key != "text" && member.key != "findings" {
                out.append(0x2C)
                out.append(UnsafeBufferPointer(rebasing: bytes[member.rawKey]))
                out.append(0x3A)
                out.append(UnsafeBufferPointer(rebasing: bytes[member.rawValue]))
            }
        }
        out.append(0x7D)
        return out.bytes(room: 1)
    }

    /// Appends `findings` as a JSON array in the shape of `FindingJSON.object`, keys in the order written there.
    static func appendFindings(_ findings: [Finding], to out: inout [UInt8]) {
        var writer = JSONByteWriter(capacity: 160 * findings.count + 2)
        writeFindings(findings, to: &writer)
        writer.appendTo(&out)
    }

    /// `appendFindings` into a writer.
    static func writeFindings(_ findings: [Finding], to out: inout JSONByteWriter) {
        out.append(0x5B)
        for index in findings.indices {
            if index > 0 { out.append(0x2C) }
            out.append("{\"start\":")
            writeInteger(findings[index].start, to: &out)
            out.append(",\"end\":")
            writeInteger(findings[index].end, to: &out)
            out.append(",\"category\":")
            writeString(findings[index].category.rawValue, to: &out)
            out.append(",\"type\":")
            writeString(findings[index].type, to: &out)
            out.append(",\"rule\":")
            writeString(findings[index].rule, to: &out)
            out.append(",\"score\":")
            writeScore(findings[index].score, to: &out)
            out.append(",\"placeholder\":")
            if let replacement = findings[index].replacement { writeString(replacement, to: &out) } else { out.append("null") }
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    /// `appendInteger` into a writer.
    static func writeInteger(_ value: Int, to out: inout JSONByteWriter) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// `appendScore` into a writer.
    static func writeScore(_ score: Double, to out: inout JSONByteWriter) {
        let hundredths = (score * 100).rounded()
        if score.sign == .plus, hundredths <= 100, Double(Int(hundredths)) / 100 == score {
            scoreTexts[Int(hundredths)].withUnsafeBufferPointer { out.append($0) }
        } else {
            var text = "\(score)"
            text.withUTF8 { out.append($0) }
        }
    }

    /// `appendString` into a writer: a short string (a rule id, a type) is read in place where it is stored.
    static func writeString(_ string: String, to out: inout JSONByteWriter) {
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { writeEscaped($0, to: &out) }
        if written == nil {
            var string = string
            string.withUTF8 { writeEscaped($0, to: &out) }
        }
    }

    /// UTF-8 `bytes` as a JSON string literal, escaping only what JSON requires.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout JSONByteWriter) {
        out.append(0x22)
        guard let base = bytes.baseAddress else { out.append(0x22); return }
        var plainStart = 0, index = 0
        while index < bytes.count {
            // Eight bytes at a time while none needs escaping: the note text is most of every line.
            while index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = base[index]
            index += 1
            guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
            out.append(UnsafeBufferPointer(start: base + plainStart, count: index - 1 - plainStart))
            plainStart = index
            switch byte {
            case 0x22, 0x5C: out.append(0x5C); out.append(byte)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            default:
                // "\u00XX" in lower-case hex, as `String(format: "\\u%04x")` wrote it.
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append("\\u00")
                out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)])
            }
        }
        out.append(UnsafeBufferPointer(start: base + plainStart, count: bytes.count - plainStart))
        out.append(0x22)
    }

    /// Appends the bytes of a literal.
    @inline(__always)
    static func appendRaw(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal (`writeInteger` for callers that build an array).
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        var writer = JSONByteWriter(capacity: 20)
        writeInteger(value, to: &writer)
        writer.appendTo(&out)
    }

    /// The descriptions of the scores findings carry (hundredths from 0 to 1), made once.
    private static let scoreTexts: [[UInt8]] = (0...100).map { Array("\(Double($0) / 100)".utf8) }

    /// Appends `score` as Swift describes a `Double` ("0.85", "1.0"): from `scoreTexts` when it is one of
    /// those hundredths, which findings' scores are, otherwise described anew.
    static func appendScore(_ score: Double, to out: inout [UInt8]) {
        var writer = JSONByteWriter(capacity: 24)
        writeScore(score, to: &writer)
        writer.appendTo(&out)
    }

    /// Whether one of the eight bytes of `word` may be a quote, a backslash or a control character (exact
    /// when none is; a byte after one that is may be reported too, and is then looked at alone).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ 0x2222_2222_2222_2222) || hasZeroByte(word ^ 0x5C5C_5C5C_5C5C_5C5C)
    }

    /// Appends `string` as a JSON string literal, escaping only what JSON requires: the escaping `writeString`
    /// does, for callers that build an array (a finding's text, an error line).
    package static func appendString(_ string: String, to out: inout [UInt8]) {
        var writer = JSONByteWriter(capacity: string.utf8.count + 2)
        writeString(string, to: &writer)
        writer.appendTo(&out)
    }
}

/// The bytes of one output line, written through a pointer into memory the writer owns and grows.
struct JSONByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        if count + length > capacity { grow(to: count + length) }
        (base + count).initialize(from: text.utf8Start, count: length)
        count += length
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = larger
    }

    /// The bytes written, as an array with capacity for `room` bytes more.
    func bytes(room: Int = 0) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count + room) { buffer, initialized in
            buffer.baseAddress!.initialize(from: base, count: count)
            initialized = count
        }
    }

    /// Appends the bytes written to `array`.
    func appendTo(_ array: inout [UInt8]) {
        array.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }
}
