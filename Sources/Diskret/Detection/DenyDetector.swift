/// Finds words of deny lists: always masked, whatever else the rules say.
struct DenyDetector {
    let rules: [WordSetRule]

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) {
        var key = PhraseKey()
        for rule in rules {
            // A list without entries (the shipped deny list is empty until a site fills it) matches nothing: its
            // filters need not be asked at every word.
            let lists = rule.lists.filter { $0.count > 0 }
            guard !lists.isEmpty else { continue }
            let maxTokens = max(1, lists.map(\.maxTokens).max() ?? 1)
            let gate = rule.firstTokens
            for start in text.tokens.indices where text.tokens[start].kind == .word || text.tokens[start].kind == .number {
                if let gate, !gate.mayStart(text.tokens[start].keyHash) { continue }
                guard PhraseKey.mayStartEntry(text.tokens[start], in: lists, longer: maxTokens > 1) else { continue }
                key.start(start, in: text)
                var end = start
                while true {
                    if key.isListed(in: lists) {
                        candidates.append(Candidate(range: text.tokens[start].start..<text.tokens[end].end,
                                                    category: rule.definition.category!, label: rule.label, score: 1.0))
                    }
                    guard end + 1 < text.tokens.count, key.tokens < maxTokens, key.mayContinue(in: lists) else { break }
                    end += 1
                    key.append(end, in: text)
                }
            }
        }
    }
}
