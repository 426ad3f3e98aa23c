import Foundation
import Testing
@testable import Diskret

/// `diskret check`'s rule for digits a filter left readable.
@Suite struct LeftoverDigitsTests {
    private func leftovers(_ text: String) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        return try LeftoverDigits.find(in: text).map { "\($0.category.rawValue):" + String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func digitsLeftOutsidePlaceholdersAreFound() throws {
        #expect(try leftovers("Tel. [Telefon 1] 23456789") == ["id:23456789"])
        #expect(try leftovers("Tel.\u{A0}[Telefon 1]\u{A0}2345\u{200B}6789") == ["id:2345\u{200B}6789"])
        #expect(try leftovers("[Adresse 1] 47a, 59065 [Adresse 2]") == ["id:59065"])
        #expect(try leftovers("Rückruf unter 0151 234 567.") == ["contact:0151 234 567"])
        #expect(try leftovers("Tel. +49 151 2345678") == ["contact:+49 151 2345678"])
        #expect(try leftovers("Konto DE45 7572 3333 8541 3181 58.") == ["id:45 7572 3333 8541 3181 58"])
        #expect(try leftovers("Notiz [0151 23456789]") == ["contact:0151 23456789"])
        #expect(try leftovers("Tel. \u{FF10}\u{FF11}\u{FF15}\u{FF11}\u{FF12}\u{FF13}") == ["id:\u{FF10}\u{FF11}\u{FF15}\u{FF11}\u{FF12}\u{FF13}"])
    }

    @Test func placeholdersDatesAmountsAndLawsAreNoLeftovers() throws {
        #expect(try leftovers("Tel. [Telefon 1], am [Datum 12], [35–44 Jahre alt], ‹contact.phone 95%›").isEmpty)
        #expect(try leftovers("am 12.03.2024 um 23:40 Uhr, 1.234,56 Euro, § 1666 BGB, 2019-2024, 10 Tage").isEmpty)
    }

    @Test func noExpectedFixtureOutputHasLeftovers() throws {
        // The masked fixture notes keep helplines "(116 016)", laws, amounts and times readable: none of it may count.
        let directory = TestSupport.repository.appendingPathComponent("Fixtures/expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 30)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(try LeftoverDigits.find(in: text).isEmpty, "\(name)")
        }
    }

    @Test func leftoversInsideAFindingAreNotCountedTwice() throws {
        let finding = Finding(start: 5, end: 13, category: .contact, type: "contact.phone", rule: "r", score: 1)
        #expect(try LeftoverDigits.find(in: "Tel. 23456789", besides: [finding]).isEmpty)
    }
}
