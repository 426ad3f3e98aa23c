/// Chooses surrogates from word lists, deterministically from the case key: the same original gets the same
/// surrogate in every note of the case, two originals of one note never share one, and no surrogate equals a
/// word of the note (so a surrogate can never be mistaken for, or reveal, a real name of the note).
///
/// "Similar origin" is inferred cheaply from spelling: a name with letters outside German's alphabet
/// ("Yılmaz", "Wiśniewska") draws from names with letters of the same family (ı ş ğ ç; ł ą ę ś …), a name
/// without them from names without them; and among those from names with the same ending (-czyk, -ski, -oğlu,
/// -ić, -ova, -er, -mann) when enough exist. Lists carry no origin labels, so this is a heuristic: it keeps
/// the look of a name, not its nationality.
final class SurrogatePicker {
    private let key: CaseKey
    private let folder: KeyFolder
    /// Folded keys of the note's words and of surrogates already given.
    private var excluded: Set<[UInt8]>
    private var chosen: [String: String] = [:]
    private var derived: [String: [String]] = [:]
    private var lowered: [String: [(entry: String, lower: String, plain: String)]] = [:]
    /// Pools smaller than this are widened (shorter ending, then no ending).
    static let minimumPool = 12
    static let germanLetters = Set("abcdefghijklmnopqrstuvwxyzäöüß")
    /// Letters that mark a spelling tradition; a name with one of them draws from names with any of its family
    /// (Turkish, Polish, Czech and Slovak, South Slavic, Romanian, French, Iberian, Nordic).
    static let letterFamilies: [Set<Character>] = ["ışğç", "łąęśźżńćó", "čřšžěůýťďň", "čćđšž", "șțăâîşţ", "éèêëàâçîïôûù", "ñáíóúãõ", "åøæ"].map(Set.init)

    init(key: CaseKey, folder: KeyFolder, noteWords: Set<[UInt8]>) {
        self.key = key
        self.folder = folder
        excluded = noteWords
    }

    /// Marks a value as taken (a surrogate made without a list, such as a phone number).
    func reserve(_ value: String) throws(DiskretError) { excluded.insert(try folder.key(of: value)) }

    /// The folded key of `text`, as surrogates are compared.
    func key(of text: String) throws(DiskretError) -> [UInt8] { try folder.key(of: text) }

    /// Whether `value` is free: not a word of the note and not given to another original.
    func isFree(_ value: String) throws(DiskretError) -> Bool { !excluded.contains(try folder.key(of: value)) }

    /// The entries of `list` (named `listName` for caching) that look like `original`; `singleWord` keeps only
    /// entries made of letters alone.
    func similar(to original: String, in list: [String], listName: String, singleWord: Bool) -> [String] {
        if lowered[listName] == nil {
            lowered[listName] = list.compactMap { entry in
                guard entry.count >= 2, entry.first?.isLetter == true,
                      entry.allSatisfy({ $0.isLetter || (!singleWord && ($0 == " " || $0 == "-" || $0 == ".")) }) else { return nil }
                let lower = entry.lowercased()
                return (entry, lower, Self.plain(lower))
            }
        }
        var pool = lowered[listName]!
        let lower = original.lowercased()
        let written = Set(lower.filter { $0.isLetter && !Self.germanLetters.contains($0) })
        var markers = written
        for family in Self.letterFamilies where !family.isDisjoint(with: written) { markers.formUnion(family) }
        func isForeign(_ text: String) -> Bool { text.contains { $0.isLetter && !Self.germanLetters.contains($0) } }
        if markers.isEmpty {
            let german = pool.filter { !isForeign($0.lower) }
            if german.count >= Self.minimumPool { pool = german }
        } else {
            // Lists often spell such names without their letters ("Yilmaz", "Sahin"): when few share the
            // letters, the ending (compared without diacritics) decides alone.
            let sharing = pool.filter { $0.lower.contains(where: markers.contains) }
            if sharing.count >= Self.minimumPool { pool = sharing }
        }
        let plain = Self.plain(lower)
        for length in [4, 3, 2] where plain.count > length + 1 {
            let ending = String(plain.suffix(length))
            let matching = pool.filter { $0.plain.hasSuffix(ending) && $0.plain.count > length + 1 }
            if matching.count >= Self.minimumPool { pool = matching; break }
        }
        return pool.map(\.entry)
    }

    /// `text` (lower case) without diacritics: "yılmaz" → "yilmaz", "wiśniewska" → "wisniewska".
    static func plain(_ text: String) -> String {
        guard !text.isASCII else { return text }
        return String(text.map { Self.transliterations[$0] ?? $0 })
    }

    static let transliterations: [Character: Character] = {
        let pairs = ["ıi", "şs", "ğg", "çc", "łl", "ąa", "ęe", "śs", "źz", "żz", "ńn", "ćc", "óo", "čc", "řr", "šs", "žz", "ěe",
                     "ůu", "ýy", "ťt", "ďd", "ňn", "đd", "șs", "țt", "ăa", "âa", "îi", "ţt", "ée", "èe", "êe", "ëe", "àa", "ïi",
                     "ôo", "ûu", "ùu", "ñn", "áa", "íi", "úu", "ãa", "õo", "åa", "øo", "äa", "öo", "üu"]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.first!, $0.last!) })
    }()

    /// A list derived once per note and kept (`make` runs on the first call for `name`).
    func cached(_ name: String, _ make: () -> [String]) -> [String] {
        if let known = derived[name] { return known }
        let value = make()
        derived[name] = value
        return value
    }

    /// The surrogate of `original` (a folded key) from `pool`, under `label` (which names the list and, for
    /// first names, the gender); nil when every entry is taken or too close to the original (see
    /// `SurrogateDistance`; `resembling` is what it is compared with when that is not `original` itself, and
    /// `street` compares street names).
    func pick(_ label: String, original: [UInt8], from pool: [String], resembling: [UInt8]? = nil,
              street: Bool = false) throws(DiskretError) -> String? {
        let cacheKey = label + "\u{0}" + String(decoding: original, as: UTF8.self)
        if let known = chosen[cacheKey] { return known }
        guard !pool.isEmpty else { return nil }
        var start = 0
        for attempt in 0..<pool.count {
            // Keyed draws first; after 32 taken draws, walk on from the last one so a small pool still ends.
            let index = attempt < 32 ? key.derive("surrogate/\(label)", original + [UInt8(attempt)], below: pool.count)
                : (start + attempt - 31) % pool.count
            if attempt == 31 { start = index }
            let candidate = pool[index]
            let candidateKey = try folder.key(of: candidate)
            if candidateKey == original || excluded.contains(candidateKey) { continue }
            let compared = resembling ?? original
            if !(street ? SurrogateDistance.isSafeStreet(candidateKey, for: compared) : SurrogateDistance.isSafe(candidateKey, for: compared)) { continue }
            excluded.insert(candidateKey)
            chosen[cacheKey] = candidate
            return candidate
        }
        return nil
    }

    /// Derived digits for numbers that have no list (house numbers, account numbers).
    func digits(_ label: String, _ material: [UInt8], count: Int) -> [Int] {
        var result: [Int] = []
        var block: UInt8 = 0
        while result.count < count {
            result += key.derive(label, material + [0xFF, block]).map { Int($0) % 10 }
            block &+= 1
        }
        return Array(result.prefix(count))
    }

    /// A keyed number in `0..<bound`.
    func number(_ label: String, _ material: [UInt8], below bound: Int) -> Int { key.derive(label, material, below: bound) }
}
