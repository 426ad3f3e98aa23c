// The compiled rules are classes: the engine passes them around for every note and token, and copying a
// struct that holds a `RuleDefinition` retains each of its strings and arrays.

/// A pattern rule with its compiled regex.
final class PatternRule: Sendable {
    let definition: RuleDefinition
    let regex: RegexPattern
    /// Lists the text of `definition.checkGroup` must stand in (empty: no check).
    let checkLists: [WordList]

    init(definition: RuleDefinition, regex: RegexPattern, checkLists: [WordList]) {
        self.definition = definition
        self.regex = regex
        self.checkLists = checkLists
    }
}

/// A word-list rule with its lists loaded.
final class WordListRule: Sendable {
    let definition: RuleDefinition
    let lists: [WordList]
    /// A hit also found here is ambiguous (a surname that is a noun) and scores `definition.ambiguousScore`.
    let ambiguous: [WordList]
    /// A hit at the start of a sentence or line found here is ambiguous ("Heute", "Nach").
    let ambiguousAtStart: [WordList]
    /// The longest entry in tokens.
    let maxTokens: Int

    init(definition: RuleDefinition, lists: [WordList], ambiguous: [WordList], ambiguousAtStart: [WordList]) {
        self.definition = definition
        self.lists = lists
        self.ambiguous = ambiguous
        self.ambiguousAtStart = ambiguousAtStart
        maxTokens = lists.map(\.maxTokens).max() ?? 1
    }
}

/// A context rule with its trigger keys.
final class ContextRule: Sendable {
    let definition: RuleDefinition
    /// Trigger phrase key → role ("km" → "Kindsmutter"), nil role when the trigger names none.
    let triggers: [[UInt8]: String?]
    /// Triggers whose capitals matter ("KM", "OA", "i.V."), by key, with their letters as written: they
    /// match only the same capitals in the note, so "ca.", "Pd" or "i.v." (intravenous) do not trigger.
    let caseSensitiveTriggers: [[UInt8]: String]
    /// The longest trigger in tokens.
    let maxTriggerTokens: Int
    /// Hashes of the first token of every trigger: most tokens fail this test and cost nothing more.
    let firstTokenHashes: Set<UInt64>
    /// Keys of words that may stand between trigger and target ("dr", "med", ".").
    let skip: Set<[UInt8]>
    let targetRegex: RegexPattern?
    /// When not empty, a name or word target counts only if these lists hold it ("in Soest" with a city list).
    let targetLists: [WordList]

    init(definition: RuleDefinition, keys: ContextKeys, targetRegex: RegexPattern?, targetLists: [WordList]) {
        self.definition = definition
        var triggers: [[UInt8]: String?] = [:]
        for trigger in keys.triggers { triggers[trigger.key] = trigger.role }
        self.triggers = triggers
        caseSensitiveTriggers = Dictionary(keys.caseSensitiveTriggers, uniquingKeysWith: { $1 })
        maxTriggerTokens = keys.maxTriggerTokens
        firstTokenHashes = Set(keys.triggers.map { fnv1a($0.key.prefix { $0 != 0x20 }) })
        skip = Set(keys.skip)
        self.targetRegex = targetRegex
        self.targetLists = targetLists
    }
}

/// A rule that is a set of words: an allow or deny rule (words never, or always, masked), or an unknown-word
/// rule with its jargon.
final class WordSetRule: Sendable {
    let definition: RuleDefinition
    let lists: [WordList]

    init(definition: RuleDefinition, lists: [WordList]) {
        self.definition = definition
        self.lists = lists
    }

    func contains(_ key: [UInt8]) -> Bool { lists.contains { $0.contains(key) } }
    func contains(_ key: ArraySlice<UInt8>) -> Bool { lists.contains { $0.contains(key) } }
}
