import Foundation
import Testing
@testable import Diskret

/// The pseudonymisation operators through the whole engine, on small inline notes and the project's pack.
@Suite struct PseudonymisationEngineTests {
    static let key = CaseKey(bytes: Array(repeating: 7, count: 32))!
    static let otherKey = CaseKey(bytes: Array(repeating: 9, count: 32))!
    static let lists: SurrogateLists = {
        do { return try SurrogateLists.load(packDirectory: TestSupport.repository.appendingPathComponent("Rules").path) } catch {
            fatalError("surrogate lists do not load: \(error)")
        }
    }()

    /// A police report and a counselling note of one case, written by different partners.
    static let policeNote = """
        Polizeibericht: Am 04.03.2024 gegen 22:40 Uhr Einsatz in der Wohnung von Frau Anna Fischer. Der Beschuldigte \
        Mehmet Yılmaz wurde der Wohnung verwiesen, Wohnungsverweisung bis 14.03.2024. Anna Fischer wurde an die \
        Beratungsstelle vermittelt.
        """
    static let counsellingNote = """
        Beratungsnotiz vom 12.03.2024: Erstgespräch mit Anna Fischer. Sie berichtet, Mehmet Yılmaz habe sie am \
        04.03.2024 gewürgt. Antrag nach dem Gewaltschutzgesetz am 18.03.2024 gestellt, Anhörung am 2. April 2024.
        """

    private func run(_ text: String, _ mask: String, key: CaseKey? = key, anchor: String? = nil,
                     lists: SurrogateLists? = lists) throws -> AnonymizedText {
        let context = PseudonymContext(caseKey: key, anchorDate: anchor.flatMap { CalendarDay(iso: $0) }, surrogates: lists)
        return try TestSupport.engine.makeSession().anonymize(text, policy: try MaskingPolicy(parsing: mask), pseudonymisation: context)
    }

    /// Original text → replacement, for the findings of `result`.
    private func mapping(_ text: String, _ result: AnonymizedText) -> [String: String] {
        let scalars = Array(text.unicodeScalars)
        var map: [String: String] = [:]
        for finding in result.findings {
            guard let replacement = finding.replacement else { continue }
            map[String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))] = replacement
        }
        return map
    }

    /// The replacement of the finding whose original starts with `prefix` ("04.03.2024" of "04.03.2024 gegen 22:40 Uhr").
    private func replacement(_ map: [String: String], _ prefix: String) -> String? {
        map.first { $0.key.hasPrefix(prefix) }?.value
    }

    private func calendarDay(_ text: String) throws -> CalendarDay {
        let date = try #require(WrittenDate.parse(text))
        return try #require(CalendarDay(year: date.year ?? 0, month: date.month ?? 0, day: date.day ?? 0))
    }

    @Test func twoNotesOfOneCaseShareThePseudonymsAndTheDateShift() throws {
        let police = try run(Self.policeNote, "person=pseudonym,date=shift")
        let counselling = try run(Self.counsellingNote, "person=pseudonym,date=shift")
        let a = mapping(Self.policeNote, police), b = mapping(Self.counsellingNote, counselling)
        let anna = try #require(a["Anna Fischer"])
        // Without a roster, a code per name word: first name, then family name.
        #expect(anna.wholeMatch(of: /Person-[0-9A-F]{4}-[0-9A-F]{4}/) != nil)
        #expect(b["Anna Fischer"] == anna)
        #expect(a["Mehmet Yılmaz"] == b["Mehmet Yılmaz"] && a["Mehmet Yılmaz"] != anna)
        #expect(!police.text.contains("Fischer") && !counselling.text.contains("Yılmaz"))
        // The same day is the same shifted day in both notes, and every interval between days is kept.
        let policeDay = try #require(replacement(a, "04.03.2024")), counsellingDay = try #require(replacement(b, "04.03.2024"))
        #expect(try calendarDay(policeDay) == calendarDay(counsellingDay) && !policeDay.hasPrefix("04.03.2024"))
        #expect(policeDay.hasSuffix(" gegen 22:40 Uhr"))
        let originals = ["04.03.2024", "14.03.2024", "12.03.2024", "18.03.2024"]
        let shifted = try originals.map { try calendarDay(try #require(replacement(a, $0) ?? replacement(b, $0))) }
        let days = try originals.map(calendarDay)
        for i in days.indices { for j in days.indices { #expect(shifted[j].number - shifted[i].number == days[j].number - days[i].number) } }
        #expect(shifted[0].number - days[0].number == Self.key.dateShift)
        // "2. April 2024" keeps its spelling: a day, a month name, a year.
        #expect(b["2. April 2024"]?.wholeMatch(of: /\d{1,2}\. [A-ZÄ][a-zä]+ \d{4}/) != nil)
    }

    @Test func twoNotesOfOneCaseShareTheirSurrogates() throws {
        let a = mapping(Self.policeNote, try run(Self.policeNote, "person=surrogate"))
        let b = mapping(Self.counsellingNote, try run(Self.counsellingNote, "person=surrogate"))
        let anna = try #require(a["Anna Fischer"])
        #expect(b["Anna Fischer"] == anna && a["Mehmet Yılmaz"] == b["Mehmet Yılmaz"])
        #expect(!anna.contains("Anna") && !anna.contains("Fischer"))
    }

    @Test func pseudonymsAreDeterministicAndDependOnTheKey() throws {
        let first = try run(Self.policeNote, "person=pseudonym,date=shift")
        let again = try run(Self.policeNote, "person=pseudonym,date=shift")
        let other = try run(Self.policeNote, "person=pseudonym,date=shift", key: Self.otherKey)
        #expect(first.text == again.text)
        let a = mapping(Self.policeNote, first), c = mapping(Self.policeNote, other)
        #expect(a["Anna Fischer"] != c["Anna Fischer"])
        #expect(replacement(a, "04.03.2024") != replacement(c, "04.03.2024"))
        #expect(Self.key.dateShift != Self.otherKey.dateShift)
    }

    @Test func surrogatesAreConsistentRealisticAndNeverANameOfTheNote() throws {
        let note = "Frau Anna Fischer kam mit Mehmet Yılmaz. Frau Fischer weinte, Fischers Tür war offen. Herr Yılmaz schwieg. Anna Fischer ging."
        let result = try run(note, "person=surrogate")
        let map = mapping(note, result)
        let full = try #require(map["Anna Fischer"])
        let words = full.split(separator: " ").map(String.init)
        try #require(words.count == 2)
        #expect(map["Fischer"] == words[1])
        #expect(map["Fischers"] == words[1] + (words[1].hasSuffix("s") ? "'" : "s"))
        #expect(Self.lists.femaleFirstNames.contains(words[0]))
        let man = try #require(map["Mehmet Yılmaz"]).split(separator: " ").map(String.init)
        #expect(Self.lists.maleFirstNames.contains(man[0]))
        #expect(map["Yılmaz"] == man[1])
        let noteWords = Set(note.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() })
        for surrogate in words + man { #expect(!noteWords.contains(surrogate.lowercased())) }
        #expect(try run(note, "person=surrogate").text == result.text)
        #expect(try run(note, "person=surrogate", key: Self.otherKey).text != result.text)
    }

    @Test func aSurrogateNeverEqualsANameOfTheNoteEvenWhenTheListRunsOut() throws {
        let tiny = SurrogateLists(femaleFirstNames: ["Anna", "Maria", "Sophie"], maleFirstNames: ["Jonas"], surnames: ["Fischer", "Koch", "Becker"])
        let note = "Gespräch mit Anna Fischer und Sophie Koch."
        let result = try run(note, "person=surrogate", lists: tiny)
        for name in ["Anna", "Fischer", "Sophie", "Koch"] { #expect(!result.text.contains(name)) }
        #expect(result.text.contains("Maria") && result.text.contains("Becker"))
        // The person whose names ran out gets a keyed pseudonym instead.
        #expect(result.text.contains("Person-"))
    }

    @Test func phoneNumbersAndIBANsGetReservedAndValidSurrogates() throws {
        let note = "Erreichbar unter Tel. 0170 1234567, Konto IBAN DE89 3704 0044 0532 0130 00."
        let result = try run(note, "contact=surrogate,id=surrogate")
        let map = mapping(note, result)
        let phone = try #require(map["0170 1234567"])
        #expect(phone.wholeMatch(of: /0(30 23125|69 90009|40 66969|221 4710|89 99998)\d{3}/) != nil)
        let iban = try #require(map["DE89 3704 0044 0532 0130 00"])
        #expect(iban.wholeMatch(of: /DE\d{2}( \d{4}){4} \d{2}/) != nil)
        #expect(Validator.iban(iban) && iban != "DE89 3704 0044 0532 0130 00")
        #expect(try run(note, "contact=surrogate,id=surrogate").text == result.text)
    }

    @Test func agesAreBandedAndRelativeDatesNeedTheAnchor() throws {
        let note = "KM Anna Fischer, geb. 12.03.1988, mit Tochter Lena (6) und dem 35jährigen KV; Einsatz am 04.03.2024, Anhörung am 14.03.2024."
        let banded = try run(note, "age=age-band,date=relative", anchor: "2024-03-04")
        #expect(banded.text.contains("(4–6)") && banded.text.contains("35–44-jährigen"))
        #expect(banded.text.contains("geb. [35–44 Jahre alt]"))
        #expect(banded.text.contains("am Tag 0") && banded.text.contains("am Tag +10"))
        // Without the anchor (a library caller that skipped the check) the placeholders stay.
        #expect(try run(note, "date=relative").text.contains("[Datum 1]"))
    }

    @Test func keyedOperatorsWithoutAKeyKeepTheirPlaceholders() throws {
        let result = try run(Self.policeNote, "person=pseudonym,date=shift,address=surrogate", key: nil)
        #expect(result.text.contains("[Person 1]") && result.text.contains("[Datum 1]"))
    }

    @Test func policiesKnowWhichOperatorFitsWhichCategory() throws {
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "person=shift") }
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "date=age-band") }
        #expect(throws: PolicyError.self) { try MaskingPolicy(parsing: "date=surrogate") }
        let all = try MaskingPolicy(parsing: "all=shift")
        #expect(all.operators == [.date: .shift])
        let policy = try MaskingPolicy(parsing: "person=pseudonym,date=generalize-month,age=age-band")
        #expect(policy.needsCaseKey && !policy.needsAnchorDate)
        #expect(try MaskingPolicy(parsing: "date=relative").needsAnchorDate)
        #expect(try !MaskingPolicy(parsing: "date=generalize-year,age=age-band").needsCaseKey)
    }
}
