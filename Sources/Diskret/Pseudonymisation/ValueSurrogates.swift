import Foundation

/// Realistic replacements for values: phone numbers from the ranges the Bundesnetzagentur keeps free for
/// films and books ("Drama Numbers", Amtsblatt 7/2021, Mitteilung 148/2021), checksum-valid IBANs of the same
/// country and length, addresses from the gazetteers, and reserved example domains (RFC 2606) for e-mail and
/// web addresses. Each is derived from the case key and the normalised original, so it is stable in the case.
struct ValueSurrogates {
    /// Area code and the subscriber block whose 000–999 are never assigned: Berlin, Frankfurt am Main,
    /// Hamburg, Köln, München.
    static let dramaRanges: [(area: String, block: String)] = [("30", "23125"), ("69", "90009"), ("40", "66969"), ("221", "4710"), ("89", "99998")]

    let picker: SurrogatePicker
    let lists: SurrogateLists?

    /// A drama number in the writer's style: "+49 30 23125417", "030/23125417", "030 23125417", "03023125417".
    func phone(_ surface: String, material: [UInt8]) throws(DiskretError) -> String {
        let compact = surface.filter { !$0.isWhitespace }
        let international = compact.hasPrefix("+") || compact.hasPrefix("00")
        let separator = surface.contains("/") ? "/" : surface.contains(" ") ? " " : surface.contains("-") ? "-" : ""
        var attempt: UInt8 = 0
        while true {
            let value = picker.number("phone", material + [attempt], below: Self.dramaRanges.count * 1000)
            let (area, block) = Self.dramaRanges[value / 1000]
            let extensionNumber = String(value % 1000)
            let subscriber = block + String(repeating: "0", count: 3 - extensionNumber.count) + extensionNumber
            let number = international ? "+49\(separator.isEmpty ? "" : " ")\(area)\(separator == "/" ? " " : separator)\(subscriber)"
                : "0\(area)\(separator)\(subscriber)"
            attempt &+= 1
            if try picker.isFree(number) || attempt == 0 { try picker.reserve(number); return number }
        }
    }

    /// An IBAN of the same country and length with random account digits and valid check digits (ISO 13616,
    /// mod 97), grouped in fours when the original was.
    func iban(_ surface: String, material: [UInt8]) -> String? {
        let compact = surface.filter { $0.isLetter || $0.isNumber }.uppercased()
        guard compact.count >= 15, compact.count <= 34, compact.prefix(2).allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let country = String(compact.prefix(2))
        let account = picker.digits("iban", material, count: compact.count - 4).map(String.init).joined()
        let check = 98 - Self.mod97(account + country + "00")
        let iban = country + (check < 10 ? "0" : "") + String(check) + account
        guard surface.contains(" ") else { return iban }
        return stride(from: 0, to: iban.count, by: 4).map { offset in
            String(iban.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
    }

    /// The remainder of an IBAN-style string (letters as 10…35) modulo 97.
    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                remainder = (remainder * 10 + digit) % 97
            } else if let ascii = character.asciiValue, (65...90).contains(ascii) {
                remainder = (remainder * 100 + Int(ascii) - 55) % 97
            }
        }
        return remainder
    }

    /// An address at a reserved example domain, a URL there, or a handle, named by a short keyed code.
    func contact(_ type: String, code: String) -> String? {
        let lower = code.lowercased()
        if type.hasPrefix("contact.email") { return "kontakt-\(lower)@example.org" }
        if type.hasPrefix("contact.url") { return "https://example.org/\(lower)" }
        if type.hasPrefix("contact.handle") { return "@nutzer_\(lower)" }
        return nil
    }

    /// A street with a house number ("Lindenweg 17"), a place, or a postcode from the lists; nil for other
    /// address parts or when the lists are missing.
    func address(_ type: String, _ surface: String, material: [UInt8]) throws(DiskretError) -> String? {
        guard let lists else { return nil }
        let trimmed = surface.trimmingCharacters(in: .whitespacesAndNewlines)
        var kind = type
        if type == "address" {
            kind = trimmed.allSatisfy(\.isNumber) ? "address.postcode" : trimmed.last?.isNumber == true ? "address.street" : "address.city"
        }
        switch kind {
        case "address.postcode":
            guard trimmed.count == 5, trimmed.allSatisfy(\.isNumber) else { return nil }
            return try picker.pick("postcode", original: Array(trimmed.utf8), from: lists.postcodes)
        case "address.city":
            // A place of one word gets a town of one word: the list also holds districts and places abroad, so
            // towns that give a street its name ("Soester Straße") come first.
            let single = !trimmed.contains(" ")
            var cities = lists.cities
            if single {
                let towns = picker.cached("towns") { Self.towns(lists) }
                if towns.count >= SurrogatePicker.minimumPool { cities = towns }
            }
            let pool = picker.similar(to: trimmed, in: cities, listName: single ? "towns" : "cities", singleWord: single)
            return try picker.pick("city", original: material, from: pool)
        case "address.street":
            return try street(trimmed, material: material, lists: lists)
        default:
            return nil
        }
    }

    /// Places of one word after which a street is named: "Soest" for "Soester Straße".
    static func towns(_ lists: SurrogateLists) -> [String] {
        let kinds: Set<Substring> = ["Straße", "Weg", "Allee", "Ring", "Chaussee", "Landstraße", "Str."]
        var prefixes: Set<String> = []
        for street in lists.streets {
            let words = street.split(separator: " ")
            guard words.count == 2, kinds.contains(words[1]), words[0].hasSuffix("er"), words[0].count > 4 else { continue }
            prefixes.insert(words[0].dropLast(2).lowercased())
        }
        return lists.cities.filter { !$0.contains(" ") && !$0.contains("-") && prefixes.contains($0.lowercased()) }
    }

    private func street(_ surface: String, material: [UInt8], lists: SurrogateLists) throws(DiskretError) -> String? {
        // The name is everything before the first word that starts with a digit; the rest is the number.
        var words = surface.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let numberIndex = words.firstIndex { $0.first?.isNumber == true } ?? words.count
        let hasNumber = numberIndex < words.count
        words = Array(words[..<numberIndex])
        var name = words.joined(separator: " ")
        guard !name.isEmpty else { return nil }
        let abbreviated = name.lowercased().hasSuffix("str.")
        if abbreviated { name = String(name.dropLast(4)) + (name.dropLast(4).last == " " || name.count == 4 ? "Straße" : "straße") }
        let pool = picker.similar(to: name, in: lists.streets, listName: "streets", singleWord: false)
        guard var surrogate = try picker.pick("street", original: material, from: pool, resembling: try picker.key(of: name), street: true) else { return nil }
        if abbreviated, surrogate.hasSuffix("traße") { surrogate = String(surrogate.dropLast(3)) + "." }
        guard hasNumber else { return surrogate }
        return "\(surrogate) \(picker.number("house-number", material, below: 120) + 1)"
    }
}

