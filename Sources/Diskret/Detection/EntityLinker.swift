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
        // Values by a hash of category and value: a dictionary keyed by a string made of both costs a
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
        let mentions = personIndices.map { index -> (index: Int, words: [Int], parts: [Int]) in
            let (words, parts) = signature(findings[index].range, in: text, numbering: &wordNumbers)
            return (index, words, parts)
        }
        var persons = PersonIndex(wordCount: wordNumbers.count)
        // Per entity, the gender its mentions gave it (see `MentionGender`): a mention of the other gender is
        // another person, whatever words the two share.
        var genders: [Int: MentionGender] = [:]
        // Per roster entity, its first finding's subject and placeholder, which later mentions of it take.
        var rosterFindings: [Int: Int] = [:]
        for mention in mentions {
            let index = mention.index
            guard let subject = findings[index].subject else { continue }
            if subjects[subject] == nil { subjects[subject] = nextEntity; nextEntity += 1 }
            let entity = subjects[subject]!
            findings[index].entity = entity
            if rosterFindings[entity] == nil { rosterFindings[entity] = index }
            if genders[entity] == nil, let gender = findings[index].role.flatMap(MentionGender.of(role:))
                ?? MentionGender.of(findings[index], in: text, lexicon: lexicon) { genders[entity] = gender }
            persons.add(entity: entity, words: mention.words, parts: mention.parts)
        }
        // Longer signatures first, and among equal ones those with a gender: "Fr. Demir" and "Hr. Demir" are two
        // persons before "Familie Demir" or a bare "Demir" is compared with them (and then fits both).
        let unlinked = mentions.filter { findings[$0.index].subject == nil }
            .map { (mention: $0, gender: MentionGender.of(findings[$0.index], in: text, lexicon: lexicon)) }
        let order = unlinked.indices.sorted { a, b in
            let (x, y) = (unlinked[a], unlinked[b])
            if x.mention.words.count != y.mention.words.count { return x.mention.words.count > y.mention.words.count }
            if (x.gender != nil) != (y.gender != nil) { return x.gender != nil }
            return a < b
        }
        for (mention, gender) in order.map({ unlinked[$0] }) {
            let index = mention.index
            // The one entity the mention fits, and whether it fits another too: only a sole entity links it (kept
            // in two variables: a set of the entities, and the set of persons it came from, were two allocations
            // and a hash per person for every mention).
            var sole: Int?
            var fitsSeveral = false
            if !findings[index].standalone {
                // Past the look-up's bound the mention is ambiguous, so it links to none.
                if let linked = persons.persons(linkedTo: mention.words) {
                    for person in linked {
                        let entity = persons.entity(of: person)
                        if let gender, let known = genders[entity], gender != known { continue }
                        // Sharing only a part of a double name ("Herr Yılmaz", "Frau Fischer-Yılmaz") is no evidence
                        // of one person: a family name is shared by a family. It links only when the gender is known
                        // on both sides and agrees.
                        if persons.sharesOnlyDoubleNameParts(person, with: mention.words, parts: mention.parts),
                           gender == nil || genders[entity] != gender { continue }
                        if sole == nil { sole = entity } else if sole != entity { fitsSeveral = true; break }
                    }
                } else {
                    fitsSeveral = true
                }
            }
            if !fitsSeveral, let entity = sole {
                findings[index].entity = entity
                if genders[entity] == nil, let gender { genders[entity] = gender }
                if let known = rosterFindings[entity] {
                    findings[index].subject = findings[known].subject
                    findings[index].fixedPlaceholder = findings[known].fixedPlaceholder
                }
            } else {
                findings[index].entity = nextEntity
                if let gender { genders[nextEntity] = gender }
                if !findings[index].standalone { persons.add(entity: nextEntity, words: mention.words, parts: mention.parts) }
                nextEntity += 1
            }
        }
    }

    /// The persons found so far, indexed by their name words: a mention is compared only with persons that
    /// share a word with it. Comparing it with every person was quadratic, and a long note (a case file of
    /// some megabytes, with thousands of persons) spent most of its time here.
    struct PersonIndex {
        private var words: [[Int]] = []
        /// Per person, the words it uses only as parts of a hyphenated double name.
        private var parts: [[Int]] = []
        private var entityOf: [Int] = []
        /// Per word number, the persons whose signature holds it.
        private var byWord: [[Int]]
        /// Persons without name words: a subset of every signature, so linked to every mention.
        private var wordless: [Int] = []

        init(wordCount: Int) { byWord = Array(repeating: [], count: wordCount) }

        mutating func add(entity: Int, words signature: [Int], parts hyphenated: [Int] = []) {
            let person = words.count
            words.append(signature)
            parts.append(hyphenated)
            entityOf.append(entity)
            if signature.isEmpty { wordless.append(person) }
            for word in signature { byWord[word].append(person) }
        }

        /// The persons whose signature contains `signature` or is contained in it (a person that shares several
        /// words with it is listed once per word); nil when more than `maximumLooks` persons had to be compared.
        /// A word shared by thousands of distinct persons ("Anna X1 Müller, Anna X2 Müller, …") had made every
        /// mention scan all of them, quadratic in the note; past the bound the mention counts as ambiguous and
        /// gets an entity of its own — a number of its own in the placeholder, never less masking. No note of
        /// real persons comes near the bound.
        func persons(linkedTo signature: [Int]) -> [Int]? {
            var result: [Int] = []
            var looks = 0
            /// Compares one person; false once the bound is reached.
            func consider(_ person: Int) -> Bool {
                looks += 1
                if EntityLinker.isSubset(signature, of: words[person]) || EntityLinker.isSubset(words[person], of: signature) {
                    result.append(person)
                }
                return looks < Self.maximumLooks
            }
            // An empty signature is a subset of every person's.
            if signature.isEmpty {
                for person in words.indices where !consider(person) { return nil }
                return result
            }
            for person in wordless where !consider(person) { return nil }
            for word in signature {
                for person in byWord[word] where !consider(person) { return nil }
            }
            return result
        }

        /// The most persons one look-up compares a mention with (see `persons(linkedTo:)`).
        static let maximumLooks = 512

        /// The entity of a person.
        func entity(of person: Int) -> Int { entityOf[person] }

        /// Whether the words a person shares with a mention are all parts of a double name on one side only:
        /// "Yılmaz" against "Fischer-Yılmaz" (either way round), not "Fischer-Yılmaz" against itself.
        func sharesOnlyDoubleNameParts(_ person: Int, with signature: [Int], parts mentionParts: [Int]) -> Bool {
            // Most names have no double name on either side: no shared words to collect.
            if parts[person].isEmpty && mentionParts.isEmpty { return false }
            let shared = signature.filter { EntityLinker.isSubset([$0], of: words[person]) }
            guard !shared.isEmpty else { return false }
            let inPerson = shared.allSatisfy { EntityLinker.isSubset([$0], of: parts[person]) }
            let inMention = shared.allSatisfy { EntityLinker.isSubset([$0], of: mentionParts) }
            return inPerson != inMention
        }
    }

    /// The mention's set of name words, as sorted numbers of `numbering` (which numbers each distinct word
    /// of the note once): subset tests on a few integers instead of sets of byte arrays, which were a
    /// fifth of the linker's cost. Second, the words that stand in a hyphenated double name ("Fischer-Yılmaz").
    private func signature(_ range: Range<Int>, in text: TokenizedText,
                           numbering: inout PrehashedTable<(word: [UInt8], number: Int)>) -> (words: [Int], parts: [Int]) {
        // Words by their FNV-1a hash (a token's `keyHash` when nothing is cut off), compared whole; numbers in
        // an array sorted and made unique at the end: a Set and a Dictionary of arrays hashed every word.
        var words: [Int] = []
        var parts: [Int] = []
        func number(_ word: ArraySlice<UInt8>, hash: UInt64) -> Int {
            if let known = numbering.first(forHash: hash, where: { $0.word.elementsEqual(word) }) { return known.number }
            numbering.insert((Array(word), numbering.count), forHash: hash)
            return numbering.count - 1
        }
        let indices = tokenIndices(of: range, in: text)
        // A number in a mention is part of what names it: "ASD-14" is not "ASD-02".
        for index in indices where (text.tokens[index].isWord && text.tokens[index].end - text.tokens[index].start >= 2)
            || text.tokens[index].kind == .number {
            let key = text.key(index)
            // Particles, and honorifics or titles a span took in ("J. Herr Popescu"): not what names a person.
            // A capitalised particle of three letters or more that opens the name, apart from the next word, is
            // its first name: "Ben Kowalczyk" is not "Ilinca Kowalczyk" (but "El-Amrani" is "Nadia El-Amrani").
            let opensAsFirstName = words.isEmpty && text.tokens[index].isCapitalizedWord && key.count >= 3
                && !(index + 1 < indices.upperBound && text.isJoiner(index + 1, after: index))
            if lexicon.isParticle(key) && !opensAsFirstName { continue }
            if MentionGender.isHonorificOrTitle(key) { continue }
            let stem = stem(key)
            let word = number(stem, hash: stem.count == key.count ? text.tokens[index].keyHash : fnv1a(stem))
            words.append(word)
            let joinedBefore = index - 1 > indices.lowerBound && text.isJoiner(index - 1, after: index - 2)
            let joinedAfter = index + 2 < indices.upperBound && text.isJoiner(index + 1, after: index)
                && !text.tokens[index + 2].flags.contains(.spaceBefore)
            if joinedBefore || joinedAfter { parts.append(word) }
        }
        if words.isEmpty, let first = indices.first {
            words.append(number(text.key(first), hash: text.tokens[first].keyHash))
        }
        return (Self.sortedUnique(words), Self.sortedUnique(parts))
    }

    private static func sortedUnique(_ numbers: [Int]) -> [Int] {
        var words = numbers
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
