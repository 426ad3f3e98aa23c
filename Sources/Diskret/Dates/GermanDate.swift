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
        // Most dates are ASCII, and walking Characters cost ~18,000 instructions a date.
        let (numbers, monthName) = text.isASCII ? readASCII(text) : readCharacters(text)
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

    /// The numbers (runs of ASCII digits) and the month named by the first run of letters that names one,
    /// in `text`; everything else separates runs.
    static func readCharacters(_ text: String) -> (numbers: [Int], month: Int?) {
        var numbers: [Int] = []
        var month: Int?
        var current = ""
        var word = ""
        func flush() {
            if let value = Int(current) { numbers.append(value) }
            current = ""
            if !word.isEmpty, month == nil { month = monthNamed(word) }
            word = ""
        }
        for character in text {
            if character.isASCII && character.isNumber { if !word.isEmpty { flush() }; current.append(character) }
            else if character.isLetter { if !current.isEmpty { flush() }; word.append(character) }
            else { flush() }
        }
        flush()
        return (numbers, month)
    }

    /// `readCharacters` for ASCII text, on bytes; without `namesMonth` (the date validator, which needs only the
    /// numbers) runs of letters just separate numbers.
    static func readASCII(_ text: String, namesMonth: Bool = true) -> (numbers: [Int], month: Int?) {
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var numbers: [Int] = []
        numbers.reserveCapacity(4)  // a date has at most four runs of digits, mostly; growing had cost a third
        var month: Int?
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let digits = isDigit(bytes[start])
            guard digits || isLetter(bytes[start]) else { start += 1; continue }
            var end = start + 1
            while end < bytes.count && (digits ? isDigit(bytes[end]) : isLetter(bytes[end])) { end += 1 }
            if digits {
                if let value = decimalValue(bytes[start..<end]) { numbers.append(value) }
            } else if namesMonth && month == nil {
                month = monthNamed(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            start = end
        }
        return (numbers, month)
    }

    /// The value of a run of ASCII digits, nil when it does not fit an `Int` (as `Int(String)` answers);
    /// making a string of each run to read it would cost more than the rest of reading a date.
    static func decimalValue(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times.addingReportingOverflow(Int(byte &- 0x30))
            if overflowed || carried { return nil }
            value = sum
        }
        return value
    }

    private static func monthNamed(_ word: String) -> Int? {
        let lower = word.lowercased()
        // The length once, not per month: counting Characters walks the word.
        guard lower.count >= 3 else { return nil }
        return months.first { lower.hasPrefix($0.prefix) }?.month
    }

    /// Two-digit years: 00–40 are 2000–2040, the rest 1941–1999 (notes rarely mention births before).
    static func expandYear(_ year: Int) -> Int {
        year >= 100 ? year : (year <= 40 ? 2000 + year : 1900 + year)
    }
}
