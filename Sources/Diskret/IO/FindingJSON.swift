import Foundation

/// JSON forms of findings for reports, `--jsonl` output and the HTTP service, so that every front end
/// writes the same shape.
public enum FindingJSON {
    /// A finding as a JSON object: offsets in Unicode scalars, category, type, rule, score and placeholder.
    public static func object(_ finding: Finding) -> [String: Any] {
        var object: [String: Any] = [
            "start": finding.start, "end": finding.end, "category": finding.category.rawValue,
            "type": finding.type, "rule": finding.rule, "score": finding.score,
        ]
        object["placeholder"] = finding.replacement ?? NSNull()
        return object
    }

    /// The `--report` document of a masking run: `{"findings": […]}`.
    public static func report(_ findings: [Finding]) -> [String: Any] { ["findings": findings.map(object)] }

    /// `{"text": …, "findings": […]}` written directly: Foundation's serialiser took three times as long as
    /// masking a 2 KB note, and the service answers this for every note.
    public static func reportBytes(text: String, findings: [Finding]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 160 * findings.count + 32)
        JSONLinesRecord.appendRaw("{\"text\":", to: &out)
        JSONLinesRecord.appendString(text, to: &out)
        JSONLinesRecord.appendRaw(",\"findings\":", to: &out)
        JSONLinesRecord.appendFindings(findings, to: &out)
        out.append(0x7D)
        return out
    }

    /// Compact JSON with sorted keys and unescaped slashes.
    public static func serialize(_ value: Any) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    /// `serialize` as bytes.
    public static func data(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
