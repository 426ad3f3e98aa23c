/// Rewrites the dates of one note: shifted by the case's offset in the writer's format, relative to an anchor
/// date ("Tag +10", "Monat -2", "Jahr -17"; a time after the date stays), or generalised to month or year
/// ("März 2024" when the month was written as a word, else "03/2024"; "2024").
///
/// Partial dates are completed before they are rewritten, and only the written parts are written back:
/// - a day and month without a year ("am 3.5.", "19.3.") take the year that puts them nearest to the closest
///   complete date before them in the note (else the first one after them; else the anchor date; else 2024,
///   a leap year, so "29.2." stays valid) — notes are written in order, and "28.12.2023 … am 3.1." is January
///   2024;
/// - a day alone (the first day of a range, "06" in "06-07.11.2024") takes month and year from the next date;
/// - month precision ("März 2024", "03/2024") is shifted as its 15th, year precision ("seit 2007") as its
///   2 July: a month moves to the month into which most of its days move.
struct DateRewriter {
    /// What happens to each date.
    enum Mode: Equatable {
        case shift(days: Int)
        case relative(anchor: CalendarDay)
        case generalizeMonth
        case generalizeYear
    }

    /// One date finding: its text and whether it is a birth date.
    struct Input {
        var surface: String
        var isBirthDate: Bool
    }

    let mode: Mode
    /// The anchor date, for completing partial dates and for ages from birth dates.
    let anchor: CalendarDay?
    /// Whether ages from birth dates are banded.
    let bandAges: Bool

    /// The replacement of each date; nil where the date cannot be read (the caller keeps its placeholder).
    func rewrite(_ inputs: [Input]) -> [String?] {
        let dates = inputs.map { WrittenDate.parse($0.surface) }
        let resolved = resolve(dates, birthDates: inputs.map(\.isBirthDate))
        return inputs.indices.map { index in
            guard let date = dates[index], let value = resolved[index] else { return nil }
            let partner = inputs.indices.dropFirst(index + 1).first { dates[$0]?.month != nil }.flatMap { resolved[$0] }
            return render(date, value, partner: partner, isBirthDate: inputs[index].isBirthDate)
        }
    }

    /// A date completed to its precision.
    enum Resolved: Equatable {
        case day(CalendarDay)
        case month(year: Int, month: Int, endMonth: Int?)
        case year(Int, endYear: Int?)
    }

    private func resolve(_ dates: [WrittenDate?], birthDates: [Bool]) -> [Resolved?] {
        // A birth date is no reference for the year of a later "am 13.2.": it lies decades before the events.
        let complete: [(index: Int, day: CalendarDay)] = dates.indices.compactMap { index in
            guard !birthDates[index], let date = dates[index], date.isComplete, let day = CalendarDay(year: date.year!, month: date.month!, day: date.day!) else { return nil }
            return (index, day)
        }
        func reference(for index: Int) -> CalendarDay {
            complete.last { $0.index < index }?.day ?? complete.first { $0.index > index }?.day ?? anchor
                ?? CalendarDay(year: 2024, month: 7, day: 1)!
        }
        // The year nearest the reference; a weekday the writer gave ("Do., 13.2.") chooses among the
        // neighbouring years the one in which the date falls on it, so the shifted weekday is the calendar's.
        func completeDay(_ day: Int, _ month: Int, weekday: Int?, near reference: CalendarDay) -> CalendarDay? {
            let year = reference.components.year
            let candidates = [year, year - 1, year + 1].compactMap { CalendarDay(year: $0, month: month, day: day) }
            let fitting = candidates.filter { $0.weekday == weekday }
            return (fitting.isEmpty ? candidates : fitting).min { abs($0.number - reference.number) < abs($1.number - reference.number) }
        }
        var result: [Resolved?] = dates.indices.map { index in
            guard let date = dates[index] else { return nil }
            if let day = date.day, let month = date.month {
                if let year = date.year { return CalendarDay(year: year, month: month, day: day).map(Resolved.day) }
                return completeDay(day, month, weekday: date.weekday, near: reference(for: index)).map(Resolved.day)
            }
            if let month = date.month, let year = date.year { return .month(year: year, month: month, endMonth: date.endMonth) }
            if let year = date.year, date.day == nil { return .year(year, endYear: date.endYear) }
            return nil
        }
        // A day alone: month and year from the next date that has them.
        for index in dates.indices {
            guard let date = dates[index], let day = date.day, date.month == nil else { continue }
            guard let next = dates.indices.dropFirst(index + 1).first(where: { dates[$0]?.month != nil }),
                  case let .day(partner)? = result[next] else { continue }
            let (year, month, partnerDay) = partner.components
            guard day <= partnerDay, let value = CalendarDay(year: year, month: month, day: day) else { continue }
            result[index] = .day(value)
        }
        return result
    }

    private func render(_ date: WrittenDate, _ value: Resolved, partner: Resolved?, isBirthDate: Bool) -> String? {
        switch mode {
        case let .shift(days): return shifted(date, value, by: days, partner: partner)
        case let .relative(anchor): return relative(date, value, to: anchor, isBirthDate: isBirthDate)
        case .generalizeMonth: return generalized(date, value, keepMonth: true)
        case .generalizeYear: return generalized(date, value, keepMonth: false)
        }
    }

    private func shifted(_ date: WrittenDate, _ value: Resolved, by days: Int, partner: Resolved?) -> String {
        switch value {
        case let .day(day):
            let new = day.adding(days: days)
            let (year, month, dayOfMonth) = new.components
            let values = WrittenDate.Values(day: dayOfMonth, month: month, year: year, weekday: new.weekday)
            // A range's first day alone ("06" of "06-07.11.2024") gets its month when the shift splits the range.
            if date.month == nil, case let .day(end)? = partner, end.adding(days: days).components.month != month {
                var suffix = date.suffix
                if suffix.first == .text(".") { suffix.removeFirst() }
                return date.render(date.prefix + date.core + [.text("."), .month, .text(".")] + suffix, values)
            }
            return date.render(values)
        case let .month(year, month, endMonth):
            let (newYear, newMonth) = shiftMonth(year, month, by: days)
            guard let endMonth else { return date.render(.init(month: newMonth, year: newYear)) }
            let (endYear, newEndMonth) = shiftMonth(year, endMonth, by: days)
            if endYear != newYear {
                // "11 - 12/2021" moved across a new year: both ends get their year.
                let digits = date.slots.compactMap { if case let .year(digits) = $0 { return digits } else { return nil } }.first ?? 4
                let pad = { (value: Int) in date.padded && value < 10 ? "0\(value)" : "\(value)" }
                return "\(pad(newMonth))/\(WrittenDate.year(newYear, digits: digits)) - \(pad(newEndMonth))/\(WrittenDate.year(endYear, digits: digits))"
            }
            return date.render(.init(month: newMonth, year: newYear, endMonth: newEndMonth))
        case let .year(year, endYear):
            return date.render(.init(year: shiftYear(year, by: days), endYear: endYear.map { shiftYear($0, by: days) }))
        }
    }

    private func relative(_ date: WrittenDate, _ value: Resolved, to anchor: CalendarDay, isBirthDate: Bool) -> String {
        // Only a time after the date stays ("Tag +3, 22:40 Uhr"); the date's own closing dot goes.
        let after = date.render(date.suffix, .init())
        let suffix = after.contains(where: \.isNumber) ? after : ""
        let (anchorYear, anchorMonth, _) = anchor.components
        switch value {
        case let .day(day):
            if isBirthDate { return "[\(age(anchor.years(since: day))) Jahre alt]" }
            return "Tag \(signed(day.number - anchor.number))" + suffix
        case let .month(year, month, endMonth):
            let start = "Monat \(signed((year - anchorYear) * 12 + month - anchorMonth))"
            guard let endMonth else { return start + suffix }
            return start + " bis Monat \(signed((year - anchorYear) * 12 + endMonth - anchorMonth))" + suffix
        case let .year(year, endYear):
            if isBirthDate {
                let upper = anchorYear - year
                return bandAges ? "[\(AgeBand.band(for: upper)) Jahre alt]" : "[\(max(upper - 1, 0))–\(upper) Jahre alt]"
            }
            let start = "Jahr \(signed(year - anchorYear))"
            guard let endYear else { return start + suffix }
            return start + " bis Jahr \(signed(endYear - anchorYear))" + suffix
        }
    }

    private func generalized(_ date: WrittenDate, _ value: Resolved, keepMonth: Bool) -> String {
        let year: Int, month: Int?
        switch value {
        case let .day(day): (year, month) = (day.components.year, day.components.month)
        case let .month(valueYear, valueMonth, _):
            if keepMonth { return date.render(date.core, .init(month: valueMonth, year: valueYear, endMonth: date.endMonth)) }
            (year, month) = (valueYear, valueMonth)
        case let .year(valueYear, _):
            return keepMonth || date.endYear != nil ? date.render(date.core, .init(year: valueYear, endYear: date.endYear)) : "\(valueYear)"
        }
        guard keepMonth, let month else { return "\(year)" }
        let yearWritten = date.year != nil
        if date.isISO { return "\(year)-\(month < 10 ? "0" : "")\(month)" }
        if let names = date.slots.compactMap({ if case let .monthName(names, _) = $0 { return names } else { return nil } }).first {
            return yearWritten ? "\(names[month - 1]) \(year)" : names[month - 1]
        }
        let digits = date.slots.compactMap { if case let .year(digits) = $0 { return digits } else { return nil } }.first ?? 4
        return "\(month < 10 ? "0" : "")\(month)/\(WrittenDate.year(year, digits: digits))"
    }

    private func shiftMonth(_ year: Int, _ month: Int, by days: Int) -> (Int, Int) {
        let components = CalendarDay(year: year, month: month, day: 15)!.adding(days: days).components
        return (components.year, components.month)
    }

    private func shiftYear(_ year: Int, by days: Int) -> Int {
        CalendarDay(year: year, month: 7, day: 2)!.adding(days: days).components.year
    }

    private func age(_ years: Int) -> String { bandAges ? AgeBand.band(for: years) : "\(max(years, 0))" }

    private func signed(_ value: Int) -> String { value == 0 ? "0" : value > 0 ? "+\(value)" : "-\(-value)" }
}
