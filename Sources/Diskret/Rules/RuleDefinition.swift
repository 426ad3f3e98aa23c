/// One rule as written in a rule file, before compilation: what every rule has, and in `body` the fields of
/// its kind. The parser, the pack cache's coding and the compiler all switch over `body`, so a new kind of
/// rule is a new case that the compiler points out everywhere it must be handled.
struct RuleDefinition: Sendable {
    /// The kinds of rule a rule file may hold.
    enum Kind: String, Sendable, CaseIterable {
        /// An ICU regular expression, optionally checked by a named validator.
        case pattern
        /// Entries of word lists (gazetteers) matched on folded keys.
        case wordlist
        /// Trigger words before a token that make it personal data ("Frau", "wh.", "Az.").
        case context
        /// Words that are never masked.
        case allow
        /// Words that are always masked.
        case deny
        /// Capitalised words that no list explains; `lists` hold jargon, whose share of a
        /// note's capitalised words switches the rule off (clinical notes are full of unknown drug names).
        case unknownWord = "unknown-word"
    }

    /// The fields of each kind of rule.
    enum Body: Sendable {
        case pattern(PatternFields)
        case wordlist(WordListFields)
        case context(ContextFields)
        case allow(WordListFields)
        case deny(WordListFields)
        case unknownWord(UnknownWordFields)
    }

    var id: String
    var file: String
    var line: Int
    var description: String
    var category: Category?
    var type: String
    var score: Double
    var examples: [(value: String, line: Int)]
    var body: Body

    /// The rule's kind, from its body.
    var kind: Kind {
        switch body {
        case .pattern: return .pattern
        case .wordlist: return .wordlist
        case .context: return .context
        case .allow: return .allow
        case .deny: return .deny
        case .unknownWord: return .unknownWord
        }
    }

    /// The regular expression to compile and whether it ignores case: a pattern rule's `pattern`, a context
    /// rule's `target-pattern`.
    var expression: (pattern: String, caseInsensitive: Bool, group: Int)? {
        switch body {
        case let .pattern(fields): return (fields.pattern, fields.caseInsensitive, fields.group)
        case let .context(fields): return fields.targetPattern.map { ($0, fields.caseInsensitive, 0) }
        default: return nil
        }
    }

    /// The inline `words` of a word-list, allow or deny rule.
    var words: [(value: String, line: Int)] {
        switch body {
        case let .wordlist(fields), let .allow(fields), let .deny(fields): return fields.words
        default: return []
        }
    }
}

/// The fields of a pattern rule.
struct PatternFields: Sendable {
    var pattern: String
    var group = 0
    var caseInsensitive = false
    var validator: String?
    var gate: PatternGate = .none
    /// Run only on lines that contain one of these texts (compared case-insensitively): a cheap pre-check
    /// for patterns that are expensive to try at every word ("straße", "weg" for street addresses).
    var requiresText: [String] = []
    /// Run only on lines where one of these texts (compared case-insensitively) stands right before a number,
    /// after at most one space: street types before a house number ("straße 12", "weg 3a").
    var requiresBeforeNumber: [String] = []
    /// The text of group `checkGroup` must stand in these lists (district codes of a plate, real postcodes).
    var checkLists: [(value: String, line: Int)] = []
    var checkGroup = 0
    /// The text of group `rejectGroup` (`checkGroup` when nil) must stand in none of these lists.
    var rejectLists: [(value: String, line: Int)] = []
    /// The group `rejectLists` read: the whole match ("Karl-Heinz" is a first name, though "Karl" is a town).
    var rejectGroup: Int?
}

/// The fields of a word-list, allow or deny rule.
struct WordListFields: Sendable {
    var lists: [(value: String, line: Int)] = []
    var words: [(value: String, line: Int)] = []
    var capitalizedOnly = true
    /// The shortest hit, in UTF-16 units, a word-list rule accepts (street lists hold junk like "B" or "T3").
    var minLength = 2
    var ambiguousLists: [(value: String, line: Int)] = []
    var ambiguousAtStartLists: [(value: String, line: Int)] = []
    var ambiguousScore = 0.3
}

/// The fields of a context rule.
struct ContextFields: Sendable {
    /// What a context rule takes after its trigger.
    enum Target: String, Sendable {
        /// One to `maxWords` capitalised name words, with particles, hyphens and initials.
        case name
        /// One capitalised word.
        case word
        /// Text matched by `targetPattern` right after the trigger.
        case pattern
    }

    var triggers: [(value: String, role: String?, line: Int)] = []
    var skip: [(value: String, line: Int)] = []
    /// Lower-case words that belong inside names ("van der Berg", "al-Hassan"), for name targets.
    var particles: [(value: String, line: Int)] = []
    /// The target counts only if these lists hold it.
    var lists: [(value: String, line: Int)] = []
    var target: Target = .name
    var targetPattern: String?
    var caseInsensitive = false
    var maxWords = 3
    /// The first target word must not be a common word unless a name list knows it ("Tochter Lena", but not
    /// "Tochter Kita"); for honorifics it may be ("Herr Koch").
    var strictFirstWord = false
    /// The target may start a new sentence or stand after a blank line (signatures: "Grüßen" … "Anna Fischer").
    var acrossSentences = false
    /// The finding spans trigger and target ("Frauenhaus Lippstadt"), not the target alone.
    var includeTrigger = false
}

/// The fields of an unknown-word rule.
struct UnknownWordFields: Sendable {
    /// Jargon: words that are no names.
    var lists: [(value: String, line: Int)] = []
    /// Above this share of jargon among a note's capitalised words, unknown words are not taken as names.
    var jargonShare = 0.05
}

/// A cheap pre-check before a regex runs: patterns only run on lines that could hold a match.
enum PatternGate: String, Sendable {
    /// Run on the whole text.
    case none
    /// Run only on lines with a digit.
    case digit
    /// Run only on lines with an "@".
    case at
    /// Run only on lines with a "/" or ":" (URLs).
    case url
}
