/// A word before a bracket that says who it is: a pet name before the child's first name and age ("krümel
/// (finn, 3)", "Mausi (Mia, 4)"), a nickname before the role of the person it stands for ("hotte (neuer partner,
/// heißt wohl …)"). Family helpers write so in small letters; no list holds such words, and many are words of
/// the language ("krümel", "Bär"), so the bracket is the evidence.
struct BracketedIdentities {
    static let label = RuleLabel(rule: "engine.bracketed-identity", type: "person.nickname")
    let lexicon: Lexicon

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var added: [Candidate] = []
        for bracket in tokens.indices.dropFirst() where units[tokens[bracket].start] == 0x28 && bracket + 2 < tokens.count {
            // A nickname in quotes stands before the bracket as well: bei "atze" (nachbar eg, andreas tietz).
            let quoted = bracket >= 3 && QuotationMarks.isQuotationMarkOrApostrophe(units[tokens[bracket - 1].start])
                && tokens[bracket - 1].end - tokens[bracket - 1].start == 1 && QuotationMarks.isQuotationMarkOrApostrophe(units[tokens[bracket - 3].start])
            let word = quoted ? bracket - 2 : bracket - 1, inside = bracket + 1
            guard tokens[word].isWord, tokens[word].end - tokens[word].start >= 3, tokens[bracket].flags.contains(.spaceBefore),
                  !tokens[inside].flags.contains(.newlineBefore), !tokens[bracket].flags.contains(.newlineBefore) else { continue }
            let key = text.key(word)
            // "Dome (Dominik B., 8b)": a short form that begins as the first name in the bracket does is that
            // person, even where it is a word too (Dome, the plural of Dom).
            if opensWithTheNameItShortens(key, inside, in: text), !lexicon.isAllowed(key), !lexicon.isRoleWord(key),
               !lexicon.isLowercaseWord(key) {
                added.append(Candidate(range: tokens[word].range, category: .person, label: Self.label, score: Evidence.confidentScore))
                continue
            }
            guard isNameShaped(word, in: text) else { continue }
            // A short word in small letters that no list holds before a bracket that opens with a full name: "lg
            // gaga (dragan petrović, 33)" (not "die Kursleitung (Martina Rieger)", "kinderschutzbeauftragte (…)").
            if tokens[word].flags.contains(.lowercase), tokens[word].end - tokens[word].start <= 8, !lexicon.isNoun(key),
               !lexicon.isLowercaseWord(key), !lexicon.isCommonWord(key), opensWithAFullName(inside, in: text) {
                added.append(Candidate(range: tokens[word].range, category: .person, label: Self.label, score: Evidence.confidentScore))
                continue
            }
            // A child's first name and age vouch for a pet name that is a noun ("krümel (finn, 3)"); a role only for
            // a word of no list ("hotte (neuer partner, …)"): before "(KM einverstanden)" stands any word.
            if opensWithChildAndAge(inside, in: text) || opensWithTheNameItStandsFor(inside, in: text) || givesTheRealName(inside, in: text)
                || quoted && holdsAFullName(inside, in: text) {
                guard lexicon.isNoun(key) || !lexicon.isLowercaseWord(key) else { continue }
            } else if let months = opensWithAge(inside, in: text) {
                // An age alone in small letters: "bubu (3) rennt rum", a word of no list; a noun only before a
                // baby's age in months ("krümel (7 mon.)"), as "termine (3)" counts.
                guard tokens[word].flags.contains(.lowercase), !lexicon.isLowercaseWord(key) || months && lexicon.isNoun(key),
                      months || !lexicon.isCommonWord(key), text.isTypedSmall(text.lineTokens(of: word)) else { continue }
            } else {
                guard opensWithRole(inside, in: text), !lexicon.isLowercaseWord(key), !lexicon.isCommonWord(key) else { continue }
            }
            added.append(Candidate(range: tokens[word].range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
        added.append(contentsOf: petNamesAfterAges(in: text))
        candidates.append(contentsOf: added)
    }

    /// A legend that gives a child's pet name after her name and age: "lea-marie (4) = mausi, mia (5 mon.) =
    /// krümel", or before them: "bubu = elias (2)". A first name before the bracket, the bracket opening with the age ("Termin (3) = Ende" is none);
    /// the pet name ends its item (a comma, the line's end).
    private func petNamesAfterAges(in text: TokenizedText) -> [Candidate] {
        let tokens = text.tokens, units = text.units
        var found: [Candidate] = []
        for equals in tokens.indices.dropFirst() where units[tokens[equals].start] == 0x3D && tokens[equals].end - tokens[equals].start == 1
            && units[tokens[equals - 1].start] == 0x29 && equals + 1 < tokens.count {
            // The pet names, in quotation marks too and joined by "oder": kevin (4) = "kev" oder "keksi".
            var names: [Int] = []
            var next = equals + 1
            while next < tokens.count, !tokens[next].flags.contains(.newlineBefore) {
                let quoted = QuotationMarks.opens(units[tokens[next].start]) && tokens[next].end - tokens[next].start == 1
                let name = quoted ? next + 1 : next
                let end = quoted ? name + 1 : name
                guard name < tokens.count, tokens[name].isWord, !tokens[name].flags.contains(.newlineBefore),
                      tokens[name].end - tokens[name].start >= 3,
                      !quoted || end < tokens.count && QuotationMarks.closes(units[tokens[end].start]),
                      isNameShaped(name, in: text) || lexicon.isNoun(text.key(name)) else { break }
                let after = end + 1
                let itemEnds = after == tokens.count || tokens[after].flags.contains(.newlineBefore) || units[tokens[after].start] == 0x2C
                guard itemEnds || text.key(after).elementsEqual("oder".utf8) else { break }
                names.append(name)
                if itemEnds { break }
                next = after + 1
            }
            guard !names.isEmpty else { continue }
            // The bracket before "=", on the same line, opening with a child's age.
            var opening = equals - 2
            while opening > 0, opening > equals - 6, units[tokens[opening].start] != 0x28, !tokens[opening].flags.contains(.newlineBefore) { opening -= 1 }
            guard opening >= 1, units[tokens[opening].start] == 0x28, isChildsAge(opening + 1, in: text), tokens[opening - 1].isWord,
                  lexicon.isFirstName(text.key(opening - 1)) else { continue }
            for name in names {
                found.append(Candidate(range: tokens[name].range, category: .person, label: Self.label, score: Evidence.confidentScore))
            }
        }
        // The other way round, the pet name first: "bubu = elias (2), volle windel".
        for equals in tokens.indices.dropFirst() where units[tokens[equals].start] == 0x3D && tokens[equals].end - tokens[equals].start == 1
            && equals + 2 < tokens.count {
            let pet = equals - 1, name = equals + 1
            guard tokens[pet].isWord, tokens[pet].end - tokens[pet].start >= 3, !tokens[equals].flags.contains(.newlineBefore),
                  !tokens[name].flags.contains(.newlineBefore), units[tokens[name + 1].start] == 0x28, name + 2 < tokens.count,
                  isChildsAge(name + 2, in: text), lexicon.isFirstName(text.key(name)),
                  isNameShaped(pet, in: text) || lexicon.isNoun(text.key(pet)) else { continue }
            found.append(Candidate(range: tokens[pet].range, category: .person, label: Self.label, score: Evidence.confidentScore))
        }
        return found
    }

    /// A word that may be a pet name: no role, institution or function word, and in capitals no word of the
    /// language ("Geburtstag (Lena, 7)" is a birthday).
    private func isNameShaped(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        guard !lexicon.isAllowed(key), !lexicon.isRoleWord(key), !lexicon.isParticle(key) else { return false }
        if text.tokens[index].flags.contains(.lowercase) { return true }
        return text.tokens[index].isCapitalizedWord && !text.tokens[index].flags.contains(.allCaps) && !lexicon.isCommonWord(key)
    }

    /// Whether the bracket opens with a first name and a child's age: "(finn, 3)", "(Mia, 4 J.)", "(= finn, 4)".
    private func opensWithChildAndAge(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        var inside = inside
        if text.units[tokens[inside].start] == 0x3D, tokens[inside].end - tokens[inside].start == 1, inside + 1 < tokens.count { inside += 1 }
        guard lexicon.isFirstName(text.key(inside)), inside + 2 < tokens.count, text.units[tokens[inside + 1].start] == 0x2C else { return false }
        return isChildsAge(inside + 2, in: text)
    }

    /// Whether token `index` is a number a child's age can be (under 19).
    private func isChildsAge(_ index: Int, in text: TokenizedText) -> Bool {
        text.tokens[index].kind == .number && (text.asciiNumber(index) ?? 99) < 19
    }

    /// Whether the bracket opens with a first name and a word after it, then a comma or its end.
    private func opensWithAFullName(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard inside + 2 < tokens.count, tokens[inside].isWord, tokens[inside + 1].isWord, lexicon.isFirstName(text.key(inside)),
              !lexicon.isLowercaseWord(text.key(inside)), !tokens[inside + 1].flags.contains(.newlineBefore) else { return false }
        return [0x2C, 0x29].contains(text.units[tokens[inside + 2].start])
    }

    /// Whether the bracket holds a first name and the word after it: a quoted nickname's bearer, "\"atze\" (nachbar
    /// eg, andreas tietz)".
    private func holdsAFullName(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        return bracketTokens(from: inside, upTo: 10, in: text).contains { index in
            tokens[index].isWord && tokens[index + 1].isWord && lexicon.isFirstName(text.key(index))
                && !lexicon.isLowercaseWord(text.key(index))
        }
    }

    /// The tokens of a bracket from `inside` on, at most `limit` of them, before its closing bracket or its line's
    /// end; each has a token after it.
    private func bracketTokens(from inside: Int, upTo limit: Int, in text: TokenizedText) -> Range<Int> {
        let tokens = text.tokens
        var end = inside
        while end + 1 < tokens.count, end < inside + limit, text.units[tokens[end].start] != 0x29,
              !tokens[end].flags.contains(.newlineBefore) { end += 1 }
        return inside..<end
    }

    /// Whether the bracket says whom the word stands for: "maki (= marko dragić, kv von …)".
    private func opensWithTheNameItStandsFor(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard text.units[tokens[inside].start] == 0x3D, tokens[inside].end - tokens[inside].start == 1, inside + 1 < tokens.count
        else { return false }
        return lexicon.isFirstName(text.key(inside + 1)) && !lexicon.isLowercaseWord(text.key(inside + 1))
    }

    /// Whether the bracket gives the real first name after "eig." or "heißt": "bolle (eig. marcel, ca. 35)",
    /// "schnecke (freundin aus bad schlema, heißt eig. jacqueline)".
    private func givesTheRealName(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        for index in bracketTokens(from: inside, upTo: 12, in: text)
        where tokens[index].isWord && Self.realNameWords.contains(where: text.key(index).elementsEqual) {
            var name = index + 1
            while name < tokens.count, !tokens[name].isWord || Self.realNameWords.contains(where: text.key(name).elementsEqual)
                || text.key(name).elementsEqual(Self.probably) {
                guard name < index + 5 else { return false }
                name += 1
            }
            return name < tokens.count && lexicon.isFirstName(text.key(name))
        }
        return false
    }

    private static let realNameWords: [[UInt8]] = ["eig", "eigentl", "eigentlich", "heisst", "heißt"].map { Array($0.utf8) }
    private static let probably = Array("wohl".utf8)

    /// Whether the bracket holds a child's age alone ("(3)", "(7 mon.)"): nil if not, else whether in months.
    private func opensWithAge(_ inside: Int, in text: TokenizedText) -> Bool? {
        let tokens = text.tokens, units = text.units
        guard isChildsAge(inside, in: text), inside + 1 < tokens.count else { return nil }
        if units[tokens[inside + 1].start] == 0x29 { return false }
        guard Self.monthWords.contains(where: { text.key(inside + 1).elementsEqual($0) }) else { return nil }
        var closing = inside + 2
        if closing < tokens.count, units[tokens[closing].start] == 0x2E { closing += 1 }
        return closing < tokens.count && units[tokens[closing].start] == 0x29 ? true : nil
    }

    private static let monthWords: [[UInt8]] = ["mon", "monate", "mo", "wo", "wochen"].map { Array($0.utf8) }

    /// Whether the bracket opens with a first name that the word before it shortens: the same first two letters,
    /// the word shorter, and the name followed by its surname's initial or a comma ("Dome (Dominik B., 8b)").
    private func opensWithTheNameItShortens(_ word: ArraySlice<UInt8>, _ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, name = text.key(inside)
        guard word.count >= 3, word.count < name.count, word.prefix(2).elementsEqual(name.prefix(2)), inside + 1 < tokens.count,
              lexicon.isFirstName(name) else { return false }
        return text.isInitial(inside + 1) || text.units[tokens[inside + 1].start] == 0x2C
    }

    /// Whether the bracket opens with a partner's or relative's role that ends there or at a comma: "(neuer
    /// partner, heißt wohl …)", "(KV)", also whose relative it is: "tante susu (tareks schwester)", "(sein bruder,
    /// trossingen)".
    private func opensWithRole(_ inside: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        var index = inside
        if isPossessive(index, in: text), index + 1 < tokens.count, tokens[index + 1].isWord { index += 1 }
        // An adjective before the role: "neuer partner".
        if Self.roleAdjectives.contains(where: { text.key(index).elementsEqual($0) }), index + 1 < tokens.count { index += 1 }
        guard Self.partnerWords.contains(where: { text.key(index).elementsEqual($0) }), index + 1 < tokens.count else { return false }
        return [0x2C, 0x29].contains(text.units[tokens[index + 1].start])
    }

    /// A possessive before a role: a pronoun ("sein", "ihre") or a name's genitive that no list holds as a word
    /// ("tareks", "Tareks", "km's" is a role's).
    private func isPossessive(_ index: Int, in text: TokenizedText) -> Bool {
        guard text.tokens[index].isWord else { return false }
        let key = text.key(index)
        if Self.possessivePronouns.contains(where: { key.elementsEqual($0) }) { return true }
        guard key.count >= 4, key.last == 0x73 else { return false }
        let stem = key.dropLast()
        return lexicon.isFirstName(stem) || !lexicon.isLowercaseWord(key) && !lexicon.isCommonWord(key) && !lexicon.isNoun(key)
            && !lexicon.isLowercaseWord(stem) && !lexicon.isCommonWord(stem)
    }

    private static let possessivePronouns: [[UInt8]] = ["sein", "seine", "ihr", "ihre", "deren", "dessen", "km's", "kv's", "kms", "kvs"]
        .map { Array($0.utf8) }
    private static let roleAdjectives: [[UInt8]] = ["neuer", "neue", "ex", "jetziger", "jetzige", "aktueller", "aktuelle"].map { Array($0.utf8) }
    /// Partners and relatives whose nickname the note uses for them.
    private static let partnerWords: [[UInt8]] = ["partner", "partnerin", "freund", "freundin", "lebensgefährte", "lebensgefährtin",
        "kv", "km", "ex-partner", "ex-mann", "ex-freund", "stiefvater", "opa", "oma", "onkel", "tante", "cousin", "cousine",
        "bruder", "schwester", "halbbruder", "halbschwester", "schwager", "schwägerin", "neffe", "nichte"].map { Array($0.utf8) }
}
