/// Finds words of deny lists: always masked, whatever else the rules say.
struct DenyDetector {
    let rules: [WordSetRule]

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) {
        for rule in rules {
            let maxTokens = max(1, rule.lists.map(\.maxTokens).max() ?? 1)
            for start in text.tokens.indices where text.tokens[start].kind == .word || text.tokens[start].kind == .number {
                for end in start..<min(text.tokens.count, start + maxTokens) where rule.contains(text.joinedKey(start..<(end + 1))) {
                    candidates.append(Candidate(range: text.tokens[start].start..<text.tokens[end].end,
                                                category: rule.definition.category!, type: rule.definition.type,
                                                rule: rule.definition.id, score: 1.0))
                }
            }
        }
    }
}
