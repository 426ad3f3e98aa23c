/// Finds the identifiers of known persons (a case roster) whatever the rules say: every name word with
/// inflection, case and diacritic variants, hyphenation at a line end and one typo; birth dates in the usual
/// writings; address parts; phone numbers compared by their digits.
struct KnownIdentifierDetector {
    static let rule = "roster"
    let persons: [KnownPerson]
    let tokenizer: Tokenizer

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) throws(DiskretError) {
        guard !persons.isEmpty else { return }
        // Name words several persons share (a family name) are masked, but name nobody in particular:
        // "Herr Yılmaz" must not be given the mother's placeholder because she is "Fischer-Yılmaz".
        var owners: [[UInt8]: Set<String>] = [:]
        var wordsOf: [String: Set<[UInt8]>] = [:]
        for person in persons {
            let words = try nameWords(of: person)
            wordsOf[person.subject] = words
            for word in words { owners[word, default: []].insert(person.subject) }
        }
        for person in persons {
            func add(_ range: Range<Int>, _ category: Category, _ type: String) {
                var candidate = Candidate(range: range, category: category, type: type, rule: Self.rule, score: 1.0)
                candidate.subject = person.subject
                if category == .person {
                    candidate.role = person.role
                    candidate.fixedPlaceholder = person.placeholder
                }
                candidates.append(candidate)
            }
            let words = wordsOf[person.subject] ?? []
            let own = words.filter { owners[$0]?.count == 1 }
            // A typo is this person's only if no other roster person's name is as close or closer:
            // "Kowalska" is the mother's, never a typo of the father's "Kowalski".
            let others = Set(owners.keys).subtracting(words)
            for (range, attributed) in nameMatches(own, in: text, others: others) {
                if attributed { add(range, .person, "person.name"); continue }
                // Ambiguous between roster persons: masked, but as nobody in particular.
                candidates.append(Candidate(range: range, category: .person, type: "person.name", rule: Self.rule, score: 1.0))
            }
            for (range, _) in nameMatches(words.subtracting(own), in: text, others: others) {
                candidates.append(Candidate(range: range, category: .person, type: "person.name", rule: Self.rule, score: 1.0))
            }
            if let birthdate = person.birthdate, let date = GermanDate.parse(birthdate) {
                for range in dateMatches(date, in: text) { add(range, .date, "date.birth") }
            }
            for address in person.addresses {
                for part in address.split(separator: ",") {
                    let (key, count) = try tokenizer.phraseKey(String(part))
                    guard count > 0 else { continue }
                    for start in text.tokens.indices where start + count <= text.tokens.count
                        && text.joinedKey(start..<(start + count)) == key {
                        add(text.tokens[start].start..<text.tokens[start + count - 1].end, .address, "address")
                    }
                }
            }
            for phone in person.phones {
                for range in phoneMatches(digits(of: phone), in: text) { add(range, .contact, "contact.phone") }
            }
        }
    }

    /// The folded keys of a person's name words (lower-case particles left out).
    private func nameWords(of person: KnownPerson) throws(DiskretError) -> Set<[UInt8]> {
        var words: Set<[UInt8]> = []
        for name in person.names {
            let tokens = try tokenizer.tokenize(Array(name.utf16))
            for index in tokens.tokens.indices where tokens.tokens[index].isWord && !tokens.tokens[index].flags.contains(.lowercase) {
                let key = Array(tokens.key(index))
                if key.count >= 2 { words.insert(key) }
            }
        }
        return words
    }

    /// Ranges of the words' mentions; `attributed` is false for a typo as close to another person's name.
    private func nameMatches(_ words: Set<[UInt8]>, in text: TokenizedText, others: Set<[UInt8]>) -> [(range: Range<Int>, attributed: Bool)] {
        guard !words.isEmpty else { return [] }
        var result: [(range: Range<Int>, attributed: Bool)] = []
        let tokens = text.tokens
        for index in tokens.indices where tokens[index].isWord {
            let key = Array(text.key(index))
            let capitalised = tokens[index].flags.contains(.capitalized)
            if let attributed = matches(key, words, fuzzy: capitalised, others: others) { result.append((tokens[index].range, attributed)); continue }
            // A name hyphenated at a line end: "Fi-" newline "scher".
            if index + 2 < tokens.count, text.isJoiner(index + 1, after: index), tokens[index + 2].flags.contains(.newlineBefore),
               tokens[index + 2].isWord, let attributed = matches(key + Array(text.key(index + 2)), words, fuzzy: capitalised, others: others) {
                result.append((tokens[index].start..<tokens[index + 2].end, attributed))
            }
        }
        return result
    }

    /// Exact key, an inflected form (-s, -es, -n, -ns, -en), or — for capitalised words of four letters or
    /// more — one edit away (a typo). Nil for no match; false for a typo that is as close or closer to one of
    /// `others` (other roster persons' words), which is then nobody's in particular.
    private func matches(_ key: [UInt8], _ words: Set<[UInt8]>, fuzzy: Bool, others: Set<[UInt8]> = []) -> Bool? {
        if exactlyOrInflected(key, words) { return true }
        guard fuzzy, key.count >= 4, words.contains(where: { $0.count >= 4 && withinOneEdit($0, key) }) else { return nil }
        return !exactlyOrInflected(key, others) && !others.contains { $0.count >= 4 && withinOneEdit($0, key) }
    }

    private func exactlyOrInflected(_ key: [UInt8], _ words: Set<[UInt8]>) -> Bool {
        if words.contains(key) { return true }
        for suffix in [[0x73], [0x65, 0x73], [0x6E], [0x6E, 0x73], [0x65, 0x6E]] as [[UInt8]]
        where key.count > suffix.count + 1 && key.hasSuffix(suffix) {
            if words.contains(Array(key.dropLast(suffix.count))) { return true }
        }
        return false
    }

    private func dateMatches(_ date: GermanDate, in text: TokenizedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let tokens = text.tokens
        for index in tokens.indices where tokens[index].kind == .number {
            // Dates are tokens like "12.03.1988" or runs such as "1988-03-12"; read up to five glued tokens.
            let end = min(tokens.count, index + 5)
            for last in index..<end {
                if last > index {
                    let token = tokens[last]
                    let separator = token.kind == .punctuation && [0x2E, 0x2D, 0x2F].contains(text.units[token.start])
                    if token.flags.contains(.spaceBefore) || !(token.kind == .number || separator) { break }
                }
                let range = tokens[index].start..<tokens[last].end
                if let parsed = GermanDate.parse(text.string(range)), parsed.day == date.day, parsed.month == date.month,
                   parsed.year == nil || parsed.year == date.year {
                    result.append(range)
                }
            }
        }
        return result
    }

    private func phoneMatches(_ phone: [UInt8], in text: TokenizedText) -> [Range<Int>] {
        guard phone.count >= 5 else { return [] }
        let national = phone.first == 0x30 ? Array(phone.dropFirst()) : phone
        var result: [Range<Int>] = []
        let tokens = text.tokens
        for index in tokens.indices where tokens[index].kind == .number || text.units[tokens[index].start] == 0x2B || text.units[tokens[index].start] == 0x28 {
            var collected: [UInt8] = []
            var last = index
            while last < tokens.count && collected.count < phone.count + 4 {
                let token = tokens[last]
                if token.kind == .word { break }
                collected += digits(of: text.string(token.range))
                let tail = collected.starts(with: [0x34, 0x39]) ? Array(collected.dropFirst(2))
                    : collected.starts(with: [0x30, 0x30, 0x34, 0x39]) ? Array(collected.dropFirst(4)) : collected
                if collected == phone || tail == national || (tail.first == 0x30 && Array(tail.dropFirst()) == national) {
                    result.append(tokens[index].start..<token.end)
                    break
                }
                last += 1
            }
        }
        return result
    }

    private func digits(of text: String) -> [UInt8] {
        text.unicodeScalars.compactMap { scalar in
            guard let value = scalar.properties.numericValue, scalar.properties.numericType == .decimal else { return nil }
            return UInt8(0x30 + Int(value))
        }
    }
}

/// Whether two keys differ by at most one insertion, deletion, substitution or swap of neighbours.
func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    if abs(a.count - b.count) > 1 { return false }
    var i = 0
    while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
    if a.count == b.count {
        if a[(i + 1)...] == b[(i + 1)...] { return true }  // substitution
        return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]  // swap
    }
    let (longer, shorter) = a.count > b.count ? (a, b) : (b, a)
    return longer[(i + 1)...].elementsEqual(shorter[i...])
}
