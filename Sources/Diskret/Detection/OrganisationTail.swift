/// The partners and legal form that end a firm's name ("Spedition Huber & Söhne GmbH", "Kanzlei Koç & Brenner",
/// "Frauen helfen Frauen e. V."): left readable after a masked name, they still name the firm.
enum OrganisationTail {
    /// The end of the name that ends at `end`, with "& Partner"/"& Name" and legal forms behind it.
    static func end(after end: Int, in units: [UInt16]) -> Int {
        var current = compassSuffix(at: end, in: units) ?? end
        while true {
            var position = current
            if position < units.count && units[position] == 0x20 { position += 1 }
            if let next = partner(at: position, in: units) ?? legalForm(at: position, in: units) ?? foundingYear(at: position, in: units) {
                current = next
            } else {
                return current
            }
        }
    }

    /// "-Ost", "-Nord" glued to the name ("Gesamtschule Emschertal-Ost"): the part of town is part of the name.
    private static func compassSuffix(at start: Int, in units: [UInt16]) -> Int? {
        guard start < units.count, units[start] == 0x2D else { return nil }
        for word in compass where start + 1 + word.count <= units.count && units[(start + 1)..<(start + 1 + word.count)].elementsEqual(word) {
            let end = start + 1 + word.count
            if end == units.count || !isLatinLetter(units[end]) { return end }
        }
        return nil
    }

    private static let compass: [[UInt16]] = ["Nord", "Süd", "Ost", "West", "Mitte", "Nordost", "Nordwest", "Südost", "Südwest"]
        .map { Array($0.utf16) }

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

    private static let forms: [[UInt16]] = ["GmbH & Co. KG", "gGmbH", "GmbH", "mbH", "e. V.", "e.V.", "e. K.", "e.K.", "eG",
                                            "AG", "KG", "OHG", "GbR", "UG", "PartG mbB", "PartG", "Ltd.", "Sp. z o.o."]
        .map { Array($0.utf16) }

    /// A legal form at `start`, standing alone as a word; the offset after it.
    private static func legalForm(at start: Int, in units: [UInt16]) -> Int? {
        for form in forms where start + form.count <= units.count && units[start..<(start + form.count)].elementsEqual(form) {
            let end = start + form.count
            if end == units.count || !isLatinLetter(units[end]) { return end }
        }
        return nil
    }
}
