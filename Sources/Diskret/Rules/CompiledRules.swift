// The compiled rules are classes: the engine passes them around for every note and token, and copying a
// struct that holds a `RuleDefinition` retains each of its strings and arrays.

/// A pattern rule with its regex (compiled at load or on first use, see `RulePattern`).
final class PatternRule: Sendable {
    let definition: RuleDefinition
    /// The definition's pattern fields.
    let fields: PatternFields
    let label: RuleLabel
    let regex: RulePattern
    /// Lists the text of `fields.checkGroup` must stand in (empty: no check).
    let checkLists: [WordList]
    /// Lists the text of `fields.checkGroup` must not stand in (empty: no check).
    let rejectLists: [WordList]
    /// Whether the pattern begins with `(?<![^\n])`, so that a match starts only at the start of a line: the
    /// detector then tries it at line starts alone (see `PatternDetector`).
    let startsAtLines: Bool

    /// The assertion that makes a pattern `startsAtLines`: at the note's start or after a line feed.
    static let lineStart = #"(?<![^\n])"#

    init(definition: RuleDefinition, fields: PatternFields, regex: RulePattern, checkLists: [WordList], rejectLists: [WordList] = []) {
        self.definition = definition
        self.fields = fields
        label = definition.makeLabel()
        self.regex = regex
        self.checkLists = checkLists
        self.rejectLists = rejectLists
        startsAtLines = fields.pattern.drop(while: \.isWhitespace).hasPrefix(Self.lineStart)
    }
}

/// A word-list rule with its lists loaded.
final class WordListRule: Sendable {
    let definition: RuleDefinition
    /// The definition's word-list fields.
    let fields: WordListFields
    let label: RuleLabel
    let lists: [WordList]
    /// A hit also found here is ambiguous (a surname that is a noun) and scores `fields.ambiguousScore`.
    let ambiguous: [WordList]
    /// A hit at the start of a sentence or line found here is ambiguous ("Heute", "Nach").
    let ambiguousAtStart: [WordList]
    /// The longest entry in tokens.
    let maxTokens: Int

    init(definition: RuleDefinition, fields: WordListFields, lists: [WordList], ambiguous: [WordList], ambiguousAtStart: [WordList]) {
        self.definition = definition
        self.fields = fields
        label = definition.makeLabel()
        self.lists = lists
        self.ambiguous = ambiguous
        self.ambiguousAtStart = ambiguousAtStart
        maxTokens = lists.map(\.maxTokens).max() ?? 1
    }
}

/// A context rule with its trigger keys.
final class ContextRule: Sendable {
    let definition: RuleDefinition
    /// The definition's context fields.
    let fields: ContextFields
    let label: RuleLabel
    /// The triggers by the `BloomFilter.hash` of their phrase key, which `PhraseKey` keeps as it grows, so
    /// a trigger look-up hashes nothing.
    private let triggersByHash: PrehashedTable<Trigger>
    /// The longest trigger in tokens.
    let maxTriggerTokens: Int
    /// Hashes of the first token of every trigger: most tokens fail this test and cost nothing more.
    let firstTokenHashes: Set<UInt64>
    /// Keys of words that may stand between trigger and target ("dr", "med", "."), one token each, by their
    /// FNV-1a hash, which every token carries as `keyHash`.
    private let skip: PrehashedTable<[UInt8]>
    let targetRegex: RulePattern?
    /// When not empty, a name or word target counts only if these lists hold it ("in Soest" with a city list).
    let targetLists: [WordList]

    init(definition: RuleDefinition, fields: ContextFields, keys: ContextKeys, targetRegex: RulePattern?, targetLists: [WordList]) {
        self.definition = definition
        self.fields = fields
        label = definition.makeLabel()
        // Each distinct key once, with the role of its last spelling. A key written once with capitals that
        // matter ("AZ") and once without ("Az") matches either way: the capitals of one spelling must not
        // silence the other, so a key keeps its (last) letters only if all its spellings have them. Gathered
        // by the keys' own hashes: dictionaries keyed by byte arrays had hashed every key again with SipHash,
        // a tenth of loading a cached pack.
        var distinct: [(key: [UInt8], hash: UInt64, role: String?, spellings: Int, sensitive: Int, letters: String?)] = []
        var positions = PrehashedTable<Int>(minimumCapacity: keys.triggers.count)
        func position(of key: [UInt8], hash: UInt64) -> Int? { positions.first(forHash: hash) { distinct[$0].key == key } }
        for (key, role) in keys.triggers {
            let hash = BloomFilter.hash(key)
            if let index = position(of: key, hash: hash) {
                distinct[index].role = role
                distinct[index].spellings += 1
            } else {
                positions.insert(distinct.count, forHash: hash)
                distinct.append((key, hash, role, 1, 0, nil))
            }
        }
        for (key, letters) in keys.caseSensitiveTriggers {
            guard let index = position(of: key, hash: BloomFilter.hash(key)) else { continue }
            distinct[index].sensitive += 1
            distinct[index].letters = letters
        }
        var triggersByHash = PrehashedTable<Trigger>(minimumCapacity: distinct.count)
        for entry in distinct {
            let letters = entry.sensitive == entry.spellings ? entry.letters : nil
            triggersByHash.insert(Trigger(key: entry.key, role: entry.role, letters: letters), forHash: entry.hash)
        }
        self.triggersByHash = triggersByHash
        maxTriggerTokens = keys.maxTriggerTokens
        firstTokenHashes = Set(keys.triggers.map { fnv1a($0.key.prefix { $0 != 0x20 }) })
        var skip = PrehashedTable<[UInt8]>(minimumCapacity: keys.skip.count)
        for key in Set(keys.skip) { skip.insert(key, forHash: fnv1a(key)) }
        self.skip = skip
        self.targetRegex = targetRegex
        self.targetLists = targetLists
    }

    /// A trigger phrase of the rule.
    struct Trigger: Sendable {
        let key: [UInt8]
        /// The role the trigger names ("km" → "Kindsmutter"), nil when it names none.
        let role: String?
        /// For triggers whose capitals matter ("KM", "OA", "i.V."), their letters as written: they match
        /// only the same capitals in the note, so "ca.", "Pd" or "i.v." (intravenous) do not trigger.
        let letters: String?
    }

    /// Whether token `index` of `text` is a word that may stand between trigger and target.
    func skips(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        return skip.first(forHash: text.tokens[index].keyHash) { $0.elementsEqual(key) } != nil
    }

    /// The role a one-word trigger names ("km" → "Kindsmutter"), if the rule has that trigger; a trigger whose
    /// capitals matter must be written with them (`written`).
    func role(ofWord key: ArraySlice<UInt8>, written: String) -> String? {
        guard let trigger = triggersByHash.first(forHash: BloomFilter.hash(key), where: { $0.key.elementsEqual(key) }) else { return nil }
        if let letters = trigger.letters, letters != written { return nil }
        return trigger.role
    }

    /// The trigger whose phrase key is `key`, if any.
    func trigger(_ key: PhraseKey) -> Trigger? {
        triggersByHash.first(forHash: key.hash) { $0.key == key.bytes }
    }
}

/// A rule that is a set of words: an allow or deny rule (words never, or always, masked), or an unknown-word
/// rule with its jargon.
final class WordSetRule: Sendable {
    let definition: RuleDefinition
    let label: RuleLabel
    let lists: [WordList]
    /// An unknown-word rule's share of jargon that switches it off (1 for the other kinds: never).
    let jargonShare: Double
    /// For a deny rule with few entries, which tokens may start one (nil: every token is asked of the lists).
    let firstTokens: FirstTokenGate?

    init(definition: RuleDefinition, lists: [WordList]) {
        self.definition = definition
        if case let .unknownWord(fields) = definition.body { jargonShare = fields.jargonShare } else { jargonShare = 1 }
        label = definition.makeLabel()
        self.lists = lists
        if case .deny = definition.body { firstTokens = FirstTokenGate(lists: lists) } else { firstTokens = nil }
    }

    func contains(_ key: [UInt8]) -> Bool { lists.anyContains(key) }
    func contains(_ key: ArraySlice<UInt8>) -> Bool { lists.anyContains(key) }
}

extension RuleDefinition {
    /// A new label with the rule's id and type, made once by its compiled form and shared by that rule's
    /// candidates (a function, not a property: labels are compared by identity).
    func makeLabel() -> RuleLabel { RuleLabel(rule: id, type: type) }
}
