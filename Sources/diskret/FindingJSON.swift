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
}
