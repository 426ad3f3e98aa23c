import Testing
@testable import Diskret

/// Date shifting, relative dates, generalisation and age bands, on dates as German notes write them.
@Suite struct PseudonymisationDateTests {
    private func shift(_ surfaces: [String], by days: Int) -> [String?] {
        DateRewriter(mode: .shift(days: days), anchor: nil, bandAges: false)
            .rewrite(surfaces.map { DateRewriter.Input(surface: $0, isBirthDate: false) })
    }

    private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test func calendarDaysRoundTripAndKnowTheirWeekday() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, dayOfMonth) = CalendarDay(number: number).components
            #expect(CalendarDay(year: year, month: month, day: dayOfMonth)?.number == number)
        }
        #expect(day("1970-01-01").number == 0)
        #expect(day("2024-03-04").weekday == 0)  // a Monday
        #expect(day("2024-02-29").weekday == 3)  // a Thursday
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "2024-13-01") == nil && CalendarDay(iso: "12.03.2024") == nil)
        #expect(day("2024-03-12").years(since: day("1988-03-12")) == 36)
        #expect(day("2024-03-11").years(since: day("1988-03-12")) == 35)
    }

    @Test(arguments: [
        ("12.03.2024", 76, "27.05.2024"),
        ("12.3.24", 76, "27.5.24"),
        ("12. März 2024", 76, "27. Mai 2024"),
        ("2024-03-12", 76, "2024-05-27"),
        ("12/03/2024", 76, "27/05/2024"),
        ("12. MÄRZ 2024", 76, "27. MAI 2024"),
        ("3. Feb 2024", 30, "4. Mär 2024"),
        ("Montag, 4.3.2024, 22:40 Uhr", 1, "Dienstag, 5.3.2024, 22:40 Uhr"),
        ("Dienstag, den 5. November 2024", -113, "Montag, den 15. Juli 2024"),
        ("12.3.24 um 9.15 Uhr", 76, "27.5.24 um 9.15 Uhr"),
        ("21.10 2033", 1, "22.10 2033"),
        ("März 2024", 76, "Mai 2024"),
        ("03/2024", 76, "05/2024"),
        ("03 - 05/2021", 31, "04 - 06/2021"),
        ("11 - 12/2021", 31, "12/2021 - 01/2022"),
        ("2007", 365, "2008"),
        ("2019/20", -365, "2018/19"),
    ])
    func shiftingKeepsTheWritersFormat(surface: String, days: Int, expected: String) {
        #expect(shift([surface], by: days) == [expected])
    }

    @Test(arguments: [-365, -113, -60, -1, 1, 29, 59, 306, 365])
    func shiftingKeepsIntervalsAcrossMonthEndsYearEndsAndLeapDays(days: Int) throws {
        let originals = ["28.02.2024", "29.02.2024", "01.03.2024", "31.12.2023", "01.01.2024", "15.06.2023", "28.02.2023", "01.03.2023"]
        let shifted = shift(originals, by: days)
        let before = originals.map { WrittenDate.parse($0)! }.map { CalendarDay(year: $0.year!, month: $0.month!, day: $0.day!)! }
        let after = try shifted.map { try #require($0.flatMap(WrittenDate.parse)) }.map { CalendarDay(year: $0.year!, month: $0.month!, day: $0.day!)! }
        for (original, moved) in zip(before, after) { #expect(moved.number - original.number == days) }
        for i in before.indices { for j in before.indices { #expect(after[j].number - after[i].number == before[j].number - before[i].number) } }
        #expect(shifted.allSatisfy { $0?.count == 10 })  // "dd.mm.yyyy" stays "dd.mm.yyyy"
    }

    @Test func aDayAndMonthWithoutYearTakeTheYearNearestTheDateBefore() {
        // 3.1. after 28.12.2023 is 3 January 2024: six days later, across the new year.
        #expect(shift(["28.12.2023", "3.1."], by: 10) == ["07.01.2024", "13.1."])
        #expect(shift(["19.3.", "7.5.2024"], by: -113) == ["27.11.", "15.1.2024"])
        let relative = DateRewriter(mode: .relative(anchor: day("2023-12-28")), anchor: nil, bandAges: false)
            .rewrite([.init(surface: "28.12.2023", isBirthDate: false), .init(surface: "am 3.1.", isBirthDate: false)])
        #expect(relative == ["Tag 0", "Tag +6"])
    }

    @Test func aRangesFirstDayTakesMonthAndYearFromTheRangesEnd() {
        #expect(shift(["06", "07.11.2024"], by: 10) == ["16", "17.11.2024"])
        // The shift splits the range over two months: the first day gets its month.
        #expect(shift(["06", "07.11.2024"], by: 24) == ["30.11.", "01.12.2024"])
        #expect(shift(["05.11", "18.11.2024"], by: 30) == ["05.12", "18.12.2024"])
    }

    @Test func relativeDatesCountFromTheAnchor() {
        let rewriter = DateRewriter(mode: .relative(anchor: day("2024-03-04")), anchor: day("2024-03-04"), bandAges: false)
        let inputs = ["04.03.2024", "14.03.2024", "1.3.2024", "Montag, 4.3.2024, 22:40 Uhr", "März 2024", "Mai 2024", "2023", "19.3."]
        #expect(rewriter.rewrite(inputs.map { .init(surface: $0, isBirthDate: false) })
            == ["Tag 0", "Tag +10", "Tag -3", "Tag 0, 22:40 Uhr", "Monat 0", "Monat +2", "Jahr -1", "Tag +15"])
    }

    @Test func birthDatesBecomeTheAgeOnTheAnchorDate() {
        func age(_ anchor: String, banded: Bool) -> String? {
            DateRewriter(mode: .relative(anchor: day(anchor)), anchor: day(anchor), bandAges: banded)
                .rewrite([.init(surface: "12.03.1988", isBirthDate: true)])[0]
        }
        #expect(age("2024-03-11", banded: false) == "[35 Jahre alt]")
        #expect(age("2024-03-12", banded: false) == "[36 Jahre alt]")
        #expect(age("2024-03-12", banded: true) == "[35–44 Jahre alt]")
    }

    @Test func generalisationKeepsMonthAndYearOrYear() {
        let month = DateRewriter(mode: .generalizeMonth, anchor: nil, bandAges: false)
        let inputs = ["12.03.2024", "12. März 2024", "2024-03-12", "Montag, 4.3.24, 22:40 Uhr", "3. Mai", "März 2024", "2007"]
        #expect(month.rewrite(inputs.map { .init(surface: $0, isBirthDate: false) })
            == ["03/2024", "März 2024", "2024-03", "03/24", "Mai", "März 2024", "2007"])
        let year = DateRewriter(mode: .generalizeYear, anchor: nil, bandAges: false)
        #expect(year.rewrite(inputs.map { .init(surface: $0, isBirthDate: false) }) == ["2024", "2024", "2024", "2024", "2024", "2024", "2007"])
    }

    @Test func anUnreadableDateIsLeftToItsPlaceholder() {
        #expect(shift(["irgendwann"], by: 5) == [nil])
    }

    @Test func ageBandsAndAgeWords() {
        #expect([0, 1, 2, 5, 6, 7, 13, 17, 18, 36, 74, 80].map(AgeBand.band(for:))
            == ["0–1", "0–1", "2–3", "4–6", "4–6", "7–10", "11–13", "14–17", "18–24", "35–44", "65–74", "ab 75"])
        #expect(AgeBand.value(of: "fünf") == 5)
        #expect(AgeBand.value(of: "Fünfzig") == 50)
        #expect(AgeBand.value(of: "dreiundzwanzig") == 23)
        #expect(AgeBand.value(of: "dreißig") == 30)
        #expect(AgeBand.value(of: "35") == 35)
        #expect(AgeBand.value(of: "Koch") == nil)
    }
}
