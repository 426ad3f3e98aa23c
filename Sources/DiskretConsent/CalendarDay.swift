/// Calendar dates as the registry and rosters take them: real days only ("2027-02-30" and "0000-01-01" are
/// refused, not rolled over or read as year 0).
enum CalendarDay {
    /// Whether year, month and day name a day of the Gregorian calendar within `years`.
    static func isValid(year: Int, month: Int, day: Int, years: ClosedRange<Int>) -> Bool {
        guard years.contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Whether `text` is exactly YYYY-MM-DD (ASCII digits) naming a real day within `years`.
    static func isISODay(_ text: String, years: ClosedRange<Int>) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else { return false }
        return isValid(year: year, month: month, day: day, years: years)
    }
}
