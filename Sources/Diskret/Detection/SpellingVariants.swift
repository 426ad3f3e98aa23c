/// The persons' names of a note as keys, asked whether a word is one of them spelt one letter otherwise: one
/// letter added, dropped, changed or two swapped ("guelcan"/"guelcen", "musajewa"/"mussajewa"). The first letter
/// must agree, as it does when a name is misheard or mistyped rather than another word.
struct SpellingVariants {
    /// Names and words shorter than this are left alone: among short words one letter makes another name.
    static let shortest = 5
    private let names: [ArraySlice<UInt8>]

    init(names: [ArraySlice<UInt8>]) {
        self.names = names.filter { $0.count >= Self.shortest }
    }

    /// Whether no name is long enough to be asked about.
    var isEmpty: Bool { names.isEmpty }

    /// Whether `word` differs from one of the names by one edit (and is not that name).
    func contains(variant word: ArraySlice<UInt8>) -> Bool {
        names.contains { Self.isOneEditApart($0, word) }
    }

    private static func isOneEditApart(_ name: ArraySlice<UInt8>, _ word: ArraySlice<UInt8>) -> Bool {
        guard abs(name.count - word.count) <= 1, name.first == word.first, !name.elementsEqual(word) else { return false }
        let a = Array(name), b = Array(word)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let restA = a.count - prefix - suffix, restB = b.count - prefix - suffix
        // One letter changed, added or dropped leaves at most one letter on either side between the common ends.
        if restA <= 1 && restB <= 1 { return true }
        // Two letters swapped.
        return restA == 2 && restB == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
    }
}
