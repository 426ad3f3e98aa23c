/// A date as the writer wrote it: the parts that were written (day, month, year, a range's end month or end
/// year) and a template that writes new values in the same format — "12.03.2024", "12.3.24", "12. März 2024",
/// "Mo, 4.3.2024, 22:40 Uhr", "2024-03-12", "März 2024", "03/2024", "03 - 05/2021", "2019/20", "06".
struct WrittenDate: Equatable {
    /// Upper, lower or capitalised spelling of a name, kept for the replacement.
    enum LetterCase: Equatable { case capitalized, upper, lower }

    /// One piece of the template.
    enum Slot: Equatable {
        case text(String)
        case weekday(names: [String], letterCase: LetterCase)
        case day
        case month
        case monthName(names: [String], letterCase: LetterCase)
        case year(digits: Int)
        case endMonth
        case endYear(digits: Int)

        var isCore: Bool {
            switch self {
            case .text, .weekday: return false
            default: return true
            }
        }
    }

    /// New values for the template's slots.
    struct Values {
        var day: Int?
        var month: Int?
        var year: Int?
        var weekday: Int?
        var endMonth: Int?
        var endYear: Int?
    }

    static let weekdayNames = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    static let weekdayAbbreviations = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    /// Month name tables, in the order in which an ambiguous written name picks its style ("Mai" is full).
    static let monthStyles: [[String]] = [
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        ["Januar", "Februar", "Maerz", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sept", "Okt", "Nov", "Dez"],
    ]

    var slots: [Slot]
    var day: Int?
    var month: Int?
    /// The year as a full number (two-digit years expanded as `GermanDate.expandYear` does).
    var year: Int?
    var endMonth: Int?
    var endYear: Int?
    /// The weekday the writer gave, 0 = Monday … 6 = Sunday: evidence of the year a date without one means.
    var weekday: Int?
    /// Whether day and month numbers are written with a leading zero ("03.04." rather than "3.4.").
    var padded: Bool

    /// Whether a day, month and year were all written.
    var isComplete: Bool { day != nil && month != nil && year != nil }
    /// Whether the writer gave the month name in words ("12. März 2024").
    var hasMonthName: Bool { slots.contains { if case .monthName = $0 { return true } else { return false } } }
    /// Whether the date is written in ISO order ("2024-03-12").
    var isISO: Bool { slots.first(where: \.isCore) == .year(digits: 4) && day != nil }

    /// Reads the date written in `text`; nil when no day-month, month-year or year can be read from it.
    static func parse(_ text: String) -> WrittenDate? {
        var parser = Parser(runs: Run.split(text))
        return parser.parse()
    }

    /// The text before the core (weekday, ", den "), the core's slots, and the text after it (a time).
    var prefix: [Slot] { Array(slots.prefix { !$0.isCore }) }
    var suffix: [Slot] {
        guard let last = slots.lastIndex(where: \.isCore) else { return [] }
        return Array(slots[(last + 1)...])
    }
    var core: [Slot] {
        guard let first = slots.firstIndex(where: \.isCore), let last = slots.lastIndex(where: \.isCore) else { return [] }
        return Array(slots[first...last])
    }

    /// The date itself as written, without weekday and time: "12.09.2024" of "Do, 12.09.2024, 23:40 Uhr".
    var coreText: String { render(core, Values(day: day, month: month, year: year, endMonth: endMonth, endYear: endYear)) }

    /// Writes `slots` with `values` in this date's format.
    func render(_ slots: [Slot], _ values: Values) -> String {
        var output = ""
        for slot in slots {
            switch slot {
            case let .text(text): output += text
            case let .weekday(names, letterCase):
                output += values.weekday.map { Self.apply(letterCase, names[$0]) } ?? ""
            case .day: output += number(values.day)
            case .month: output += number(values.month)
            case let .monthName(names, letterCase): output += values.month.map { Self.apply(letterCase, names[$0 - 1]) } ?? ""
            case let .year(digits): output += Self.year(values.year, digits: digits)
            case .endMonth: output += number(values.endMonth)
            case let .endYear(digits): output += Self.year(values.endYear, digits: digits)
            }
        }
        return output
    }

    /// The whole template with `values`.
    func render(_ values: Values) -> String { render(slots, values) }

    private func number(_ value: Int?) -> String {
        guard let value else { return "" }
        return padded && value < 10 ? "0\(value)" : "\(value)"
    }

    static func year(_ value: Int?, digits: Int) -> String {
        guard let value else { return "" }
        if digits == 2 { let short = ((value % 100) + 100) % 100; return short < 10 ? "0\(short)" : "\(short)" }
        return "\(value)"
    }

    static func apply(_ letterCase: LetterCase, _ word: String) -> String {
        switch letterCase {
        case .capitalized: return word
        case .upper: return word.uppercased()
        case .lower: return word.lowercased()
        }
    }

    static func letterCase(of word: String) -> LetterCase {
        if word.count > 1 && word == word.uppercased() { return .upper }
        if word == word.lowercased() { return .lower }
        return .capitalized
    }

    /// A run of digits, of letters, or one other character.
    struct Run: Equatable {
        enum Kind { case digits, letters, other }
        var kind: Kind
        var text: String

        static func split(_ text: String) -> [Run] {
            var runs: [Run] = []
            for character in text {
                let kind: Kind = character.isASCII && character.isNumber ? .digits : character.isLetter ? .letters : .other
                if kind != .other, let last = runs.last, last.kind == kind { runs[runs.count - 1].text.append(character) } else {
                    runs.append(Run(kind: kind, text: String(character)))
                }
            }
            return runs
        }
    }

    /// Assigns a role to each run: weekday, then the date's core (ISO; day and month name; numbers separated by
    /// dots, spaces or slashes; a month range; a year), then the rest as literal text.
    private struct Parser {
        let runs: [Run]
        var index = 0
        var slots: [Slot] = []
        var date = WrittenDate(slots: [], padded: true)
        var paddingEvidence: [Bool] = []

        init(runs: [Run]) { self.runs = runs }

        mutating func parse() -> WrittenDate? {
            if let first = runs.first, first.kind == .letters, let weekday = Self.weekday(first.text) {
                slots.append(.weekday(names: weekday, letterCase: WrittenDate.letterCase(of: first.text)))
                date.weekday = weekday.firstIndex { $0.lowercased() == first.text.lowercased() }
                index = 1
            }
            while index < runs.count, runs[index].kind != .digits, monthNames(at: index) == nil {
                slots.append(.text(runs[index].text)); index += 1
            }
            guard index < runs.count else { return nil }
            if monthNames(at: index) != nil {
                guard takeMonthName(), let position = yearAfterSeparator(spacesOnly: false) else { return nil }
                appendText(index..<position)
                takeYear(at: position)
            } else {
                guard parseNumericCore() else { return nil }
            }
            for run in runs[index...] { slots.append(.text(run.text)) }
            date.slots = slots
            date.padded = paddingEvidence.contains(true) || !paddingEvidence.contains(false)
            if let month = date.month, !(1...12).contains(month) { return nil }
            if let day = date.day, !(1...31).contains(day) { return nil }
            if let endMonth = date.endMonth, !(1...12).contains(endMonth) { return nil }
            return date
        }

        private mutating func parseNumericCore() -> Bool {
            let first = runs[index].text
            guard let firstValue = Int(first) else { return false }
            if first.count == 4 {
                // ISO "2024-03-12" or a year, possibly a school year "2019/20".
                if text(at: index + 1) == "-", runs.indices.contains(index + 4), runs[index + 2].kind == .digits,
                   text(at: index + 3) == "-", runs[index + 4].kind == .digits {
                    date.year = firstValue; slots.append(.year(digits: 4))
                    slots.append(.text("-")); takeNumber(at: index + 2, as: .month)
                    slots.append(.text("-")); takeNumber(at: index + 4, as: .day)
                    index += 5
                    return true
                }
                date.year = firstValue; slots.append(.year(digits: 4)); index += 1
                if text(at: index) == "/", index + 1 < runs.count, runs[index + 1].kind == .digits,
                   [2, 4].contains(runs[index + 1].text.count), let end = Int(runs[index + 1].text) {
                    slots.append(.text("/")); slots.append(.endYear(digits: runs[index + 1].text.count))
                    date.endYear = runs[index + 1].text.count == 2 ? firstValue / 100 * 100 + end : end
                    index += 2
                }
                return true
            }
            guard first.count <= 2 else { return false }
            // What follows the first number: separators, then a number or a month name.
            var next = index + 1
            var separator = ""
            while next < runs.count, runs[next].kind == .other, separator.count < 4 { separator += runs[next].text; next += 1 }
            let compact = separator.filter { $0 != " " }
            if next < runs.count, monthNames(at: next) != nil, compact == "." || compact.isEmpty {
                takeNumber(at: index, as: .day)
                appendText(index + 1..<next)
                index = next
                _ = takeMonthName()
                if let position = yearAfterSeparator(spacesOnly: false) { appendText(index..<position); takeYear(at: position) }
                return true
            }
            guard next < runs.count, runs[next].kind == .digits, runs[next].text.count <= 2 || compact == "/" else {
                // A day alone, the first day of a range ("06" in "06-07.11.2024"), perhaps with its dot.
                takeNumber(at: index, as: .day)
                index += 1
                return true
            }
            if compact == "/" {
                // d/m/y or m/y.
                var afterSecond = next + 1
                var secondSeparator = ""
                while afterSecond < runs.count, runs[afterSecond].kind == .other, secondSeparator.count < 1 {
                    secondSeparator += runs[afterSecond].text; afterSecond += 1
                }
                if secondSeparator == "/", afterSecond < runs.count, runs[afterSecond].kind == .digits, [2, 4].contains(runs[afterSecond].text.count) {
                    takeNumber(at: index, as: .day); appendText(index + 1..<next)
                    takeNumber(at: next, as: .month); appendText(next + 1..<afterSecond)
                    takeYear(at: afterSecond)
                    index = afterSecond + 1
                    return true
                }
                guard [2, 4].contains(runs[next].text.count) else { return false }
                takeNumber(at: index, as: .month); appendText(index + 1..<next)
                takeYear(at: next)
                index = next + 1
                return true
            }
            if compact == "-" || compact == "–" {
                // A month range "03 - 05/2021".
                guard text(at: next + 1) == "/", next + 2 < runs.count, runs[next + 2].kind == .digits else { return false }
                takeNumber(at: index, as: .month); appendText(index + 1..<next)
                takeNumber(at: next, as: .endMonth); slots.append(.text("/"))
                takeYear(at: next + 2)
                index = next + 3
                return true
            }
            guard compact == "." || compact.isEmpty else { return false }
            takeNumber(at: index, as: .day); appendText(index + 1..<next)
            takeNumber(at: next, as: .month)
            index = next + 1
            if let position = yearAfterSeparator(spacesOnly: true) { appendText(index..<position); takeYear(at: position) }
            return true
        }

        /// A year after the current position: at most a dot and one space (or only spaces) between, two or four
        /// digits, and not the hour of a time ("12.3. 10:30").
        private func yearAfterSeparator(spacesOnly: Bool) -> Int? {
            var position = index
            var separator = ""
            while position < runs.count, runs[position].kind == .other, separator.count < 3 { separator += runs[position].text; position += 1 }
            guard position < runs.count, runs[position].kind == .digits, [2, 4].contains(runs[position].text.count) else { return nil }
            let allowed: Set<String> = spacesOnly ? [".", ". ", " ", "", ".  "] : [".", ". ", " ", "", ".  ", "  "]
            guard allowed.contains(separator) else { return nil }
            if text(at: position + 1) == ":" { return nil }
            return position
        }

        private mutating func takeYear(at position: Int) {
            let text = runs[position].text
            date.year = GermanDate.expandYear(Int(text)!)
            slots.append(.year(digits: text.count))
            index = position + 1
        }

        private enum Role { case day, month, endMonth }

        private mutating func takeNumber(at position: Int, as role: Role) {
            let text = runs[position].text
            let value = Int(text)!
            if text.count == 1 { paddingEvidence.append(false) } else if value < 10 { paddingEvidence.append(true) }
            switch role {
            case .day: date.day = value; slots.append(.day)
            case .month: date.month = value; slots.append(.month)
            case .endMonth: date.endMonth = value; slots.append(.endMonth)
            }
        }

        private mutating func takeMonthName() -> Bool {
            guard let names = monthNames(at: index) else { return false }
            let written = runs[index].text
            let lower = written.lowercased()
            date.month = names.firstIndex { $0.lowercased() == lower }! + 1
            slots.append(.monthName(names: names, letterCase: WrittenDate.letterCase(of: written)))
            index += 1
            return true
        }

        private mutating func appendText(_ range: Range<Int>) {
            for position in range where position < runs.count { slots.append(.text(runs[position].text)) }
        }

        private func text(at position: Int) -> String? { runs.indices.contains(position) ? runs[position].text : nil }

        private func monthNames(at position: Int) -> [String]? {
            guard runs.indices.contains(position), runs[position].kind == .letters else { return nil }
            let lower = runs[position].text.lowercased()
            return WrittenDate.monthStyles.first { $0.contains { $0.lowercased() == lower } }
        }

        private static func weekday(_ word: String) -> [String]? {
            let lower = word.lowercased()
            if WrittenDate.weekdayNames.contains(where: { $0.lowercased() == lower }) { return WrittenDate.weekdayNames }
            if WrittenDate.weekdayAbbreviations.contains(where: { $0.lowercased() == lower }) { return WrittenDate.weekdayAbbreviations }
            return nil
        }
    }
}
