import Foundation
import Testing

/// Two notes of one fixture case (K-2024-017) from two partners — police and youth welfare office —
/// filtered separately must name every person the same way and keep the chronology.
@Suite(.serialized) struct CaseNotesCLITests {
    static let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
    static let notes = ["polizei", "jugendamt"].map {
        try! String(contentsOf: BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017/\($0).txt"), encoding: .utf8)
    }

    @Test func rosterIdentifiersAreMaskedInEveryVariantWithTheSameRolePlaceholders() throws {
        let outputs = try Self.notes.map { note -> String in
            let result = try BinaryRunner.run(["filter", "--roster", Self.roster], input: note)
            #expect(result.status == 0)
            return result.stdout
        }
        // Upper case, hyphenated, line-broken, genitive, without diacritics and with a typo ("Fishcer").
        for leaked in ["Fischer", "FISCHER", "Fishcer", "Yılmaz", "Yilmaz", "YILMAZ", "Anna", "Murat", "Lena", "Emir", "0170", "1234567", "Lindenstraße", "1988"] {
            #expect(!outputs[0].contains(leaked) && !outputs[1].contains(leaked), "\(leaked) leaked")
        }
        #expect(outputs[0].contains("Mitteilerin: [Kindsmutter] (KM)") && outputs[1].contains("KM [Kindsmutter]"))
        #expect(outputs[0].contains("Beschuldigter: [Kindsvater]"))
        #expect(outputs[0].contains("Die Kinder [Kind 1] und [Kind 2]") && outputs[1].contains("die Kinder [Kind 1] ([Alter]) und [Kind 2] ([Alter])"))
    }

    @Test func withOneCaseKeyBothNotesShareThePseudonymsAndTheDateShift() throws {
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).key").path
        defer { try? FileManager.default.removeItem(atPath: key) }
        #expect(try BinaryRunner.run(["key", "new", key]).status == 0)
        let outputs = try Self.notes.map { note -> String in
            let result = try BinaryRunner.run(["filter", "--roster", Self.roster, "--case-key", key, "--mask", "person=pseudonym,date=shift"], input: note)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        func pseudonyms(_ text: String) -> Set<String> {
            Set(text.matches(of: /Person-[0-9A-F]{4}/).map { String($0.output) })
        }
        // The mother, both children and Herr Yılmaz appear in both notes: the same four codes.
        #expect(pseudonyms(outputs[0]).count >= 4)
        #expect(pseudonyms(outputs[1]).isSubset(of: pseudonyms(outputs[0])))
        // Dates: 16.03. (call-out) → 26.03. (end of eviction order) is 10 days in note 1; in note 2 the
        // visit (19.03.) is 3 days after the call-out and the next appointment (02.04.) 17 days after.
        func dates(_ text: String) -> [Date] {
            text.matches(of: /(\d{1,2})\.(\d{1,2})\.(\d{4})/).map { match in
                var components = DateComponents()
                components.day = Int(match.output.1); components.month = Int(match.output.2); components.year = Int(match.output.3)
                return Calendar(identifier: .gregorian).date(from: components)!
            }
        }
        func days(_ a: Date, _ b: Date) -> Int { Calendar(identifier: .gregorian).dateComponents([.day], from: a, to: b).day! }
        let first = dates(outputs[0]), second = dates(outputs[1])
        #expect(first.count == 3 && second.count == 3)  // call-out, birth date, eviction end | visit, call-out, appointment
        #expect(days(first[0], first[2]) == 10)
        #expect(second[1] == first[0], "the same call-out date shifts to the same date in both notes")
        #expect(days(second[1], second[0]) == 3 && days(second[1], second[2]) == 17)
        #expect(!outputs[0].contains("16.03.2024") && !outputs[1].contains("19.03.2024"))
    }
}
