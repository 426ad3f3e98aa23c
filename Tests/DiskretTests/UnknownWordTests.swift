import Testing
@testable import Diskret

/// The `unknown-word` rule kind: capitalised words no list explains are names, except in jargon-heavy notes.
@Suite struct UnknownWordTests {
    private static let yaml = """
        rules:
          - id: test.first-name
            kind: wordlist
            category: person
            type: person.firstname
            lists: [lists/first.txt]
            ambiguous:
              lists: [lists/nouns.txt]
          - id: test.unknown
            kind: unknown-word
            category: person
            score: 0.55
            lists: [lists/jargon.txt]
            jargon-share: 0.2
        """
    private static let lists = ["first.txt": "Anna\n", "nouns.txt": "Haus\nTermin\nChef\nBericht\nGabe\ngestern\nkam\nder\nmit\nzum\n",
                                "jargon.txt": "Vincristin\nMetoprolol\nXeloda\n"]

    private func found(_ text: String) throws -> [String] {
        let session = try Engine(rules: TestSupport.pack(yaml: Self.yaml, lists: Self.lists)).makeSession()
        let result = try session.anonymize(text)
        return TestSupport.spans(result.findings.filter { $0.rule == "test.unknown" }, in: text)
    }

    @Test func anUnknownCapitalisedWordIsANameInsideOrAtTheStartOfASentence() throws {
        #expect(try found("Gestern kam Krutschinna mit Anna zum Termin.") == ["Krutschinna"])
        #expect(try found("Papusza erzählt davon.") == ["Papusza"])
    }

    @Test func inflectedFormsCompoundsAndTyposOfNounsAreNot() throws {
        #expect(try found("Gestern kam der Hauschef zum Termine mit Berichten, der Berichf fehlt.") == [])
    }

    @Test func labelsAbbreviationsAcronymsAndCompoundsAreNot() throws {
        #expect(try found("Betreff: Vorgangsnr. 12, ABC und Xyzzy-Haus.\nHausbericht am Termin.") == [])
    }

    @Test func aNoteFullOfJargonSwitchesTheRuleOff() throws {
        #expect(try found("Gabe von Vincristin, Metoprolol und Xeloda, dann kam Krutschinna.") == [])
        #expect(try found("Gabe von Vincristin, dann kam Krutschinna.") == ["Krutschinna"])
    }

    @Test func theRuleNeedsACategoryAndAShareBetweenZeroAndOne() {
        #expect(throws: DiskretError.self) { try TestSupport.pack(yaml: "rules:\n  - id: u\n    kind: unknown-word\n") }
        #expect(throws: DiskretError.self) {
            try TestSupport.pack(yaml: "rules:\n  - id: u\n    kind: unknown-word\n    category: person\n    jargon-share: 2\n")
        }
    }
}
