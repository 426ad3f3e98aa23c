import Diskret
import Foundation

/// Arbitrary bytes as one `--jsonl` input line: the reader refuses them or yields the record JSONSerialization
/// reads, whose masked output line is again a record with the masked text and every other field passed through.
enum JSONLinesFuzz {

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let line = Data(buffer: bytes)
        guard let record = try? JSONLinesRecord(line: line, number: 1, byteOffset: 0) else { return }
        // Flat string objects are read by hand; whatever the record holds, JSONSerialization must read the same.
        guard let reference = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            preconditionFailure("accepted a line JSONSerialization refuses")
        }
        precondition(Set(reference.keys) == Set(record.fields.keys), "fields differ from JSONSerialization's")
        for (key, value) in record.fields {
            if let string = value as? String { precondition(reference[key] as? String == string, "a field's text differs") }
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
        precondition(Set(reread.fields.keys) == Set(record.fields.keys).union(["findings"]), "fields lost or added")
        precondition((reread.fields["findings"] as? [Any])?.count == result.findings.count, "findings lost")
    }
}
