import Foundation
import Testing
@testable import Diskret

/// The hand-written JSON of `filter --jsonl` output reads back as the same values.
@Suite struct JSONLinesRecordTests {
    /// Every control character, quotes, backslashes, slashes and non-ASCII text.
    static let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\"quoted\" back\\slash / slash Müller 🙂 e\u{301} \u{2028}\u{7F}"

    private func parse(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func outputReadsBackAsTheSameValues() throws {
        let input = try JSONSerialization.data(withJSONObject: ["id": Self.awkward, "text": "egal", "extra": ["a": 1, "b": [true, NSNull()]]] as [String: Any])
        let record = try JSONLinesRecord(line: input, number: 1, byteOffset: 0)
        let finding = Finding(start: 0, end: 4, category: .person, type: "person.\"name\"", rule: "rule\\1", score: 0.95,
                              replacement: "[Person \u{1}1]", subject: nil)
        let output = try parse(record.outputLine(text: Self.awkward, findings: [finding], number: 1))
        #expect(output["id"] as? String == Self.awkward)
        #expect(output["text"] as? String == Self.awkward)
        let findings = try #require(output["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["type"] as? String == "person.\"name\"")
        #expect(findings.first?["rule"] as? String == "rule\\1")
        #expect(findings.first?["placeholder"] as? String == "[Person \u{1}1]")
        #expect((findings.first?["score"] as? NSNumber)?.doubleValue == 0.95)
        let extra = try #require(output["extra"] as? [String: Any])
        #expect(extra["a"] as? Int == 1)
    }

    /// Strings are scanned eight bytes at a time: a character to escape at every offset of a word, after
    /// plain ASCII and after umlauts, still reads back the same.
    @Test func escapesAreFoundAtEveryOffset() throws {
        let record = try JSONLinesRecord(line: Data(#"{"text": "t"}"#.utf8), number: 1, byteOffset: 0)
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\"\\"] {
            for offset in 0..<20 {
                for filler in ["a", "ü"] {
                    let text = String(repeating: filler, count: offset) + special + String(repeating: "x", count: 20 - offset) + special
                    let output = try parse(record.outputLine(text: text, findings: [], number: 1))
                    #expect(output["text"] as? String == text)
                }
            }
        }
    }

    @Test func keysComeInTheDocumentedOrder() throws {
        let record = try JSONLinesRecord(line: Data(#"{"z": 1, "text": "t", "a": "x", "id": 7}"#.utf8), number: 1, byteOffset: 0)
        #expect(try record.outputLine(text: "T", findings: [], number: 1) == #"{"id":7,"text":"T","findings":[],"a":"x","z":1}"#)
    }

    /// Numbers are written by hand, as Swift describes them: every score a finding can carry, scores off the
    /// hundredths grid, and integers of every length and sign.
    @Test func numbersAreWrittenAsSwiftDescribesThem() {
        let hundredths: [Double] = (0...100).map { (Double($0) / 100 * 100).rounded() / 100 }
        let others: [Double] = [0.333, 1e-7, 2.5, 100, 0.1 + 0.2, -0.0, -0.5]
        for score in hundredths + others {
            var out: [UInt8] = []
            JSONLinesRecord.appendScore(score, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\(score)")
        }
        for value in [0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            var out: [UInt8] = [0x21]
            JSONLinesRecord.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "!\(value)")
        }
    }

    /// The hand-written reader of flat string objects reads what JSONSerialization reads, and declines (nil)
    /// what it cannot be sure of. Lines are generated from pieces that stress escapes, surrogates, spacing,
    /// repeated keys and other value types, seeded like the property tests.
    @Test func theFlatObjectReaderAgreesWithJSONSerialization() throws {
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        let pieces = ["a", "Müller", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e4", "\\u00E4", "\\ud83d\\ude00", "\\ud83d",
                      "\\ude00", "\\u0000", "\\x", "😀", " ", "\t"]
        var read = 0, declined = 0
        for _ in 0..<600 {
            func string() -> String { "\"" + (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\"" }
            let keys = ["\"text\"", "\"id\"", "\"x\"", "\"text\""]
            var members: [String] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let value = [string(), string(), "7", "[1]", "null", "{}"].randomElement(using: &random)!
                members.append(keys.randomElement(using: &random)! + [":", " : "].randomElement(using: &random)! + value)
            }
            let line = [" ", ""].randomElement(using: &random)! + "{" + members.joined(separator: ",") + "}" + ["", " ", "x"].randomElement(using: &random)!
            let data = Data(line.utf8)
            let flat = data.withUnsafeBytes { JSONLinesRecord.flatStringObject($0.bindMemory(to: UInt8.self)) }
            let reference = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            if let flat {
                read += 1
                #expect(flat as? [String: String] == reference as? [String: String], "\(line)")
                #expect(reference != nil, "\(line)")
            } else {
                declined += 1
            }
        }
        #expect(read > 100 && declined > 100)
    }
}

