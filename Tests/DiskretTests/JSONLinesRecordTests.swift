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
        #expect(try record.outputLine(text: "T", findings: [], number: 1) == #"{"id":7,"text":"T","findings":[],"z":1,"a":"x"}"#)
    }

    /// Other members are copied as written: numbers, escapes, nested key order and inner spacing unchanged.
    @Test func otherMembersPassThroughByteForByte() throws {
        let line = #"{"id":"\u00e4/1","n":1.10,"m":1.0,"tiny":0.1e-400,"big":1e400,"nested":{"z":[1,2 , {"b":0,"a":-0}],"a":"\/x"},"text":"Frau Kowalczyk","e":"\ud800"}"#
        let record = try JSONLinesRecord(line: Data(line.utf8), number: 1, byteOffset: 0)
        #expect(record.keys == ["id", "n", "m", "tiny", "big", "nested", "text", "e"])
        #expect(try record.outputLine(text: "Frau [Person 1]", findings: [], number: 1)
                == #"{"id":"\u00e4/1","text":"Frau [Person 1]","findings":[],"n":1.10,"m":1.0,"tiny":0.1e-400,"big":1e400,"nested":{"z":[1,2 , {"b":0,"a":-0}],"a":"\/x"},"e":"\ud800"}"#)
    }

    /// Trailing commas, duplicate keys (a second `text` above all) and other malformed lines are invalid
    /// records; the message names no content.
    @Test func malformedLinesAreRefused() {
        let refused = [
            #"{"text":"a",}"#, #"{"text":"a","x":[1,2,]}"#, #"{"text":"a","text":"b"}"#, #"{"text":"a","x":{"k":1,"k":2}}"#,
            #"{"text":"a"} x"#, #"{"text":"a""#, #"["text"]"#, #"{"text":01}"#, #"{"text":"a","n":1.}"#, #"{"text":"a","n":.5}"#,
            #"{"text":"a","n":+1}"#, #"{"text":"\ud800"}"#, #"{"text":"a\x"}"#, "{\"text\":\"a\u{1}\"}", #"{"text":"a","t":tru}"#,
            #"{"text":5}"#, #"{}"#, #"{"text":"a",,"b":1}"#, "\u{FEFF}{\"text\":\"a\"}",
            "{\"text\":\"a\",\"d\":" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
        ]
        for line in refused {
            #expect(throws: DiskretError.self, "\(line)") { try JSONLinesRecord(line: Data(line.utf8), number: 3, byteOffset: 0) }
        }
        do {
            _ = try JSONLinesRecord(line: Data(#"{"text":"Kowalczyk","text":"Kowalczyk"}"#.utf8), number: 3, byteOffset: 0)
            Issue.record("a duplicated text key was accepted")
        } catch {
            #expect(error.description.hasPrefix("record 3: a key appears twice"))
            #expect(!error.description.contains("Kowalczyk"))
        }
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

    /// The reader reads what JSONSerialization reads, with the same text and keys, except what it refuses on
    /// purpose (a key twice in one object). Lines are generated from pieces that stress escapes, surrogates,
    /// spacing, repeated keys and other value types, seeded like the property tests.
    @Test func theReaderAgreesWithJSONSerialization() throws {
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        let pieces = ["a", "Müller", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e4", "\\u00E4", "\\ud83d\\ude00", "😀", " ", "\t", "\\x"]
        var read = 0, refused = 0
        for _ in 0..<3000 {
            func string() -> String { "\"" + (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\"" }
            let keys = ["\"text\"", "\"id\"", "\"x\"", "\"text\""]
            var written: [String] = []
            var members: [String] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let key = keys.randomElement(using: &random)!
                let value = [string(), string(), "7", "-0.5e3", "[1, {\"b\": 2, \"a\": 1}]", "null", "{}"].randomElement(using: &random)!
                written.append(key)
                members.append(key + [":", " : "].randomElement(using: &random)! + value)
            }
            let line = [" ", ""].randomElement(using: &random)! + "{" + members.joined(separator: ",") + "}" + ["", " ", "x"].randomElement(using: &random)!
            let data = Data(line.utf8)
            let reference = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            if let record = try? JSONLinesRecord(line: data, number: 1, byteOffset: 0) {
                read += 1
                #expect(reference?["text"] as? String == record.text, "\(line)")
                #expect(Set(reference.map { Array($0.keys) } ?? []) == Set(record.keys), "\(line)")
            } else {
                refused += 1
                let twice = written.count != Set(written).count
                #expect(reference == nil || twice || !(reference?["text"] is String), "\(line)")
            }
        }
        #expect(read > 60 && refused > 100, "read \(read), refused \(refused)")
    }
}
