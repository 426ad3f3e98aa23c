/// Roles of listed groups: every name listed after "Kinder", "Töchter" … shaped like the first gets its role.
extension RoleEvidence {
    // MARK: Groups

    /// Gives the group's role to each person finding listed after `index`: names joined by commas, "und",
    /// "sowie", with bracketed ages and birth dates between ("Lena (7) und Emir (4)", "Andrei, * 11.03.2017
    /// (7), Bianca"). The list ends at a blank line, a sentence end or any other word; a listed name with an
    /// honorific or a role of its own ends it too. Only items shaped like the first one count: as many name
    /// words, and an age or birth date after each when the first has one — "Die Kinder Lena und Emir, Murat
    /// Yılmaz und Anna Fischer waren da" lists the parents after the children, and they are no children.
    func giveRoleToListedNames(after index: Int, _ findings: inout [Candidate], in text: TokenizedText) {
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
    func onlyListGlue(from: Int, to: Int, in text: TokenizedText) -> Bool {
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

    static let listWords: Set<String> = ["und", "sowie", "geb", "j", "jahre", "jahr", "alt", "jahrig", "jaehrig", "mon", "monate"]
    static let listPunctuation: Set<String> = [",", ";", "(", ")", "*", "/", "&", "-", "+"]
}
