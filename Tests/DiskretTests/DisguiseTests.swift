import Testing
@testable import Diskret

/// Names and numbers disguised the way pasted or hostile text disguises them are still found, and the
/// whole disguised span is replaced.
@Suite struct DisguiseTests {
    private func mask(_ text: String) throws -> String { try TestSupport.engine.anonymize(text).text }

    @Test(arguments: [
        "Frau Kowal\u{AD}czyk kam. Später kam Kowalczyk.",      // soft hyphen
        "Frau Kowal\u{200B}czyk kam. Später kam Kowalczyk.",    // zero-width space
        "Frau Kowal\u{2060}czyk kam. Später kam Kowalczyk.",    // word joiner
        "Frau Kowal\u{FEFF}czyk kam. Später kam Kowalczyk.",    // byte-order mark inside the word
        "Frau Kowalczyk kam. Später kam KOWALCZYK.",             // case
        "Frau Kowalczyk kam. Später kam Kowalczyks Bruder.",     // genitive
    ])
    func disguisedNameIsMaskedEverywhere(_ note: String) throws {
        let output = try mask(note)
        #expect(!output.contains("owal"), "\(output)")
        #expect(!output.contains("\u{200B}") && !output.contains("\u{AD}"), "the disguise is part of the replaced span")
    }

    @Test func decomposedUmlautsMatchComposedOnes() throws {
        let output = try mask("Frau Mu\u{308}ller-Yılmaz kam. Später kam Müller-Yılmaz.")
        #expect(output == "Frau [Person 1] kam. Später kam [Person 1].")
    }

    @Test func cyrillicLookalikeInsideANameIsMasked() throws {
        // The "с" in "Fisсher" is Cyrillic.
        #expect(try mask("Frau Anna Fisсher rief an.") == "Frau [Person 1] rief an.")
    }

    @Test func fullWidthDigitsAndNoBreakSpacesInNumbers() throws {
        #expect(try mask("Tel. \u{FF10}\u{FF11}\u{FF17}\u{FF10} 1234567") == "Tel. [Telefon 1]")
        #expect(try mask("Termin am 12.\u{A0}03.\u{A0}2024.") == "Termin am [Datum 1].")
    }

    @Test func letterSpacedNamesAreMaskedButLetterSpacedHeadingsStay() throws {
        // After a field label, "Surname, First name" is one person.
        #expect(try mask("Verfasserin: M ü l l e r, Anna") == "Verfasserin: [Person 1]")
        #expect(try mask("Bericht der K O W A L C Z Y K an das Jugendamt") == "Bericht der [Person 1] an das Jugendamt")
        #expect(try mask("Abteilung für O N K O L O G I E") == "Abteilung für O N K O L O G I E")
    }

    @Test func lineBreakInsideAFirstAndLastName() throws {
        #expect(try mask("gez. Dr. Jürgen\nSchneider") == "gez. Dr. [Person 1]")
    }
}
