/// Replaces person names word by word with surrogate names of the same kind and gender: "Anna Fischer" →
/// "Julia Becker", "Frau Fischer" → "Frau Becker", "Fischers" → "Beckers", "Anna F." → "Julia B.".
///
/// Word by word keeps mentions consistent whatever form they take, in one note and across the notes of a case.
/// In a name of several words the last (with its hyphenated parts) is the surname, the others first names;
/// a single word is what another mention of the note made it, else a surname after Frau/Herr, else a first
/// name when a first-name list holds it, else a surname. A first name's gender comes from the lists (see
/// `firstNameGender`); "Frau"/"Herr" before a mention or the person's role decide only for unknown names.
struct NameSurrogates {
    let picker: SurrogatePicker
    let lists: SurrogateLists
    let lexicon: Lexicon

    private enum Kind { case first, surname }

    private struct Word {
        var token: Int
        var key: [UInt8]
        var surface: String
        var genitive = false
    }

    private struct Mention {
        var finding: Int
        var groups: [[Word]] = []
        var initials: [Int] = []
    }

    /// The replacement of each finding at `indices` (person findings); findings left out keep their
    /// placeholder (a list ran out).
    func replacements(for indices: [Int], in findings: [Candidate], text: TokenizedText) throws(DiskretError) -> [Int: String] {
        var mentions = indices.map { mention(of: $0, findings[$0], in: text) }
        // Genitive "s": "Fischers" when "Fischer" is a name word of the note.
        let stems = Set(mentions.flatMap { $0.groups.joined().map(\.key) })
        for m in mentions.indices {
            for g in mentions[m].groups.indices {
                for w in mentions[m].groups[g].indices {
                    let key = mentions[m].groups[g][w].key
                    if key.count > 3, key.last == 0x73, stems.contains(Array(key.dropLast())) {
                        mentions[m].groups[g][w].key.removeLast()
                        mentions[m].groups[g][w].genitive = true
                        mentions[m].groups[g][w].surface.removeLast()
                    }
                }
            }
        }
        // Kinds: names of several words decide for their words everywhere in the note.
        var kinds: [[UInt8]: Kind] = [:]
        for mention in mentions where mention.groups.count > 1 {
            for (position, group) in mention.groups.enumerated() {
                for word in group where kinds[word.key] == nil { kinds[word.key] = position == mention.groups.count - 1 ? .surname : .first }
            }
        }
        // The gender the note gives a person (Frau/Herr before a mention, else the role), for unknown first names.
        var genders: [Int: String] = [:]
        for mention in mentions {
            let finding = findings[mention.finding]
            if let gender = honorificGender(before: finding.range.lowerBound, in: text) { genders[finding.entity] = gender }
        }
        for mention in mentions where genders[findings[mention.finding].entity] == nil {
            if let role = findings[mention.finding].role, let gender = Self.gender(ofRole: role) { genders[findings[mention.finding].entity] = gender }
        }
        var items: [(label: String, key: [UInt8], surface: String)] = []
        var labels: [Int: [String]] = [:]  // per mention, per word in order
        for mention in mentions {
            let finding = findings[mention.finding]
            var mentionLabels: [String] = []
            for (position, group) in mention.groups.enumerated() {
                for word in group {
                    let kind = kinds[word.key] ?? (mention.groups.count > 1 ? (position == mention.groups.count - 1 ? .surname : .first)
                        : singleWordKind(word, finding, in: text))
                    var label = "surname"
                    if kind == .first {
                        let gender = firstNameGender(word.surface, context: genders[finding.entity])
                        if genders[finding.entity] == nil { genders[finding.entity] = gender }
                        label = "first-\(gender)"
                    }
                    mentionLabels.append(label)
                    items.append((label, word.key, word.surface))
                }
            }
            labels[mention.finding] = mentionLabels
        }
        // Choose in a fixed order (by label and key, each with its smallest spelling), so the choice does not
        // depend on where or how often names stand.
        var unique: [String: (label: String, key: [UInt8], surface: String)] = [:]
        for item in items {
            let id = item.label + "\u{0}" + String(decoding: item.key, as: UTF8.self)
            if let known = unique[id], known.surface <= item.surface { continue }
            unique[id] = item
        }
        var surrogates: [String: String] = [:]
        for id in unique.keys.sorted() {
            let item = unique[id]!
            let list = item.label == "first-f" ? lists.femaleFirstNames : item.label == "first-m" ? lists.maleFirstNames : lists.surnames
            let pool = picker.similar(to: item.surface, in: list, listName: item.label, singleWord: true)
            if let surrogate = try picker.pick(item.label, original: item.key, from: pool) { surrogates[id] = surrogate }
        }
        var result: [Int: String] = [:]
        for mention in mentions {
            let words = Array(mention.groups.joined())
            let mentionLabels = labels[mention.finding] ?? []
            var replaced: [Int: String] = [:]
            var complete = true
            for (word, label) in zip(words, mentionLabels) {
                guard let surrogate = surrogates[label + "\u{0}" + String(decoding: word.key, as: UTF8.self)] else { complete = false; break }
                var written = Self.spelled(surrogate, like: text.tokens[word.token])
                if word.genitive { written += ["s", "x", "z", "ß"].contains(written.last?.lowercased() ?? "") ? "'" : "s" }
                replaced[word.token] = written
            }
            guard complete else { continue }
            for token in mention.initials {
                let letter = text.string(text.tokens[token].range).uppercased()
                let entityWords = mentions.filter { findings[$0.finding].entity == findings[mention.finding].entity }
                    .flatMap { m in zip(Array(m.groups.joined()), labels[m.finding] ?? []) }
                let match = entityWords.first { $0.0.surface.uppercased().hasPrefix(letter) && $0.1 == "surname" }
                    ?? entityWords.first { $0.0.surface.uppercased().hasPrefix(letter) }
                if let match, let surrogate = surrogates[match.1 + "\u{0}" + String(decoding: match.0.key, as: UTF8.self)], let first = surrogate.first {
                    replaced[token] = String(first).uppercased()
                } else {
                    let letters = Array("ABDEFGHKLMNPRSTW")
                    replaced[token] = String(letters[picker.number("initial", Array(letter.utf8), below: letters.count)])
                }
            }
            result[mention.finding] = render(findings[mention.finding].range, replaced, in: text)
        }
        return result
    }

    /// The name words of a finding, grouped by hyphens ("Kaya-Demir" is one group), and its initials ("K.",
    /// or a single letter). Every word of two letters or more except particles ("van der") is a name word, so
    /// nothing of a name stays readable, whatever its case.
    private func mention(of index: Int, _ finding: Candidate, in text: TokenizedText) -> Mention {
        var mention = Mention(finding: index)
        var joinNext = false
        for token in tokenIndices(of: finding.range, in: text) {
            let shape = text.tokens[token]
            if shape.isWord && (text.isInitial(token) || shape.end - shape.start == 1) {
                mention.initials.append(token); joinNext = false; continue
            }
            let key = Array(text.key(token))
            guard shape.isWord, !lexicon.isParticle(key[...]) else {
                if !(joinNext && token > 0 && text.isJoiner(token, after: token - 1)) { joinNext = false }
                continue
            }
            let word = Word(token: token, key: key, surface: text.string(shape.range))
            if joinNext, !mention.groups.isEmpty { mention.groups[mention.groups.count - 1].append(word) } else { mention.groups.append([word]) }
            // A hyphen glued to both sides joins the next word to this group.
            joinNext = token + 2 < text.tokens.count && text.isJoiner(token + 1, after: token)
                && !text.tokens[token + 2].flags.contains(.spaceBefore)
        }
        return mention
    }

    private func singleWordKind(_ word: Word, _ finding: Candidate, in text: TokenizedText) -> Kind {
        if finding.type.hasSuffix("firstname") { return .first }
        if finding.type.hasSuffix("surname") { return .surname }
        if honorificGender(before: finding.range.lowerBound, in: text) != nil { return .surname }
        let lower = word.surface.lowercased()
        return lists.femaleKeys.contains(lower) || lists.maleKeys.contains(lower) ? .first : .surname
    }

    /// "f" after Frau/Fr., "m" after Herr/Herrn/Hr./Hrn., looking back over a full stop and a title.
    private func honorificGender(before offset: Int, in text: TokenizedText) -> String? {
        MentionGender.honorific(before: offset, in: text)?.letter
    }

    /// The gender of a first name: the one list that holds it; for a name in both lists ("Anna", "Maria",
    /// "Kim" — the lists count second names too) its ending (-a, -e female, with a few male exceptions), so
    /// the choice depends on the name alone and stays the same in every note; for a name in neither list the
    /// person's gender from the note, else the ending.
    private func firstNameGender(_ name: String, context: String?) -> String {
        if let gender = lists.gender(ofFirstName: name) { return gender }
        let lower = name.lowercased()
        let inBoth = lists.femaleKeys.contains(lower) && lists.maleKeys.contains(lower)
        if !inBoth, let context { return context }
        let maleNames: Set<String> = ["luca", "luka", "mika", "jona", "ole", "uwe", "malte", "arne", "hauke", "jonte", "kalle",
                                      "mustafa", "musa", "yahya", "taha", "hamza", "nikita", "ilja", "sascha"]
        if maleNames.contains(lower) { return "m" }
        return lower.hasSuffix("a") || lower.hasSuffix("e") ? "f" : "m"
    }

    /// "f" or "m" for a gendered role ("Kindsmutter", "Partner"), nil for others.
    static func gender(ofRole role: String) -> String? { MentionGender.of(role: role)?.letter }

    /// The surrogate in the original's case: "FISCHER" → "BECKER", "fischer" → "becker".
    static func spelled(_ surrogate: String, like token: Token) -> String {
        if token.flags.contains(.allCaps) { return surrogate.uppercased() }
        return token.flags.contains(.lowercase) ? surrogate.lowercased() : surrogate
    }

    private func render(_ range: Range<Int>, _ replaced: [Int: String], in text: TokenizedText) -> String {
        var output = ""
        var position = range.lowerBound
        for token in replaced.keys.sorted() {
            let tokenRange = text.tokens[token].range
            output += text.string(position..<tokenRange.lowerBound) + replaced[token]!
            position = tokenRange.upperBound
        }
        return output + text.string(position..<range.upperBound)
    }
}
