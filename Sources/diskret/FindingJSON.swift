import Diskret
import Foundation

/// JSON forms of findings for reports and `--jsonl` output.
enum FindingJSON {
    static func object(_ finding: Finding) -> [String: Any] {
        var object: [String: Any] = [
            "start": finding.start, "end": finding.end, "category": finding.category.rawValue,
            "type": finding.type, "rule": finding.rule, "score": finding.score,
        ]
        object["placeholder"] = finding.replacement ?? NSNull()
        return object
    }

    static func serialize(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// One `--jsonl` output line: `id`, `text`, `findings`, then the input's other keys (sorted). Written by
    /// hand: JSONSerialization with sorted keys cost more than masking the note itself.
    static func outputLine(input: [String: Any], text: String, findings: [Finding]) throws -> String {
        var out = "{"
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            appendString(name, to: &out)
            out += ":"
        }
        if let id = input["id"] {
            key("id")
            if let string = id as? String { appendString(string, to: &out) } else { out += try fragment(id) }
        }
        key("text")
        appendString(text, to: &out)
        key("findings")
        out += "["
        for (index, finding) in findings.enumerated() {
            if index > 0 { out += "," }
            out += "{\"start\":\(finding.start),\"end\":\(finding.end),\"category\":\"\(finding.category.rawValue)\",\"type\":"
            appendString(finding.type, to: &out)
            out += ",\"rule\":"
            appendString(finding.rule, to: &out)
            out += ",\"score\":\(finding.score),\"placeholder\":"
            if let replacement = finding.replacement { appendString(replacement, to: &out) } else { out += "null" }
            out += "}"
        }
        out += "]"
        for name in input.keys.sorted() where name != "id" && name != "text" && name != "findings" {
            key(name)
            out += try fragment(input[name]!)
        }
        return out + "}"
    }

    /// Any JSON value (passed-through keys), through JSONSerialization.
    private static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal.
    static func appendString(_ string: String, to out: inout String) {
        out += "\""
        var plainStart = string.utf8.startIndex
        let utf8 = string.utf8
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
