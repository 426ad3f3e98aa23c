/// What the pack's lists say about a single word, for the rules that reason about names.
///
/// A class: most stages keep one, and copying a struct of a dozen lists and sets retained each of them,
/// also into every closure that asked it a question.
final class Lexicon: @unchecked Sendable {
    // Safety: one session makes it and uses it on its thread; only `answers` changes after init.
    let pack: RulePack
    /// Lists of person names (first names, surnames).
    let nameLists: [WordList]
    /// Lists of first names only: a word after a known first name is taken as a surname even when it is
    /// also a noun ("Anna Koch", "Kevin Schlauberger").
    let firstNameLists: [WordList]
    /// Lists of surnames only: after a title, an initial or a first name, a surname counts even when an allow
    /// list holds it as a role word ("Hr. Richter", "J. Richter", "Melanie Richter").
    let surnameLists: [WordList]
    /// First-name lists by gender, told by their file name (`…-f.txt`, `…-m.txt`), for the gender of a mention.
    let femaleFirstNameLists: [WordList], maleFirstNameLists: [WordList]
    /// Lists of common words (nouns, lower-case words): a capitalised word found here is no evidence of a name.
    let commonWordLists: [WordList]
    /// The common-word lists without the place lists: what a compound may end in. "Karakaya" ends in a town
    /// ("Kaya") and is a name; "Technikchef" ends in a noun and is none.
    let compoundHeadLists: [WordList]
    /// The place lists of the pack's address word lists: towns, districts, countries.
    let placeLists: [WordList]
    /// Lists of words written in small letters (verbs, adjectives …), told by their file name
    /// (`lowercase-words.txt`): "essen" and "singen" in small letters are no towns.
    let lowercaseWordLists: [WordList]
    /// The dictionary of nouns: a capitalised word in it may be a noun wherever it stands.
    let nounLists: [WordList]
    /// The allow lists of role words and institutions (`roles.txt`, `institutions.txt`) and the words written
    /// into allow rules (ranks, courts): "KM", "ASD", "PK" are roles, not someone's initials.
    let roleLists: [WordList]
    /// The allow list of institutions alone (`institutions.txt`): "Frauenhaus", "ASD", "Schule".
    let institutionLists: [WordList]
    /// The allow list of persons' roles alone (`roles.txt`): "KM", "Vater", "Klientin".
    let personRoleLists: [WordList]
    /// The pack's particles, packed into integers and sorted: asked of almost every short word, so no array is
    /// made per query, and a bisection of a few dozen integers costs less than hashing one for a set.
    private let particles: [UInt64]
    /// Particles longer than seven bytes, should a rule declare one.
    private let longParticles: Set<[UInt8]>
    /// The longest particle in bytes: most words are longer and are answered without hashing.
    private let longestParticle: Int
    /// The answers given so far, kept for the words that come back (see `LexiconAnswers`).
    private let answers = LexiconAnswers()

    init(pack: RulePack) {
        self.pack = pack
        let personRules = pack.wordLists.filter { $0.definition.category == .person }
        nameLists = personRules.flatMap(\.lists)
        firstNameLists = personRules.filter { $0.definition.type.hasSuffix("firstname") }.flatMap(\.lists)
        surnameLists = personRules.filter { $0.definition.type.hasSuffix("surname") }.flatMap(\.lists)
        let firstNames = personRules.filter { $0.definition.type.hasSuffix("firstname") }.flatMap { zip($0.fields.lists, $0.lists) }
        femaleFirstNameLists = firstNames.filter { $0.0.value.hasSuffix("-f.txt") }.map(\.1)
        maleFirstNameLists = firstNames.filter { $0.0.value.hasSuffix("-m.txt") }.map(\.1)
        var common: [WordList] = []
        for rule in personRules {
            for list in rule.ambiguous + rule.ambiguousAtStart where !common.contains(where: { $0 === list }) { common.append(list) }
        }
        commonWordLists = common
        let placeLists = pack.wordLists.filter { $0.definition.category == .address }.flatMap(\.lists)
        self.placeLists = placeLists
        compoundHeadLists = common.filter { list in !placeLists.contains(where: { $0 === list }) }
        var lowercase: [WordList] = []
        for rule in pack.wordLists {
            for (path, list) in zip(rule.fields.ambiguousLists, rule.ambiguous)
            where path.value.hasSuffix("lowercase-words.txt") && !lowercase.contains(where: { $0 === list }) { lowercase.append(list) }
        }
        lowercaseWordLists = lowercase
        var nouns: [WordList] = []
        for rule in pack.wordLists {
            for (path, list) in zip(rule.fields.ambiguousLists, rule.ambiguous)
            where path.value.hasSuffix("nouns.txt") && !nouns.contains(where: { $0 === list }) { nouns.append(list) }
        }
        nounLists = nouns
        var roles: [WordList] = []
        var institutions: [WordList] = [], personRoles: [WordList] = []
        for rule in pack.allow {
            guard case let .allow(fields) = rule.definition.body else { continue }
            for (path, list) in zip(fields.lists, rule.lists)
            where path.value.hasSuffix("roles.txt") || path.value.hasSuffix("institutions.txt") {
                roles.append(list)
                if path.value.hasSuffix("institutions.txt") { institutions.append(list) } else { personRoles.append(list) }
            }
            // The words written into an allow rule (ranks, courts, services) come after its files.
            if !fields.words.isEmpty, let words = rule.lists.last { roles.append(words) }
        }
        roleLists = roles
        institutionLists = institutions
        personRoleLists = personRoles
        particles = Set(pack.particles.compactMap { Self.packed($0[...]) }).sorted()
        longParticles = pack.particles.filter { $0.count > 7 }
        longestParticle = pack.particles.map(\.count).max() ?? 0
    }

    /// Up to seven bytes and their count in one integer; nil for longer keys.
    private static func packed(_ key: ArraySlice<UInt8>) -> UInt64? {
        guard key.count <= 7 else { return nil }
        var value = UInt64(key.count)
        for byte in key { value = value << 8 | UInt64(byte) }
        return value
    }

    func isAllowed(_ key: [UInt8]) -> Bool { isAllowed(key[...]) }
    func isAllowed(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.allowed, for: key) { pack.isAllowed(key) } }
    func isKnownName(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.knownName, for: key) { nameLists.anyContains(key) } }
    func isFirstName(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.firstName, for: key) { firstNameLists.anyContains(key) } }
    func isSurname(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.surname, for: key) { surnameLists.anyContains(key) } }
    func isCommonWord(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.commonWord, for: key) { commonWordLists.anyContains(key) } }
    /// Whether a word begins a common word ("Anl" of "Anlage", "Kreisverw" of "Kreisverwaltung"): before a full
    /// stop such a word is an abbreviation.
    func beginsCommonWord(_ key: ArraySlice<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { prefix in compoundHeadLists.contains { $0.hasEntry(withPrefix: prefix) } }
    }
    /// Whether a word is a role or an institution's abbreviation ("KM", "ASD").
    func isRoleWord(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.roleWord, for: key) { roleLists.anyContains(key) } }
    /// Whether a word names a person's role ("KM", "Vater"), not an institution or another allowed word.
    func isPersonRole(_ key: ArraySlice<UInt8>) -> Bool {
        answers.answer(.personRole, for: key) { personRoleLists.anyContains(key) }
    }
    /// Whether a word names a kind of institution ("Frauenhaus", "ASD"), not a person's role.
    func isInstitution(_ key: ArraySlice<UInt8>) -> Bool {
        answers.answer(.institution, for: key) { institutionLists.anyContains(key) }
    }
    /// Whether a word is a place the lists know.
    func isPlace(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.place, for: key) { placeLists.anyContains(key) } }
    /// Whether a word is one written in small letters (a verb, an adjective …).
    func isLowercaseWord(_ key: ArraySlice<UInt8>) -> Bool {
        answers.answer(.lowercaseWord, for: key) { lowercaseWordLists.anyContains(key) }
    }
    /// Whether a word ends in a common word of `headLength` letters or more (four by default) after at least
    /// three: a compound ("Winterjacken", "Bierkästen").
    func endsInCommonWord(_ word: ArraySlice<UInt8>, headLength: Int = 4) -> Bool {
        guard word.count >= 3 + headLength, word.count >= 7 else { return false }
        return ((word.startIndex + 3)...(word.endIndex - headLength)).contains { isCompoundHead(word[$0...]) }
    }
    /// Whether a word is a noun of the dictionary.
    func isNoun(_ key: ArraySlice<UInt8>) -> Bool { answers.answer(.noun, for: key) { nounLists.anyContains(key) } }
    /// Whether a word can end a compound: a common word that is not only a place name.
    func isCompoundHead(_ key: ArraySlice<UInt8>) -> Bool {
        answers.answer(.compoundHead, for: key) { compoundHeadLists.anyContains(key) }
    }
    /// The gender of a first name that one gendered list alone holds; nil for names in both or neither.
    func firstNameGender(_ key: ArraySlice<UInt8>) -> MentionGender? {
        switch (answers.answer(.femaleFirstName, for: key) { femaleFirstNameLists.anyContains(key) },
                answers.answer(.maleFirstName, for: key) { maleFirstNameLists.anyContains(key) }) {
        case (true, false): return .female
        case (false, true): return .male
        default: return nil
        }
    }
    func isParticle(_ key: ArraySlice<UInt8>) -> Bool {
        guard key.count <= longestParticle else { return false }
        if let packed = Self.packed(key) {
            let index = particles.lowerBound(of: packed)
            return index < particles.count && particles[index] == packed
        }
        return !longParticles.isEmpty && longParticles.contains(Array(key))
    }
}

extension TokenizedText {
    /// The last token of a name that starts at `start`: capitalised words (not allow-listed), initials ("K."),
    /// hyphenated parts ("Fischer-Yılmaz") and particles between name words ("van der Berg"), at most
    /// `maxWords` words; a single line break inside is allowed. Nil when no name starts there. With
    /// `trustSurnames` (person rules), a surname that is also a role word counts in a sure position.
    func nameEnd(from start: Int, maxWords: Int, lexicon: Lexicon, strictFirstWord: Bool = false,
                 trustSurnames: Bool = false) -> Int? {
        var index = start, words = 0, last: Int? = nil
        var previousWasInitial = false, previousWasFirstName = false
        while index < tokens.count && words < maxWords {
            let token = tokens[index]
            // A sentence break ends the name, except the one ICU sees after an initial ("V. Jäger") and a line
            // break after a first name ("Jürgen⏎Schneider", "Fr. Gülistan⏎Aydın") — but not in a list of first
            // names, one on each line ("Lena⏎Tom"), which names one person per line.
            let lineBreakAfterFirstName = previousWasFirstName && words == 1 && token.flags.contains(.newlineBefore)
                && token.isCapitalizedWord && onlySpaceBetween(index - 1, index) && !lexicon.isAllowed(key(index))
                && !(tokens[index - 1].flags.contains(.newlineBefore) && lexicon.isFirstName(key(index)))
                && (lexicon.isKnownName(key(index)) || (!lexicon.isCommonWord(key(index)) && !isLabel(index)))
            let breaks = token.flags.contains(.sentenceStart) || token.flags.contains(.newlineBefore)
            if index > start && breaks && !previousWasInitial && !lineBreakAfterFirstName { break }
            // A column's gap (a tab, or three spaces and more) ends the name: the next column names someone else
            // ("KM: S. Ahmadi    LT-1: B. Hentschel").
            if index > start, isColumnGap(units[tokens[index - 1].end..<token.start]) { break }
            // Right after a title, an initial or a first name, a surname is a name even if it is a role word.
            let sameLine = !token.flags.contains(.newlineBefore)
            let trusted = trustSurnames && sameLine && ((words == 0 && !strictFirstWord) || previousWasInitial || previousWasFirstName)
            let afterFirstName = previousWasFirstName && tokens[index].isCapitalizedWord
                && (!lexicon.isAllowed(key(index)) || (trusted && lexicon.isSurname(key(index))))
                && !looksLikeAbbreviation(index, shortCapitals: true)
            // After a function word, a first word no name list knows is no person's name when it is a compound
            // with a common head of five letters or more ("Leitung Kinderschutzambulanz", "Oberärztin
            // Kinderradiologie") or a common word cut short ("Notärztin Unterschr."); surnames end in short heads
            // ("Hendlbein"), places in any.
            let notAName = words == 0 && strictFirstWord && trustSurnames && tokens[index].isCapitalizedWord
                && !lexicon.isKnownName(key(index))
                && (lexicon.endsInCommonWord(key(index), headLength: 5) || (isLabel(index) && lexicon.beginsCommonWord(key(index))))
            if afterFirstName || isInitial(index)
                || (!notAName && isNameWord(index, first: words == 0 && !strictFirstWord, trusted: trusted, lexicon: lexicon)) {
                words += 1
                last = index
                previousWasFirstName = lexicon.isFirstName(key(index))
                previousWasInitial = isInitial(index)
                index += 1
                // An initial keeps its full stop: "K."
                if previousWasInitial { last = index; index += 1 }
                continue
            }
            // A part glued on by a hyphen continues the name even when a list knows it as a word or place
            // ("Spree-Neiße", "Schulz-Wolf"): a glued compound of a name is one name.
            if let previous = last, isJoiner(index, after: previous), index + 1 < tokens.count,
               isNameWord(index + 1, first: true, lexicon: lexicon), !tokens[index + 1].flags.contains(.spaceBefore) {
                index += 1
                continue
            }
            if lexicon.isParticle(key(index)) {
                // Particles belong to the name only when a name word follows them.
                var next = index + 1
                while next < tokens.count && lexicon.isParticle(key(next)) { next += 1 }
                if next < tokens.count && isNameWord(next, first: false, lexicon: lexicon) { index = next; continue }
            }
            break
        }
        return last
    }

    /// A word glued to a full stop or colon ("Fallnr.:", "Betreff:"): a label or abbreviation, not a surname.
    func isLabel(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, !tokens[index + 1].flags.contains(.spaceBefore) else { return false }
        let unit = units[tokens[index + 1].start]
        return unit == 0x2E || unit == 0x3A
    }

    /// A single upper-case letter directly followed by a full stop.
    func isInitial(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index].isCapitalizedWord, tokens[index].end - tokens[index].start == 1 else { return false }
        return units[tokens[index + 1].start] == 0x2E && !tokens[index + 1].flags.contains(.spaceBefore)
    }

    /// A hyphen or apostrophe glued to the previous token.
    func isJoiner(_ index: Int, after previous: Int) -> Bool {
        guard tokens[index].kind == .punctuation, !tokens[index].flags.contains(.spaceBefore), tokens[index].end - tokens[index].start == 1 else { return false }
        let unit = units[tokens[index].start]
        return unit == 0x2D || unit == 0x2010 || unit == 0x2011 || unit == 0x27 || unit == 0x2019
    }

    /// A capitalised word that can be part of a name here. After the first word, common nouns and function
    /// words end the name unless a name list knows them ("Anna Koch" but not "Frau Fischer Termin").
    func isNameWord(_ index: Int, first: Bool, trusted: Bool = false, lexicon: Lexicon) -> Bool {
        let token = tokens[index]
        guard token.isCapitalizedWord else { return false }
        // Short capitals are abbreviations ("RR", "ASD"); an initial is handled as such by the caller.
        if token.flags.contains(.allCaps) && token.end - token.start <= 3 { return false }
        let word = key(index)
        if lexicon.isAllowed(word) && !(trusted && lexicon.isSurname(word)) { return false }
        if first { return true }
        return lexicon.isKnownName(word) || !lexicon.isCommonWord(word)
    }
}
