import Testing
@testable import Diskret

/// Reading dates for entity linking ("12.3.24" and "12. März 2024" are one date).
@Suite struct GermanDateTests {
    @Test func readsTheWrittenForms() {
        #expect(GermanDate.parse("12.03.2024") == GermanDate(day: 12, month: 3, year: 2024))
        #expect(GermanDate.parse("12.3.24") == GermanDate(day: 12, month: 3, year: 2024))
        #expect(GermanDate.parse("2024-03-12") == GermanDate(day: 12, month: 3, year: 2024))
        #expect(GermanDate.parse("12. März 2024") == GermanDate(day: 12, month: 3, year: 2024))
        #expect(GermanDate.parse("Maerz 1999") == GermanDate(day: nil, month: 3, year: 1999))
        #expect(GermanDate.parse("am 3.5.") == GermanDate(day: 3, month: 5, year: nil))
        #expect(GermanDate.parse("13.13.2024") == nil)
        #expect(GermanDate.parse("2024") == nil)
    }

    /// ASCII text takes a byte path; it must read what the Character path reads. Texts are made of the
    /// pieces dates are written with, seeded like the property tests.
    @Test func theASCIIPathReadsWhatTheCharacterPathReads() {
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        let pieces = ["12", "3", "2024", "0", "99999999999999999999", ".", ". ", "-", "/", " ", "\r\n", "\t", "Mai", "jan",
                      "Dez.", "okt", "Ma", "x", "Jahr", "Sept", "am", "(", ")"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let bytes = GermanDate.readASCII(text), characters = GermanDate.readCharacters(text)
            #expect(bytes.numbers == characters.numbers && bytes.month == characters.month, "\(text)")
        }
    }

    /// Runs of digits are read without making strings; the values, and where an Int overflows, must be
    /// those of `Int(String)`.
    @Test func digitRunsReadLikeIntOfString() {
        for run in ["0", "007", "31", "2024", "9223372036854775807", "9223372036854775808", "9223372036854775810",
                    "18446744073709551616", "99999999999999999999"] {
            #expect(GermanDate.decimalValue(Array(run.utf8)[...]) == Int(run), "\(run)")
        }
        #expect(GermanDate.readASCII("12.03.2024, 9 Uhr 99999999999999999999 x7", namesMonth: false).numbers == [12, 3, 2024, 9, 7])
    }
}
