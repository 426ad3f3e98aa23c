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
                  tokens[next].end - tokens[next].start >= 3, let code = text.asciiNumber(index),
                  Self.postcodeRange.contains(code), isTown(next, in: text) || !lexicon.isCommonWord(text.key(next))
            else { continue }
            add(tokens[index].range)
            add(tokens[next].range)
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
        if next < tokens.count, units[tokens[next].start] == 0x2E, !tokens[next].flags.contains(.spaceBefore) { end = tokens[next].end; next += 1 }
        guard next < tokens.count, tokens[next].kind == .number, onSameLine(next - 1, next, in: text),
              tokens[next].end - tokens[next].start <= 4 else {
            // The adjective names the street without a number too ("dessauer str., hausnr. weiß ich nicht").
            // Only "str."/"straße": "wieder weg", "kinder weg" are no streets.
            return key.count == type.count && Self.streetWords.contains(type) ? end : nil
        }
        end = tokens[next].end
        // A house number's letter: "12a", "12 a".
        if next + 1 < tokens.count, tokens[next + 1].isWord, tokens[next + 1].end - tokens[next + 1].start == 1,
           tokens[next + 1].end == end || (tokens[next + 1].start == end + 1 && units[end] == 0x20) { end = tokens[next + 1].end }
        return end
    }

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

    /// A town the lists know that is no word of small letters ("kiel", "gaarden"; not "essen", "singen").
    private func isTown(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return text.tokens[index].end - text.tokens[index].start >= 3 && lexicon.isPlace(key) && !lexicon.isLowercaseWord(key)
            && !lexicon.isAllowed(key)
    }

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
}
