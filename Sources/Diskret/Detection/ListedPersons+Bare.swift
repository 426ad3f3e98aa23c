/// The places `ListedPersons` reads without ages: bare lists of first names ("Kalle, Jay, Ksu, Fini, Emo im
/// Haus") and the child after a relative's "von" ("Mama von Jojo").
/// Children's nicknames in Kita and residential-group logs are often words of the language ("Emo", "Memo",
/// "Jojo"); standing where a name stands, beside names, they are names.
extension ListedPersons {
    /// Runs of two or more single capitalised words on one line, each joined to the next by ",", "+", "&",
    /// "und" or "u." only; the run starts after no capitalised word ("Anwesend: Lea, …", "waren Lea, …",
    /// "mit Tilli und Emo").
    func bareLists(in text: TokenizedText) -> [[Int]] {
        let tokens = text.tokens
        var runs: [[Int]] = []
        // One array reused for every run: most single-word items start a run of one, and a new array each
        // had cost an allocation per capitalised word.
        var run: [Int] = []
        func close() {
            if run.count >= 2 { runs.append(run) }
            run.removeAll(keepingCapacity: true)
        }
        for index in tokens.indices where isSingleWordItem(index, in: text) {
            if let last = run.last, index - last >= 2, index - last <= 3, joins(from: last + 1, to: index, in: text) {
                run.append(index)
                continue
            }
            close()
            let startsRun = index == 0 || tokens[index].flags.contains(.newlineBefore) || !tokens[index - 1].isCapitalizedWord
            if startsRun { run.append(index) }
        }
        close()
        return runs
    }

    /// The capitalised words listed after an attendance label on its line: "Krank: Maus, Flocke (…)",
    /// "anwesend: Gül, Tanja, Mimi", "Fehlt: Tiger". Who is ill, present or missing is a child or a person.
    func attendanceItems(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens
        var items: [Int] = []
        for index in tokens.indices.dropLast() where tokens[index].isWord && text.units[tokens[index + 1].start] == 0x3A
            && tokens[index + 1].start == tokens[index].end && Self.attendanceLabels.contains(text.key(index)) {
            var item = index + 2
            while item < tokens.count, !tokens[item].flags.contains(.newlineBefore), isSingleWordItem(item, in: text) {
                // Not a function's abbreviation ("RiAG", "BISS") nor a compound of a common word ("Amtsvormünderin").
                let token = tokens[item], key = text.key(item)
                if !lexicon.isAllowed(key), !token.flags.contains(.allCaps), !lexicon.endsInCommonWord(key, headLength: 5),
                   !text.hasCapitalInside(item) {
                    items.append(item)
                }
                guard item + 2 < tokens.count, !tokens[item + 1].flags.contains(.newlineBefore),
                      joins(from: item + 1, to: item + 2, in: text) else { break }
                item += 2
            }
        }
        return items
    }

    /// A word before a bracket that holds a first name, alone or with a surname or its initial: the child's
    /// nickname and her name ("Maus (Marie)", "Bär (Ben)", "Chichi (Chiara Rinaldi)", "Speedy (Jayden K.)").
    func nicknamesBeforeNames(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens, units = text.units
        var nicknames: [Int] = []
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x28 && tokens[index].end - tokens[index].start == 1
            && index + 2 < tokens.count && tokens[index].flags.contains(.spaceBefore) {
            let word = index - 1, name = index + 1
            // Not the end of a compound ("des Ex-Mannes (Wahid Rahimi)").
            guard let closing = nameBracketEnd(from: name, in: text), closing > name,
                  word == 0 || !text.isJoiner(word - 1, after: max(0, word - 2)) else { continue }
            guard tokens[name].isCapitalizedWord, !tokens[name].flags.contains(.allCaps), lexicon.isFirstName(text.key(name)),
                  isSingleWordItem(word, in: text), !lexicon.endsInCommonWord(text.key(word)),
                  !tokens[word].flags.contains(.allCaps), !lexicon.isRoleWord(text.key(word)), !lexicon.isAllowed(text.key(word)),
                  standsWithoutArticle(word, in: text) else { continue }
            nicknames.append(word)
        }
        return nicknames
    }

    /// A word before "=" and a first name: the nickname a note explains ("(Jojo = Jonas B. aus der Gruppe)",
    /// "Maxi = Maximilian").
    func nicknamesBeforeEquals(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens, units = text.units
        var nicknames: [Int] = []
        for index in tokens.indices.dropFirst().dropLast() where units[tokens[index].start] == 0x3D && tokens[index].end - tokens[index].start == 1
            && !tokens[index + 1].flags.contains(.newlineBefore) && !tokens[index].flags.contains(.newlineBefore) {
            let word = index - 1, name = index + 1
            guard isSingleWordItem(word, in: text), !tokens[word].flags.contains(.allCaps), isBareFirstName(name, in: text),
                  !lexicon.isRoleWord(text.key(word)), !lexicon.isAllowed(text.key(word)) else { continue }
            nicknames.append(word)
        }
        return nicknames
    }

    /// The closing bracket after a name in a bracket: a first name alone, with a surname ("Chiara Rinaldi") or
    /// with its initial ("Jayden K.").
    private func nameBracketEnd(from name: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens, units = text.units
        func closes(_ index: Int) -> Bool { index < tokens.count && units[tokens[index].start] == 0x29 }
        if closes(name + 1) { return name + 1 }
        guard name + 2 < tokens.count, !tokens[name + 1].flags.contains(.newlineBefore) else { return nil }
        if text.isInitial(name + 1), closes(name + 3) { return name + 3 }
        if tokens[name + 1].isCapitalizedWord, !tokens[name + 1].flags.contains(.allCaps), text.onlySpaceBetween(name, name + 1),
           closes(name + 2) { return name + 2 }
        return nil
    }

    /// The one word in the bracket after a first name: the child's nickname ("Ilayda (Krümel)", "Ben (Bommel)").
    /// A word of the language counts only where the note uses it as a name throughout — see `apply`.
    func nicknamesAfterNames(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens, units = text.units
        var nicknames: [Int] = []
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x28 && tokens[index].end - tokens[index].start == 1
            && index + 2 < tokens.count && units[tokens[index + 2].start] == 0x29 && tokens[index].flags.contains(.spaceBefore) {
            let name = index - 1, word = index + 1
            guard isBareFirstName(name, in: text), tokens[word].isCapitalizedWord, !tokens[word].flags.contains(.allCaps),
                  !lexicon.isRoleWord(text.key(word)), !lexicon.isAllowed(text.key(word)),
                  !DefinedCodes.subjectsAndDuties.contains(text.key(word)), !lexicon.endsInCommonWord(text.key(word), headLength: 5)
            else { continue }
            nicknames.append(word)
        }
        return nicknames
    }

    /// A first name that no form of address or title precedes: a child's or a peer's ("Mila", not "Fr. Adam").
    func isBareFirstName(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard tokens[index].isCapitalizedWord, !tokens[index].flags.contains(.allCaps), lexicon.isFirstName(text.key(index)) else { return false }
        var before = index - 1
        if before >= 1, text.units[tokens[before].start] == 0x2E, !tokens[before].flags.contains(.spaceBefore) { before -= 1 }
        guard before >= 0, tokens[before].isWord, !tokens[index].flags.contains(.newlineBefore) else { return true }
        return !Self.addressWords.contains(text.key(before))
    }

    /// Forms of address and titles before a surname: folded keys.
    private static let addressWords: Set<ArraySlice<UInt8>> = Set(["frau", "herr", "herrn", "fr", "hr", "dr", "prof", "fam",
        "familie"].map { Array($0.utf8)[...] })

    /// Whether the word starts its line or sentence, or follows a preposition or conjunction — no article,
    /// possessive or adjective before it ("mit Maus (Marie)", not "den großen Jungen (Tim)", "beim Träger").
    private func standsWithoutArticle(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard index > 0, !tokens[index].flags.contains(.newlineBefore), tokens[index - 1].isWord else { return true }
        let before = text.key(index - 1)
        return !tokens[index - 1].isCapitalizedWord && lexicon.isAllowed(before) && !Self.isArticleOrPossessive(before)
            && !Self.moreFusedArticles.contains(before)
    }

    /// Prepositions fused with an article that `RoleEvidence.determiners` does not list: folded keys.
    static let moreFusedArticles: Set<ArraySlice<UInt8>> = Set(["aufs", "durchs", "fürs", "fuers"].map { Array($0.utf8)[...] })

    /// The capitalised word after a relative's "von" on one line: "Mama von Jojo", "Oma von Bobo", "KV von Ami".
    func kinObjects(in text: TokenizedText) -> [Int] {
        let tokens = text.tokens
        var objects: [Int] = []
        for index in tokens.indices.dropFirst().dropLast() where text.key(index).elementsEqual(Self.von)
            && !tokens[index].flags.contains(.newlineBefore) && !tokens[index + 1].flags.contains(.newlineBefore)
            && tokens[index - 1].isWord && Self.kinWords.contains(text.key(index - 1)) && isSingleWordItem(index + 1, in: text) {
            objects.append(index + 1)
        }
        return objects
    }

    /// Whether a short word has a pet name's shape: two to five letters, ending in "a", "i", "o", "u" or "y",
    /// not all capitals ("Emo", "Memo", "Jojo", "Su", "Fini"). Common words of that shape seldom stand where a
    /// child's name stands beside other names; nouns ending in "e" do ("Danke und Gruß").
    func isNicknameShaped(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isCapitalizedWord, !token.flags.contains(.allCaps), (2...5).contains(token.end - token.start) else { return false }
        switch text.units[token.end - 1] {
        case 0x61, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// A capitalised word standing alone: no hyphen or apostrophe glued to its end, nor an abbreviation's full
    /// stop — a name's or a pet name's full stop ends the sentence ("mit Kalle, Mo, Nessa, Lulu.").
    private func isSingleWordItem(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard tokens[index].isCapitalizedWord, tokens[index].end - tokens[index].start >= 2 else { return false }
        if index + 1 < tokens.count, tokens[index + 1].start == tokens[index].end {
            let unit = text.units[tokens[index + 1].start]
            if [0x2D, 0x2010, 0x2011, 0x27, 0x2019].contains(unit) { return false }
            if unit == 0x2E && !lexicon.isKnownName(text.key(index)) && !isNicknameShaped(index, in: text) { return false }
        }
        return true
    }

    /// Whether the tokens from `start` up to `end` (excluded) are one join of a list on one line: ",", "+", "&",
    /// "und", "u." — not a sentence's full stop.
    private func joins(from start: Int, to end: Int, in text: TokenizedText) -> Bool {
        var words = 0
        for index in start..<end {
            if text.tokens[index].flags.contains(.newlineBefore) || text.tokens[end].flags.contains(.newlineBefore) { return false }
            let unit = text.units[text.tokens[index].start]
            if unit == 0x2C || unit == 0x2B || unit == 0x26 { continue }
            if text.key(index).elementsEqual(Self.and) || text.key(index).elementsEqual(Self.andShort) { words += 1; continue }
            if unit == 0x2E, index > start, text.key(index - 1).elementsEqual(Self.andShort) { continue }
            return false
        }
        return words <= 1
    }

    static let von = Array("von".utf8)

    /// Labels of who is present, absent or ill: folded keys.
    static let attendanceLabels: Set<ArraySlice<UInt8>> = Set([
        "anwesend", "abwesend", "krank", "fehlt", "fehlen", "fehlend", "entschuldigt", "unentschuldigt", "teilnehmende",
        "teilnehmer", "teilnehmerinnen", "kinder", "abholung", "abgeholt",
    ].map { Array($0.utf8)[...] })

    /// Relatives and friends whose "von" names a child or another person: folded keys.
    static let kinWords: Set<ArraySlice<UInt8>> = Set([
        "mama", "papa", "mami", "papi", "mutti", "vati", "mutter", "vater", "oma", "opa", "omi", "opi", "eltern", "bruder",
        "schwester", "tante", "onkel", "km", "kv", "freund", "freundin", "cousin", "cousine", "stiefvater", "stiefmutter",
    ].map { Array($0.utf8)[...] })
}
