/// Finds candidates whose words (or phrases of several tokens) stand in a rule's word lists.
struct WordListDetector {
    let rules: [WordListRule]

    func detect(in text: TokenizedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        for rule in rules {
            let definition = rule.definition
            let maxTokens = max(1, rule.maxTokens)
            for start in tokens.indices where tokens[start].kind == .word || tokens[start].kind == .number {
                let first = tokens[start]
                if definition.capitalizedOnly && !(first.flags.contains(.capitalized)) { continue }
                var key: [UInt8] = []
                var matchedEnd = -1
                var end = start
                while end < tokens.count && end - start < maxTokens {
                    if end > start {
                        // Phrases do not run across blank lines or sentence ends.
                        if tokens[end].flags.contains(.sentenceStart) && tokens[end].flags.contains(.newlineBefore) { break }
                        key.append(0x20)
                    }
                    key.append(contentsOf: text.key(end))
                    if rule.lists.contains(where: { $0.contains(key) }) { matchedEnd = end }
                    guard end - start + 1 < maxTokens else { break }
                    let prefix = key + [0x20]
                    let more = prefix.withUnsafeBufferPointer { buffer in rule.lists.contains { $0.hasEntry(withPrefix: buffer) } }
                    if !more { break }
                    end += 1
                }
                var score = definition.score
                if matchedEnd < 0 {
                    // A genitive or plural "s" ("Müllers", "Lenas") still names the listed word.
                    let word = text.key(start)
                    guard word.count > 3, word.last == 0x73, first.isWord else { continue }
                    let stem = Array(word.dropLast())
                    guard rule.lists.contains(where: { $0.contains(stem) }) else { continue }
                    matchedEnd = start
                    score *= 0.9
                }
                if matchedEnd == start {
                    let word = text.key(start)
                    if rule.ambiguous.contains(where: { $0.contains(word) })
                        || (first.isAtInitialPosition && rule.ambiguousAtStart.contains(where: { $0.contains(word) })) {
                        score = min(score, definition.ambiguousScore)
                    }
                }
                candidates.append(Candidate(range: first.start..<tokens[matchedEnd].end, category: definition.category!,
                                            type: definition.type, rule: definition.id, score: score))
            }
        }
    }
}
