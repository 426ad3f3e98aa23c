/// The time of day after a date belongs to the date ("Di 16.04. um 10 Uhr", "heute 13:10", "gestern Abend so
/// gg 23 uhr"), and so does a weekday abbreviation before a numeric date ("fr 08.03."): left readable beside a
/// masked date, either tells the day the mask hides. A date found by any rule is widened over them; a time
/// behind a closing bracket ("(20.05.) gegen 2 Uhr") becomes a date finding of its own; a date in brackets
/// right after a date joins it ("Pfingstmontag (20.05.)"), and so does one after a dash ("10.–16.11.2025").
///
/// The shift and generalising operators read widened dates as before: `WrittenDate` keeps a weekday before
/// and a time after the core as written.
struct DateTail {
    static let label = RuleLabel(rule: "engine.time-after-date", type: "date.time")
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let units = text.units
        var added: [Candidate] = []
        // The ends of the dates that start at each offset, as found (before any is widened).
        var dateEnds: [Int: Int] = [:]
        for index in candidates.indices where candidates[index].category == .date && candidates[index].score >= threshold {
            dateEnds[candidates[index].range.lowerBound] = max(dateEnds[candidates[index].range.lowerBound] ?? 0,
                                                               candidates[index].range.upperBound)
        }
        // Where each date in words ends ("Ostersonntag", "Freitag"): one right before a numeric date, past a comma,
        // names its day ("am Ostersonntag, 20.04.2025").
        var wordDateStarts: [Int: Int] = [:]
        for index in candidates.indices where candidates[index].category == .date && candidates[index].score >= threshold
            && !units[candidates[index].range].contains(where: isASCIIDigit) {
            wordDateStarts[candidates[index].range.upperBound] = candidates[index].range.lowerBound
        }
        for index in candidates.indices where candidates[index].category == .date && candidates[index].score >= threshold {
            let range = candidates[index].range
            // A year alone ("seit 2024") fixes no day a time could belong to.
            if range.count == 4 && units[range].allSatisfy(isASCIIDigit) { continue }
            var start = range.lowerBound
            if let digit = units[safe: start], isASCIIDigit(digit), let weekday = weekdayBefore(start, in: units) { start = weekday }
            if let dayPart = dayPartBefore(start, in: units) { start = dayPart }
            if let digit = units[safe: start], isASCIIDigit(digit), start >= 2, units[start - 1] == 0x20, units[start - 2] == 0x2C,
               let day = wordDateStarts[start - 2] { start = day }
            var end = range.upperBound
            if let bracketed = bracketedDateEnd(after: end, in: units, dateEnds: dateEnds) { end = bracketed }
            if let joined = rangeEnd(after: end, in: units, dateEnds: dateEnds) { end = joined }
            if let tail = timeTail(after: end, in: units) {
                if tail.crossesBracket {
                    added.append(Candidate(range: tail.range, category: .date, label: Self.label, score: threshold, derived: true))
                } else {
                    end = tail.range.upperBound
                }
            }
            if let words = wordTail(after: end, in: units) { end = words }
            candidates[index].range = start..<end
        }
        candidates.append(contentsOf: added)
    }

    /// The end of the date after a dash right after a date ("10.–16.11.2025", "15.08. – 31.10.2025"): a range
    /// is one mention, and the dash left between two placeholders says only that a range stood there.
    private func rangeEnd(after offset: Int, in units: [UInt16], dateEnds: [Int: Int]) -> Int? {
        var position = offset
        if position < units.count && units[position] == 0x20 { position += 1 }
        guard position < units.count, units[position] == 0x2D || units[position] == 0x2013 else { return nil }
        position += 1
        if position < units.count && units[position] == 0x20 { position += 1 }
        return dateEnds[position]
    }

    /// The end of a date in brackets right after a date ("Pfingstmontag (20.05.)", "Freitag (03.05.)",
    /// "gestern (13.01.)"), closing bracket included: the day and its date are one mention, and brackets left
    /// between two placeholders only tell that a weekday or holiday stood before a date.
    private func bracketedDateEnd(after offset: Int, in units: [UInt16], dateEnds: [Int: Int]) -> Int? {
        var position = offset
        while position < units.count && (units[position] == 0x20 || units[position] == 0xA0) { position += 1 }
        guard position - offset <= 2, position < units.count, units[position] == 0x28,
              let inner = dateEnds[position + 1], inner < units.count, units[inner] == 0x29 else { return nil }
        return inner + 1
    }

    /// A time (with connectors such as "um", "gegen", "ca.") after `offset`, past spaces, one comma and one
    /// closing bracket.
    private func timeTail(after offset: Int, in units: [UInt16]) -> (range: Range<Int>, crossesBracket: Bool)? {
        var position = offset
        var crossesBracket = false
        var commas = 0
        while position < units.count {
            let unit = units[position]
            if unit == 0x20 || unit == 0x09 || unit == 0xA0 { position += 1 } else if unit == 0x2C && commas == 0 {
                commas += 1; position += 1
            } else if unit == 0x29 && !crossesBracket && commas == 0 { crossesBracket = true; position += 1 } else { break }
        }
        // A rule that took the hour as part of the date ("16.04. 10") leaves its "Uhr".
        if !crossesBracket, offset > 0, isASCIIDigit(units[offset - 1]), let word = hourWord(at: position, in: units),
           !(word < units.count && isLetter(units[word])) {
            return (offset..<word, false)
        }
        var tailStart = position
        for _ in 0..<2 {
            guard let word = connector(at: position, in: units) else { break }
            position = word
            while position < units.count && (units[position] == 0x20 || units[position] == 0xA0) { position += 1 }
        }
        guard var end = time(at: position, in: units) ?? hourRange(at: position, in: units) else { return nil }
        // A range: "13:30-14:15 Uhr", "14 bis 15 Uhr".
        var next = end
        while next < units.count && units[next] == 0x20 { next += 1 }
        if next < units.count && (units[next] == 0x2D || units[next] == 0x2013) {
            next += 1
            while next < units.count && units[next] == 0x20 { next += 1 }
            if let rangeEnd = time(at: next, in: units) { end = rangeEnd }
        } else if let andWord = word(Self.and, at: next, in: units) ?? word(Self.until, at: next, in: units) {
            // "zwischen 01:10 und 01:40 Uhr", "von 14 bis 15 Uhr".
            var after = andWord
            while after < units.count && units[after] == 0x20 { after += 1 }
            if let rangeEnd = time(at: after, in: units) { end = rangeEnd }
        }
        if crossesBracket {
            while tailStart < units.count && units[tailStart] == 0x20 { tailStart += 1 }
            return (tailStart..<end, true)
        }
        return (offset..<end, false)
    }

    /// "10 Uhr", "9:15", "13.10 Uhr", "23 uhr", "14h": hours 0–23 with minutes or an hour word; the end offset.
    private func time(at start: Int, in units: [UInt16]) -> Int? {
        guard var position = hour(at: start, in: units) else { return nil }
        var hasMinutes = false
        if position + 2 < units.count, units[position] == 0x3A || units[position] == 0x2E,
           isASCIIDigit(units[position + 1]), isASCIIDigit(units[position + 2]), units[position + 1] <= 0x35 {
            hasMinutes = true; position += 3
        }
        let afterSpace = position < units.count && (units[position] == 0x20 || units[position] == 0xA0) ? position + 1 : position
        if let word = hourWord(at: afterSpace, in: units), !(word < units.count && isLetter(units[word])) {
            position = word
        } else if !hasMinutes {
            return nil
        }
        if position < units.count, isASCIIDigit(units[position]) || isLetter(units[position]) { return nil }
        // "15.04." is a date, not a quarter past three.
        if hasMinutes, units[position - 3] == 0x2E, position < units.count, units[position] == 0x2E { return nil }
        return position
    }

    /// An hour of one or two digits, 0–24, at `start` ("24:00 Uhr" ends a day); the end offset.
    private func hour(at start: Int, in units: [UInt16]) -> Int? {
        var end = start, value = 0
        while end < units.count, isASCIIDigit(units[end]), end - start < 3 { value = value * 10 + Int(units[end] - 0x30); end += 1 }
        return (1...2).contains(end - start) && value <= 24 ? end : nil
    }

    /// "18-24 Uhr", "9–12 Uhr": a range of whole hours with its hour word; the end offset.
    private func hourRange(at start: Int, in units: [UInt16]) -> Int? {
        guard var position = hour(at: start, in: units) else { return nil }
        if position < units.count && units[position] == 0x20 { position += 1 }
        guard position < units.count, units[position] == 0x2D || units[position] == 0x2013 else { return nil }
        position += 1
        if position < units.count && units[position] == 0x20 { position += 1 }
        guard var end = hour(at: position, in: units) else { return nil }
        if end < units.count && units[end] == 0x20 { end += 1 }
        guard let word = hourWord(at: end, in: units), !(word < units.count && isLetter(units[word])) else { return nil }
        return word
    }

    /// "Uhr"/"uhr"/"h" at `start`; the end offset.
    private func hourWord(at start: Int, in units: [UInt16]) -> Int? {
        // "Uhr", "uhr", and "UHR" of a fax in capitals.
        if start + 3 <= units.count, units[start] | 0x20 == 0x75, units[start + 1] | 0x20 == 0x68, units[start + 2] | 0x20 == 0x72,
           (units[start + 1] == 0x68) == (units[start + 2] == 0x72) { return start + 3 }
        if start < units.count, units[start] == 0x68 { return start + 1 }
        return nil
    }

    private static let connectors: [[UInt16]] = ["um", "gegen", "ca.", "ca", "circa", "etwa", "gg.", "gg", "so", "ab",
                                                 "zwischen", "von"].map { Array($0.utf16) }
    private static let and = Array("und".utf16), until = Array("bis".utf16)

    /// The offset after `word` at `start` when a space follows it.
    private func word(_ word: [UInt16], at start: Int, in units: [UInt16]) -> Int? {
        let end = start + word.count
        guard units.has(word, at: start), end < units.count, units[end] == 0x20 else { return nil }
        return end
    }

    /// A connector word at `start` (any case), followed by a space; the offset after it.
    private func connector(at start: Int, in units: [UInt16]) -> Int? {
        for word in Self.connectors where start + word.count < units.count {
            var matches = true
            for (offset, unit) in word.enumerated() where lower(units[start + offset]) != unit { matches = false; break }
            guard matches else { continue }
            let after = start + word.count
            if word.last == 0x2E || units[after] == 0x20 || units[after] == 0xA0 { return after }
        }
        return nil
    }

    /// Words after a date that narrow it: the part of the day ("01.03. nachts") or the year of a month
    /// ("Oktober letzten Jahres").
    private static let tailWords: [[UInt16]] = [
        "nachts", "abends", "morgens", "vormittags", "nachmittags", "mittags", "früh", "spätabends", "frühmorgens",
        "letzten jahres", "vorigen jahres", "vergangenen jahres", "dieses jahres", "diesen jahres", "nächsten jahres",
        "kommenden jahres",
    ].map { Array($0.utf16) }

    /// The end of a narrowing word after `offset`, past spaces and one comma ("13.06.2025, vormittags"); nil
    /// when none follows.
    private func wordTail(after offset: Int, in units: [UInt16]) -> Int? {
        var position = offset
        if position < units.count && units[position] == 0x2C { position += 1 }
        while position < units.count && (units[position] == 0x20 || units[position] == 0xA0) { position += 1 }
        guard position > offset else { return nil }
        for word in Self.tailWords where position + word.count <= units.count {
            var matches = true
            for (step, unit) in word.enumerated() where lower(units[position + step]) != unit { matches = false; break }
            let end = position + word.count
            if matches && (end == units.count || !isLetter(units[end])) { return end }
        }
        return nil
    }

    /// Parts of the day written before a date with "des", "vom" or "zum" ("Abend des 13.04.", "Nacht zum 02.03.").
    private static let dayParts: [[UInt16]] = ["abend", "morgen", "vormittag", "nachmittag", "mittag", "nacht"].map { Array($0.utf16) }

    /// The start of "Abend des " and its like right before a date at `start`.
    private func dayPartBefore(_ start: Int, in units: [UInt16]) -> Int? {
        var position = start
        guard position >= 1, units[position - 1] == 0x20 else { return nil }
        position -= 1
        var linkStart = position
        while linkStart > 0 && isLetter(units[linkStart - 1]) { linkStart -= 1 }
        let link = units[linkStart..<position].map(lower)
        guard ["des", "vom", "zum"].contains(where: { $0.utf16.elementsEqual(link) }), linkStart >= 2, units[linkStart - 1] == 0x20 else { return nil }
        var wordStart = linkStart - 1
        while wordStart > 0 && isLetter(units[wordStart - 1]) { wordStart -= 1 }
        let word = units[wordStart..<(linkStart - 1)].map(lower)
        return Self.dayParts.contains(word) ? wordStart : nil
    }

    private static let weekdays: [[UInt16]] = ["mo", "di", "mi", "do", "fr", "sa", "so"].map { Array($0.utf16) }

    /// The start of a weekday abbreviation right before a date at `start` ("fr 08.03.", "Di., 16.04.").
    private func weekdayBefore(_ start: Int, in units: [UInt16]) -> Int? {
        var position = start
        while position > 0 && (units[position - 1] == 0x20 || units[position - 1] == 0xA0) { position -= 1 }
        if position > 0 && units[position - 1] == 0x2C { position -= 1 }
        if position > 0 && units[position - 1] == 0x2E { position -= 1 }
        guard position >= 2, position < start else { return nil }
        let word = [lower(units[position - 2]), lower(units[position - 1])]
        guard Self.weekdays.contains(word), position == 2 || !isLetter(units[position - 3]) else { return nil }
        return position - 2
    }

    private func isLetter(_ unit: UInt16) -> Bool { (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A || unit >= 0xC0 && unit < 0x2000 }
    private func lower(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
