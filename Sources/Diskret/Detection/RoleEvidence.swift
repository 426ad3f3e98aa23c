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

    /// Settles the role, subject and standalone flag of every person finding of a note, in place.
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

    // MARK: Someone else's relation

    /// Whether the role word before the finding names a relation of someone else: after a possessive, with
    /// at most two adjectives between ("seiner Mutter", "ihrer Freundin", "seiner damaligen Ehefrau"), or as
    /// a genitive in a label ("Lebensgefährte der KM: Paweł W.", "LG d. KM: R. T." is the mother's partner, not
    /// the mother).
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
        // "LG d. KM:": the abbreviated article.
        if colon, before >= 2, text.key(before).elementsEqual(".".utf8), text.key(before - 1).elementsEqual("d".utf8) {
            return text.tokens[before - 2].isCapitalizedWord
        }
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

}
