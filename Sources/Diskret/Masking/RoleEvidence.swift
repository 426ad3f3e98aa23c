/// Decides, after name merging and before linking, which person findings may carry a role and which name a
/// person of the case at all — from evidence bound to the mention itself, because a wrong role puts an act on
/// the wrong person while a neutral "[Person N]" only hides who it was:
/// - a name glued into a compound ("Heinrich-Heine-Schule", "Müller-Stiftung") is masked with the whole
///   compound, as an organisation when the compound ends in an institution word, and never with a role;
/// - a name word the note uses as a common noun, after an article and perhaps an adjective ("Der Koch der
///   Kita", "ein großer Stein") or in an idiom's pair of nouns ("für Fuchs und Sau"), is masked as nobody of
///   the case: no role, no roster subject, no link;
/// - a role word about someone else, after a possessive ("seine Mutter, Gisela Braun", "ihrer Freundin
///   Aylin"), gives no case role; a child stays a child;
/// - a role word in brackets right after a name is bound to it ("Herr Yilmaz (KV)");
/// - a role whose gender contradicts the honorific of the same mention ("Kindsvater Frau X") is dropped;
/// - every name of a listed group of children ("Kinder: Lena (7) und Emir (4)") is a child.
struct RoleEvidence {
    /// The rule whose role words name a group ("Kinder", "Töchter"): the names listed after one all get its role.
    static let groupRule = "person.role-group"
    /// Roles that several persons of a case hold; kept after a possessive ("ihre Tochter Lena" is a child).
    static let sharedRoles: Set<String> = ["Kind"]
    let lexicon: Lexicon

    func apply(to findings: inout [Candidate], in text: TokenizedText) {
        for index in findings.indices where findings[index].category == .person {
            extendOverCompound(&findings, index, in: text)
            if findings[index].category != .person { continue }
            if isCommonNounUse(findings[index], in: text) || isInBinomial(index, findings, in: text) || namesAFamily(findings[index], in: text) {
                findings[index].standalone = true
                findings[index].role = nil
                findings[index].subject = nil
                findings[index].fixedPlaceholder = nil
                continue
            }
            if findings[index].subject == nil && findings[index].role == nil { findings[index].role = bracketedRole(after: findings[index], in: text) }
            guard findings[index].subject == nil, let role = findings[index].role else { continue }
            if !Self.sharedRoles.contains(role) && namesSomeoneElsesRelation(findings[index], in: text) { findings[index].role = nil; continue }
            if let gender = MentionGender.of(role: role), let honorific = MentionGender.honorific(before: findings[index].range.lowerBound, in: text),
               gender != honorific {
                findings[index].role = nil
            }
        }
        for index in findings.indices where findings[index].rule == Self.groupRule && findings[index].role != nil {
            giveRoleToListedNames(after: index, &findings, in: text)
        }
    }

    // MARK: Compounds

    /// A person finding glued by a hyphen to a word that no person finding covers is a part of a compound:
    /// the finding grows over the compound. An institution word at its end makes it an organisation; a common
    /// noun at its end a compound noun that names nobody in particular; else it is a double name whose second
    /// part no rule knew ("Müller-Lüdenscheidt"), masked whole.
    private func extendOverCompound(_ findings: inout [Candidate], _ index: Int, in text: TokenizedText) {
        let tokens = text.tokens
        var last = tokenIndices(of: findings[index].range, in: text).last ?? -1
        guard last >= 0 else { return }
        let nextStart = index + 1 < findings.count ? findings[index + 1].range.lowerBound : Int.max
        var grew = false
        while last + 2 < tokens.count, text.isJoiner(last + 1, after: last), tokens[last + 2].isWord,
              !tokens[last + 2].flags.contains(.spaceBefore), tokens[last + 2].start < nextStart {
            last += 2
            grew = true
        }
        guard grew else { return }
        findings[index].range = findings[index].range.lowerBound..<tokens[last].end
        let tail = text.key(last)
        if lexicon.isAllowed(tail) || lexicon.isCommonWord(tail) {
            findings[index].standalone = true
            findings[index].role = nil
            findings[index].subject = nil
            findings[index].fixedPlaceholder = nil
            if lexicon.isAllowed(tail) && tokens[last].isCapitalizedWord {
                findings[index].category = .organisation
                findings[index].label = RuleLabel(rule: findings[index].rule, type: "organisation")
            }
        }
    }

    // MARK: Common nouns

    /// One capitalised word that a list knows as a common noun, after a determiner with at most two
    /// lower-case words (adjectives) between: "der Koch", "ein großer Stein", "im Garten".
    private func isCommonNounUse(_ finding: Candidate, in text: TokenizedText) -> Bool {
        let words = tokenIndices(of: finding.range, in: text)
        guard words.count == 1, let word = words.first, text.tokens[word].isCapitalizedWord,
              lexicon.isCommonWord(text.key(word)) else { return false }
        var index = word - 1
        var adjectives = 0
        while index >= 0, text.tokens[index].isWord, !text.tokens[index + 1].flags.contains(.newlineBefore) {
            let key = text.key(index)
            if Self.determiners.contains(String(decoding: key, as: UTF8.self)) { return true }
            guard text.tokens[index].flags.contains(.lowercase), adjectives < 2 else { return false }
            adjectives += 1
            index -= 1
        }
        return false
    }

    /// One capitalised common-noun word in a pair of nouns joined by "und"/"oder" whose other noun no rule took
    /// for a name: the fixed pairs of idioms ("für Fuchs und Sau", "Stein und Bein", "mit Kind und Kegel").
    private func isInBinomial(_ index: Int, _ findings: [Candidate], in text: TokenizedText) -> Bool {
        let words = tokenIndices(of: findings[index].range, in: text)
        // A first name that is no family name is a name even next to a noun ("wegen Selam und Schwangerschaft");
        // family names that are nouns ("Stein", "Fuchs", "Koch") are what idioms hold.
        guard words.count == 1, let word = words.first, text.tokens[word].isCapitalizedWord, lexicon.isCommonWord(text.key(word)),
              !lexicon.isFirstName(text.key(word)) || lexicon.isSurname(text.key(word)),
              MentionGender.honorific(before: findings[index].range.lowerBound, in: text) == nil else { return false }
        func isConjunction(_ token: Int) -> Bool {
            token >= 0 && token < text.tokens.count && (text.key(token).elementsEqual("und".utf8) || text.key(token).elementsEqual("oder".utf8))
        }
        func isFreeNoun(_ token: Int) -> Bool {
            guard token >= 0, token < text.tokens.count, text.tokens[token].isCapitalizedWord, lexicon.isCommonWord(text.key(token)),
                  !text.tokens[token].flags.contains(.newlineBefore) else { return false }
            let range = text.tokens[token].range
            return !findings.contains { $0.category == .person && $0.range.overlaps(range) }
        }
        return (isConjunction(word + 1) && isFreeNoun(word + 2)) || (isConjunction(word - 1) && isFreeNoun(word - 2))
    }

    /// Articles, demonstratives and prepositions fused with an article: before them a capitalised word is
    /// a noun phrase, not a person's name (names take no article in written notes).
    static let determiners: Set<String> = ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                                           "kein", "keine", "keinen", "keinem", "keiner", "keines", "jeder", "jede", "jedes", "jeden",
                                           "jedem", "dieser", "diese", "dieses", "diesen", "diesem", "im", "am", "vom", "zum", "zur",
                                           "beim", "ins", "ans", "ums"]

    // MARK: Roles in brackets

    /// A role word in brackets right after the name ("Herr Yilmaz (KV)", "Anna Fischer (KM, 36 J.)"): bound to
    /// this mention as much as one before it.
    private func bracketedRole(after finding: Candidate, in text: TokenizedText) -> String? {
        let open = text.firstToken(endingAfter: finding.range.upperBound)
        guard open + 2 < text.tokens.count, text.key(open).elementsEqual("(".utf8), text.tokens[open + 1].isWord,
              !text.tokens[open + 1].flags.contains(.newlineBefore) else { return nil }
        let close = text.key(open + 2)
        guard close.elementsEqual(")".utf8) || close.elementsEqual(",".utf8) || close.elementsEqual(";".utf8) else { return nil }
        let word = text.key(open + 1), written = text.string(text.tokens[open + 1].range)
        for rule in lexicon.pack.contexts where rule.definition.category == .person {
            if let role = rule.role(ofWord: word, written: written) { return role }
        }
        return nil
    }

    // MARK: Families

    /// A name after "Familie", "Fam.", "Eheleute": the family, not one of its persons, so no person's
    /// placeholder and no role ("Fall: Familie Tekin" is not the father Serhat Tekin).
    private func namesAFamily(_ finding: Candidate, in text: TokenizedText) -> Bool {
        var index = text.firstToken(endingAfter: finding.range.lowerBound) - 1
        if index >= 0 && text.key(index).elementsEqual(".".utf8) { index -= 1 }
        guard index >= 0, text.tokens[index].isWord else { return false }
        return Self.familyWords.contains(String(decoding: text.key(index), as: UTF8.self))
    }

    private static let familyWords: Set<String> = ["familie", "fam", "eheleute", "ehepaar"]

    // MARK: Someone else's relation

    /// Whether the role word before the finding names a relation of someone else: after a possessive, with
    /// at most two adjectives between ("seiner Mutter", "ihrer Freundin", "seiner damaligen Ehefrau"), or as
    /// a genitive in a label ("Lebensgefährte der KM: Paweł W." is the mother's partner, not the mother).
    private func namesSomeoneElsesRelation(_ finding: Candidate, in text: TokenizedText) -> Bool {
        var index = text.firstToken(endingAfter: finding.range.lowerBound) - 1
        var colon = false
        // Over what the role rules skip between role word and name: punctuation, honorifics, "namens".
        while index >= 0 && (!text.tokens[index].isWord || Self.skippedAfterRole.contains(String(decoding: text.key(index), as: UTF8.self))) {
            if text.key(index).elementsEqual(":".utf8) { colon = true }
            index -= 1
        }
        guard index >= 0 else { return false }
        // A role word of several tokens ("Ex-Partnerin"): its first word.
        while index >= 2 && text.isJoiner(index - 1, after: index - 2) && text.tokens[index - 2].isWord { index -= 2 }
        var before = index - 1
        var adjectives = 0
        while before >= 0 && text.tokens[before].isWord {
            let word = String(decoding: text.key(before), as: UTF8.self)
            if Self.possessives.contains(word) { return true }
            if colon && (word == "der" || word == "des") {
                return before > 0 && text.tokens[before - 1].isCapitalizedWord
            }
            guard text.tokens[before].flags.contains(.lowercase), adjectives < 2 else { return false }
            adjectives += 1
            before -= 1
        }
        return false
    }

    private static let skippedAfterRole: Set<String> = ["frau", "herr", "herrn", "hr", "hrn", "fr", "namens"]

    /// Possessive determiners in every case and gender, and the relative genitives "dessen", "deren".
    static let possessives: Set<String> = {
        var words: Set<String> = ["dessen", "deren"]
        for stem in ["mein", "dein", "sein", "ihr", "unser", "euer", "eur"] {
            for ending in ["", "e", "er", "em", "en", "es"] where !(stem == "eur" && ending.isEmpty) { words.insert(stem + ending) }
        }
        return words
    }()

    // MARK: Groups

    /// Gives the group's role to each person finding listed after `index`: names joined by commas, "und",
    /// "sowie", with bracketed ages and birth dates between ("Lena (7) und Emir (4)", "Andrei, * 11.03.2017
    /// (7), Bianca"). The list ends at a blank line, a sentence end or any other word; a listed name with an
    /// honorific or a role of its own ends it too. Only items shaped like the first one count: as many name
    /// words, and an age or birth date after each when the first has one — "Die Kinder Lena und Emir, Murat
    /// Yılmaz und Anna Fischer waren da" lists the parents after the children, and they are no children.
    private func giveRoleToListedNames(after index: Int, _ findings: inout [Candidate], in text: TokenizedText) {
        let role = findings[index].role
        var items: [(finding: Int, dated: Bool)] = [(index, false)]
        var end = findings[index].range.upperBound
        for next in (index + 1)..<findings.count {
            guard onlyListGlue(from: end, to: findings[next].range.lowerBound, in: text) else { break }
            end = findings[next].range.upperBound
            switch findings[next].category {
            case .date, .age:
                items[items.count - 1].dated = true
                continue
            case .person:
                guard findings[next].role == nil, findings[next].subject == nil, !findings[next].standalone,
                      MentionGender.honorific(before: findings[next].range.lowerBound, in: text) == nil else { break }
                items.append((next, false))
                continue
            default: break
            }
            break
        }
        let shape = items.map { tokenIndices(of: findings[$0.finding].range, in: text).filter { text.tokens[$0].isWord }.count }
        for (position, item) in items.enumerated().dropFirst() {
            guard shape[position] == shape[0], item.dated == items[0].dated else { return }
            findings[item.finding].role = role
        }
    }

    /// Only list punctuation, "und", "sowie", "geb." and age words between two offsets, without a blank line.
    private func onlyListGlue(from: Int, to: Int, in text: TokenizedText) -> Bool {
        guard from <= to else { return false }
        var index = text.firstToken(endingAfter: from)
        while index < text.tokens.count && text.tokens[index].start < to {
            let token = text.tokens[index]
            // A list wraps onto the next line; a blank line ends it.
            if token.flags.contains(.newlineBefore) && text.units[text.tokens[max(index - 1, 0)].end..<token.start].filter({ $0 == 0x0A }).count > 1 { return false }
            let key = String(decoding: text.key(index), as: UTF8.self)
            if token.isWord || token.kind == .number {
                guard Self.listWords.contains(key) else { return false }
            } else if key == "." {
                // Only the full stop of an abbreviation ("geb.", "J.").
                guard index > 0, text.tokens[index - 1].isWord, Self.listWords.contains(String(decoding: text.key(index - 1), as: UTF8.self)) else { return false }
            } else if !Self.listPunctuation.contains(key) {
                return false
            }
            index += 1
        }
        return true
    }

    private static let listWords: Set<String> = ["und", "sowie", "geb", "j", "jahre", "jahr", "alt", "jahrig", "jaehrig", "mon", "monate"]
    private static let listPunctuation: Set<String> = [",", ";", "(", ")", "*", "/", "&", "-", "+"]
}
