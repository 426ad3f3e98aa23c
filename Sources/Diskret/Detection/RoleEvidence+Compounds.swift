/// Names glued into compounds ("Heinrich-Heine-Schule"): masked with the whole compound, never with a role.
extension RoleEvidence {
    // MARK: Compounds

    /// A person finding glued by a hyphen to a word that no person finding covers is a part of a compound:
    /// the finding grows over the compound. An institution word at its end makes it an organisation; a common
    /// noun at its end a compound noun that names nobody in particular; else it is a double name whose second
    /// part no rule knew ("Müller-Lüdenscheidt"), masked whole.
    func extendOverCompound(_ findings: inout [Candidate], _ index: Int, in text: TokenizedText) {
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
}
