/// Document-level propagation: once a word is known to be a name (or a place, or an institution's name)
/// anywhere in the note, every other capitalised occurrence is masked too, including genitive and plural
/// forms ("Lenas", "Schäfers") and case and diacritic variants (all compare by folded key); a person's name
/// also where it was typed in lower case.
struct Propagation {
    static let rule = "engine.propagation"
    private static let petFormLabel = RuleLabel(rule: rule, type: "person.name")
    private static let variantLabel = RuleLabel(rule: rule, type: "person.name")
    /// The genitive ending "-es", tried when "-s" explained nothing.
    private static let esEnding = Array("es".utf8)
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        // Known words by the FNV-1a hash of their key (which tokens carry already), each with the slice of the
        // note's keys it stands for (a look-up per capitalised word hashed its bytes again) and the label its
        // spread copies get (this rule, the type of the finding it came from).
        var known = PrehashedTable<(word: ArraySlice<UInt8>, category: Category, label: RuleLabel)>()
        func origin(of word: ArraySlice<UInt8>, hash: UInt64) -> (category: Category, label: RuleLabel)? {
            guard let entry = known.first(forHash: hash, where: { $0.word.elementsEqual(word) }) else { return nil }
            return (entry.category, entry.label)
        }
        // Only names found with context (or from the roster) spread: a bare list hit may be jargon, and the
        // lists find their own words everywhere anyway.
        // The first four letters of the persons' names of five letters or more, with the longest name's length:
        // a pet form ends in -i or -y where the name goes on ("Reuti" of Reuter, "Schmidti").
        var petPrefixes: [UInt32: Int] = [:]
        var shortPetPrefixes = Set<UInt32>()
        let recurring = recurringNameWords(in: candidates, text: text)
        for candidate in candidates.indices where !candidates[candidate].derived
            && (candidates[candidate].score >= Evidence.confidentScore || isFullName(candidate, of: candidates, in: text)
                || isRecurring(candidate, of: candidates, recurring, in: text))
            && [.person, .address, .organisation].contains(candidates[candidate].category) {
            let category = candidates[candidate].category
            // Asked once per candidate, not per word: comparing the type's ending cost more than the word's tests.
            let nickname = category == .person && candidates[candidate].label.isNickname
            for index in tokenIndices(of: candidates[candidate].range, in: text)
            where isPropagatable(index, person: category == .person, nickname: nickname, in: text)
                && spreads(category, index, in: text) {
                let word = text.key(index), hash = text.tokens[index].keyHash
                if origin(of: word, hash: hash) == nil {
                    known.insert((word, category, RuleLabel(rule: Self.rule, type: candidates[candidate].type)), forHash: hash)
                }
                if category == .person, word.count >= 5, let prefix = Self.prefix(word) {
                    petPrefixes[prefix] = max(petPrefixes[prefix] ?? 0, word.count)
                    shortPetPrefixes.insert(Self.shortPrefix(word))
                }
            }
        }
        // First names a list found capitalised in the note: typed in small letters elsewhere in it ("Ana" …
        // "mit ana"), they are that name too — a list alone would not take a word of three letters in lower case.
        // Their first four letters, with the longest name's length: a diminutive or pet form that no list holds
        // begins like the name and adds a few letters at most ("Olena" … "Olenka geh ran", "-chen", "-uschka");
        // a longer word is a compound.
        var firstNames = PrehashedTable<ArraySlice<UInt8>>()
        var namePrefixes: [UInt32: Int] = [:]
        for candidate in candidates.indices where candidates[candidate].category == .person && candidates[candidate].score >= threshold
            && candidates[candidate].label.isFirstName {
            for index in tokenIndices(of: candidates[candidate].range, in: text) where text.tokens[index].isCapitalizedWord {
                let word = text.key(index), hash = text.tokens[index].keyHash
                if firstNames.first(forHash: hash, where: { $0.elementsEqual(word) }) == nil { firstNames.insert(word, forHash: hash) }
                if let prefix = Self.prefix(word) { namePrefixes[prefix] = max(namePrefixes[prefix] ?? 0, word.count) }
            }
        }
        // Asked of every capitalised word of five letters or more: a bisection of the note's few prefixes
        // instead of hashing each word's prefix for a dictionary.
        let namePrefixLengths = PrefixLengths(namePrefixes)
        let firstNameLabel = RuleLabel(rule: Self.rule, type: "person.firstname")
        // Every person's name found, in small letters too: a variant is told from the name as it was typed.
        var personWords: [Int] = []
        for candidate in candidates.indices where candidates[candidate].category == .person && candidates[candidate].score >= threshold {
            for index in tokenIndices(of: candidates[candidate].range, in: text) where text.tokens[index].isWord {
                personWords.append(index)
            }
        }
        let spellings = SpellingVariants(tokens: personWords, in: text)
        guard !known.isEmpty || !firstNames.isEmpty || !spellings.isEmpty else { return }
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for candidate in candidates.indices where candidates[candidate].score >= threshold {
            for index in tokenIndices(of: candidates[candidate].range, in: text) { covered[index] = true }
        }
        for index in text.tokens.indices where !covered[index] && text.tokens[index].isWord {
            let word = text.key(index)
            guard text.tokens[index].isCapitalizedWord else {
                // A name typed in haste ("sag dem tobi", "olena, mach keine probleme") is still the name, unless
                // the lower-case word is a word of the language ("weiß" of Weiß).
                guard word.count >= 3, !lexicon.isAllowed(word) else { continue }
                let hash = text.tokens[index].keyHash
                // A nickname that is a word too ("jojo" of Joel) spreads as what it was found as.
                let common = lexicon.isCommonWord(word)
                if let (category, label) = origin(of: word, hash: hash), category == .person, !common || label.isNickname {
                    candidates.append(Candidate(range: text.tokens[index].range, category: category, label: label, score: threshold, derived: true))
                } else if common {
                    continue
                } else if firstNames.first(forHash: hash, where: { $0.elementsEqual(word) }) != nil {
                    candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: firstNameLabel, score: threshold, derived: true))
                } else if word.count > 3, word.last == 0x73 {  // a genitive in small letters: "lennys mutter"
                    let stem = word.dropLast(), stemHash = fnv1a(stem)
                    guard !lexicon.isCommonWord(stem), !lexicon.isAllowed(stem) else { continue }
                    if let (category, label) = origin(of: stem, hash: stemHash), category == .person {
                        candidates.append(Candidate(range: text.tokens[index].range, category: category, label: label, score: threshold, derived: true))
                    } else if firstNames.first(forHash: stemHash, where: { $0.elementsEqual(stem) }) != nil {
                        candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: firstNameLabel, score: threshold, derived: true))
                    }
                } else if isSpellingVariant(index, of: spellings, in: text) {
                    candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.variantLabel, score: threshold, derived: true))
                } else if isPetForm(word, of: petPrefixes, short: shortPetPrefixes), !lexicon.isPlace(word) {
                    candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.petFormLabel, score: threshold, derived: true))
                }
                continue
            }
            if word.count >= 5, let prefix = Self.prefix(word), let nameLength = namePrefixLengths[prefix], word.count <= nameLength + 5,
               origin(of: word, hash: text.tokens[index].keyHash) == nil, !lexicon.isCommonWord(word), !lexicon.isAllowed(word),
               !lexicon.isKnownName(word), !lexicon.isPlace(word), !lexicon.endsInCommonWord(word) {
                candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: firstNameLabel, score: threshold, derived: true))
                continue
            }
            if isPetForm(word, of: petPrefixes, short: shortPetPrefixes), origin(of: word, hash: text.tokens[index].keyHash) == nil,
               !lexicon.isCommonWord(word), !lexicon.isAllowed(word), !lexicon.isPlace(word) {
                candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.petFormLabel, score: threshold, derived: true))
                continue
            }
            var found = origin(of: word, hash: text.tokens[index].keyHash)
            if found == nil, word.count > 3, word.last == 0x73 { found = origin(of: word.dropLast(), hash: fnv1a(word.dropLast())) }  // -s
            if found == nil, word.count > 4, word.hasSuffix(Self.esEnding) {
                found = origin(of: word.dropLast(2), hash: fnv1a(word.dropLast(2)))
            }
            if found == nil, isSpellingVariant(index, of: spellings, in: text) {
                candidates.append(Candidate(range: text.tokens[index].range, category: .person, label: Self.variantLabel, score: threshold, derived: true))
                continue
            }
            guard let (category, label) = found else { continue }
            if category == .person && lexicon.isCommonWord(word) && followsIndefiniteArticle(index, in: text) { continue }
            candidates.append(Candidate(range: text.tokens[index].range, category: category, label: label, score: threshold, derived: true))
        }
    }

    /// Whether an indefinite article or a possessive ("ein", "keine", "seinen", …) stands right before the word,
    /// or before one word in small letters between: "wie ein Fuchs", "ein großer Stein", "hat seinen Keks
    /// verschenkt" use a name's word as the noun it is.
    private func followsIndefiniteArticle(_ index: Int, in text: TokenizedText) -> Bool {
        // Capitalised only where it opens a sentence ("Ein Spatz ist in die Turnhalle geflogen").
        func opensSentence(_ token: Int) -> Bool {
            token == 0 || text.tokens[token].flags.contains(.newlineBefore) || [0x2E, 0x21, 0x3F].contains(text.units[text.tokens[token - 1].start])
        }
        func isArticle(_ token: Int) -> Bool {
            token >= 0 && text.tokens[token].isWord && (!text.tokens[token].isCapitalizedWord || opensSentence(token))
                && (Self.indefiniteArticles.contains(text.key(token)) || ListedPersons.possessives.contains(text.key(token)))
        }
        guard index >= 1, !text.tokens[index].flags.contains(.newlineBefore) else { return false }
        if isArticle(index - 1) { return true }
        return index >= 2 && text.tokens[index - 1].isWord && !text.tokens[index - 1].isCapitalizedWord
            && !text.tokens[index - 1].flags.contains(.newlineBefore) && isArticle(index - 2)
    }

    private static let indefiniteArticles: Set<ArraySlice<UInt8>> = Set(["ein", "eine", "einen", "einem", "einer", "eines",
        "kein", "keine", "keinen", "keinem", "keiner", "keines"].map { Array($0.utf8)[...] })

    /// A name spelt another way in passing ("gülcan (oder gülcen?)", "Musajewa" … „Mussajewa“), as notes taken
    /// over the phone or through an interpreter spell it: a word no list knows, one letter away from a person's
    /// name of the note.
    private func isSpellingVariant(_ index: Int, of spellings: SpellingVariants, in text: TokenizedText) -> Bool {
        let word = text.key(index)
        // An abbreviation in a capitals-only fax ("GESICH." beside "GESCH.") is no name spelt otherwise.
        if text.tokens[index].flags.contains(.allCaps), text.tokens[index].end < text.units.count,
           text.units[text.tokens[index].end] == 0x2E { return false }
        return word.count >= SpellingVariants.shortest && spellings.contains(variant: word) && !lexicon.isCommonWord(word)
            && !lexicon.isAllowed(word) && !lexicon.isPlace(word) && !lexicon.endsInCommonWord(word)
    }

    /// A person found as a first name and a surname ("Olena Bondarenko (34)") or an initial and a surname ("T.
    /// Kern"): less sure than a name after "Frau", but its surname alone later ("25-019 Bondarenko +1",
    /// "(Oberle/Kern)") is the same person.
    /// (Asked by position: a candidate passed by value was copied, its label and extras retained.)
    private func isFullName(_ position: Int, of candidates: [Candidate], in text: TokenizedText) -> Bool {
        guard candidates[position].category == .person, candidates[position].score >= threshold else { return false }
        let indices = tokenIndices(of: candidates[position].range, in: text)
        // A list's "SURNAME, Firstname" ("WIŚNIEWSKA, Marta"): the surname in capitals spreads to its later
        // mentions in running text ("- Wiśniewska: bestätigt …").
        if indices.count >= 3, text.tokens[indices.lowerBound].flags.contains(.allCaps),
           text.tokens[indices.lowerBound].end - text.tokens[indices.lowerBound].start >= 3,
           text.units[text.tokens[indices.lowerBound + 1].start] == 0x2C, text.tokens[indices.lowerBound + 2].isCapitalizedWord,
           lexicon.isFirstName(text.key(indices.lowerBound + 2)), text.opensListItem(indices.lowerBound) {
            let surname = text.key(indices.lowerBound)
            return !lexicon.isAllowed(surname) && !lexicon.isRoleWord(surname) && !lexicon.isLowercaseWord(surname)
        }
        guard candidates[position].score >= Self.fullNameScore else { return false }
        // An initial before a surname the lists know ("T. Kern (ASD)"): the surname spreads even where it is a noun.
        if indices.count == 3, text.isInitial(indices.lowerBound), text.tokens[indices.upperBound - 1].isCapitalizedWord {
            let last = text.key(indices.upperBound - 1)
            return lexicon.isSurname(last) && !lexicon.isAllowed(last)
        }
        guard indices.count == 2, text.tokens[indices.lowerBound].isCapitalizedWord, text.tokens[indices.upperBound - 1].isCapitalizedWord
        else { return false }
        // Neither word a common one: "Papa Mirko" names the father by a kin word, which must not spread.
        let first = text.key(indices.lowerBound), last = text.key(indices.upperBound - 1)
        return lexicon.isFirstName(first) && !lexicon.isCommonWord(first) && !lexicon.isCommonWord(last)
    }

    private static let fullNameScore = 0.7

    /// The one-word person finds that two places of the note found on their own ("Chucky (15, Zi. 1)" and a
    /// table row "| Chucky |"): a word found as a name twice is that name where nothing stands around it too
    /// ("Chucky: Ausgangsregel beachten"). Words of the language do not count: they may be found twice as jargon.
    private func recurringNameWords(in candidates: [Candidate], text: TokenizedText) -> Set<ArraySlice<UInt8>> {
        // The one-word finds by the hash their token carries: sorted, equal hashes stand together, and only
        // those are compared and asked of the lexicon (a dictionary of slices hashed every word again).
        var words: [(hash: UInt64, token: Int, start: Int)] = []
        // By index, as below: a copy of each candidate retained its label.
        for position in candidates.indices where !candidates[position].derived && candidates[position].category == .person
            && candidates[position].score >= threshold && candidates[position].range.count >= 3 {
            let range = candidates[position].range
            let indices = tokenIndices(of: range, in: text)
            guard indices.count == 1, text.tokens[indices.lowerBound].isCapitalizedWord else { continue }
            words.append((text.tokens[indices.lowerBound].keyHash, indices.lowerBound, range.lowerBound))
        }
        guard words.count >= 2 else { return [] }
        words.sort { $0.hash < $1.hash }
        // The runs of `words` under one hash whose first word is found twice or more; the words of a run that
        // only share its hash are told apart by their keys where they are counted (no array per run is made).
        var groups: [Range<Int>] = []
        var run = 0
        while run < words.count {
            var end = run + 1
            while end < words.count && words[end].hash == words[run].hash { end += 1 }
            if end - run >= 2 {
                let first = text.key(words[run].token)
                if words[run..<end].count(where: { text.key($0.token).elementsEqual(first) }) >= 2,
                   !lexicon.isCommonWord(first), !lexicon.isAllowed(first) { groups.append(run..<end) }
            }
            run = end
        }
        guard !groups.isEmpty else { return [] }
        // Where a surer find of another kind holds the word ("Do, 06.02.2025" a date), it counts for nothing.
        var otherwise = OffsetSet(limit: text.units.count)
        for position in candidates.indices where candidates[position].category != .person && candidates[position].score > threshold {
            otherwise.insert(contentsOf: candidates[position].range)
        }
        var recurring = Set<ArraySlice<UInt8>>()
        for group in groups {
            let first = text.key(words[group.lowerBound].token)
            if words[group].count(where: { text.key($0.token).elementsEqual(first) && !otherwise.contains($0.start) }) >= 2 {
                recurring.insert(first)
            }
        }
        return recurring
    }

    /// Whether candidate `position` is one word that `recurringNameWords` holds.
    private func isRecurring(_ position: Int, of candidates: [Candidate], _ recurring: Set<ArraySlice<UInt8>>,
                             in text: TokenizedText) -> Bool {
        guard !recurring.isEmpty, candidates[position].category == .person else { return false }
        let indices = tokenIndices(of: candidates[position].range, in: text)
        return indices.count == 1 && recurring.contains(text.key(indices.lowerBound))
    }

    /// The first four bytes of a key of four bytes or more, as one integer.
    private static func prefix(_ key: ArraySlice<UInt8>) -> UInt32? {
        guard key.count >= 4 else { return nil }
        return key.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A name's first three letters: a pet form of four letters keeps only three of the name ("Nici" of Nicole,
    /// "Susi" of Susanne).
    private static func shortPrefix(_ key: ArraySlice<UInt8>) -> UInt32 {
        key.prefix(3).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Whether a word ending in "-i" or "-y" is a pet form of a person's name of the note ("Steffi" of
    /// Stefanie, "nici" of Nicole): its first four letters begin the name (`petPrefixes`, with the name's length)
    /// and it is no longer, or it has four letters and its first three begin the name (`short`).
    private func isPetForm(_ word: ArraySlice<UInt8>, of petPrefixes: [UInt32: Int], short: Set<UInt32>) -> Bool {
        guard (4...8).contains(word.count), word.last == 0x69 || word.last == 0x79 else { return false }
        if word.count == 4 { return short.contains(Self.shortPrefix(word)) }
        guard let prefix = Self.prefix(word), let nameLength = petPrefixes[prefix] else { return false }
        return word.count <= nameLength
    }

    /// Words worth propagating: capitalised, two letters or more, not a particle or an allowed word (a person's
    /// name in small letters too, three letters or more and no word of the language) — except a
    /// person's surname that is also a role word ("Hr. Richter" masks the signature "Richter" too) and a first
    /// name that is also a month ("Mai Brenninger" … "mit Mai und Lukas"; a month in a date is the date's).
    private func isPropagatable(_ index: Int, person: Bool, nickname: Bool = false, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        // A name found in small letters with context ("timur (2) „timmi“") is that person in small letters
        // elsewhere ("mit timmi"), unless it is a word of the language — but a pet name a bracket or legend gave
        // is the child wherever the note says it ("krümel (= finn, 4)" … "krümel hustet").
        if person, token.flags.contains(.lowercase), token.end - token.start >= 3 {
            let word = text.key(index)
            return (nickname || !lexicon.isLowercaseWord(word)) && (nickname || !lexicon.isCommonWord(word)) && !lexicon.isAllowed(word)
                && !lexicon.isParticle(word)
        }
        guard token.isCapitalizedWord, token.end - token.start >= 2 else { return false }
        let word = text.key(index)
        return !lexicon.isParticle(word) && (!lexicon.isAllowed(word) || (person && (lexicon.isSurname(word) || lexicon.isFirstName(word))))
    }

    /// Places and organisations spread only through proper names: "Wohnung" in "Wohnung Am Markt 3" must
    /// not mask every flat in the note. (A person's surname spreads even when it is a noun: recall first.)
    private func spreads(_ category: Category, _ index: Int, in text: TokenizedText) -> Bool {
        category == .person || !lexicon.isCommonWord(text.key(index))
    }
}

/// A few four-byte prefixes with a length each, sorted for bisection (see `Propagation.apply`).
private struct PrefixLengths {
    private let prefixes: [UInt32]
    private let lengths: [Int]

    init(_ table: [UInt32: Int]) {
        let sorted = table.sorted { $0.key < $1.key }
        prefixes = sorted.map(\.key)
        lengths = sorted.map(\.value)
    }

    subscript(prefix: UInt32) -> Int? {
        var low = 0, high = prefixes.count
        while low < high {
            let middle = (low + high) / 2
            if prefixes[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        return low < prefixes.count && prefixes[low] == prefix ? lengths[low] : nil
    }
}
