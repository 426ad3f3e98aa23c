import Testing
@testable import Diskret

@Suite struct EvaluatorTests {
    @Test func computesMaskedStrictLenientAndLeakFigures() {
        let text = "Frau Anna Koch traf Koch am 1.2.2024"
        let document = GoldDocument(id: "d", text: text, entities: [
            .init(start: 5, end: 14, label: "person"), .init(start: 27, end: 35, label: "date"), .init(start: 0, end: 4, label: "title"),
        ])
        let findings = [
            Finding(start: 10, end: 14, category: .person, type: "p", rule: "r", score: 1),
            Finding(start: 27, end: 35, category: .date, type: "d", rule: "r", score: 1),
            Finding(start: 15, end: 19, category: .person, type: "p", rule: "r", score: 1),
        ]
        var report = Evaluator.Report()
        Evaluator().add(document, findings: findings, output: "Frau Anna [P] traf [P] am [D]", to: &report)
        #expect(report.categories["person"]!.maskedRecall == 0)
        #expect(report.categories["person"]!.partialRecall == 1)
        #expect(report.categories["date"]!.strictF1 == 1)
        #expect(report.micro.strictMatches == 1 && report.micro.gold == 2 && report.micro.findings == 3)
        #expect(report.lenientOverlapping == 2 && report.lenientFindings == 3)
        // "Anna" is in the output and not outside the person span in the input: leaked; "Koch" is not.
        #expect(report.personWords == 2 && report.personWordsLeaked == 1)
    }
}
