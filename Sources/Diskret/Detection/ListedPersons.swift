/// Persons named beside persons: in a list whose items are each a name with an age in brackets ("Jojo (2),
/// Kiki (9), Püppi (12)") every item is a person once one is, and so is a word that is no word of the language
/// joined to a person by "+" ("Mimi + Ksjuscha streiten"); lists without ages and the child after a relative's
/// "von" are read in `ListedPersons+Bare.swift`. Nicknames in shelter logs and lists of children are
/// often words ("Emo", "Püppi") or no name any list holds; where they stand is what names them.
///
/// Found words count as names found with context, so propagation masks their other mentions. Role words
/// ("KM + Tochter (3)", "Kinder (2)") stay readable.
struct ListedPersons {
    static let label = RuleLabel(rule: "engine.listed-persons", type: "person.firstname")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        // Lists of items "Name (age)" joined by commas, "+" or "und", and pairs "Name + Name": few notes have any,
        // so they are found first.
        var itemsByLine: [[Int]] = []
        var lineItems: [Int] = []
        var lastClosing = -1
        var pairs: [(Int, Int)] = []
        var surnamePairs: [(Int, Int)] = []
        for index in tokens.indices {
            let token = tokens[index]
            guard token.end - token.start == 1, index > 0 else { continue }
            switch units[token.start] {
            case 0x28:
                guard tokens[index - 1].isCapitalizedWord, let closing = ageBracketEnd(after: index - 1, in: text) else { continue }
                // An item continues the list only right after the last one: "Jojo (2), Kiki (9)", not "Lena (14), Zi. 4 Auto (2)".
                if lastClosing < 0 || !onlySeparators(from: lastClosing + 1, to: index - 1, in: text) {
                    if lineItems.count >= 2 { itemsByLine.append(lineItems) }
                    lineItems = []
                }
                lineItems.append(index - 1)
                lastClosing = closing
            case 0x2B:
                if index + 1 < tokens.count, !token.flags.contains(.newlineBefore), !tokens[index + 1].flags.contains(.newlineBefore),
                   tokens[index - 1].isCapitalizedWord, tokens[index + 1].isCapitalizedWord {
                    pairs.append((index - 1, index + 1))
                }
            case 0x2F:
                // A doorbell's or a family's two surnames: "Kraus/Dumitru", "KRAUS/DUMITRU", written alike and close.
                if index + 1 < tokens.count, tokens[index - 1].end == token.start, tokens[index + 1].start == token.end,
                   tokens[index - 1].isCapitalizedWord, tokens[index + 1].isCapitalizedWord,
                   tokens[index - 1].flags.contains(.allCaps) == tokens[index + 1].flags.contains(.allCaps) {
                    surnamePairs.append((index - 1, index + 1))
                }
            default: break
            }
        }
        if lineItems.count >= 2 { itemsByLine.append(lineItems) }
        let bare = bareLists(in: text), kin = kinObjects(in: text), attending = attendanceItems(in: text)
        let nicknames = nicknamesBeforeNames(in: text) + nicknamesBeforeEquals(in: text), bracketedNicknames = nicknamesAfterNames(in: text)
        guard !itemsByLine.isEmpty || !pairs.isEmpty || !surnamePairs.isEmpty || !bare.isEmpty || !kin.isEmpty || !attending.isEmpty
            || !nicknames.isEmpty || !bracketedNicknames.isEmpty
        else { return }

        // Per token: 0 no finding, 1 a person, 2 something else; and the persons' capitalised words by key hash
        // (in a table keyed by the hash tokens carry: a dictionary of arrays made an array per word and hashed
        // each hash again).
        var covered = [UInt8](repeating: 0, count: tokens.count)
        var personWords = PrehashedTable<Int>()
        // By index: iterating copied each candidate and retained its label and extras.
        for position in candidates.indices where candidates[position].score >= threshold {
            let isPerson = candidates[position].category == .person
            for index in tokenIndices(of: candidates[position].range, in: text) {
                if isPerson {
                    covered[index] = 1
                    if tokens[index].isCapitalizedWord { personWords.insert(index, forHash: tokens[index].keyHash) }
                } else if covered[index] == 0 {
                    covered[index] = 2
                }
            }
        }
        func isPerson(_ index: Int) -> Bool {
            if covered[index] == 1 { return true }
            guard covered[index] == 0 else { return false }
            return personWords.first(forHash: tokens[index].keyHash) { text.key($0).elementsEqual(text.key(index)) } != nil
        }
        // A word found as a person elsewhere but not here is taken here too: propagation does not spread a word of
        // the language ("Schnecke" in a table's cell, then "Kiki (14) / Schnecke (15)").
        func take(_ index: Int) -> Bool {
            guard covered[index] == 0, isEligible(index, in: text) else { return false }
            covered[index] = 1
            personWords.insert(index, forHash: tokens[index].keyHash)
            candidates.append(Candidate(range: tokens[index].range, category: .person, label: Self.label,
                                        score: Evidence.confidentScore))
            return true
        }
        // A chain ("Ksjuscha + Lu (6)" after "Mimi + Ksjuscha") settles in a few rounds.
        for _ in 0..<3 {
            var changed = false
            for items in itemsByLine where items.contains(where: isPerson) {
                for item in items where take(item) { changed = true }
            }
            // Beside "+" only words that are no word of the language or have a pet name's shape: "Fr. Adam +
            // Leitung", "+ Pflege", "+ Anzeige" stay. ("und" joins idioms too: "für Fuchs und Sau".)
            // Beside a child's first name, a word of the language the note uses as a name throughout ("Mila +
            // Spatz" … "Spatz hat Geburtstag"; never "der Spatz").
            for (left, right) in pairs {
                if isPerson(left) && (isNameLike(right, in: text) || isBareFirstName(left, in: text) && isUsedAsName(right, in: text))
                    && take(right) { changed = true }
                if isPerson(right) && (isNameLike(left, in: text) || isBareFirstName(right, in: text) && isUsedAsName(left, in: text))
                    && take(left) { changed = true }
            }
            // Beside "/" a surname the lists know, also one that is an adjective ("Kraus/Dumitru"); not a noun or a
            // place ("Schule/Kita", "Gröpelingen/Walle"), which is what a slash joins far more often.
            for (left, right) in surnamePairs {
                for (one, other) in [(left, right), (right, left)] where isPerson(one) && lexicon.isSurname(text.key(other))
                    && !lexicon.isNoun(text.key(other)) && !lexicon.isPlace(text.key(other)) && take(other) {
                    changed = true
                }
            }
            // A bare list of first names: its other words are names once two of them and half the items are.
            for items in bare where items.count >= 3 && items.count(where: isPerson) >= max(2, (items.count + 1) / 2) {
                // Not a compound of a word of the language ("Ausflug Eislaufen, Paule u. Memo").
                for item in items where isNameLike(item, in: text) && !lexicon.endsInCommonWord(text.key(item), headLength: 5)
                    && take(item) { changed = true }
            }
            // Two joined by "und" or "&" ("mit Tilli und Emo"; a comma joins a signature's name and function): a
            // word beside a person is a name when it is none of the language's, nor a compound or a code ("und
            // Schulsozialarbeiterin", "und TL"), or the note uses it as a name again and never as a noun ("Emo soll
            // Papa sein", "Emo will nicht"; not "für Fuchs und Sau").
            for items in bare where items.count == 2 && items[1] == items[0] + 2
                && (text.key(items[0] + 1).elementsEqual(Self.and) || text.units[tokens[items[0] + 1].start] == 0x26) {
                for (one, other) in [(items[0], items[1]), (items[1], items[0])] where isPerson(one)
                    && !tokens[other].flags.contains(.allCaps) && (isNoCommonWord(other, in: text)
                        && !lexicon.endsInCommonWord(text.key(other), headLength: 5) || isUsedAsName(other, anyWord: true, in: text))
                    && take(other) {
                    changed = true
                }
            }
            // After a relative's "von" and in an attendance list even a common word is a name when the note uses
            // it again without an article ("Papa von Keks" … "Keks wollte nicht rein"; "Krank: Maus, Flocke").
            for object in kin + attending where (isNameLike(object, in: text) || isNicknameSizedWord(object, in: text)
                                                 && isUsedBareAgain(object, in: text)) && take(object) {
                changed = true
            }
            // Before a bracket with a first name, or before "=" and one, a pet name is a name when it has a
            // nickname's size ("Bär (Ben)", "Jojo = Jonas B.").
            for nickname in nicknames where (isNameLike(nickname, in: text) || isNicknameSizedWord(nickname, in: text)) && take(nickname) {
                changed = true
            }
            // In the bracket after a first name, a nickname ("Ilayda (Krümel)") — a word of the language only where
            // the note uses it as a name throughout.
            for nickname in bracketedNicknames where (isNoCommonWord(nickname, in: text) && isNicknameSizedWord(nickname, in: text)
                                                      && text.units[tokens[nickname].range].allSatisfy(isCasedLatinLetter)
                                                      || isUsedAsName(nickname, in: text)) && take(nickname) {
                changed = true
            }
            if !changed { break }
        }
        // A note that names one child by a pet-name word names others so: "Floh um 11 Fieber" beside "Ilayda
        // (Krümel)" … "Krümel sehr müde".
        guard tokens.indices.contains(where: { covered[$0] == 1 && tokens[$0].isCapitalizedWord && Self.petNameWords.contains(text.key($0)) })
        else { return }
        for index in tokens.indices where covered[index] == 0 && tokens[index].isCapitalizedWord && Self.petNameWords.contains(text.key(index))
            && personWords.value(forHash: tokens[index].keyHash) == nil && isUsedAsName(index, in: text)
            && (index == 0 || !tokens[index - 1].isWord || !Self.isArticleOrPossessive(text.key(index - 1))) {
            _ = take(index)
        }
    }

    /// Whether a pet-name word stands elsewhere in the note capitalised as a clause's subject at least as often
    /// as after an article or possessive: "Krümel sehr müde", "Spatz hat Geburtstag", not "der Spatz". A name takes
    /// no article in a professional's note; a noun does — though telegraphic notes drop articles ("Haus voll"),
    /// so only words of the field children's nicknames come from count.
    /// With `anyWord`, a word outside that field counts where the note uses it so twice and never as a noun.
    private func isUsedAsName(_ index: Int, anyWord: Bool = false, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, hash = tokens[index].keyHash
        guard isNicknameSizedWord(index, in: text), text.units[tokens[index].range].allSatisfy(isCasedLatinLetter),
              anyWord || Self.petNameWords.contains(text.key(index)) else { return false }
        var subjects = 0, nouns = 0
        for other in tokens.indices where other != index && tokens[other].keyHash == hash && text.key(other).elementsEqual(text.key(index)) {
            guard tokens[other].isCapitalizedWord else { return false }
            let opensLine = other == 0 || tokens[other].flags.contains(.newlineBefore)
            if !opensLine, tokens[other - 1].isWord {
                let before = text.key(other - 1)
                if Self.isArticleOrPossessive(before) || Self.moreFusedArticles.contains(before) { nouns += 1; continue }
            }
            // The subject of a clause: opening its line or sentence (after a quotation's closing mark too), or a
            // list's item, with a word in small letters after it on its line ("Krümel sehr müde", "Büro. Spatz hat
            // …", "„… schreien.“ Emo will nicht").
            let opensClause = opensLine
                || [0x2E, 0x21, 0x3F, 0x2B, 0x2C, 0x3A, 0x201C, 0x201D, 0x22, 0xBB].contains(text.units[tokens[other - 1].start])
            if opensClause, other + 1 < tokens.count, tokens[other + 1].isWord, tokens[other + 1].flags.contains(.lowercase),
               !tokens[other + 1].flags.contains(.newlineBefore) {
                subjects += 1
            }
        }
        // The noun may also stand in the note ("Ein Spatz ist in die Turnhalle geflogen"), not more often than the name.
        if anyWord && !Self.petNameWords.contains(text.key(index)) { return subjects >= 2 && nouns == 0 }
        return subjects >= max(1, nouns)
    }

    /// The closing bracket of "(6)", "(12 J.)", "(5 Wo.)" right after the word, or nil.
    private func ageBracketEnd(after index: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens, units = text.units
        guard index + 3 < tokens.count, units[tokens[index + 1].start] == 0x28,
              tokens[index + 2].kind == .number, tokens[index + 2].end - tokens[index + 2].start <= 2,
              text.asciiNumber(index + 2) != nil else { return nil }
        if units[tokens[index + 3].start] == 0x29 { return index + 3 }
        guard tokens[index + 3].isWord, Self.ageUnits.contains(text.key(index + 3)) else { return nil }
        return ((index + 4)..<min(tokens.count, index + 6)).first { units[tokens[$0].start] == 0x29 }
    }

    /// Whether the tokens from `start` up to `end` (excluded) only join list items: ",", "+", "&", "/", "und", "u.".
    private func onlySeparators(from start: Int, to end: Int, in text: TokenizedText) -> Bool {
        guard start <= end, end - start <= 3 else { return false }
        return (start..<end).allSatisfy { index in
            let unit = text.units[text.tokens[index].start]
            return unit == 0x2C || unit == 0x2B || unit == 0x26 || unit == 0x2E || unit == 0x2F || text.key(index).elementsEqual(Self.and)
                || text.key(index).elementsEqual(Self.andShort)
        }
    }

    static let and = Array("und".utf8), andShort = Array("u".utf8)

    /// A capitalised word of two letters or more that is no role ("Tochter", "Kinder"), title or particle.
    private func isEligible(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isCapitalizedWord, token.end - token.start >= 2 else { return false }
        let key = text.key(index)
        return !lexicon.isRoleWord(key) && !lexicon.isParticle(key) && !Self.roleWords.contains(key)
    }

    /// A word that no list of common words holds, or one with a pet name's shape; in small letters after its
    /// capital it needs a vowel ("Ltg" abbreviates Leitung; "RD" in capitals is someone's code).
    private func isNameLike(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        let hasVowel = text.units[token.range].contains { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE4, 0xF6, 0xFC].contains($0 | 0x20) }
        return (hasVowel || token.flags.contains(.allCaps)) && (isNoCommonWord(index, in: text) || isNicknameShaped(index, in: text))
    }

    /// A word of three to six letters, capital first and small letters after, that is neither a function word
    /// nor an abbreviation: the size of a child's nickname ("Keks", "Bommel"), not of a function ("Proband",
    /// "Schülerin", "RiAG", "BISS").
    private func isNicknameSizedWord(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard (3...6).contains(token.end - token.start), !token.flags.contains(.allCaps), !text.hasCapitalInside(index) else { return false }
        return !lexicon.isAllowed(text.key(index))
    }

    /// Whether the word stands elsewhere in the note capitalised, with no determiner or adjective before it.
    private func isUsedBareAgain(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens, hash = tokens[index].keyHash
        for other in tokens.indices where other != index && tokens[other].keyHash == hash && tokens[other].isCapitalizedWord
            && text.key(other).elementsEqual(text.key(index)) {
            if other == 0 || tokens[other].flags.contains(.newlineBefore) || !tokens[other - 1].isWord { return true }
            if tokens[other - 1].isCapitalizedWord { return true }
            let before = text.key(other - 1)
            if !Self.isArticleOrPossessive(before) && !lexicon.isLowercaseWord(before) { return true }
        }
        return false
    }

    /// Whether a word in small letters is an article, a demonstrative, a preposition fused with an article
    /// (`RoleEvidence.determiners`) or a possessive: what stands before a noun, not before a name.
    static func isArticleOrPossessive(_ key: ArraySlice<UInt8>) -> Bool {
        possessives.contains(key) || RoleEvidence.determiners.contains(String(decoding: key, as: UTF8.self))
    }

    /// Possessive determiners: folded keys.
    static let possessives: Set<ArraySlice<UInt8>> = Set(["mein", "meine", "meinen", "meinem", "meiner", "meines", "dein",
        "deine", "deinen", "deinem", "deiner", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren",
        "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "euer", "eure", "euren"].map { Array($0.utf8)[...] })

    /// A word no list of common words holds, and no abbreviation ("Unterz.").
    private func isNoCommonWord(_ index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        if index + 1 < tokens.count, tokens[index + 1].start == tokens[index].end, text.units[tokens[index + 1].start] == 0x2E { return false }
        return !lexicon.isCommonWord(text.key(index))
    }

    /// Words of the field children's nicknames are taken from — small animals, sweets, small things, endearments
    /// — that notes write where a name stands ("Krümel", "Spatz", "Floh"): folded keys. Other nouns a note uses
    /// without an article are its telegraphic style ("Haus voll", "Gruppe ruhig").
    static let petNameWords: Set<ArraySlice<UInt8>> = Set([
        "kruemel", "spatz", "spatzi", "floh", "maus", "mausi", "keks", "tiger", "baer", "baerchen", "flocke", "motte", "hase",
        "hasi", "igel", "kaefer", "kuecken", "kueken", "kuken", "puppe", "pueppi", "zwerg", "wurm", "wuermchen", "fuchs",
        "loewe", "biene", "bienchen", "schnecke", "frosch", "pinguin", "panda", "kater", "katze", "mieze", "fohlen", "ente",
        "entchen", "moewe", "schaf", "laemmchen", "lamm", "eule", "dino", "drache", "robbe", "otter", "wiesel", "affe",
        "aeffchen", "murmel", "knopf", "kroete", "muecke", "zappel", "purzel", "wuselchen", "wusel", "bommel", "krabbe",
        "kruemelchen", "keksi", "bonbon", "praline", "donut", "muffin", "kirsche", "erdbeere", "beere",
        "kirschi", "sternchen", "schatz", "schatzi", "engel", "prinz", "prinzessin", "knuddel", "pummel",
        "moppel", "racker", "raeuber", "fratz", "strolch", "rabauke", "wirbel", "blitz", "sprotte", "kruemelmonster",
        "kobold", "wichtel", "elfe", "fee", "minnie", "mucki", "spatzl", "schnuffel", "kuschel", "teddy", "hummel",
        "marienkaefer", "eichhoernchen", "hamster", "kaninchen", "meerschwein", "wuffi", "bubi", "zwergi", "bambi", "pumuckl",
    ].map { Array($0.utf8)[...] })

    private static let ageUnits: Set<ArraySlice<UInt8>> = Set(["j", "jahre", "jahr", "mon", "monate", "wo", "wochen", "lj"].map { Array($0.utf8)[...] })

    /// Words for members of a household that a list of children names beside the children.
    private static let roleWords: Set<ArraySlice<UInt8>> = Set([
        "kind", "kinder", "tochter", "sohn", "baby", "sauglinge", "saugling", "geschwister", "bruder", "schwester", "mutter",
        "vater", "km", "kv", "oma", "opa", "zwillinge", "enkel", "enkelin", "frau", "herr", "mann", "zimmer", "zi",
    ].map { Array($0.utf8)[...] })
}
