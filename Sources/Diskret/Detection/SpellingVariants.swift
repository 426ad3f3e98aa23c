/// The persons' names of a note as keys, asked whether a word is one of them spelt one letter otherwise: one
/// letter added, dropped, changed or two swapped ("guelcan"/"guelcen", "musajewa"/"mussajewa"). The first letter
/// must agree, as it does when a name is misheard or mistyped rather than another word.
struct SpellingVariants {
    /// Names and words shorter than this are left alone: among short words one letter makes another name.
    static let shortest = 5
    /// The note's keys, which `names` point into.
    private let keys: [UInt8]
    /// The names by first byte and length (`bucket`), sorted by it: a word is compared only with names of its
    /// first letter and a length one apart at most — one run of this array — and each name once however often
    /// the note names the person. (A dictionary of arrays and a set of names made an array per word.)
    private let names: [(bucket: UInt16, start: Int32, end: Int32)]

    /// The names among the words `tokens` of `text`.
    init(tokens: [Int], in text: TokenizedText) {
        keys = text.keys
        var found: [(bucket: UInt16, hash: UInt64, start: Int32, end: Int32)] = []
        for index in tokens {
            let token = text.tokens[index]
            let count = token.keyEnd - token.keyStart
            guard count >= Self.shortest && count < 256 else { continue }
            found.append((Self.bucket(text.keys[token.keyStart], count), token.keyHash, Int32(token.keyStart), Int32(token.keyEnd)))
        }
        // Equal names have equal buckets and hashes: sorted by both, they stand together and are kept once.
        found.sort { ($0.bucket, $0.hash) < ($1.bucket, $1.hash) }
        var names: [(bucket: UInt16, start: Int32, end: Int32)] = []
        names.reserveCapacity(found.count)
        for (position, name) in found.enumerated() {
            var seen = false
            var earlier = position - 1
            while earlier >= 0 && found[earlier].bucket == name.bucket && found[earlier].hash == name.hash {
                if text.keys[Int(found[earlier].start)..<Int(found[earlier].end)].elementsEqual(text.keys[Int(name.start)..<Int(name.end)]) {
                    seen = true
                    break
                }
                earlier -= 1
            }
            if !seen { names.append((name.bucket, name.start, name.end)) }
        }
        self.names = names
    }

    /// Whether no name is long enough to be asked about.
    var isEmpty: Bool { names.isEmpty }

    /// Whether `word` differs from one of the names by one edit (and is not that name).
    func contains(variant word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, word.count < 256 else { return false }
        let lowest = Self.bucket(first, word.count - 1), highest = Self.bucket(first, word.count + 1)
        var low = 0, high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle].bucket < lowest { low = middle + 1 } else { high = middle }
        }
        while low < names.count && names[low].bucket <= highest {
            if Self.isOneEditApart(keys[Int(names[low].start)..<Int(names[low].end)], word) { return true }
            low += 1
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
