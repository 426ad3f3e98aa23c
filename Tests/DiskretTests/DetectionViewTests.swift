import Testing
@testable import Diskret

/// The detection view: what it reads each pasted character as, and how its offsets go back to the note.
@Suite struct DetectionViewTests {
    private func view(_ text: String) throws -> String { UTF16Conversion.string(of: try DetectionView(text).units) }

    @Test func aPlainNoteIsItsOwnView() throws {
        let note = "Gespräch mit Frau Yılmaz – „Termin“ am 12.03.2024, Tel. 0170-1234567 … 😀 Nguyễn\n\tEnde."
        let view = try DetectionView(note)
        #expect(view.isNote)
        #expect(view.noteRange(3..<7) == 3..<7)
    }

    @Test(arguments: [
        ("Fi\u{AD}scher", "Fischer"), ("Fi\u{200B}sc\u{200D}h\u{2060}er\u{FEFF}", "Fischer"), ("\u{200E}Fischer\u{202C}", "Fischer"),
        ("Zyprian\u{0}owska", "Zyprianowska"), ("Zyprian\u{B}owska", "Zyprianowska"), ("Zyprian\u{1F}owska", "Zyprianowska"),
        ("Zyprian\u{7F}owska", "Zyprianowska"), ("Zyprian\rowska", "Zyprianowska"), ("Zyprian\u{2028}owska", "Zyprianowska"),
        ("a\r\nb", "a\nb"), ("a.\rb", "a.\nb"), ("a.\u{2028}b", "a.\nb"), ("a.\u{85}b", "a.\nb"),
        ("0151\u{A0}2345\u{202F}67\u{2009}8\u{2007}9\u{3000}0", "0151 2345 67 8 9 0"),
        ("\u{FF10}\u{FF11}\u{FF17}\u{FF10}", "0170"), ("\u{0661}\u{0662}.\u{0966}\u{096F}", "12.09"), ("\u{1D7CE}\u{1D7D7}", "09"),
        ("\u{FF2C}\u{FF49}\u{FF4E}\u{FF44}\u{FF45}\u{FF4E}", "Linden"),
        ("Fisсher", "Fischer"), ("АNNА", "ANNA"), ("Кoch", "Koch"), ("Ρrof", "Prof"),
        ("Mu\u{308}ller", "Müller"), ("A\u{30A}se", "Åse"), ("Lin-\nden", "Linden"), ("Lin-\r\n  den", "Linden"),
        ("Lin\u{AD}\nDen", "LinDen"), ("Bismarck\u{2010}\nstraße", "Bismarckstraße"),
    ])
    func pastedCharactersReadAsPlainText(_ note: String, _ expected: String) throws {
        #expect(try view(note) == expected)
    }

    @Test(arguments: [
        "Fischer-\nYılmaz",     // a double name broken after its hyphen stays two words
        "Mutter -\nkind",       // a dash after a space is no hyphenation
        "Олег Петров",          // a word in another script keeps its letters
        "Frau\tMeier\n\nNeu",   // tabs and line feeds stay
    ])
    func whatIsNotPastedDisguiseStays(_ note: String) throws {
        #expect(try view(note) == note)
    }

    @Test func controlCharactersBetweenWordsAreNotGlue() throws {
        #expect(try view("Frau\u{B}Meier") == "FrauMeier")   // inside a word: dropped
        #expect(try view("Frau \u{B} Meier") == "Frau \u{B} Meier")  // between words: white space as before
        #expect(try view("Frau \u{0} Meier") == "Frau  Meier")
    }

    @Test func aNoteWhoseLinesEndWithALoneCRKeepsItsLines() throws {
        #expect(try view("Frau Meier\rkam heute\rnicht.") == "Frau Meier\nkam heute\nnicht.")
        #expect(try view("Frau Zyprian\rowska kam.\nEnde") == "Frau Zyprianowska kam.\nEnde")
    }

    @Test func spansGoBackOverDroppedCharactersInsideAndAtTheirEdges() throws {
        // "Tel. 0151<ZWSP>2345<SHY>" : view "Tel. 01512345"
        let note = "Tel. 0151\u{200B}2345\u{AD} kam"
        let view = try DetectionView(note)
        #expect(UTF16Conversion.string(of: view.units) == "Tel. 01512345 kam")
        #expect(view.noteRange(5..<13) == 5..<15)          // the zero-width space inside, the soft hyphen after
        #expect(view.noteRange(0..<4) == 0..<4)
        #expect(view.noteRange(14..<17) == 16..<19)
        // A combined letter goes back to the base and all its marks.
        let decomposed = try DetectionView("Mu\u{308}\u{301}ller")
        #expect(decomposed.noteRange(1..<2) == 1..<4)
        // A hyphenated word goes back whole, hyphen and line end included.
        let hyphenated = try DetectionView("Frau Lin-\nden kam")
        #expect(hyphenated.noteRange(5..<11) == 5..<13)
    }
}
