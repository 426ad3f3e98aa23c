import Foundation
import Testing
@testable import Diskret

/// The service's hand-written report JSON says what Foundation's serialiser says of the same report.
@Suite struct FindingJSONTests {
    @Test func reportBytesEqualTheSerialisedReport() throws {
        let findings = [
            Finding(start: 5, end: 14, category: .person, type: "person.name", rule: "person.honorific", score: 0.95, replacement: "[Person 1]"),
            Finding(start: 20, end: 26, category: .date, type: "date", rule: "date.numeric", score: 1, replacement: nil),
        ]
        let text = "Frau [Person 1] kam \"am\" 3.5.\n\t\u{1} – ü"
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(FindingJSON.reportBytes(text: text, findings: findings))) as? NSDictionary)
        var expected = FindingJSON.report(findings)
        expected["text"] = text
        #expect(parsed == expected as NSDictionary)
    }
}
