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
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw DiskretError.invalidRecord(line: number, message: "not a JSON object")
        }
        guard let text = object["text"] as? String else {
            throw DiskretError.invalidRecord(line: number, message: "missing string field 'text'")
        }
        fields = object
        self.text = text
    }

    /// The output line (without newline): `id`, the masked `text`, `findings`, then the input's other fields
    /// (sorted). Written by hand, as bytes: JSONSerialization with sorted keys cost more than masking the note
    /// itself, and appending to a `String` piece by piece a few per cent of the filter.
    public func outputLine(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(masked.utf8.count + 160 * findings.count + 64)
        var first = true
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func key(_ name: String) {
            if !first { out.append(0x2C) }
            first = false
            Self.appendString(name, to: &out)
            out.append(0x3A)
        }
        out.append(0x7B)
        do {
            if let id = fields["id"] {
                key("id")
                if let string = id as? String { Self.appendString(string, to: &out) } else { raw(try Self.fragment(id)) }
            }
            key("text")
            Self.appendString(masked, to: &out)
            key("findings")
            out.append(0x5B)
            for (index, finding) in findings.enumerated() {
                if index > 0 { out.append(0x2C) }
                raw("{\"start\":\(finding.start),\"end\":\(finding.end),\"category\":\"\(finding.category.rawValue)\",\"type\":")
                Self.appendString(finding.type, to: &out)
                raw(",\"rule\":")
                Self.appendString(finding.rule, to: &out)
                raw(",\"score\":\(finding.score),\"placeholder\":")
                if let replacement = finding.replacement { Self.appendString(replacement, to: &out) } else { raw("null") }
                out.append(0x7D)
            }
            out.append(0x5D)
            for name in fields.keys.sorted() where name != "id" && name != "text" && name != "findings" {
                key(name)
                raw(try Self.fragment(fields[name]!))
            }
        } catch {
            throw DiskretError.invalidRecord(line: number, message: "cannot be written as JSON")
        }
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    /// Any JSON value (passed-through fields), through JSONSerialization.
    private static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal, escaping only what JSON requires.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            var plainStart = 0
            for (index, byte) in bytes.enumerated() where byte == 0x22 || byte == 0x5C || byte < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                plainStart = index + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default: out.append(contentsOf: String(format: "\\u%04x", byte).utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        }
        out.append(0x22)
    }
}
