/// A strict reader of one JSON object (RFC 8259) that keeps where each top-level member's key and value lie
/// in the line instead of turning them into Foundation values.
///
/// `filter --jsonl` passes the members it does not mask through unchanged. Going through JSONSerialization
/// rewrote them (1.10 → 1.1, 0.1e-400 → 0, nested keys sorted), accepted a trailing comma, and kept the last of
/// two `"text"` keys — which could leave the first, unmasked, text as the one a reader of the input sees. This
/// reader validates the whole line, refuses trailing commas and duplicate keys (at every depth) and hands back
/// byte ranges, so that values are copied exactly as written, in the order written.
package enum JSONObjectReader {
    /// One member of the top-level object.
    package struct Member {
        /// The decoded key.
        package var key: String
        /// The key as written, quotes included.
        package var rawKey: Range<Int>
        /// The value as written.
        package var rawValue: Range<Int>
        /// Whether the value is a string (whose contents `string(at:in:)` decodes).
        package var isString: Bool
    }

    /// Why a line is not a JSON object this reader accepts; no case carries text from the line.
    package enum Failure: Error, Equatable {
        /// Not JSON, or not an object, or text after it; `offset` is the byte where reading stopped.
        case syntax(offset: Int)
        /// A comma before a closing bracket or brace.
        case trailingComma(offset: Int)
        /// A key that appears twice in one object.
        case duplicateKey(offset: Int)
        /// Arrays and objects nested deeper than `maximumDepth`.
        case tooDeep
        /// A key or string escape that is half of a surrogate pair.
        case loneSurrogate(offset: Int)

        /// A message for an error line, with the offset within the record's line.
        package var message: String {
            switch self {
            case let .syntax(offset): return "not a JSON object (byte \(offset) of the line)"
            case let .trailingComma(offset): return "a trailing comma (byte \(offset) of the line)"
            case let .duplicateKey(offset): return "a key appears twice in one object (byte \(offset) of the line)"
            case .tooDeep: return "nested deeper than \(JSONObjectReader.maximumDepth) levels"
            case let .loneSurrogate(offset): return "a string escape is half a surrogate pair (byte \(offset) of the line)"
            }
        }
    }

    /// Deeper nesting is refused: the reader recurses per level, and no corpus line nests this deep.
    package static let maximumDepth = 256

    /// The members of the object that is the whole of `line` (valid UTF-8), in the order written.
    package static func members(of line: UnsafeBufferPointer<UInt8>) throws(Failure) -> [Member] {
        var reader = Cursor(line: line)
        reader.skipSpace()
        guard reader.peek == 0x7B else { throw .syntax(offset: reader.index) }
        var members: [Member] = []
        try reader.object(depth: 1) { (key, rawKey, rawValue, isString) in
            members.append(Member(key: key, rawKey: rawKey, rawValue: rawValue, isString: isString))
        }
        reader.skipSpace()
        guard reader.index == line.count else { throw .syntax(offset: reader.index) }
        return members
    }

    /// The decoded contents of the string literal at `range` (quotes included) of an accepted line.
    package static func string(at range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        var reader = Cursor(line: line)
        reader.index = range.lowerBound
        return String(decoding: try reader.string(decode: true), as: UTF8.self)
    }
}

/// The reading position and the grammar, one function per production.
private struct Cursor {
    let line: UnsafeBufferPointer<UInt8>
    var index = 0

    init(line: UnsafeBufferPointer<UInt8>) { self.line = line }

    var peek: UInt8? { index < line.count ? line[index] : nil }

    mutating func skipSpace() {
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0A || line[index] == 0x0D { index += 1 }
    }

    mutating func expect(_ byte: UInt8) throws(JSONObjectReader.Failure) {
        skipSpace()
        guard peek == byte else { throw .syntax(offset: index) }
        index += 1
    }

    /// An object at `index`; `member` is called for each member with its decoded key and ranges.
    mutating func object(depth: Int, _ member: (String, Range<Int>, Range<Int>, Bool) -> Void) throws(JSONObjectReader.Failure) {
        guard depth <= JSONObjectReader.maximumDepth else { throw .tooDeep }
        try expect(0x7B)
        skipSpace()
        if peek == 0x7D { index += 1; return }
        var keys = Set<[UInt8]>()
        while true {
            skipSpace()
            if peek == 0x7D { throw .trailingComma(offset: index) }
            let keyStart = index
            guard peek == 0x22 else { throw .syntax(offset: index) }
            let key = try string(decode: true)
            guard keys.insert(key).inserted else { throw .duplicateKey(offset: keyStart) }
            let rawKey = keyStart..<index
            try expect(0x3A)
            skipSpace()
            let valueStart = index
            let isString = peek == 0x22
            try value(depth: depth)
            member(String(decoding: key, as: UTF8.self), rawKey, valueStart..<index, isString)
            skipSpace()
            guard let next = peek else { throw .syntax(offset: index) }
            index += 1
            if next == 0x7D { return }
            guard next == 0x2C else { throw .syntax(offset: index - 1) }
        }
    }

    mutating func array(depth: Int) throws(JSONObjectReader.Failure) {
        guard depth <= JSONObjectReader.maximumDepth else { throw .tooDeep }
        try expect(0x5B)
        skipSpace()
        if peek == 0x5D { index += 1; return }
        while true {
            skipSpace()
            if peek == 0x5D { throw .trailingComma(offset: index) }
            try value(depth: depth)
            skipSpace()
            guard let next = peek else { throw .syntax(offset: index) }
            index += 1
            if next == 0x5D { return }
            guard next == 0x2C else { throw .syntax(offset: index - 1) }
        }
    }

    mutating func value(depth: Int) throws(JSONObjectReader.Failure) {
        skipSpace()
        switch peek {
        case 0x7B: try object(depth: depth + 1) { _, _, _, _ in }
        case 0x5B: try array(depth: depth + 1)
        case 0x22: _ = try string(decode: false)
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case let byte? where byte == 0x2D || (0x30...0x39).contains(byte): try number()
        default: throw .syntax(offset: index)
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONObjectReader.Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= line.count else { throw .syntax(offset: index) }
        for offset in 0..<count where line[index + offset] != word.utf8Start[offset] { throw .syntax(offset: index + offset) }
        index += count
    }

    /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    mutating func number() throws(JSONObjectReader.Failure) {
        if peek == 0x2D { index += 1 }
        guard let first = peek, (0x30...0x39).contains(first) else { throw .syntax(offset: index) }
        index += 1
        if first != 0x30 { digits() }
        if peek == 0x2E {
            index += 1
            guard digits() > 0 else { throw .syntax(offset: index) }
        }
        if peek == 0x65 || peek == 0x45 {
            index += 1
            if peek == 0x2B || peek == 0x2D { index += 1 }
            guard digits() > 0 else { throw .syntax(offset: index) }
        }
    }

    @discardableResult
    mutating func digits() -> Int {
        let start = index
        while let byte = peek, (0x30...0x39).contains(byte) { index += 1 }
        return index - start
    }

    /// A string literal at `index`; its decoded UTF-8 when `decode` (keys and the note), else nothing (values
    /// passed through, which are only checked).
    mutating func string(decode: Bool) throws(JSONObjectReader.Failure) -> [UInt8] {
        guard peek == 0x22 else { throw .syntax(offset: index) }
        index += 1
        var bytes: [UInt8] = []
        while true {
            // Plain bytes up to the next quote, backslash or control character, copied as one run.
            let runStart = index
            // Eight bytes at a time while none ends the run: a note's text is most of its line.
            if let base = line.baseAddress {
                while index + 8 <= line.count,
                      !JSONLinesRecord.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { index += 8 }
            }
            while index < line.count, line[index] != 0x22, line[index] != 0x5C, line[index] >= 0x20 { index += 1 }
            if decode && index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[runStart..<index])) }
            guard index < line.count else { throw .syntax(offset: index) }
            let next = line[index]
            if next == 0x22 { index += 1; return bytes }
            guard next == 0x5C else { throw .syntax(offset: index) }  // a control character
            let escapeStart = index
            index += 1
            guard let escape = peek else { throw .syntax(offset: index) }
            index += 1
            let plain: UInt8?
            switch escape {
            case 0x22, 0x5C, 0x2F: plain = escape
            case 0x62: plain = 0x08
            case 0x66: plain = 0x0C
            case 0x6E: plain = 0x0A
            case 0x72: plain = 0x0D
            case 0x74: plain = 0x09
            case 0x75: plain = nil
            default: throw .syntax(offset: escapeStart)
            }
            if let plain { if decode { bytes.append(plain) }; continue }
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar), index + 6 <= line.count, line[index] == 0x5C, line[index + 1] == 0x75 {
                let save = index
                index += 2
                let low = try hexQuad()
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                } else {
                    index = save
                }
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                // Half a pair is valid JSON syntax but no text: refused where the text is needed.
                if decode { throw .loneSurrogate(offset: escapeStart) }
                continue
            }
            if decode { bytes.append(contentsOf: UTF8.encode(unicode)!) }
        }
    }

    mutating func hexQuad() throws(JSONObjectReader.Failure) -> UInt32 {
        guard index + 4 <= line.count else { throw .syntax(offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = line[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw .syntax(offset: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
