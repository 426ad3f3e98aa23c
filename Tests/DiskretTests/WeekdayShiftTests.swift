import Testing
@testable import Diskret

/// A written weekday follows the shifted date: for every day of a year, in each weekday form, with a birth date
/// earlier in the note (which must not lend its year to a date written without one).
@Suite struct WeekdayShiftTests {
    /// The date of `day`.`month`. in form `form`: "Do., 13.2.", "Donnerstag, 13.2.", "Do 13.2.", "Do., 13.2.2025".
    static func written(_ form: Int, weekday: Int, day: Int, month: Int) -> String {
        switch form {
        case 0: return "\(WrittenDate.weekdayAbbreviations[weekday])., \(day).\(month)."
        case 1: return "\(WrittenDate.weekdayNames[weekday]), \(day).\(month)."
        case 2: return "\(WrittenDate.weekdayAbbreviations[weekday]) \(day).\(month)."
        default: return "\(WrittenDate.weekdayAbbreviations[weekday])., \(day).\(month).2025"
        }
    }

    @Test(arguments: [-25, 1, 200, -366])
    func everyDayOfAYearInEveryFormKeepsItsCalendarWeekday(_ shift: Int) throws {
        let rewriter = DateRewriter(mode: .shift(days: shift), anchor: nil, bandAges: false)
        let first = try #require(CalendarDay(year: 2025, month: 1, day: 1))
        for offset in 0..<365 {
            let original = first.adding(days: offset)
            let (_, month, day) = original.components
            let expected = original.adding(days: shift)
            for number in 0..<4 {
                let surface = Self.written(number, weekday: original.weekday, day: day, month: month)
                let output = rewriter.rewrite([.init(surface: "12.03.1988", isBirthDate: true), .init(surface: surface, isBirthDate: false)])
                let shifted = try #require(output[1].flatMap(WrittenDate.parse), "form \(number), day \(offset)")
                #expect(shifted.day == expected.components.day && shifted.month == expected.components.month, "form \(number), day \(offset)")
                #expect(shifted.weekday == expected.weekday, "form \(number), day \(offset): the weekday is the shifted day's")
            }
        }
    }

    /// The note: "Do., 13.2." after a birth date in 1988 is a Thursday of the note's year, and so is its
    /// shifted day's weekday the calendar's.
    @Test func aBirthDateDoesNotLendItsYear() throws {
        let rewriter = DateRewriter(mode: .shift(days: -25), anchor: nil, bandAges: false)
        let output = rewriter.rewrite([.init(surface: "12.03.1988", isBirthDate: true), .init(surface: "Do., 13.2.", isBirthDate: false),
                                       .init(surface: "20.02.2025", isBirthDate: false)])
        #expect(output[1] == "So., 19.1.")  // 13 Feb 2025 is a Thursday; 25 days earlier, 19 Jan 2025, a Sunday
    }
}
