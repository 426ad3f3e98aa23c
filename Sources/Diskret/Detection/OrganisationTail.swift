/// The partners, legal form and purpose that end a firm's or service's name ("Spedition Huber & Söhne GmbH",
/// "Kanzlei Koç & Brenner", "Frauen helfen Frauen e. V.", "Interventionsstelle Ortenau gegen häusliche Gewalt"):
/// left readable after a masked name, they still name the firm.
enum OrganisationTail {
    /// The end of the name that ends at `end`, with "& Partner"/"& Name" and legal forms behind it.
    static func end(after end: Int, in units: [UInt16]) -> Int {
        var current = hyphenatedPart(at: end, in: units) ?? saintsName(after: end, in: units) ?? end
        while true {
            var position = current
            if position < units.count && units[position] == 0x20 { position += 1 }
            if let next = partner(at: position, in: units) ?? legalForm(at: position, in: units) ?? foundingYear(at: position, in: units)
                ?? purpose(at: position, in: units) {
                current = next
            } else {
                return current
            }
        }
    }

    /// A capitalised word glued on by a hyphen ("Gesamtschule Emschertal-Ost", "Hotel Trave-Residenz"): the
    /// name goes on.
    private static func hyphenatedPart(at start: Int, in units: [UInt16]) -> Int? {
        guard start + 2 < units.count, units[start] == 0x2D, isLatinUpper(units[start + 1]) else { return nil }
        var end = start + 2
        while end < units.count && isLatinLetter(units[end]) { end += 1 }
        return end - start >= 3 ? end : nil
    }

    /// "St. Marien" when the name ends in "St": the saint's name after the full stop is part of it.
    private static func saintsName(after end: Int, in units: [UInt16]) -> Int? {
        guard end >= 2, end + 2 < units.count, units[end - 2] == 0x53, units[end - 1] == 0x74, units[end] == 0x2E,
              units[end + 1] == 0x20, isLatinUpper(units[end + 2]) else { return nil }
        var wordEnd = end + 3
        while wordEnd < units.count && isLatinLetter(units[wordEnd]) { wordEnd += 1 }
        return wordEnd
    }

    /// A club's founding year before its legal form ("TuS Rot-Weiß Beuel 1921 e.V."): only with the form behind it.
    private static func foundingYear(at start: Int, in units: [UInt16]) -> Int? {
        var end = start
        while end < units.count && (0x30...0x39).contains(units[end]) && end - start < 4 { end += 1 }
        guard end - start == 2 || end - start == 4, end < units.count, units[end] == 0x20 else { return nil }
        return legalForm(at: end + 1, in: units)
    }

    /// "& Söhne", "& Co.", "& Brenner", "& Kaya-Hoffmann": an ampersand and one capitalised word.
    private static func partner(at start: Int, in units: [UInt16]) -> Int? {
        guard start < units.count, units[start] == 0x26 else { return nil }
        var position = start + 1
        if position < units.count && units[position] == 0x20 { position += 1 }
        guard position < units.count, isLatinUpper(units[position]) else { return nil }
        var end = position + 1
        while end < units.count && (isLatinLetter(units[end]) || (units[end] == 0x2D && end + 1 < units.count && isLatinUpper(units[end + 1]))) {
            end += 1
        }
        if end < units.count && units[end] == 0x2E && end - position <= 3 { end += 1 }  // "Co."
        return end
    }

    /// What a counselling service works against or for, which its name carries: "… gegen häusliche Gewalt (und
    /// Stalking)", "… für Männer"; a place after it is part of the name ("… gegen häusliche Gewalt Ortenau").
    private static func purpose(at start: Int, in units: [UInt16]) -> Int? {
        for phrase in purposes where units.has(phrase, at: start) {
            var end = start + phrase.count
            guard end == units.count || !isLatinLetter(units[end]) else { continue }
            if units.has(andStalking, at: end) { end += andStalking.count }
            // A place glued on after a space: one capitalised word ("Rostock", "Ortenau").
            if end + 1 < units.count, units[end] == 0x20, isLatinUpper(units[end + 1]) {
                var wordEnd = end + 2
                while wordEnd < units.count && (isLatinLetter(units[wordEnd]) || units[wordEnd] == 0x2D) { wordEnd += 1 }
                if wordEnd == units.count || [0x0A, 0x2C, 0x29, 0x2E, 0x3B, 0x20].contains(units[wordEnd]) { end = wordEnd }
            }
            return end
        }
        return nil
    }

    private static let purposes: [[UInt16]] = ["gegen häusliche Gewalt", "gegen sexualisierte Gewalt", "gegen sexuelle Gewalt",
        "gegen Gewalt", "für Männer", "für Frauen", "für Mädchen", "für Familien"].map { Array($0.utf16) }
    private static let andStalking = Array(" und Stalking".utf16)

    private static let forms: [[UInt16]] = ["GmbH & Co. KG", "gGmbH", "GmbH", "mbH", "e. V.", "e.V.", "e. K.", "e.K.", "eG",
                                            "AG", "KG", "OHG", "GbR", "UG", "PartG mbB", "PartG", "Ltd.", "Sp. z o.o."]
        .map { Array($0.utf16) }

    /// A legal form at `start`, standing alone as a word; the offset after it.
    private static func legalForm(at start: Int, in units: [UInt16]) -> Int? {
        for form in forms where units.has(form, at: start) {
            let end = start + form.count
            if end == units.count || !isLatinLetter(units[end]) { return end }
        }
        return nil
    }
}
