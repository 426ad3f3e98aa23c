/// A calendar date read from German writing ("12.03.2024", "12.3.24", "12. März 2024", "2024-03-12",
/// "März 2024", "am 3.5."), with the parts that were written.
struct GermanDate: Equatable, Sendable {
    var day: Int?
    var month: Int?
    var year: Int?

    /// A key that is equal for the same written date whatever the spelling.
    var canonical: String { "\(year.map(String.init) ?? "?")-\(month.map(String.init) ?? "?")-\(day.map(String.init) ?? "?")" }

    static let months: [(prefix: String, month: Int)] = [
        ("jan", 1), ("feb", 2), ("mär", 3), ("mae", 3), ("mar", 3), ("apr", 4), ("mai", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("okt", 10), ("oct", 10), ("nov", 11), ("dez", 12), ("dec", 12),
    ]

    /// Parses the first date in `text`; nil when no day-month or month-year can be read.
    static func parse(_ text: String) -> GermanDate? {
        var numbers: [Int] = []
        var monthName: Int?
        var current = ""
        var word = ""
        func flush() {
            if let value = Int(current) { numbers.append(value) }
            current = ""
            if !word.isEmpty, monthName == nil {
                let lower = word.lowercased()
                monthName = months.first { lower.hasPrefix($0.prefix) && lower.count >= 3 }?.month
            }
            word = ""
        }
        for character in text {
            if character.isASCII && character.isNumber { if !word.isEmpty { flush() }; current.append(character) }
            else if character.isLetter { if !current.isEmpty { flush() }; word.append(character) }
            else { flush() }
        }
        flush()
        var date = GermanDate()
        if let monthName {
            date.month = monthName
            for number in numbers {
                if number >= 1000 || (date.day != nil && date.year == nil) { date.year = expandYear(number) }
                else if date.day == nil && number <= 31 { date.day = number }
            }
            return date
        }
        guard numbers.count >= 2 else { return nil }
        if numbers[0] >= 1000 {  // ISO 2024-03-12
            date.year = numbers[0]; date.month = numbers[1]; date.day = numbers.count > 2 ? numbers[2] : nil
        } else {
            date.day = numbers[0]; date.month = numbers[1]; date.year = numbers.count > 2 ? expandYear(numbers[2]) : nil
        }
        guard let month = date.month, (1...12).contains(month) else { return nil }
        return date
    }

    /// Two-digit years: 00–40 are 2000–2040, the rest 1941–1999 (notes rarely mention births before).
    static func expandYear(_ year: Int) -> Int {
        year >= 100 ? year : (year <= 40 ? 2000 + year : 1900 + year)
    }
}
