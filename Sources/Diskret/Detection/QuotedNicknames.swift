/// A word in quotation marks is a person's nickname where the note says so: right after the person's name
/// ("Maximilian „Maxx“"), after "genannt", "Spitzname", "alias" or "zu Hause" ("zu Hause „Zia-jan“"), or before
/// a bracket with an age or the real name ("„Bubi“ (eigentl. Ben, 6)", "„Bolle“ (Paul Brettschneider, 7b)",
/// "„Krümel“ = Mia-Sophie"), or after a friend
/// or relative or a child's trainer, in small letters too ("nen kumpel \"bobo\""). Found with context, the nickname then
/// spreads to where it stands alone ("Bubi sehr anhänglich").
struct QuotedNicknames {
    static let label = RuleLabel(rule: "engine.quoted-nickname", type: "person.nickname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        // Where persons end, gathered at the first quotation mark: most notes have none, and a set of every
        // person's end hashed each of them.
        var personEnds: Set<Int> = []
        var gathered = false
        var added: [Candidate] = []
        for index in tokens.indices.dropFirst().dropLast() where QuotationMarks.opens(units[tokens[index - 1].start])
            && tokens[index - 1].end - tokens[index - 1].start == 1 {
            if !gathered {
                gathered = true
                // By index: a copy of each candidate retained its label.
                for candidate in candidates.indices where candidates[candidate].category == .person && candidates[candidate].score >= threshold {
                    personEnds.insert(candidates[candidate].range.upperBound)
                }
            }
            // The word, hyphenated parts included ("Zia-jan"), then the closing quote.
            var last = index
            while last + 2 < tokens.count, text.isJoiner(last + 1, after: last), tokens[last + 2].isWord,
                  !tokens[last + 2].flags.contains(.spaceBefore) { last += 2 }
            let closing = last + 1
            let smallAfterFriend = tokens[index].flags.contains(.lowercase) && index >= 2
                && Self.friendWords.contains(where: { text.key(index - 2).elementsEqual($0) })
                && !lexicon.isLowercaseWord(text.key(index))
            // Capitals only where the whole note shouts ("GEN. \"EMKO\"") or a word says it is a nickname.
            let capitalsAfterGenannt = tokens[index].flags.contains(.allCaps) && index >= 2
                && Self.introducingWords.contains(where: { text.key(wordBefore(index - 1, in: text)).elementsEqual($0) })
            // In a note typed in small letters, right after a child's name and age ("timur (2) „timmi“").
            let smallAfterName = tokens[index].flags.contains(.lowercase) && last == index
                && followsPerson(openingQuote: index - 1, personEnds: personEnds, in: text)
                && !lexicon.isLowercaseWord(text.key(index)) && !lexicon.isCommonWord(text.key(index))
            // In small letters where the note says someone goes by it ("gespeichert als „saschi“").
            let introduced = isIntroducedAsName(openingQuote: index - 1, in: text)
            // What everyone calls someone: "alle sagen \"mäcki\"" — in small letters no word of the language.
            let called = index >= 2 && isCalled(openingQuote: index - 1, in: text)
            // After "genannt" or "zu hause" even a word of the language is the name ("genannt \"flocke\"").
            // Named so by "nennt" and the one named ("nennt noah \"dicker\"", "nennt sie nur \"krümel\""): any word.
            let named = called && isNamedByNennen(openingQuote: index - 1, in: text)
            let smallIntroduced = tokens[index].flags.contains(.lowercase)
                && (introduced || named || called && !lexicon.isLowercaseWord(text.key(index)))
            // In small letters after "mit", "und" or an article, and named again without quotes: "kam mit \"hotte\""
            // … "hotte raucht", "der \"schrauber\" und \"mücke\"" … "schrauber hat ronny weggezogen".
            let smallReused = last == index && tokens[index].flags.contains(.lowercase) && isIntroducedByCompanyWord(openingQuote: index - 1, in: text)
                && !lexicon.isLowercaseWord(text.key(index)) && !lexicon.isAllowed(text.key(index)) && isNamedUnquoted(index, in: text)
            guard tokens[index].isCapitalizedWord || smallAfterFriend || smallAfterName || smallIntroduced || smallReused,
                  !tokens[index].flags.contains(.allCaps) || capitalsAfterGenannt,
                  closing < tokens.count,
                  QuotationMarks.closes(units[tokens[closing].start]), tokens[closing].end - tokens[closing].start == 1,
                  (3...16).contains(tokens[last].end - tokens[index].start) else { continue }
            let key = text.key(index)
            // A verb or adjective in quotes is a quoted word ("„krass“"); a noun may be a pet name ("„Krümel“").
            // A word the allow lists keep (a language: "Dari") is a name where the note says someone goes by it.
            guard (!lexicon.isAllowed(key) && !lexicon.isRoleWord(key)) || introduced,
                  last > index || named || !lexicon.isLowercaseWord(key) || lexicon.isNoun(key) else { continue }
            guard smallReused || isNamedAsNickname(openingQuote: index - 1, closingQuote: closing, personEnds: personEnds, in: text)
            else { continue }
            added.append(Candidate(range: tokens[index].start..<tokens[last].end, category: .person, label: Self.label, score: 0.85))
        }
        candidates.append(contentsOf: added)
    }

    /// Whether "mit", "und", "+" or an article stands right before the quote, on its line: where a person stands.
    private func isIntroducedByCompanyWord(openingQuote: Int, in text: TokenizedText) -> Bool {
        guard openingQuote >= 1, !text.tokens[openingQuote].flags.contains(.newlineBefore) else { return false }
        let before = openingQuote - 1
        if text.tokens[before].kind == .punctuation { return text.units[text.tokens[before].start] == 0x2B }
        let word = text.key(before)
        return Self.companyWords.contains(where: { word.elementsEqual($0) })
    }

    private static let companyWords: [[UInt8]] = ["mit", "und", "der", "die", "den", "dem", "vom", "beim"].map { Array($0.utf8) }

    /// Whether the word of token `index` stands elsewhere in the note without quotation marks around it.
    private func isNamedUnquoted(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        let hash = tokens[index].keyHash, key = text.key(index)
        for other in tokens.indices where other != index && tokens[other].keyHash == hash && text.key(other).elementsEqual(key) {
            let quotedBefore = other >= 1 && QuotationMarks.opens(units[tokens[other - 1].start]) && tokens[other - 1].end == tokens[other].start
            if !quotedBefore { return true }
        }
        return false
    }

    /// Whether the words before the quote say that someone goes by the quoted word: "nennt sich „Dari“",
    /// "genannt „Bubi“", "Spitzname „Maxx“".
    /// Whether a verb of calling stands before the quote, past a pronoun and "nur"/"immer" ("alle sagen
    /// \"mäcki\"", "sie nennt ihn nur \"bärchen\"").
    private func isCalled(openingQuote: Int, in text: TokenizedText) -> Bool {
        var before = openingQuote - 1
        for _ in 0..<6 {
            guard before >= 0, !text.tokens[before + 1].flags.contains(.newlineBefore) else { return false }
            // Past an earlier nickname and its child: "nennt noah \"dicker\" und mila \"prinzessin\"".
            if QuotationMarks.closes(text.units[text.tokens[before].start]), before >= 2,
               QuotationMarks.opens(text.units[text.tokens[before - 2].start]) {
                before -= 3
                continue
            }
            guard text.tokens[before].isWord else { return false }
            let word = text.key(before)
            if Self.callingWords.contains(where: { word.elementsEqual($0) }) { return true }
            // The one called: a pronoun, "nur", or a child's first name ("nennt noah \"dicker\"").
            guard Self.betweenCallingWords.contains(where: { word.elementsEqual($0) }) || lexicon.isFirstName(word)
                || word.elementsEqual(Self.and) else { return false }
            before -= 1
        }
        return false
    }

    private static let and = Array("und".utf8)

    /// Whether "nennt" or "nennen" and the one named (a pronoun or a first name) stand before the quote on its line.
    private func isNamedByNennen(openingQuote: Int, in text: TokenizedText) -> Bool {
        let line = text.lineTokens(of: openingQuote)
        var object = false
        for before in stride(from: openingQuote - 1, through: max(line.lowerBound, openingQuote - 6), by: -1) where text.tokens[before].isWord {
            let word = text.key(before)
            if Self.namingVerbs.contains(where: word.elementsEqual) { return object }
            if Self.namedObjects.contains(where: word.elementsEqual) || lexicon.isFirstName(word) { object = true }
        }
        return false
    }

    private static let namingVerbs: [[UInt8]] = ["nennt", "nennen", "nannte", "nannten"].map { Array($0.utf8) }
    private static let namedObjects: [[UInt8]] = ["ihn", "ihm", "sie", "ihr"].map { Array($0.utf8) }

    /// Whether "ihn" or "ihm" stands among the three words before the quote.
    private func passesHim(openingQuote: Int, in text: TokenizedText) -> Bool {
        (max(0, openingQuote - 3)..<openingQuote).contains { text.tokens[$0].isWord && Self.him.contains(where: text.key($0).elementsEqual) }
    }

    private static let him: [[UInt8]] = ["ihn", "ihm"].map { Array($0.utf8) }

    private static let orWords: [[UInt8]] = ["oder", "od", "bzw"].map { Array($0.utf8) }
    private static let onlyWords: [[UInt8]] = ["nur", "immer", "meist", "meistens", "bloss"].map { Array($0.utf8) }

    private static let betweenCallingWords: [[UInt8]] = ["ihn", "sie", "ihm", "ihr", "es", "nur", "immer", "alle", "allen", "bloss",
        "einfach", "bei", "uns", "hier", "eigentlich", "er"]
        .map { Array($0.utf8) }

    private func isIntroducedAsName(openingQuote: Int, in text: TokenizedText) -> Bool {
        guard openingQuote >= 1, !text.tokens[openingQuote].flags.contains(.newlineBefore) else { return false }
        var before = wordBefore(openingQuote, in: text)
        // Past "nur" or "immer": "zuhause nur \"maus\"", "genannt immer „Bubi“".
        if before >= 1, text.tokens[before].isWord, Self.onlyWords.contains(where: text.key(before).elementsEqual) { before -= 1 }
        let word = text.key(before)
        if Self.introducingWords.contains(where: { word.elementsEqual($0) }) { return true }
        // The other form after "oder": "zuhause nur \"maus\" od. \"mieki\"" is introduced as the first is.
        if Self.orWords.contains(where: { word.elementsEqual($0) }), before >= 3,
           QuotationMarks.closes(text.units[text.tokens[before - 1].start]), text.tokens[before - 2].isWord,
           QuotationMarks.opens(text.units[text.tokens[before - 3].start]) {
            return isIntroducedAsName(openingQuote: before - 3, in: text)
        }
        // "zu hause \"mausi\"": what the family calls a child at home.
        if word.elementsEqual(Self.house), before >= 1, text.key(before - 1).elementsEqual(Self.at) { return true }
        // How a phone shows someone: "gespeichert als „saschi 🐍“", "eingespeichert als".
        if word.elementsEqual(Self.as), before >= 1, Self.savedWords.contains(where: { text.key(before - 1).elementsEqual($0) }) { return true }
        return word.elementsEqual(Self.oneself) && before >= 1 && Self.callsWords.contains(where: { text.key(before - 1).elementsEqual($0) })
    }

    /// Whether the quote follows a person's name, or the bracket after one ("timur (2) „timmi“"), on its line.
    private func followsPerson(openingQuote: Int, personEnds: Set<Int>, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        var before = openingQuote - 1
        guard before >= 0, !tokens[openingQuote].flags.contains(.newlineBefore) else { return false }
        // "Dominik R. (19) = „Dome“": the name, its bracket, and "=" before the nickname.
        if before >= 1, units[tokens[before].start] == 0x3D, tokens[before].end - tokens[before].start == 1 { before -= 1 }
        if units[tokens[before].start] == 0x29 {
            var open = before - 1
            while open > 0, open > before - 6, units[tokens[open].start] != 0x28, !tokens[open].flags.contains(.newlineBefore) { open -= 1 }
            guard open > 0, units[tokens[open].start] == 0x28 else { return false }
            before = open - 1
        }
        return personEnds.contains(tokens[before].end)
    }

    /// Whether the quote follows a person's name or a word that introduces a nickname, or a bracket with an age
    /// or "eigentl." follows it.
    private func isNamedAsNickname(openingQuote: Int, closingQuote: Int, personEnds: Set<Int>, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, units = text.units
        let before = openingQuote - 1
        if followsPerson(openingQuote: openingQuote, personEnds: personEnds, in: text) { return true }
        if before >= 0, !tokens[openingQuote].flags.contains(.newlineBefore) {
            var end = tokens[before].end
            // "Ben, „Bubi“", "Zia / „Ahmadzia“"
            if [0x2C, 0x2F].contains(units[tokens[before].start]), before >= 1 { end = tokens[before - 1].end }
            if personEnds.contains(end) { return true }
            if isIntroducedAsName(openingQuote: openingQuote, in: text) { return true }
            let word = text.key(wordBefore(openingQuote, in: text))
            // The participle after the quote: "ist er als „Paddy 🐺“ gespeichert".
            if word.elementsEqual(Self.as), closingQuote + 1 < tokens.count, !tokens[closingQuote + 1].flags.contains(.newlineBefore),
               Self.savedWords.contains(where: { text.key(closingQuote + 1).elementsEqual($0) }) { return true }
            if Self.friendWords.contains(where: { word.elementsEqual($0) }) { return true }
            // Past "ihn" or "ihm" a word of the language is what they call him too ("nennen ihn alle „Memo“").
            if isCalled(openingQuote: openingQuote, in: text), !lexicon.isCommonWord(text.key(openingQuote + 1))
                || tokens[openingQuote + 1].flags.contains(.lowercase) || passesHim(openingQuote: openingQuote, in: text) { return true }
            if tokens[openingQuote + 1].isCapitalizedWord, Self.kinWords.contains(where: { word.elementsEqual($0) }),
               !lexicon.isLowercaseWord(text.key(openingQuote + 1)) { return true }
            // A party's role, or a role and "als", before the name a chat shows for that party: "ist die
            // Antragstellerin „Vanny“", "der Antragsgegner als „Ari“". A word of the language there is a quote.
            let role = word.elementsEqual(Self.as) && before >= 1 ? text.key(before - 1) : word
            if lexicon.isPersonRole(role), !lexicon.isCommonWord(text.key(openingQuote + 1)) { return true }
            if word.elementsEqual(Self.house), before >= 1, text.key(before - 1).elementsEqual(Self.at) { return true }
        }
        // "ist „Celli“ der Spitzname des Beschuldigten": the word after the quote says it.
        if (closingQuote + 1..<min(tokens.count, closingQuote + 3)).contains(where: { tokens[$0].isWord
            && Self.nicknameWords.contains(where: text.key($0).elementsEqual) && !tokens[$0].flags.contains(.newlineBefore) }) {
            return true
        }
        // "„Krümel“ / „Krümi“ = Mia-Sophie": the name after "=", past another quoted form.
        var after = closingQuote + 1
        if after + 3 < tokens.count, units[tokens[after].start] == 0x2F, QuotationMarks.opens(units[tokens[after + 1].start]),
           QuotationMarks.closes(units[tokens[after + 3].start]) { after += 4 }
        if after + 1 < tokens.count, units[tokens[after].start] == 0x3D, !tokens[after + 1].flags.contains(.newlineBefore),
           tokens[after + 1].isCapitalizedWord { return true }
        let bracket = closingQuote + 1
        guard bracket + 1 < tokens.count, units[tokens[bracket].start] == 0x28, !tokens[bracket].flags.contains(.newlineBefore)
        else { return false }
        let inside = bracket + 1
        // An age: the number alone or before "J." ("(6)", "(6, Kita)", "(6 J.)"), not a duration ("(5 Min.)").
        if tokens[inside].kind == .number, let age = text.asciiNumber(inside), age <= 19, inside + 1 < tokens.count {
            let after = inside + 1
            if [0x29, 0x2C].contains(units[tokens[after].start]) || Self.yearWords.contains(where: { text.key(after).elementsEqual($0) }) {
                return true
            }
        }
        let word = text.key(inside)
        if Self.realNameWords.contains(where: { word.elementsEqual($0) }) { return true }
        // "„Smiley“ (= Niklas)": the real name after "=".
        if units[tokens[inside].start] == 0x3D, inside + 1 < tokens.count, tokens[inside + 1].isCapitalizedWord,
           lexicon.isFirstName(text.key(inside + 1)) { return true }
        // The real name opens the bracket: "„Bolle“ (Paul Brettschneider, 7b)", "„Dome“ (Dominik R., ca. 25)".
        return tokens[inside].isCapitalizedWord && lexicon.isFirstName(word) && inside + 1 < tokens.count
            && (personEnds.contains(tokens[inside].end) || (inside + 2 < tokens.count && tokens[inside + 1].isWord
                && personEnds.contains(tokens[inside + 1].end)) || text.isInitial(inside + 1))
    }

    /// The token before `index`, past the full stop of an abbreviation ("gen. „Bubi“").
    private func wordBefore(_ index: Int, in text: TokenizedText) -> Int {
        let before = index - 1
        guard before >= 1, text.units[text.tokens[before].start] == 0x2E, text.tokens[before].end - text.tokens[before].start == 1,
              text.tokens[before - 1].isWord, !text.tokens[before].flags.contains(.spaceBefore) else { return before }
        return before - 1
    }

    /// Words before a nickname: "genannt „Bubi“", "Spitzname „Maxx“", "alias „Kiki“", "zuhause „Dodo“", "daheim „Bibi“".
    /// Verbs before what people call someone: "alle sagen „Mäcki“", "sie nennen ihn „Bär“" (a word of the language
    /// in small letters there is what they say).
    private static let callingWords: [[UInt8]] = ["sagen", "nennen", "nennt", "nannten", "rufen", "ruft", "heisst", "hiess"]
        .map { Array($0.utf8) }
    private static let introducingWords: [[UInt8]] = ["genannt", "gen", "spitzname", "spitznamen", "rufname", "alias", "kosename",
                                                      "zuhause", "daheim"]
        .map { Array($0.utf8) }
    /// Nouns after a quote that say it is a nickname: "„Celli“ ist sein Spitzname".
    private static let nicknameWords: [[UInt8]] = ["spitzname", "spitznamen", "kosename", "rufname", "szenename"].map { Array($0.utf8) }
    /// Friends, relatives and the adults around a child named by a nickname, in small letters too: "nen kumpel
    /// \"bobo\"", "ihr freund \"toni\"", "sein Trainer „Zacke“".
    private static let friendWords: [[UInt8]] = ["kumpel", "freund", "freundin", "exfreund", "exfreundin", "typ", "bruder", "schwester",
        "cousin", "cousine", "onkel", "tante", "kollege", "kollegin", "trainer", "trainerin", "nachbar", "nachbarin", "chef", "chefin",
        "stiefvater", "stiefpapa", "partner", "partnerin"].map { Array($0.utf8) }
    /// Parents and kin before a nickname in capitals ("nennt die Mutter „Nati“"); in small letters the quote is
    /// more often what they said ("entschuldigung von mutter \"bauchweh\"").
    private static let kinWords: [[UInt8]] = ["mutter", "vater", "mama", "papa", "oma", "opa", "stiefmutter", "sohn", "tochter",
        "ehemann", "ehefrau"].map { Array($0.utf8) }
    /// Words in the bracket after a nickname that give the real name: "(eigentl. Ben)", "(richtig: Benjamin)".
    private static let realNameWords: [[UInt8]] = ["eigentl", "eigentlich", "richtig", "buergerlich"]
        .map { Array($0.utf8) }
    private static let yearWords: [[UInt8]] = ["j", "jahre", "jahr"].map { Array($0.utf8) }
    private static let house = Array("hause".utf8)
    private static let oneself = Array("sich".utf8)
    /// Verbs before "sich" and a name a person gives himself: "nennt sich „Dari“".
    private static let callsWords: [[UInt8]] = ["nennt", "nannte", "nennen", "nannten"].map { Array($0.utf8) }
    private static let at = Array("zu".utf8)
    private static let `as` = Array("als".utf8)
    /// Participles before "als" and a name a phone shows: "gespeichert als „saschi“".
    private static let savedWords: [[UInt8]] = ["gespeichert", "eingespeichert", "abgespeichert"].map { Array($0.utf8) }
}
