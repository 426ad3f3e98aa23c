/// Capitalised words that no list explains are names (recall first): a German word with a capital is a noun
/// the lists know (or, at a sentence start, any word they know in lower case), a compound or inflected form
/// of one, a place, an abbreviation — or a name the gazetteers have not heard of ("Krutschinna",
/// "Hiroshige"). Only words no other rule claimed are tried, and not in notes full of jargon (clinical
/// letters), where unknown words are mostly drug names.
struct UnknownNameWords {
    /// The unknown-word rule; its word set is the jargon.
    let rule: WordSetRule
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        // In a note full of jargon only a word after a person's initial is taken ("Pflege K. Mrosk"): no drug
        // or finding follows an initial, but for the Latin ones (A. carotis, M. Crohn, N. facialis, V. cava).
        let afterInitialOnly = isJargonHeavy(text)
        var claimed = [Bool](repeating: false, count: text.tokens.count)
        for candidate in candidates.indices {  // by index: iterating copies (and retains) each candidate
            for index in tokenIndices(of: candidates[candidate].range, in: text) { claimed[index] = true }
        }
        let definition = rule.definition
        // Both tests take only capitalised words of three letters or more (capitals-only ones too): the flags rule
        // out most tokens before either is called.
        for index in text.tokens.indices where text.tokens[index].isCapitalizedWord && text.tokens[index].end - text.tokens[index].start >= 3
            && !claimed[index] && (!afterInitialOnly || followsInitial(index, in: text))
            && (isUnknownName(index, in: text) || (!afterInitialOnly && isCapitalsListHead(index, in: text))) {
            candidates.append(Candidate(range: text.tokens[index].range, category: definition.category ?? .person,
                                        label: rule.label, score: definition.score))
        }
    }

    private func isJargon(_ word: ArraySlice<UInt8>) -> Bool { rule.contains(word) }

    /// Whether token `index` follows a capital initial and its full stop on its line, the initial not one of
    /// the Latin abbreviations of anatomy and disease (A., M., N., V.).
    private func followsInitial(_ index: Int, in text: TokenizedText) -> Bool {
        guard index >= 2, text.tokens[index].flags.contains(.spaceBefore), !text.tokens[index].flags.contains(.newlineBefore) else { return false }
        let dot = text.tokens[index - 1], initial = text.tokens[index - 2]
        guard text.units[dot.start] == 0x2E, dot.end - dot.start == 1, !dot.flags.contains(.spaceBefore),
              initial.end - initial.start == 1, isLatinUpper(text.units[initial.start]) else { return false }
        return ![0x41, 0x4D, 0x4E, 0x56].contains(text.units[initial.start])
            && (index < 3 || text.tokens[index - 3].end < initial.start)  // not the end of "z.B." or "u.a."
    }

    /// Whether at least three and more than the rule's share of the note's capitalised words are jargon (or
    /// end like it).
    private func isJargonHeavy(_ text: TokenizedText) -> Bool {
        var capitalised = 0, jargon = 0
        for (index, token) in text.tokens.enumerated() where token.isCapitalizedWord && token.end - token.start >= 3 {
            capitalised += 1
            let word = text.key(index)
            // A common noun with such an ending ("Familie", "Kopie", "Museum") is German, not jargon.
            if isJargon(word) || ((Self.hasClinicalEnding(word) || Self.hasLatinEnding(word)) && !lexicon.isCompoundHead(word)) { jargon += 1 }
        }
        // One Latin word in a news sentence is no clinical letter: it takes three.
        return jargon >= 3 && Double(jargon) > rule.jargonShare * Double(capitalised)
    }

    /// A surname in capitals heading a list item or a line ("- HRYTSENKO: 2. Vorfall"), as logs and faxes write
    /// them: five letters or more that no list knows, at the line's start or after its dash, before a colon.
    private func isCapitalsListHead(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        let token = tokens[index]
        guard token.isWord, token.flags.contains(.allCaps), !token.flags.contains(.hasDigit), token.end - token.start >= 5,
              token.end < units.count, units[token.end] == 0x3A else { return false }
        let atLineStart = index == 0 || token.flags.contains(.newlineBefore)
        let afterDash = index > 0 && tokens[index - 1].end - tokens[index - 1].start == 1
            && [0x2D, 0x2013, 0x2022].contains(units[tokens[index - 1].start])
            && (index == 1 || tokens[index - 1].flags.contains(.newlineBefore))
        guard atLineStart || afterDash else { return false }
        let key = text.key(index)
        return !lexicon.isCommonWord(key) && !lexicon.isAllowed(key) && !lexicon.isPlace(key) && !lexicon.isRoleWord(key)
            && !lexicon.endsInCommonWord(key) && !lexicon.isLowercaseWord(key)
    }

    private func isUnknownName(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isCapitalizedWord, !token.flags.contains(.allCaps),
              !token.flags.contains(.hasDigit), token.end - token.start >= 3 else { return false }
        // Abbreviations written with inner full stops ("Z.n", "St.p") are no names, nor are words with capitals
        // inside (brands and products: "TikTok", "PowerPoint"); surnames like "McDonald" are in the lists.
        if text.units[token.range].contains(0x2E) { return false }
        // A word without a vowel is an abbreviation ("Hdz", "Sdt", "Mrz"), not a name.
        if !text.units[token.range].contains(where: { Self.isVowel($0 | 0x20) }) { return false }
        if text.hasCapitalInside(index) { return false }
        // After an opening quote or a colon a capital starts a title or a sentence, not a name — unless a
        // known name follows it ("Kontoinhaberin: Rozafa Müller"), or the quote holds this one word: a word
        // no list knows, quoted alone, is what someone is called ("mit einem „Kev“", "Account „Marv 🐺“").
        // A chat message after its sender and time ("Memo 🦁 (21:48): Sero war …") starts a sentence, no label.
        let afterChatTime = index > 1 && text.units[text.tokens[index - 1].start] == 0x3A && text.units[text.tokens[index - 2].start] == 0x29
        if index > 0, !afterChatTime, text.tokens[index - 1].kind == .punctuation,
           text.units[text.tokens[index - 1].start] == 0x3A || QuotationMarks.opens(text.units[text.tokens[index - 1].start]),
           !isFollowedByName(index, in: text),
           !(text.units[text.tokens[index - 1].start] != 0x3A && isQuotedAlone(index, in: text) && !isTitledWork(quote: index - 1, in: text)
             && !isQuotedSpeech(quote: index - 1, in: text)) {
            return false
        }
        if text.looksLikeAbbreviation(index, shortCapitals: true) || text.followsNumber(index)
            || text.isPartOfCompound(index, isCommonWord: { isCompoundPart($0, in: text) }) { return false }
        let word = text.key(index)
        // A number's label or a street cut short, the full stop left out ("Vorgangsnr 2411…", "Hauptstr 12"):
        // no name ends so.
        if word.count >= 5 && (word.hasSuffix(Self.abbreviatedNumber) || word.hasSuffix(Self.abbreviatedStreet)) { return false }
        // Labels and abbreviated compounds: "Betreff:", "Vorgangsnr.", "Hauptstr.".
        if index + 1 < text.tokens.count, !text.tokens[index + 1].flags.contains(.spaceBefore) {
            let next = text.units[text.tokens[index + 1].start]
            if next == 0x3A { return false }
            if next == 0x2E && (word.hasSuffix(Self.abbreviatedNumber) || word.hasSuffix(Self.abbreviatedStreet)) { return false }
            // "Anl.", "Sachgeb.", "Kreisverw.", "Gyn.": the beginning of a common word before a full stop.
            if next == 0x2E && lexicon.beginsCommonWord(word) { return false }
        }
        if lexicon.isAllowed(word) || lexicon.isCommonWord(word) || lexicon.isParticle(word) || isJargon(word) { return false }
        if isDiminutiveOfFirstName(word) { return true }
        // Plural and case endings of nouns ("Kliniken", "Befundes") and compounds ending in a noun
        // ("Technikchef", "Oppositionssprecher").
        for ending in Self.inflections where word.count > ending.count + 3 && word.hasSuffix(ending) {
            if lexicon.isCommonWord(word.dropLast(ending.count)) { return false }
        }
        if word.count >= 7 {
            // "-mann" ends German surnames more often than unlisted compounds ("Brökelmann", "Heitmann").
            for split in (word.startIndex + 3)...(word.endIndex - 4) where !word[split...].elementsEqual(Self.mann)
                && (lexicon.isCompoundHead(word[split...]) || lexicon.isAllowed(word[split...])) { return false }
        }
        // After a person's initial ("T. Wienken") and quoted alone („Chrissi“) a word near a noun is a name,
        // not a slip.
        return !Self.hasClinicalEnding(word)
            && (followsInitial(index, in: text) || isQuotedAlone(index, in: text) || !isMisspeltCommonWord(word))
    }

    /// Whether a word is a first name with "-chen" ("Lenchen" of Lena, "Mariechen", "Paulchen"): a child's pet
    /// form, which the noun lists do not hold and the misspelling test would read as a noun ("Leichen").
    private func isDiminutiveOfFirstName(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 6, word.hasSuffix(Self.diminutive) else { return false }
        let stem = Array(word.dropLast(Self.diminutive.count))
        // "-schen" ends verbs made nouns ("Matschen", "Waschen"), not a name's pet form.
        guard stem.last != 0x73 else { return false }
        return lexicon.isFirstName(stem[...]) || lexicon.isFirstName((stem + [0x61])[...]) || lexicon.isFirstName((stem + [0x65])[...])
    }

    private static let diminutive = Array("chen".utf8)

    /// A common word glued to an unknown one makes a compound ("Istanbul-Konvention"), unless it is also a
    /// surname: "Oyelaran-Metzger" is a double name.
    private func isCompoundPart(_ index: Int, in text: TokenizedText) -> Bool {
        lexicon.isCommonWord(text.key(index)) && !lexicon.isSurname(text.key(index))
    }

    /// Whether a closing quote follows the word, right after it or after one symbol ("„Marv 🐺“").
    private func isQuotedAlone(_ index: Int, in text: TokenizedText) -> Bool {
        func isClosingQuote(_ token: Int) -> Bool {
            token < text.tokens.count && QuotationMarks.closes(text.units[text.tokens[token].start])
        }
        var next = index + 1
        if next < text.tokens.count, !isClosingQuote(next), text.tokens[next].kind == .other,
           !text.units[text.tokens[index].end..<text.tokens[next].end].contains(0x0A) { next += 1 }
        return isClosingQuote(next)
    }

    /// Whether a determiner and a common noun stand before the quote: "der Film „Frozen“", "im Spiel
    /// „Fortnite“" name a work, not a person — unless the noun is one that introduces a name ("vom Account").
    private func isTitledWork(quote: Int, in text: TokenizedText) -> Bool {
        let noun = quote - 1, determiner = quote - 2
        guard determiner >= 0, text.tokens[noun].isCapitalizedWord, text.tokens[determiner].isWord,
              lexicon.isCommonWord(text.key(noun)), !Self.nameNouns.contains(Array(text.key(noun))) else { return false }
        return RoleEvidence.determiners.contains(String(decoding: text.key(determiner), as: UTF8.self))
    }

    /// Whether a word of speaking stands right before the quote or right after its end: "sinngem. „Schlampe“",
    /// "„Babi“ gerufen" quote what was said, not what someone is called.
    private func isQuotedSpeech(quote: Int, in text: TokenizedText) -> Bool {
        func isSpeech(_ token: Int) -> Bool {
            token >= 0 && token < text.tokens.count && text.tokens[token].isWord && Self.speechWords.contains(Array(text.key(token)))
        }
        var before = quote - 1
        if before >= 0, text.units[text.tokens[before].start] == 0x2E || text.units[text.tokens[before].start] == 0x3A { before -= 1 }
        var after = quote + 1
        while after < text.tokens.count, after <= quote + 3, !QuotationMarks.closes(text.units[text.tokens[after].start]) { after += 1 }
        return isSpeech(before) || isSpeech(after + 1)
    }

    /// Words of saying, shouting and quoting, as folded keys ("ä" as "ae", "ß" as "ss").
    private static let speechWords: Set<[UInt8]> = Set(["sinngem", "sinngemaess", "woertlich", "zitat", "sagte", "sagt", "rief", "ruft",
        "schrie", "schreit", "schrieb", "bruellte", "beschimpft", "beleidigt", "gerufen", "gesagt", "geschrien", "geschrieben",
        "gebruellt", "gesungen", "geantwortet", "antwortete", "fragte", "gefragt"].map { Array($0.utf8) })

    /// Nouns after which a quoted word is someone's name.
    private static let nameNouns: Set<[UInt8]> = Set(["account", "profil", "nutzer", "nutzerin", "username", "nickname", "name",
                                                      "namen", "spitzname", "spitznamen", "kosename", "kosenamen", "kontakt"].map { Array($0.utf8) })

    /// Whether a name follows on the same line: a word the name lists hold right after a space ("Kontoinhaberin:
    /// Rozafa Müller"), or, also after a comma, a word no list explains — a quote or a label that opens with two
    /// such words holds a name ("„Tesfay Gebremariam“", "„Gebremariam, Tesfay“"), not a title or a sentence.
    private func isFollowedByName(_ index: Int, in text: TokenizedText) -> Bool {
        var next = index + 1
        let afterComma = next < text.tokens.count && text.units[text.tokens[next].start] == 0x2C && text.tokens[next].start == text.tokens[index].end
        if afterComma { next += 1 }
        guard next < text.tokens.count, text.tokens[next].isCapitalizedWord, text.tokens[next].flags.contains(.spaceBefore),
              !text.units[text.tokens[index].end..<text.tokens[next].start].contains(0x0A) else { return false }
        let word = text.key(next), token = text.tokens[next]
        if !afterComma && lexicon.isKnownName(word) { return true }
        guard !token.flags.contains(.allCaps), !token.flags.contains(.hasDigit), token.end - token.start >= 3 else { return false }
        return lexicon.isKnownName(word) || !(lexicon.isAllowed(word) || lexicon.isCommonWord(word) || lexicon.isLowercaseWord(word)
            || lexicon.isPlace(word) || lexicon.isParticle(word) || isJargon(word) || lexicon.endsInCommonWord(word))
    }

    private static let mann = Array("mann".utf8)

    /// Small vowels of German and of names written in Latin letters (a capital is one `| 0x20` away).
    /// (A switch, not a set: asked of every unit of every capitalised word, and a set hashed each.)
    private static func isVowel(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79,  // a e i o u y
             0xE4, 0xF6, 0xFC,  // ä ö ü
             0xE9, 0xE8, 0xE1, 0xE0, 0xED, 0xF3, 0xFA,  // é è á à í ó ú
             0xE2, 0xEA, 0xEE, 0xF4, 0xFB: return true  // â ê î ô û
        default: return false
        }
    }

    /// The endings of abbreviated labels and street names: "Vorgangsnr.", "Hauptstr.".
    private static let abbreviatedNumber = Array("nr".utf8), abbreviatedStreet = Array("str".utf8)

    /// Case and plural endings of German nouns.
    static let inflections: [[UInt8]] = ["s", "n", "e", "en", "es", "er", "ern", "ns"].map { Array($0.utf8) }

    /// Endings of diagnoses, procedures and drugs ("Mukositis", "Relaparotomie", "Nifedipin", "Metoprolol"),
    /// which clinical notes are full of and names almost never have.
    static let clinicalEndings: [[UInt8]] = ["itis", "ose", "osis", "om", "oms", "ome", "omen", "ie", "ien", "ase",
        "um", "ol", "olol", "mab", "nib", "pril", "sartan", "azol", "mycin", "cillin", "statin", "oxacin", "amid",
        "osid", "idin", "ipin", "azepam", "iron", "thyreose", "aemie", "amie"].map { Array($0.utf8) }

    /// The Latin endings `hasLatinEnding` looks for.
    private static let latinEndings = (us: Array("us".utf8), ae: Array("ae".utf8))

    /// Latin endings of anatomy ("Processus", "Truncus", "Filiae"): jargon when they pile up, though single
    /// Latin names ("Avitus") exist.
    static func hasLatinEnding(_ word: ArraySlice<UInt8>) -> Bool {
        word.count > 4 && (word.hasSuffix(latinEndings.us) || word.hasSuffix(latinEndings.ae))
    }

    static func hasClinicalEnding(_ word: ArraySlice<UInt8>) -> Bool {
        guard let last = word.last else { return false }
        if word.count >= 7 && last == 0x6E && word.dropLast().last == 0x69 { return true }  // -in: "Vincristin"
        // Asked for every capitalised word of every note: only the endings with the word's last byte are tried.
        return clinicalEndingsByLastByte[Int(last)].contains { word.count > $0.count + 2 && word.hasSuffix($0) }
    }

    /// `clinicalEndings` grouped by their last byte.
    private static let clinicalEndingsByLastByte: [[[UInt8]]] = (0..<256).map { byte in
        clinicalEndings.filter { $0.last == UInt8(byte) }
    }

    /// One typing error away from a common word ("Entlassunq", "Vobereitung", "Herzfreqenz"): a slip, not a
    /// name. Place names do not count: a name one letter from a town ("Karakaya", "Karakasa") is a name. Tried
    /// only for words of seven letters or more, where a name so close to a noun is rare.
    private func isMisspeltCommonWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 7 else { return false }
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var variant = Array(word)
        for position in word.indices.map({ $0 - word.startIndex }) {
            // Deletion.
            var deleted = variant
            deleted.remove(at: position)
            if lexicon.isCompoundHead(deleted[...]) { return true }
            // Transposition with the next letter.
            if position + 1 < variant.count {
                variant.swapAt(position, position + 1)
                if lexicon.isCompoundHead(variant[...]) { return true }
                variant.swapAt(position, position + 1)
            }
            // Substitution and insertion.
            let original = variant[position]
            for letter in letters where letter != original {
                variant[position] = letter
                if lexicon.isCompoundHead(variant[...]) { return true }
            }
            variant[position] = original
            for letter in letters {
                variant.insert(letter, at: position)
                let found = lexicon.isCompoundHead(variant[...])
                variant.remove(at: position)
                if found { return true }
            }
        }
        return false
    }
}
