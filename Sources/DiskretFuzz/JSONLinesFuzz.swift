import Diskret
import Foundation

/// Arbitrary bytes as one `--jsonl` input line: the reader refuses them or yields a record whose text and keys
/// are those JSONSerialization reads (where it reads the line at all: it refuses numbers beyond a Double and
/// lone surrogates, which pass through here as written), and whose masked output line is again a record with
/// the masked text, `findings`, and every other member copied as written, in input order.
enum JSONLinesFuzz {

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let line = Data(buffer: bytes)
        guard let record = try? JSONLinesRecord(line: line, number: 1, byteOffset: 0) else { return }
        precondition(record.keys.count == Set(record.keys).count, "accepted a key twice")
        if let reference = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] {
            precondition(Set(reference.keys) == Set(record.keys), "keys differ from JSONSerialization's")
            precondition(reference["text"] as? String == record.text, "the text differs from JSONSerialization's")
        }
        guard let result = try? germanSession.anonymize(record.text) else { return }
        Invariants.check(input: record.text, result: result)
        guard let output = try? record.outputLine(text: result.text, findings: result.findings, number: 1) else { return }
        precondition(!output.contains("\n"), "output record spans lines")
        let reread: JSONLinesRecord
        do { reread = try JSONLinesRecord(line: Data(output.utf8), number: 1, byteOffset: 0) } catch {
            preconditionFailure("output line is not a record")
        }
        precondition(reread.text == result.text, "masked text changed in output")
        let expected = record.keys.filter { $0 == "id" } + ["text", "findings"]
            + record.keys.filter { $0 != "id" && $0 != "text" && $0 != "findings" }
        precondition(reread.keys == expected, "members lost, added or reordered")
        // Writing the output record again changes nothing: every member went through byte for byte.
        precondition((try? reread.outputLine(text: reread.text, findings: result.findings, number: 1)) == output, "a member was rewritten")
    }
}
