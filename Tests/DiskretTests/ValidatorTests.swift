import Testing
@testable import Diskret

@Suite struct ValidatorTests {
    @Test func iban() {
        #expect(Validator.iban("DE89 3704 0044 0532 0130 00"))
        #expect(Validator.iban("GB82WEST12345698765432"))
        #expect(!Validator.iban("DE89 3704 0044 0532 0130 01"))
    }

    @Test func steuerID() {
        #expect(Validator.check("steuer-id", "65929970489"))
        #expect(!Validator.check("steuer-id", "65929970488"))
        #expect(!Validator.check("steuer-id", "05929970489"))
    }

    @Test func krankenversichertennummer() {
        #expect(Validator.krankenversichertennummer("A123456780"))
        #expect(!Validator.krankenversichertennummer("A123456781"))
    }

    @Test func rentenversicherungsnummer() {
        #expect(Validator.rentenversicherungsnummer("65170839J003"))
        #expect(!Validator.rentenversicherungsnummer("65170839J004"))
    }

    @Test func datesAndPhones() {
        #expect(Validator.plausibleDate("29.02.2024") && Validator.plausibleDate("04/2024"))
        #expect(!Validator.plausibleDate("31.04.2024") && !Validator.plausibleDate("12.13."))
        #expect(Validator.check("phone", "0170 1234567") && !Validator.check("phone", "0170"))
        // E.164 allows 15 digits; the dialled "00" and a bracketed trunk 0 are not among them.
        #expect(Validator.check("phone", "0049 800 1234567890") && Validator.check("phone", "+49 (0)800 1234567890"))
        #expect(!Validator.check("phone", "+49 800 12345678901") && !Validator.check("phone", "0049 123"))
        #expect(Validator.luhn(Validator.digits("4111 1111 1111 1111")))
    }

    /// ASCII text takes a byte path. Appending "ä" (no digit, no separator that matters) sends the same
    /// text down the Unicode path, which must agree; texts are generated, seeded like the property tests.
    @Test func theASCIIPathsAgreeWithTheUnicodePaths() {
        var random = PropertyTests.Generator(state: PropertyTests.seed)
        let pieces = ["12", "3", "2024", "0", "31", "99999999999999999999", ".", "/", "-", " ", "\r\n", "x", "Tel", "+49", "(0)"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(Validator.plausibleDate(text) == Validator.plausibleDate(text + "ä"), "\(text)")
            #expect(Validator.digits(text) == Validator.digits(text + "ä"), "\(text)")
        }
    }
}

