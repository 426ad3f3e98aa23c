/// Decides which findings name the same person or value, so that each gets the same placeholder number.
///
/// Persons: a mention's name words (folded keys, genitive "s" removed, particles and initials left out) are
/// its signature. Mentions whose signatures are subsets of one another are one person ("Frau Fischer",
/// "Anna Fischer", "Fischers"); a short mention that fits several persons ("Fischer" with "Anna Fischer" and
/// "Max Fischer" in the note) stays a person of its own rather than being guessed. Other categories: the same
/// normalised value ("12.03.2024" and "12. März 2024"; "0170/1234567" and "0170 1234567").
struct EntityLinker {
    let lexicon: Lexicon

    func link(_ findings: inout [Candidate], in text: TokenizedText) {
        // Values by a hash of category and value: a dictionary keyed by a string made of both had cost a
        // concatenation per finding, and growing it a rehash of all its strings. The standard library's
        // hash is kept because it follows String equality (canonical equivalence), which bytes would not.
        var valueEntities = PrehashedTable<(category: Category, value: String, entity: Int)>()
        var nextEntity = 0
        var personIndices: [Int] = []
        for index in findings.indices {
            let category = findings[index].category
            if category == .person { personIndices.append(index); continue }
            let value = normalizedValue(findings[index], in: text)
            var hasher = Hasher()
            hasher.combine(category)
            hasher.combine(value)
            let hash = UInt64(bitPattern: Int64(hasher.finalize()))
            if let known = valueEntities.first(forHash: hash, where: { $0.category == category && $0.value == value }) {
                findings[index].entity = known.entity
            } else {
                valueEntities.insert((category, value, nextEntity), forHash: hash)
                findings[index].entity = nextEntity
                nextEntity += 1
            }
        }
        // Roster persons first (their entity is the subject), then full names, so short mentions attach to them.
        var subjects: [String: Int] = [:]
        var wordNumbers = PrehashedTable<(word: [UInt8], number: Int)>()
        let mentions = personIndices.map { ($0, signature(findings[$0].range, in: text, numbering: &wordNumbers)) }
        var persons = PersonIndex(wordCount: wordNumbers.count)
        // Per roster entity, its first finding's subject and placeholder, which later mentions of it take.
        var rosterFindings: [Int: Int] = [:]
        for (index, words) in mentions {
            guard let subject = findings[index].subject else { continue }
            if subjects[subject] == nil { subjects[subject] = nextEntity; nextEntity += 1 }
            findings[index].entity = subjects[subject]!
            if rosterFindings[findings[index].entity] == nil { rosterFindings[findings[index].entity] = index }
            persons.add(entity: subjects[subject]!, words: words)
        }
        for (index, words) in mentions.sorted(by: { $0.1.count > $1.1.count }) where findings[index].subject == nil {
            let matches = persons.entities(linkedTo: words)
            if matches.count == 1, let entity = matches.first {
                findings[index].entity = entity
                if let known = rosterFindings[entity] {
                    findings[index].subject = findings[known].subject
                    findings[index].fixedPlaceholder = findings[known].fixedPlaceholder
                }
            } else {
                findings[index].entity = nextEntity
                persons.add(entity: nextEntity, words: words)
                nextEntity += 1
            }
        }
    }

    /// The persons found so far, indexed by their name words: a mention is compared only with persons that
    /// share a word with it. Comparing it with every person was quadratic, and a long note (a case file of
    /// some megabytes, with thousands of persons) spent most of its time here.
    struct PersonIndex {
        private var words: [[Int]] = []
        private var entityOf: [Int] = []
        /// Per word number, the persons whose signature holds it.
        private var byWord: [[Int]]
        /// Persons without name words: a subset of every signature, so linked to every mention.
        private var wordless: [Int] = []

        init(wordCount: Int) { byWord = Array(repeating: [], count: wordCount) }

        mutating func add(entity: Int, words signature: [Int]) {
            let person = words.count
            words.append(signature)
            entityOf.append(entity)
            if signature.isEmpty { wordless.append(person) }
            for word in signature { byWord[word].append(person) }
        }

        /// The entities of the persons whose signature contains `signature` or is contained in it.
        func entities(linkedTo signature: [Int]) -> Set<Int> {
            // The caller links a mention only to exactly one entity, so the search stops at two; and it looks
            // at no more than `maximumLooks` persons. A word shared by thousands of distinct persons ("Anna
            // X1 Müller, Anna X2 Müller, …") had made every mention scan all of them, quadratic in the note;
            // past the bound the mention counts as ambiguous and gets an entity of its own — a number of its
            // own in the placeholder, never less masking. No note of real persons comes near the bound.
            var result: Set<Int> = []
            var looks = 0
            /// Compares one person; false once the answer is known (two entities) or the bound is reached.
            func consider(_ person: Int) -> Bool {
                looks += 1
                if EntityLinker.isSubset(signature, of: words[person]) || EntityLinker.isSubset(words[person], of: signature) {
                    result.insert(entityOf[person])
                }
                return result.count < 2 && looks < Self.maximumLooks
            }
            // Two entities that stand for "ambiguous" when the bound ends the search first.
            var answer: Set<Int> { result.count < 2 && looks >= Self.maximumLooks ? [-1, -2] : result }
            // An empty signature is a subset of every person's.
            if signature.isEmpty {
                for person in words.indices where !consider(person) { return answer }
                return result
            }
            for person in wordless where !consider(person) { return answer }
            for word in signature {
                for person in byWord[word] where !consider(person) { return answer }
            }
            return result
        }

        /// The most persons one look-up compares a mention with (see `entities(linkedTo:)`).
        static let maximumLooks = 512
    }

    /// The mention's set of name words, as sorted numbers of `numbering` (which numbers each distinct word
    /// of the note once): subset tests on a few integers instead of sets of byte arrays, which were a
    /// fifth of the linker's cost.
    private func signature(_ range: Range<Int>, in text: TokenizedText,
                           numbering: inout PrehashedTable<(word: [UInt8], number: Int)>) -> [Int] {
        // Words by their FNV-1a hash (a token's `keyHash` when nothing is cut off), compared whole; numbers in
        // an array sorted and made unique at the end: a Set and a Dictionary of arrays hashed every word.
        var words: [Int] = []
        func number(_ word: ArraySlice<UInt8>, hash: UInt64) -> Int {
            if let known = numbering.first(forHash: hash, where: { $0.word.elementsEqual(word) }) { return known.number }
            numbering.insert((Array(word), numbering.count), forHash: hash)
            return numbering.count - 1
        }
        for index in tokenIndices(of: range, in: text) where text.tokens[index].isWord && text.tokens[index].end - text.tokens[index].start >= 2 {
            let key = text.key(index)
            if lexicon.isParticle(key) { continue }
            let stem = stem(key)
            words.append(number(stem, hash: stem.count == key.count ? text.tokens[index].keyHash : fnv1a(stem)))
        }
        if words.isEmpty, let first = tokenIndices(of: range, in: text).first {
            words.append(number(text.key(first), hash: text.tokens[first].keyHash))
        }
        words.sort()
        var unique = 0
        for index in words.indices where unique == 0 || words[unique - 1] != words[index] {
            words[unique] = words[index]
            unique += 1
        }
        words.removeLast(words.count - unique)
        return words
    }

    /// Whether sorted, duplicate-free `part` is a subset of sorted, duplicate-free `whole`.
    static func isSubset(_ part: [Int], of whole: [Int]) -> Bool {
        var index = 0
        for element in part {
            while index < whole.count && whole[index] < element { index += 1 }
            guard index < whole.count, whole[index] == element else { return false }
            index += 1
        }
        return true
    }

    /// Removes a genitive "s" so "Fischers" links to "Fischer"; names ending in s keep their stem too
    /// ("Hans" → "han" on both sides).
    private func stem(_ key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        key.count > 3 && key.last == 0x73 ? key.dropLast() : key
    }

    private func normalizedValue(_ finding: Candidate, in text: TokenizedText) -> String {
        if finding.category == .date, let date = GermanDate.parse(text.string(finding.range)) { return date.canonical }
        if finding.category == .contact || finding.category == .id { return Self.lettersAndDigits(text.units[finding.range]) }
        return text.joinedKey(covering: finding.range).map { String(decoding: $0, as: UTF8.self) } ?? text.string(finding.range)
    }

    /// The letters and digits of a contact or identifier, lower-cased ("0170/123 45" and "0170 12345" are one
    /// number); ASCII, by far the most common, without Unicode property look-ups.
    static func lettersAndDigits(_ units: ArraySlice<UInt16>) -> String {
        if units.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(units.count)
            for unit in units {
                switch unit {
                case 0x30...0x39, 0x61...0x7A: bytes.append(UInt8(unit))
                case 0x41...0x5A: bytes.append(UInt8(unit + 0x20))
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let compact = UTF16Conversion.string(of: units).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return String(String.UnicodeScalarView(compact)).lowercased()
    }
}
