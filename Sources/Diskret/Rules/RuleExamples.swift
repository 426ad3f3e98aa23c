/// Runs the examples every rule carries (the SwiftLint pattern): each example is a text with the expected
/// findings marked `[[like this]]`; the engine with the whole pack must find exactly the marked spans, no more
/// and no fewer, and a rule with marked examples must itself find at least one of them.
package struct RuleExamples {
    /// A failed example, located at its line in the rule file.
    package struct Failure: Sendable, CustomStringConvertible {
        package let file: String
        package let line: Int
        package let rule: String
        package let message: String
        package var description: String { "\(file):\(line): rule \(rule): \(message)" }
    }

    /// A prefix with umlauts, an emoji (outside the BMP) and a combining mark, to catch offset bugs; it ends a
    /// line so that the example still starts a sentence.
    package static let offsetProbe = "Ärger über Öl 🙂 e\u{301}.\n"

    let engine: Engine

    package init(engine: Engine) { self.engine = engine }

    /// Checks all examples of all rules; with `prefix`, each example is also run behind it.
    package func verify(prefix: String = "") throws(DiskretError) -> [Failure] {
        let session = try engine.makeSession()
        var failures: [Failure] = []
        for rule in engine.rules.definitions {
            var foundByOwnRule = rule.kind == .allow || !rule.examples.contains { $0.value.contains("[[") }
            for (example, line) in rule.examples {
                func fail(_ message: String) { failures.append(Failure(file: rule.file, line: line, rule: rule.id, message: message)) }
                guard let (text, expected) = Self.parse(example) else { fail("unbalanced [[ ]] marks in example"); continue }
                let shift = prefix.unicodeScalars.count
                let found = try session.anonymize(prefix + text).findings.filter { $0.start >= shift }
                let actual = found.map { ($0.start - shift)..<($0.end - shift) }
                let scalars = Array(text.unicodeScalars)
                func show(_ range: Range<Int>) -> String {
                    guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return "\(range)" }
                    return "'" + String(String.UnicodeScalarView(scalars[range])) + "'"
                }
                for range in expected where !actual.contains(range) {
                    let near = found.first { ($0.start - shift)..<($0.end - shift) ~= range.lowerBound || range ~= $0.start - shift }
                    fail("expected \(show(range)) to be found" + (near.map { ", found \(show(($0.start - shift)..<($0.end - shift))) by \($0.rule)" } ?? ""))
                }
                for finding in found where !expected.contains((finding.start - shift)..<(finding.end - shift)) {
                    fail("unexpected finding \(show((finding.start - shift)..<(finding.end - shift))) by \(finding.rule)")
                }
                if !expected.isEmpty && rule.kind != .allow && !foundByOwnRule {
                    foundByOwnRule = try session.candidates(in: prefix + text).contains { $0.rule == rule.id }
                }
            }
            if !foundByOwnRule {
                failures.append(Failure(file: rule.file, line: rule.line, rule: rule.id, message: "no example is found by the rule itself"))
            }
        }
        return failures
    }

    /// Removes the marks; returns the plain text and the marked ranges in Unicode scalars.
    package static func parse(_ example: String) -> (String, [Range<Int>])? {
        var text = String.UnicodeScalarView()
        var ranges: [Range<Int>] = []
        var open: Int?
        let scalars = Array(example.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count && scalars[index] == "[" && scalars[index + 1] == "[" {
                guard open == nil else { return nil }
                open = text.count; index += 2; continue
            }
            if index + 1 < scalars.count && scalars[index] == "]" && scalars[index + 1] == "]", let start = open {
                ranges.append(start..<text.count); open = nil; index += 2; continue
            }
            text.append(scalars[index]); index += 1
        }
        return open == nil ? (String(text), ranges) : nil
    }
}
