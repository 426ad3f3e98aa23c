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
    /// (sorted). Written by hand: JSONSerialization with sorted keys cost more than masking the note itself.
    public func outputLine(text masked: String, findings: [Finding], number: Int) throws(DiskretError) -> String {
        var out = "{"
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            Self.appendString(name, to: &out)
            out += ":"
        }
        do {
            if let id = fields["id"] {
                key("id")
                if let string = id as? String { Self.appendString(string, to: &out) } else { out += try Self.fragment(id) }
            }
            key("text")
            Self.appendString(masked, to: &out)
            key("findings")
            out += "["
            for (index, finding) in findings.enumerated() {
                if index > 0 { out += "," }
                out += "{\"start\":\(finding.start),\"end\":\(finding.end),\"category\":\"\(finding.category.rawValue)\",\"type\":"
                Self.appendString(finding.type, to: &out)
                out += ",\"rule\":"
                Self.appendString(finding.rule, to: &out)
                out += ",\"score\":\(finding.score),\"placeholder\":"
                if let replacement = finding.replacement { Self.appendString(replacement, to: &out) } else { out += "null" }
                out += "}"
            }
            out += "]"
            for name in fields.keys.sorted() where name != "id" && name != "text" && name != "findings" {
                key(name)
                out += try Self.fragment(fields[name]!)
            }
        } catch {
            throw DiskretError.invalidRecord(line: number, message: "cannot be written as JSON")
        }
        return out + "}"
    }

    /// Any JSON value (passed-through fields), through JSONSerialization.
    private static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal, escaping only what JSON requires.
    static func appendString(_ string: String, to out: inout String) {
        out += "\""
        let utf8 = string.utf8
        var plainStart = utf8.startIndex
        var index = utf8.startIndex
        func flush(_ upTo: String.Index) { if plainStart < upTo { out += string[plainStart..<upTo] } }
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                flush(index)
                switch byte {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default: out += String(format: "\\u%04x", byte)
                }
                index = utf8.index(after: index)
                plainStart = index
            } else {
                index = utf8.index(after: index)
            }
        }
        flush(index)
        out += "\""
    }
}
