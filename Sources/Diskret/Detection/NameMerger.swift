/// Merges person findings that are parts of one name into one finding: "Anna-Lena" + "Fischer-Yılmaz",
/// "van der" + "Berg", a first name and a surname split by a line break.
struct NameMerger {
    let lexicon: Lexicon

    func merge(_ findings: [Candidate], in text: TokenizedText) -> [Candidate] {
        var result: [Candidate] = []
        result.reserveCapacity(findings.count)  // at most as many: a long note's array grew by copies
        for finding in findings {
            if var previous = result.last, previous.category == .person, finding.category == .person,
               onlyNameGlueBetween(previous.range.upperBound, finding.range.lowerBound, in: text) {
                previous.range = previous.range.lowerBound..<finding.range.upperBound
                if finding.score > previous.score { previous.score = finding.score; previous.label = finding.label }
                previous.derived = previous.derived && finding.derived
                previous.role = previous.role ?? finding.role
                if previous.subject == nil { previous.subject = finding.subject; previous.fixedPlaceholder = finding.fixedPlaceholder }
                result[result.count - 1] = previous
            } else {
                result.append(finding)
            }
        }
        return result
    }

    /// Only white space (one line break at most), hyphens or name particles between two offsets.
    private func onlyNameGlueBetween(_ from: Int, _ to: Int, in text: TokenizedText) -> Bool {
        guard from <= to else { return false }
        var index = text.firstToken(endingAfter: from)
        var newlines = 0
        for unit in text.units[from..<to] where unit == 0x0A { newlines += 1 }
        guard newlines <= 1 else { return false }
        while index < text.tokens.count && text.tokens[index].start < to {
            let token = text.tokens[index]
            let isHyphen = token.kind == .punctuation && token.end - token.start == 1 && [0x2D, 0x2010, 0x2011].contains(text.units[token.start])
            if !isHyphen && !lexicon.isParticle(text.key(index)) { return false }
            index += 1
        }
        return true
    }
}
