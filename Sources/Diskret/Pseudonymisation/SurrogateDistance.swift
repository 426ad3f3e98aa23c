/// Whether a surrogate is far enough from the original it replaces that it cannot give the original away:
/// neither folded key contains the other ("Schmidt" → "Goldschmidt" keeps the name inside) and at least
/// three edits lie between them ("Thomas" → "Toomas", "Svetlana" → "Sviatlana" are the name misspelt).
/// Streets compare by what names them, without the street word ("Linden" of "Lindenstraße" must not come
/// back as "Lindenweg").
enum SurrogateDistance {
    /// The fewest edits (insertions, deletions, substitutions) a surrogate must be away from its original.
    static let minimumEdits = 3

    /// Whether `surrogate` may replace `original` (both folded keys).
    static func isSafe(_ surrogate: [UInt8], for original: [UInt8]) -> Bool {
        guard !surrogate.isEmpty, !original.isEmpty else { return true }
        if contains(surrogate, original) || contains(original, surrogate) { return false }
        return !withinEdits(surrogate, original, minimumEdits - 1)
    }

    /// Whether a street surrogate may replace a street: as `isSafe`, and the same for their names without
    /// street word and house number.
    static func isSafeStreet(_ surrogate: [UInt8], for original: [UInt8]) -> Bool {
        let (a, b) = (streetName(surrogate), streetName(original))
        return isSafe(surrogate, for: original) && (a.count < 3 || b.count < 3 || isSafe(a, for: b))
    }

    /// Street words a street name ends with, folded.
    private static let streetWords: [[UInt8]] = ["strasse", "str.", "str", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer",
                                                 "pfad", "steig", "chaussee", "markt", "hof", "berg", "feld", "garten", "park"].map { Array($0.utf8) }

    /// The name part of a street key: up to the first digit, without a trailing street word and spaces.
    static func streetName(_ key: [UInt8]) -> [UInt8] {
        var name = Array(key.prefix { !(0x30...0x39).contains($0) })
        while name.last == 0x20 || name.last == 0x2D { name.removeLast() }
        for word in streetWords where name.count > word.count + 2 && name.suffix(word.count).elementsEqual(word) {
            name.removeLast(word.count)
            break
        }
        while name.last == 0x20 || name.last == 0x2D { name.removeLast() }
        return name
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    /// Whether the Levenshtein distance of `a` and `b` is at most `limit` (one row at a time; names are short).
    static func withinEdits(_ a: [UInt8], _ b: [UInt8], _ limit: Int) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit
    }
}
