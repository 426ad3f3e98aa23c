/// Decides which findings of a subject whose consent allows a reveal may really be shown.
///
/// Detection attributes spans to roster persons generously (typos, shared family names, linking), because
/// masking too much is harmless. A reveal is the opposite: showing a span that belongs to someone else is the
/// one thing the consent gate must never do. So a span is shown only when the roster ties it to the
/// consenting subject and to nobody else:
/// - every name word in it is one of the subject's own name words, exactly or inflected ("Fischers"), and no
///   other roster person's (a one-letter typo is never shown: "Meier" may be someone else than "Maier");
///   a double name ("Fischer-Yılmaz") counts as one word when the subject's names hold it whole;
/// - no word of it is used elsewhere in the note in a mention that is not wholly the subject's ("Eva Schulz"
///   makes every "Eva" ambiguous);
/// - no form of address or role word before or inside it contradicts the subject's role ("Herr Maier" for
///   the mother, "KV Anna …" for anyone but the father);
/// - a birth date, address part or phone number is the subject's and no other roster person's.
/// Anything else stays masked: ambiguity masks.
struct RevealScope {
    private struct Person {
        let subject: String
        let role: RosterRole?
        let words: Set<[UInt8]>
        let compounds: Set<[[UInt8]]>
        /// Each roster name as its sequence of name units, for mentions that hold a shared word.
        let fullNames: Set<[[[UInt8]]]>
        let birth: GermanDate?
        let addressKeys: Set<[UInt8]>
        let phones: Set<[UInt8]>
    }

    private let persons: [Person]
    private let lexicon: Lexicon
    /// Folded role words and codes, to the roles they name.
    private let roleCues: [[UInt8]: [RosterRole]]
    private static let suffixes: [[UInt8]] = [[0x73], [0x65, 0x73], [0x6E], [0x6E, 0x73], [0x65, 0x6E]]
    /// Words that may stand inside a name mention without being a name: titles and forms of address.
    private static let titles: Set<[UInt8]> = Set(["herr", "herrn", "frau", "hr", "fr", "dr", "prof", "familie"].map { Array($0.utf8) })

    init(persons known: [KnownPerson], tokenizer: Tokenizer, lexicon: Lexicon) throws(DiskretError) {
        self.lexicon = lexicon
        var cues: [[UInt8]: [RosterRole]] = [:]
        for role in RosterRole.all {
            cues[try tokenizer.phraseKey(role.word).key, default: []].append(role)
            // One-letter codes ("K", "M", "S") are too common as abbreviations to read as roles.
            if role.code.count >= 2 { cues[try tokenizer.phraseKey(role.code).key, default: []].append(role) }
        }
        roleCues = cues
        var persons: [Person] = []
        for person in known {
            var words: Set<[UInt8]> = [], compounds: Set<[[UInt8]]> = [], fullNames: Set<[[[UInt8]]]> = []
            for name in person.names {
                let text = try tokenizer.tokenize(Array(name.utf16))
                var index = 0, sequence: [[[UInt8]]] = []
                while index < text.tokens.count {
                    let unit = Self.unit(at: index, in: text)
                    if text.tokens[index].isWord && !lexicon.isParticle(text.key(index)) { sequence.append(unit.keys) }
                    if unit.keys.count == 1, text.tokens[index].isWord, !text.tokens[index].flags.contains(.lowercase), unit.keys[0].count >= 2 {
                        words.insert(unit.keys[0])
                    } else if unit.keys.count > 1 {
                        compounds.insert(unit.keys)
                        for (offset, key) in unit.keys.enumerated() where key.count >= 2 && !unit.lowercase[offset] { words.insert(key) }
                    }
                    index = unit.next
                }
                fullNames.insert(sequence)
            }
            var addressKeys: Set<[UInt8]> = []
            for address in person.addresses {
                addressKeys.insert(try tokenizer.phraseKey(address).key)
                for part in address.split(separator: ",") {
                    let key = try tokenizer.phraseKey(String(part)).key
                    if !key.isEmpty { addressKeys.insert(key) }
                }
            }
            persons.append(Person(subject: person.subject, role: person.role.flatMap(RosterRole.named), words: words,
                                  compounds: compounds, fullNames: fullNames, birth: person.birthdate.flatMap(GermanDate.parse),
                                  addressKeys: addressKeys, phones: Set(person.phones.map(Self.nationalDigits))))
        }
        self.persons = persons
    }

    /// The indices of `findings` that may be shown under `reveal` (subject → categories the gate granted).
    func revealable(_ findings: [Candidate], in text: TokenizedText, reveal: [String: Set<Category>]) -> [Int] {
        guard !reveal.isEmpty else { return [] }
        // A roster word the note also uses next to a name no roster person has ("Eva Schulz") may be someone
        // else's everywhere in the note.
        var tainted: Set<[UInt8]> = []
        var owners: [Int: Int] = [:]
        for (index, finding) in findings.enumerated() where finding.category == .person {
            let units = nameUnits(of: finding, in: text)
            if let owner = soleOwner(of: units) { owners[index] = owner }
            if units.contains(where: { unit in !persons.contains { matches(unit.keys, $0) } }) {
                for key in units.flatMap(\.keys) { tainted.formUnion(Self.stems(key)) }
            }
        }
        var result: [Int] = []
        for (index, finding) in findings.enumerated() {
            // A person mention is judged by whose name words it holds, not by the detector's attribution.
            let personIndex = finding.category == .person ? owners[index] : persons.firstIndex { $0.subject == finding.subject }
            guard let personIndex, reveal[persons[personIndex].subject]?.contains(finding.category) == true else { continue }
            let person = persons[personIndex]
            switch finding.category {
            case .person:
                guard !nameUnits(of: finding, in: text).flatMap(\.keys).contains(where: { !tainted.isDisjoint(with: Self.stems($0)) }),
                      !conflicts(finding, with: person, in: text) else { continue }
                result.append(index)
            case .date:
                guard let date = GermanDate.parse(text.string(finding.range)), let birth = person.birth,
                      sameDay(date, birth), persons.filter({ $0.birth.map { sameDay(date, $0) } ?? false }).count == 1 else { continue }
                result.append(index)
            case .address:
                guard let key = text.joinedKey(covering: finding.range), person.addressKeys.contains(key),
                      persons.filter({ $0.addressKeys.contains(key) }).count == 1 else { continue }
                result.append(index)
            case .contact:
                let digits = Self.nationalDigits(text.string(finding.range))
                guard digits.count >= 5, person.phones.contains(digits), persons.filter({ $0.phones.contains(digits) }).count == 1 else { continue }
                result.append(index)
            default:
                continue
            }
        }
        return result
    }

    /// A name word, or a hyphenated double name as one unit, starting at token `index`.
    private static func unit(at index: Int, in text: TokenizedText) -> (keys: [[UInt8]], lowercase: [Bool], next: Int) {
        var keys = [Array(text.key(index))], lowercase = [text.tokens[index].flags.contains(.lowercase)]
        var last = index
        while last + 2 < text.tokens.count, text.tokens[last].isWord, text.isJoiner(last + 1, after: last),
              text.tokens[last + 2].isWord, !text.tokens[last + 2].flags.contains(.spaceBefore) || text.tokens[last + 2].flags.contains(.newlineBefore) {
            keys.append(Array(text.key(last + 2)))
            lowercase.append(text.tokens[last + 2].flags.contains(.lowercase))
            last += 2
        }
        return (keys, lowercase, last + 1)
    }

    /// The name units of a person mention: every word token except particles, titles and role words.
    /// Numbers count as units too (they never match a name), so a mention holding one is never shown.
    private func nameUnits(of finding: Candidate, in text: TokenizedText) -> [(keys: [[UInt8]], lowercase: [Bool])] {
        var units: [(keys: [[UInt8]], lowercase: [Bool])] = []
        let indices = tokenIndices(of: finding.range, in: text)
        var index = indices.lowerBound
        while index < indices.upperBound {
            let token = text.tokens[index]
            guard token.kind == .word || token.kind == .number else { index += 1; continue }
            let key = Array(text.key(index))
            if token.kind == .word && (lexicon.isParticle(text.key(index)) || Self.titles.contains(key) || roleCues[key] != nil) {
                index += 1; continue
            }
            let unit = Self.unit(at: index, in: text)
            units.append((unit.keys, unit.lowercase))
            index = min(unit.next, indices.upperBound)
        }
        return units
    }

    /// The one roster person the mention belongs to, or nil. Every name unit must be that person's; a unit
    /// several persons share (a family name) is allowed only when the whole mention is one of the person's
    /// roster names ("Murat Yılmaz", not "Frau Yılmaz"), and a mention needs a unit that is the person's alone.
    private func soleOwner(of units: [(keys: [[UInt8]], lowercase: [Bool])]) -> Int? {
        guard !units.isEmpty else { return nil }
        let owners = units.map { unit in persons.indices.filter { matches(unit.keys, persons[$0]) } }
        let candidates = persons.indices.filter { candidate in
            guard owners.allSatisfy({ $0.contains(candidate) }), owners.contains(where: { $0 == [candidate] }) else { return false }
            return owners.allSatisfy { $0.count == 1 } || persons[candidate].fullNames.contains(units.map(\.keys))
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    private func matches(_ keys: [[UInt8]], _ person: Person) -> Bool {
        if keys.count > 1 {
            if person.compounds.contains(keys) { return true }
            // A name hyphenated at a line end ("Fi-" newline "scher") is one word.
            return keys.count == 2 && Self.stems(keys[0] + keys[1]).contains(where: person.words.contains)
        }
        return Self.stems(keys[0]).contains(where: person.words.contains)
    }

    /// A key and the stems its inflection endings (-s, -es, -n, -ns, -en) would leave.
    private static func stems(_ key: [UInt8]) -> [[UInt8]] {
        var result = [key]
        for suffix in suffixes where key.count > suffix.count + 1 && key.hasSuffix(suffix) { result.append(Array(key.dropLast(suffix.count))) }
        return result
    }

    /// Whether a form of address or a role word right before the mention, or inside it, contradicts the person.
    private func conflicts(_ finding: Candidate, with person: Person, in text: TokenizedText) -> Bool {
        let inside = tokenIndices(of: finding.range, in: text)
        var cues = Array(inside)
        var index = inside.lowerBound - 1
        // The words directly before the mention, across the dot of an abbreviation ("Hr. Maier", "KM Frau Maier").
        while index >= 0 && index >= inside.lowerBound - 4 {
            let token = text.tokens[index]
            if token.kind == .punctuation && text.units[token.start] == 0x2E { index -= 1; continue }
            guard token.kind == .word else { break }
            let key = Array(text.key(index))
            guard Self.titles.contains(key) || roleCues[key] != nil else { break }
            cues.append(index)
            index -= 1
        }
        for cue in cues where text.tokens[cue].kind == .word {
            let key = Array(text.key(cue))
            if let gender = RosterRole.addressForms[String(decoding: key, as: UTF8.self)] {
                guard let own = person.role?.gender else { continue }
                if own != gender { return true }
            }
            if let roles = roleCues[key] {
                // An unknown role (none given) cannot be confirmed by a role word: fail closed.
                guard let role = person.role else { return true }
                if !roles.contains(where: { $0.kin == role.kin }) { return true }
            }
        }
        return false
    }

    private func sameDay(_ date: GermanDate, _ birth: GermanDate) -> Bool {
        date.day == birth.day && date.month == birth.month && (date.year == nil || date.year == birth.year)
    }

    /// The digits of a phone number without its country or trunk prefix ("+49 170 …", "0170 …" → "170…").
    static func nationalDigits(_ text: String) -> [UInt8] {
        var digits: [UInt8] = text.unicodeScalars.compactMap { scalar in
            guard let value = scalar.properties.numericValue, scalar.properties.numericType == .decimal else { return nil }
            return UInt8(0x30 + Int(value))
        }
        if digits.starts(with: [0x30, 0x30, 0x34, 0x39]) { digits.removeFirst(4) }
        else if text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "+" && digits.starts(with: [0x34, 0x39]) { digits.removeFirst(2) }
        while digits.first == 0x30 { digits.removeFirst() }
        return digits
    }
}
