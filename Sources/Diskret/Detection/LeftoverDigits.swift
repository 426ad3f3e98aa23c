/// What `diskret check` flags besides the rules' findings (rule `check.leftover-digits`): digits that a
/// filter left readable outside a placeholder — a run of five or more digits, digits in a phone number's
/// shape (a leading 0 or +, groups, six digits or more) or an IBAN's. A checker catches what a filter
/// missed: the subscriber number left after "Tel. [Telefon 1]". Read through the detection view, so a
/// zero-width character or a full-width digit does not hide a run.
package enum LeftoverDigits {
    /// The rule id in `diskret check`'s output.
    package static let rule = "check.leftover-digits"

    /// One leftover: Unicode-scalar offsets into the text, and the category its shape suggests.
    package struct Leftover: Equatable, Sendable {
        package var start: Int
        package var end: Int
        package var category: Category
    }

    /// The leftovers in `text` that overlap none of `findings`.
    package static func find(in text: String, besides findings: [Finding] = []) throws(DiskretError) -> [Leftover] {
        let note = UTF16Conversion.units(of: text)
        let view = try DetectionView(note: note)
        let units = view.units
        let placeholder = placeholders(in: units)
        var found: [(range: Range<Int>, category: Category)] = []
        var index = 0
        while index < units.count {
            if placeholder[index] || !isASCIIDigit(units[index]) { index += 1; continue }
            let start = index
            if let end = iban(units, at: start, placeholder) {
                found.append((start..<end, .id)); index = end; continue
            }
            // A number: runs of digits joined by one space, hyphen or slash (or an area code in brackets).
            var end = index, runs = 0, digits = 0, longest = 0
            var position = index
            while position < units.count && !placeholder[position] && isASCIIDigit(units[position]) {
                var run = 0
                while position < units.count && !placeholder[position] && isASCIIDigit(units[position]) { run += 1; position += 1 }
                runs += 1; digits += run; longest = max(longest, run); end = position
                guard position + 1 < units.count, [0x20, 0x2D, 0x2F, 0x29].contains(units[position]) else { break }
                var next = position + 1
                if units[position] == 0x29 && next + 1 < units.count && units[next] == 0x20 { next += 1 }
                guard isASCIIDigit(units[next]) else { break }
                position = next
            }
            // A phone number starts with its trunk 0 or a country code's "+"; "(116 016)", a helpline, does not.
            let plus = start > 0 && units[start - 1] == 0x2B
            let phone = runs >= 2 && digits >= 6 && (units[start] == 0x30 || plus)
            if longest >= 5 || phone {
                let from = plus ? start - 1 : start
                found.append((from..<end, phone ? .contact : .id))
            }
            index = end
        }
        guard !found.isEmpty else { return [] }
        // View offsets → note offsets → scalar offsets.
        var scalarOf = [Int](repeating: 0, count: note.count + 1)
        var scalars = 0
        for (offset, unit) in note.enumerated() {
            scalarOf[offset] = scalars
            if !UTF16.isTrailSurrogate(unit) { scalars += 1 }
        }
        scalarOf[note.count] = scalars
        return found.compactMap { item in
            let range = view.noteRange(item.range)
            let leftover = Leftover(start: scalarOf[range.lowerBound], end: scalarOf[range.upperBound], category: item.category)
            let covered = findings.contains { $0.start < leftover.end && leftover.start < $0.end }
            return covered ? nil : leftover
        }
    }

    /// Per unit, whether it lies inside a placeholder — a capitalised name and at most a four-digit number in
    /// brackets ("[Telefon 1]", "[Kindsmutter]"), so that "[0151 2345678]" is no hiding place — or inside an
    /// explanation "‹rule 95%›".
    private static func placeholders(in units: [UInt16]) -> [Bool] {
        var inside = [Bool](repeating: false, count: units.count)
        var index = 0
        while index < units.count {
            let open = units[index]
            guard open == 0x5B || open == 0x2039 else { index += 1; continue }
            let close: UInt16 = open == 0x5B ? 0x5D : 0x203A
            var end = index + 1
            while end < units.count && end - index <= 64 && units[end] != close && units[end] != 0x0A && units[end] != open { end += 1 }
            let looksLikeOne = end < units.count && units[end] == close && end > index + 1
                && (open == 0x2039 || isPlaceholderName(units[(index + 1)..<end]))
            if looksLikeOne {
                for offset in index...end { inside[offset] = true }
                index = end + 1
            } else {
                index += 1
            }
        }
        return inside
    }

    /// The end of an IBAN starting at `start` (two capitals, two check digits, then at least ten letters or
    /// digits in groups), or nil. `start` is the first check digit.
    private static func iban(_ units: [UInt16], at start: Int, _ placeholder: [Bool]) -> Int? {
        guard start >= 2, isCapital(units[start - 2]), isCapital(units[start - 1]),
              start + 1 < units.count, isASCIIDigit(units[start + 1]) else { return nil }
        if start >= 3 && (isCapital(units[start - 3]) || isASCIIDigit(units[start - 3])) { return nil }
        var position = start + 2, count = 0, end = position
        while position < units.count && !placeholder[position] {
            if isASCIIDigit(units[position]) || isCapital(units[position]) { count += 1; position += 1; end = position; continue }
            if units[position] == 0x20 && position + 1 < units.count && (isASCIIDigit(units[position + 1]) || isCapital(units[position + 1])) {
                position += 1; continue
            }
            break
        }
        return count >= 10 ? end : nil
    }
}

private func isCapital(_ unit: UInt16) -> Bool { unit >= 0x41 && unit <= 0x5A }

/// "Telefon 1", "Kindsmutter", "Adresse 12": a capital, letters, spaces or hyphens, then at most four digits.
private func isPlaceholderName(_ units: ArraySlice<UInt16>) -> Bool {
    guard let first = units.first, Unicode.Scalar(first)?.properties.isUppercase == true else { return false }
    var digits = 0
    for unit in units {
        if isASCIIDigit(unit) { digits += 1; continue }
        guard digits == 0 else { return false }
        if unit == 0x20 || unit == 0x2D || unit == 0x2E { continue }
        guard Unicode.Scalar(unit)?.properties.isAlphabetic == true else { return false }
    }
    return digits <= 4
}
