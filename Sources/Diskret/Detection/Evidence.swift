/// Evidence between candidates: ambiguous name words next to a sure name are names ("Thomas Koch"), and so
/// are unknown capitalised words that are neither nouns nor function words ("Ayşe Fischer").
struct Evidence {
    static let adjacentRule = "engine.adjacent-name"
    let lexicon: Lexicon
    let threshold: Double
    /// Unknown words join only names this sure (context evidence), not bare gazetteer hits, which in
    /// technical text would drag neighbouring jargon into names.
    static let confidentScore = 0.85

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        for _ in 0..<4 {
            var strong: [Int] = [], confident: [Int] = []  // token indices covered by sure person candidates
            var changed = false
            for candidate in candidates where candidate.category == .person && candidate.score >= threshold {
                strong.append(contentsOf: tokenIndices(of: candidate.range, in: text))
                if candidate.score >= Self.confidentScore { confident.append(contentsOf: tokenIndices(of: candidate.range, in: text)) }
            }
            let sure = Set(strong)
            // Promote ambiguous person candidates that stand next to a sure name.
            for index in candidates.indices where candidates[index].category == .person && candidates[index].score < threshold {
                let covered = tokenIndices(of: candidates[index].range, in: text)
                guard let first = covered.first, let last = covered.last else { continue }
                if neighbour(before: first, in: text).map(sure.contains) == true
                    || neighbour(after: last, in: text).map(sure.contains) == true {
                    candidates[index].score = threshold
                    changed = true
                }
            }
            // Unknown capitalised words glued to a sure name.
            for tokenIndex in Set(confident) {
                for next in [neighbour(after: tokenIndex, in: text), neighbour(before: tokenIndex, in: text)] {
                    guard let next, !sure.contains(next), isUnknownNameWord(next, in: text) else { continue }
                    candidates.append(Candidate(range: text.tokens[next].range, category: .person, type: "person.name",
                                                rule: Self.adjacentRule, score: threshold, derived: true))
                    changed = true
                }
            }
            if !changed { return }
        }
    }

    /// The word token right after `index`, across space, a hyphen or particles, within one sentence.
    func neighbour(after index: Int, in text: TokenizedText) -> Int? {
        var next = index + 1
        while next < text.tokens.count && (text.isJoiner(next, after: next - 1) || lexicon.isParticle(text.key(next)) || isFullStopOfInitial(next, in: text)) { next += 1 }
        guard next < text.tokens.count, text.tokens[next].isWord, !text.tokens[next].flags.contains(.sentenceStart) || text.isInitial(index) else { return nil }
        guard text.onlySpaceBetween(next - 1, next) || !text.tokens[next].flags.contains(.spaceBefore) else { return nil }
        return next
    }

    /// The word token right before `index`, across space, a hyphen or particles, within one sentence.
    func neighbour(before index: Int, in text: TokenizedText) -> Int? {
        guard !text.tokens[index].flags.contains(.sentenceStart) else { return nil }
        var previous = index - 1
        while previous >= 0 && (text.isJoiner(previous, after: previous - 1) || lexicon.isParticle(text.key(previous))) { previous -= 1 }
        guard previous >= 0, text.tokens[previous].isWord else { return nil }
        guard text.onlySpaceBetween(previous, previous + 1) || !text.tokens[previous + 1].flags.contains(.spaceBefore) else { return nil }
        return previous
    }

    private func isFullStopOfInitial(_ index: Int, in text: TokenizedText) -> Bool {
        index > 0 && text.isInitial(index - 1)
    }

    /// A capitalised word no list explains: not a noun, not a function word, not on an allow list, not at a
    /// sentence start.
    private func isUnknownNameWord(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isCapitalizedWord, !token.isAtInitialPosition, token.end - token.start >= 2 else { return false }
        let word = text.key(index)
        return !lexicon.isAllowed(word) && !lexicon.isCommonWord(word)
    }
}

/// The indices of the tokens that lie inside `range`.
func tokenIndices(of range: Range<Int>, in text: TokenizedText) -> [Int] {
    var result: [Int] = []
    var index = text.firstToken(endingAfter: range.lowerBound)
    while index < text.tokens.count && text.tokens[index].start < range.upperBound {
        if text.tokens[index].start >= range.lowerBound { result.append(index) }
        index += 1
    }
    return result
}
