import Foundation

/// One record of a JSON-lines corpus as `filter --jsonl` reads and writes it: a JSON object with a string
/// field `text`; its other fields pass through unchanged.
public struct JSONLinesRecord {
    /// All fields of the input object, `text` included.
    public let fields: [String: Any]
    /// The note to mask.
    public let text: String

    /// Parses one input line (without its newline). `number` is the 1-based line number and `byteOffset` the
    /// line's position in the input, both for errors, which never quote the line.
    public init(line: Data, number: Int, byteOffset: Int) throws(DiskretError) {
        _ = try StrictUTF8.decode(line, baseOffset: byteOffset)
        let flat = line.withUnsafeBytes { Self.flatStringObject($0.bindMemory(to: UInt8.self)) }
        guard let object = flat ?? (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw DiskretError.invalidRecord(line: number, message: "not a JSON object")
        }
        guard let text = object["text"] as? String else {
            throw DiskretError.invalidRecord(line: number, message: "missing string field 'text'")
        }
        fields = object
        self.text = text
    }

    /// The fields of `line` when it is an object whose values are all strings, the usual corpus line, read
    /// without JSONSerialization (which cost 2.5 % of a `--jsonl` run); nil for anything else — other values,
    /// a lone surrogate escape, a repeated key, malformed JSON — which JSONSerialization then reads or
    /// rejects. `line` must be valid UTF-8.
    static func flatStringObject(_ line: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        var index = 0
        func skipSpace() {
            while index < line.count, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0A || line[index] == 0x0D { index += 1 }
        }
        func byte(_ expected: UInt8) -> Bool {
            skipSpace()
            guard index < line.count, line[index] == expected else { return false }
            index += 1
            return true
        }
        func hexQuad() -> UInt32? {
            guard index + 4 <= line.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = Character(Unicode.Scalar(line[index + offset])).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
        func string() -> String? {
            guard byte(0x22) else { return nil }
            var bytes: [UInt8] = []
            while index < line.count {
                // Plain bytes up to the next quote, backslash or control character are copied as one run.
                let runStart = index
                while index < line.count && line[index] != 0x22 && line[index] != 0x5C && line[index] >= 0x20 { index += 1 }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[runStart..<index])) }
                guard index < line.count else { return nil }
                let next = line[index]
                index += 1
                switch next {
                case 0x22: return String(decoding: bytes, as: UTF8.self)
                case ..<0x20: return nil
                case 0x5C:
                    guard index < line.count else { return nil }
                    let escape = line[index]
                    index += 1
                    switch escape {
                    case 0x22, 0x5C, 0x2F: bytes.append(escape)
                    case 0x62: bytes.append(0x08)
                    case 0x66: bytes.append(0x0C)
                    case 0x6E: bytes.append(0x0A)
                    case 0x72: bytes.append(0x0D)
                    case 0x74: bytes.append(0x09)
                    case 0x75:
                        guard var scalar = hexQuad(), !(0xDC00...0xDFFF).contains(scalar) else { return nil }
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 2 <= line.count, line[index] == 0x5C, line[index + 1] == 0x75 else { return nil }
                            index += 2
                            guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return nil }
                            scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                        }
                        bytes.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                    default: return nil
                    }
                default: bytes.append(next)
                }
            }
            return nil
        }
        guard byte(0x7B) else { return nil }
        var fields: [String: Any] = [:]
        skipSpace()
        if index < line.count, line[index] == 0x7D {
            index += 1
        } else {
            repeat {
                guard let key = string(), byte(0x3A), let value = string(), fields.updateValue(value, forKey: key) == nil else { return nil }
            } while byte(0x2C)
            guard byte(0x7D) else { return nil }
        }
        skipSpace()
        return index == line.count ? fields : nil
    }

    /// The output line (without newline): `id`, the masked `text`, `findings`, then the input's other fields
    /// (sorted).
    public func outputLine(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> String {
        String(decoding: try outputBytes(text: masked, findings: findings, number: number), as: UTF8.self)
    }

    /// `outputLine` as UTF-8 bytes, for writers that need no `String`. Written by hand: JSONSerialization
    /// with sorted keys cost more than masking the note itself, and string interpolation per finding (a
    /// `Double`'s description among it) 4 % of a `--jsonl` run.
    public func outputBytes(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(masked.utf8.count + 160 * findings.count + 64)
        // Helpers take `out` as an argument: nested functions capturing it had boxed it, with an exclusivity
        // check at each of the dozen appends per finding.
        out.append(0x7B)
        do {
            if let id = fields["id"] {
                Self.appendRaw("\"id\":", to: &out)
                if let string = id as? String { Self.appendString(string, to: &out) } else { out.append(contentsOf: try Self.fragment(id).utf8) }
                out.append(0x2C)
            }
            Self.appendRaw("\"text\":", to: &out)
            Self.appendString(masked, to: &out)
            Self.appendRaw(",\"findings\":[", to: &out)
            for (index, finding) in findings.enumerated() {
                if index > 0 { out.append(0x2C) }
                Self.appendRaw("{\"start\":", to: &out)
                Self.appendInteger(finding.start, to: &out)
                Self.appendRaw(",\"end\":", to: &out)
                Self.appendInteger(finding.end, to: &out)
                Self.appendRaw(",\"category\":", to: &out)
                Self.appendString(finding.category.rawValue, to: &out)
                Self.appendRaw(",\"type\":", to: &out)
                Self.appendString(finding.type, to: &out)
                Self.appendRaw(",\"rule\":", to: &out)
                Self.appendString(finding.rule, to: &out)
                Self.appendRaw(",\"score\":", to: &out)
                Self.appendScore(finding.score, to: &out)
                Self.appendRaw(",\"placeholder\":", to: &out)
                if let replacement = finding.replacement { Self.appendString(replacement, to: &out) } else { Self.appendRaw("null", to: &out) }
                out.append(0x7D)
            }
            out.append(0x5D)
            for name in fields.keys.sorted() where name != "id" && name != "text" && name != "findings" {
                out.append(0x2C)
                Self.appendString(name, to: &out)
                out.append(0x3A)
                out.append(contentsOf: try Self.fragment(fields[name]!).utf8)
            }
        } catch {
            throw DiskretError.invalidRecord(line: number, message: "cannot be written as JSON")
        }
        out.append(0x7D)
        return out
    }

    /// Appends the bytes of a literal.
    @inline(__always)
    private static func appendRaw(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        // The digits from the last, into room for the most an Int has (20), then appended in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The descriptions of the scores findings carry (hundredths from 0 to 1), made once.
    private static let scoreTexts: [[UInt8]] = (0...100).map { Array("\(Double($0) / 100)".utf8) }

    /// Appends `score` as Swift describes a `Double` ("0.85", "1.0"): from `scoreTexts` when it is one of
    /// those hundredths, which findings' scores are, otherwise described anew.
    static func appendScore(_ score: Double, to out: inout [UInt8]) {
        let hundredths = (score * 100).rounded()
        if score.sign == .plus, hundredths <= 100, Double(Int(hundredths)) / 100 == score {
            out.append(contentsOf: scoreTexts[Int(hundredths)])
        } else {
            out.append(contentsOf: "\(score)".utf8)
        }
    }

    /// Any JSON value (passed-through fields), through JSONSerialization.
    private static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether one of the eight bytes of `word` may be a quote, a backslash or a control character (exact
    /// when none is; a byte after one that is may be reported too, and is then looked at alone).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ 0x2222_2222_2222_2222) || hasZeroByte(word ^ 0x5C5C_5C5C_5C5C_5C5C)
    }

    /// Appends `string` as a JSON string literal, escaping only what JSON requires.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
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
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<(index - 1)]))
                plainStart = index
                switch byte {
                case 0x22, 0x5C: out.append(0x5C); out.append(byte)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default: out.append(contentsOf: String(format: "\\u%04x", byte).utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        }
        out.append(0x22)
    }
}
