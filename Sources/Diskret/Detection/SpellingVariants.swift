/// The persons' names of a note as keys, asked whether a word is one of them spelt one letter otherwise: one
/// letter added, dropped, changed or two swapped ("guelcan"/"guelcen", "musajewa"/"mussajewa"). The first letter
/// must agree, as it does when a name is misheard or mistyped rather than another word.
struct SpellingVariants {
    /// Names and words shorter than this are left alone: among short words one letter makes another name.
    static let shortest = 5
    /// The names by first byte and length: a word is compared only with names of its first letter and a length
    /// one apart at most, and each name once however often the note names the person.
    private var names: [UInt16: [[UInt8]]] = [:]

    init(names words: [ArraySlice<UInt8>]) {
        var seen = Set<[UInt8]>()
        for word in words where word.count >= Self.shortest && word.count < 256 {
            let name = Array(word)
            guard seen.insert(name).inserted else { continue }
            names[Self.bucket(name[0], name.count), default: []].append(name)
        }
    }

    /// Whether no name is long enough to be asked about.
    var isEmpty: Bool { names.isEmpty }

    /// Whether `word` differs from one of the names by one edit (and is not that name).
    func contains(variant word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, word.count < 256 else { return false }
        for length in (word.count - 1)...(word.count + 1) {
            guard let candidates = names[Self.bucket(first, length)] else { continue }
            if candidates.contains(where: { Self.isOneEditApart($0[...], word) }) { return true }
        }
        return false
    }

    private static func bucket(_ first: UInt8, _ length: Int) -> UInt16 { UInt16(first) << 8 | UInt16(length) }

    private static func isOneEditApart(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard !a.elementsEqual(b) else { return false }
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[a.startIndex + prefix] == b[b.startIndex + prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
                && a[a.endIndex - 1 - suffix] == b[b.endIndex - 1 - suffix] { suffix += 1 }
        let restA = a.count - prefix - suffix, restB = b.count - prefix - suffix
        // One letter changed, added or dropped leaves at most one letter on either side between the common ends.
        if restA <= 1 && restB <= 1 { return true }
        // Two letters swapped.
        return restA == 2 && restB == 2 && a[a.startIndex + prefix] == b[b.startIndex + prefix + 1]
            && a[a.startIndex + prefix + 1] == b[b.startIndex + prefix]
    }
}
