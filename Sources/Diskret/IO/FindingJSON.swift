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

    /// The `--report` document of a masking run: `{"findings": […]}`, with `text` when given.
    public static func report(_ findings: [Finding], text: String? = nil) -> [String: Any] {
        var object: [String: Any] = ["findings": findings.map(object)]
        if let text { object["text"] = text }
        return object
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
