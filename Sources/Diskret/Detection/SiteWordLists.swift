/// A session's compiled form of `SiteWords`: one deny rule per category for the always-mask list (found like
/// the rule pack's deny lists, whole words, case-insensitively), and the keys of the never-mask list.
struct SiteWordLists {
    private let deny: [WordSetRule]
    private let never: Set<[UInt8]>

    init(_ words: SiteWords, tokenizer: Tokenizer) throws(DiskretError) {
        let loader = WordListLoader(cacheDirectory: nil, tokenizer: LazyTokenizer(tokenizer))
        var rules: [WordSetRule] = []
        for category in Category.allCases {
            let phrases = words.alwaysMask.filter { $0.category == category }.map(\.phrase)
            guard !phrases.isEmpty else { continue }
            let keys = try loader.keys(of: phrases).filter { !$0.key.isEmpty }
            let definition = RuleDefinition(id: "site.always-mask.\(category.rawValue)", file: "diskret.yaml", line: 0,
                                            description: "the site's always-mask list", category: category, type: category.rawValue,
                                            score: 1.0, examples: [], body: .deny(WordListFields()))
            rules.append(WordSetRule(definition: definition, lists: [WordList(keys: keys)]))
        }
        deny = rules
        never = Set(try loader.keys(of: words.neverMask).map(\.key).filter { !$0.isEmpty })
    }

    /// Adds a candidate of score 1 for every always-mask entry in `text`.
    func detect(in text: TokenizedText, into candidates: inout [Candidate]) {
        DenyDetector(rules: deny).detect(in: text, into: &candidates)
    }

    /// Drops findings whose whole span is a never-mask entry; a roster person's finding and an always-mask
    /// hit stay, and so does a finding that holds more than the entry ("Frau Jugendamt-Müller").
    func dropNeverMasked(_ findings: inout [Candidate], in text: TokenizedText) {
        guard !never.isEmpty else { return }
        findings.removeAllInPlace { finding in
            guard finding.subject == nil, !deny.contains(where: { $0.label === finding.label }) else { return false }
            return text.joinedKey(covering: finding.range).map(never.contains) ?? false
        }
    }
}
