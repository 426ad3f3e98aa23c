/// Addresses typed in small letters, as hurried mails and quoted chats write them: "in kiel", "nach gaarden",
/// "holtenauer str. 188", "dorfstr. 14", "24105 kiel". The rules for places read capitals; here a town after a
/// word of place ("in", "nach", "aus", "auf", "von", "bei", "wohnt") is looked up in small letters, a word ending in a
/// street type before a house number is a street (with the adjective before it), and a German postcode
/// before a word in small letters that is a town or no common word is a postcode and its town.
struct LowerCaseAddresses {
    static let label = RuleLabel(rule: "engine.lower-case-address", type: "address")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens
        var claimed = OffsetSet(limit: text.units.count)
        for index in candidates.indices where candidates[index].score >= threshold { claimed.insert(candidates[index].range.lowerBound) }
        var added: [Candidate] = []
        func add(_ range: Range<Int>) {
            guard !claimed.contains(range.lowerBound) else { return }
            claimed.insert(range.lowerBound)
            added.append(Candidate(range: range, category: .address, label: Self.label, score: threshold, derived: true))
        }
        for index in tokens.indices where tokens[index].isWord && tokens[index].flags.contains(.lowercase) {
            if let street = streetEnd(index, in: text) {
                add(streetStart(index, in: text)..<street)
            } else if index >= 1, tokens[index].end - tokens[index].start >= 3, onSameLine(index - 1, index, in: text),
                      isOne(of: Self.placeWords, index - 1, in: text), isTown(index, in: text) {
                add(tokens[index].range)
            } else if index >= 1, onSameLine(index - 1, index, in: text), isOne(of: Self.districtWords, index - 1, in: text),
                      tokens[index].end - tokens[index].start >= 3, !lexicon.isCommonWord(text.key(index)) {
                // After "OT" (Ortsteil) any word no list holds is the village: "spantekow OT rebelow".
                add(tokens[index].range)
            }
        }
        for index in tokens.indices.dropLast() where tokens[index].kind == .number && tokens[index].end - tokens[index].start == 5 {
            let next = index + 1
            guard onSameLine(index, next, in: text), tokens[next].isWord, tokens[next].flags.contains(.lowercase),
                  tokens[next].end - tokens[next].start >= 3, let code = text.asciiNumber(index), Self.postcodeRange.contains(code)
            else { continue }
            // After a house number and a comma the postcode heads an address line whatever word its town is
            // ("am moor 12, 49699 lindern (oldb)": "lindern" is a verb too).
            let street = streetBefore(postcode: index, in: text)
            guard isTown(next, in: text) || !lexicon.isCommonWord(text.key(next)) || street != nil else { continue }
            if let street { add(street) }
            add(tokens[index].range)
            add(tokens[next].start..<townSuffixEnd(after: next, in: text))
        }
        candidates.append(contentsOf: added)
    }

    /// The end of a street written in small letters whose word ends in a street type, with its house number
    /// ("dorfstr. 14", "holtenauer str. 188"), or a type after a town's adjective without one ("dessauer str.");
    /// without a number a word like "bürgerstraße" may be any street.
    private func streetEnd(_ index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens, units = text.units
        let key = text.key(index)
        // Every street type ends in one of these letters: most words are passed over by their last byte.
        switch key.last {
        case 0x65, 0x72, 0x67, 0x7A, 0x6D, 0x70: break  // e r g z m p
        default: return nil
        }
        guard let type = Self.streetTypes.first(where: { key.count >= $0.count && key.hasSuffix($0) }) else { return nil }
        // "str." alone is the type of the adjective before it ("holtenauer str.").
        if key.count == type.count && !(index >= 1 && isStreetAdjective(index - 1, in: text)) { return nil }
        var end = tokens[index].end
        var next = index + 1
        // The abbreviation's full stop ("dorfstr."), not a sentence's ("am südring.").
        if next < tokens.count, units[tokens[next].start] == 0x2E, !tokens[next].flags.contains(.spaceBefore), key.hasSuffix(Self.abbreviatedStreetType) {
            end = tokens[next].end
            next += 1
        }
        guard next < tokens.count, tokens[next].kind == .number, onSameLine(next - 1, next, in: text),
              tokens[next].end - tokens[next].start <= 4 else {
            // The adjective names the street without a number too ("dessauer str., hausnr. weiß ich nicht").
            // Only "str."/"straße": "wieder weg", "kinder weg" are no streets.
            if key.count == type.count { return Self.streetWords.contains(type) ? end : nil }
            // A compound no dictionary holds after "an der", "am", "in der" is a street's name ("an der
            // hackfurthstraße", "am südring"); "auf dem heimweg", "an der hauptstraße" are words.
            return !lexicon.isCommonWord(key) && followsPlacePreposition(index, in: text) ? end : nil
        }
        end = tokens[next].end
        // A house number's letter: "12a", "12 a".
        if next + 1 < tokens.count, tokens[next + 1].isWord, tokens[next + 1].end - tokens[next + 1].start == 1,
           tokens[next + 1].end == end || (tokens[next + 1].start == end + 1 && units[end] == 0x20) { end = tokens[next + 1].end }
        return end
    }

    /// Whether "am", "im", "zum", "zur" or a preposition and its article stand right before the word.
    private func followsPlacePreposition(_ index: Int, in text: TokenizedText) -> Bool {
        guard index >= 1, onSameLine(index - 1, index, in: text), text.tokens[index - 1].isWord else { return false }
        if isOne(of: Self.fusedPlacePrepositions, index - 1, in: text) { return true }
        return index >= 2 && onSameLine(index - 2, index - 1, in: text) && isOne(of: Self.articles, index - 1, in: text)
            && isOne(of: Self.streetPrepositions, index - 2, in: text)
    }

    private static let fusedPlacePrepositions: [[UInt8]] = ["am", "im", "zum", "zur", "vom", "beim"].map { Array($0.utf8) }
    private static let articles: [[UInt8]] = ["der", "dem", "den", "die"].map { Array($0.utf8) }

    /// The start of the street: the adjective before its type word when there is one ("holtenauer str.").
    private func streetStart(_ index: Int, in text: TokenizedText) -> Int {
        index >= 1 && isStreetAdjective(index - 1, in: text) ? text.tokens[index - 1].start : text.tokens[index].start
    }

    /// "holtenauer", "stralsunder": a small-letter word ending in -er right before, on the same line.
    private func isStreetAdjective(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        return token.isWord && token.flags.contains(.lowercase) && token.end - token.start >= 5 && onSameLine(index, index + 1, in: text)
            && text.key(index).hasSuffix(Self.adjectiveEnding)
    }

    /// The street of small letters before ", 49699": one word and its house number, with a preposition and
    /// article before it ("am moor 12", "an der kuhle 3a", "moorweg 7").
    private func streetBefore(postcode: Int, in text: TokenizedText) -> Range<Int>? {
        let tokens = text.tokens, units = text.units
        guard postcode >= 3, units[tokens[postcode - 1].start] == 0x2C, onSameLine(postcode - 1, postcode, in: text) else { return nil }
        var number = postcode - 2
        // A house number's letter: "3a", "3 a".
        if tokens[number].isWord, tokens[number].end - tokens[number].start == 1, number >= 1 { number -= 1 }
        guard number >= 1, tokens[number].kind == .number, tokens[number].end - tokens[number].start <= 4,
              onSameLine(number, postcode - 1, in: text) || tokens[postcode - 1].start == tokens[postcode - 2].end else { return nil }
        let word = number - 1
        guard tokens[word].isWord, tokens[word].flags.contains(.lowercase), tokens[word].end - tokens[word].start >= 3,
              onSameLine(word, number, in: text), !lexicon.isLowercaseWord(text.key(word)) || lexicon.isCommonWord(text.key(word))
        else { return nil }
        var start = word
        while start >= 1, start > word - 2, tokens[start - 1].isWord, onSameLine(start - 1, start, in: text),
              isOne(of: Self.streetPrepositions, start - 1, in: text) { start -= 1 }
        return tokens[start].start..<tokens[postcode - 2].end
    }

    /// The end of a town with its official suffix in small letters: "lindern (oldb)", "auerbach/vogtl.".
    private func townSuffixEnd(after town: Int, in text: TokenizedText) -> Int {
        let tokens = text.tokens, units = text.units
        let end = tokens[town].end
        guard town + 2 < tokens.count, tokens[town + 1].end - tokens[town + 1].start == 1, tokens[town + 2].isWord,
              (2...6).contains(tokens[town + 2].end - tokens[town + 2].start) else { return end }
        switch units[tokens[town + 1].start] {
        case 0x28 where tokens[town + 1].start <= end + 1 && town + 3 < tokens.count && units[tokens[town + 3].start] == 0x29:
            return tokens[town + 3].end
        case 0x2F where tokens[town + 1].start == end && tokens[town + 2].start == end + 1:
            let dotted = town + 3 < tokens.count && units[tokens[town + 3].start] == 0x2E && tokens[town + 3].start == tokens[town + 2].end
            return dotted ? tokens[town + 3].end : tokens[town + 2].end
        default:
            return end
        }
    }

    /// Prepositions and articles before a street's word: "am moor", "an der kuhle", "auf dem berg".
    private static let streetPrepositions: [[UInt8]] = ["am", "an", "im", "auf", "zum", "zur", "in", "der", "dem", "den", "unter",
                                                        "hinter", "vor", "ueber", "bei"].map { Array($0.utf8) }

    /// A town the lists know that is no word of small letters ("kiel", "gaarden"; not "essen", "singen"), or a
    /// word of seven letters or more that ends as German towns end and that no list of words holds
    /// ("reichensachsen", "wichmannshausen").
    private func isTown(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        guard text.tokens[index].end - text.tokens[index].start >= 3, !lexicon.isLowercaseWord(key), !lexicon.isAllowed(key) else { return false }
        if lexicon.isPlace(key) { return true }
        return key.count >= 7 && Self.townEndings.contains { key.hasSuffix($0) } && !lexicon.isCommonWord(key) && !lexicon.isKnownName(key)
    }

    /// How German towns end, as folded keys: "-hausen", "-dorf", "-leben", … (rule `address.town-by-ending` reads
    /// the same endings in capitals).
    private static let townEndings: [[UInt8]] = ["hausen", "dorf", "heim", "ingen", "stedt", "leben", "bach", "burg", "berg", "feld",
        "rode", "hagen", "walde", "kirchen", "born", "witz", "itz", "wede", "buettel", "beck", "fleth", "siel", "hude", "scheid",
        "rath", "weiler", "zell", "reuth", "hofen", "stetten", "sachsen", "horst", "werder"].map { Array($0.utf8) }

    /// Whether token `index` is one of `words` (folded keys).
    private func isOne(of words: [[UInt8]], _ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return words.contains { $0.count == key.count && key.elementsEqual($0) }
    }

    private func onSameLine(_ first: Int, _ second: Int, in text: TokenizedText) -> Bool {
        second < text.tokens.count && !text.tokens[second].flags.contains(.newlineBefore) && text.tokens[second].start - text.tokens[first].end <= 1
    }

    /// German postcodes run from 01067 to 99998.
    private static let postcodeRange = 1067...99998
    /// Words of place, and authorities and offices whose town follows them ("ASD meißen", "jugendamt riesa",
    /// "für weinböhla zuständig").
    private static let placeWords: [[UInt8]] = ["in", "nach", "aus", "auf", "von", "bei", "richtung", "wohnt", "wohnen", "lebt",
                                                "wohnhaft", "wh", "fuer", "asd", "jugendamt", "polizei", "jobcenter", "landkreis",
                                                "lk", "stadt", "gemeinde", "amtsgericht", "rsd", "kjd"].map { Array($0.utf8) }
    private static let districtWords: [[UInt8]] = ["ot", "ortsteil"].map { Array($0.utf8) }
    private static let streetTypes: [[UInt8]] = ["strasse", "str", "weg", "platz", "allee", "ring", "damm", "gasse", "ufer",
                                                 "chaussee", "stieg", "twiete", "kamp"].map { Array($0.utf8) }
    private static let adjectiveEnding = Array("er".utf8)
    /// The street types that name a street after an adjective without a house number.
    private static let streetWords: [[UInt8]] = ["str", "strasse"].map { Array($0.utf8) }
    /// The street type written with a full stop: "dorfstr.".
    private static let abbreviatedStreetType = Array("str".utf8)
}
