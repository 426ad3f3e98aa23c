/// One key a rule may hold: the parser reads only keys of this table (it asserts so), and Rules/README.md's
/// key reference is made from it (`RuleReferenceTests`), so the two cannot drift.
struct RuleKey: Sendable {
    /// The key as written in a rule file; `ambiguous.lists` is `lists` inside the `ambiguous` mapping.
    let name: String
    /// The kinds of rule that take it; empty for every kind.
    let kinds: [RuleDefinition.Kind]
    /// What the value is.
    let value: String
    /// The value when the key is left out; nil when the key is required or has none.
    let defaultValue: String?
    /// What it means, for rule authors.
    let meaning: String
}

/// The table of rule keys.
enum RuleKeys {
    static let all: [RuleKey] = [
        RuleKey(name: "id", kinds: [], value: "text", defaultValue: nil,
                meaning: "Required. Unique in the pack; shown in reports and `--explain`."),
        RuleKey(name: "kind", kinds: [], value: "`pattern`, `wordlist`, `context`, `allow`, `deny`, `unknown-word`", defaultValue: nil,
                meaning: "Required. What the rule matches (see *Kinds* above)."),
        RuleKey(name: "category", kinds: [], value: "`person`, `date`, `age`, `address`, `organisation`, `contact`, `id`", defaultValue: nil,
                meaning: "Required for every kind but `allow`. The category of a finding: the operator and the placeholder follow it."),
        RuleKey(name: "type", kinds: [], value: "`category` or `category.subtype`", defaultValue: "the category",
                meaning: "A finer type for reports; some types mean something to the engine (see *Types* below). Checked when the pack loads."),
        RuleKey(name: "score", kinds: [], value: "number 0…1", defaultValue: "0.9",
                meaning: "Confidence. Below the threshold (0.5) a candidate needs more evidence to be masked."),
        RuleKey(name: "description", kinds: [], value: "text", defaultValue: nil, meaning: "What the rule means, in a sentence or two."),
        RuleKey(name: "examples", kinds: [], value: "list of texts", defaultValue: nil,
                meaning: "The rule's tests: expected findings marked `[[like this]]`; an example without marks must give no finding."),

        RuleKey(name: "pattern", kinds: [.pattern], value: "ICU regular expression", defaultValue: nil,
                meaning: "Required. In free-spacing mode: white space is ignored and `#` starts a comment; write a space as `\\x20` or `\\s`. Prefer `\\p{Alphabetic}`, `\\p{Uppercase}`, `\\p{Lowercase}` to `\\p{L}`, `\\p{Lu}`, `\\p{Ll}` (cheaper to compile)."),
        RuleKey(name: "group", kinds: [.pattern], value: "whole number", defaultValue: "0",
                meaning: "The capture group that is the finding (0: the whole match)."),
        RuleKey(name: "case-insensitive", kinds: [.pattern, .context], value: "`true` or `false`", defaultValue: "false",
                meaning: "Ignore case in `pattern` or `target-pattern`. Prefer `(?i:…)` around the words that need it."),
        RuleKey(name: "validator", kinds: [.pattern], value: "`iban`, `steuer-id`, `kvnr`, `rvnr`, `luhn`, `date`, `phone`", defaultValue: nil,
                meaning: "A check of the matched text: mod 97, ISO 7064 MOD 11,10, the check digits of the health insurance or pension number, Luhn, a day and month that exist, 6–15 digits (E.164: without a leading `00` and a `(0)`)."),
        RuleKey(name: "check-list", kinds: [.pattern], value: "list of list files", defaultValue: nil,
                meaning: "The text of `check-group` must stand in one of these lists (a postcode that exists, a plate's district code)."),
        RuleKey(name: "reject-list", kinds: [.pattern], value: "list of list files", defaultValue: nil,
                meaning: "The text of `check-group` must not stand in any of these lists (a word of the language where a name stands)."),
        RuleKey(name: "reject-group", kinds: [.pattern], value: "whole number", defaultValue: "`check-group`",
                meaning: "The capture group `reject-list` reads (0: the whole match), when it is not `check-group`'s."),
        RuleKey(name: "check-group", kinds: [.pattern], value: "whole number", defaultValue: "0",
                meaning: "The capture group `check-list` checks; a group that took no part in the match is not checked."),
        RuleKey(name: "requires", kinds: [.pattern], value: "`none`, `digit`, `at`, `url`", defaultValue: "none",
                meaning: "Run the pattern only on lines with a digit, an `@`, or URL punctuation (`/`, `:`)."),
        RuleKey(name: "requires-text", kinds: [.pattern], value: "list of texts", defaultValue: nil,
                meaning: "Run the pattern only on lines that contain one of these texts (case-insensitive)."),
        RuleKey(name: "requires-before-number", kinds: [.pattern], value: "list of texts", defaultValue: nil,
                meaning: "Run the pattern only on lines where one of these texts stands right before a number, after at most one space (\"…straße 12\"). List every ending the pattern allows. Each gate must be a necessary condition of its pattern: `PatternGateTests` fails when one loses a match."),

        RuleKey(name: "lists", kinds: [.wordlist, .allow, .deny], value: "list of list files", defaultValue: nil,
                meaning: "Word lists, relative to the rule file. `lists` or `words` is required."),
        RuleKey(name: "words", kinds: [.wordlist, .allow, .deny], value: "list of texts", defaultValue: nil, meaning: "Entries written inline."),
        RuleKey(name: "capitalized", kinds: [.wordlist, .allow, .deny], value: "`true` or `false`", defaultValue: "true for `wordlist`, false otherwise",
                meaning: "Only capitalised words count."),
        RuleKey(name: "min-length", kinds: [.wordlist, .allow, .deny], value: "whole number", defaultValue: "2",
                meaning: "The shortest hit, in UTF-16 units, the rule accepts (street lists hold junk such as \"B\" or \"T3\")."),
        RuleKey(name: "ambiguous", kinds: [.wordlist, .allow, .deny], value: "mapping", defaultValue: nil,
                meaning: "Common words that look like entries; a hit that is one of them scores `ambiguous.score` and then counts only with more evidence (next to a sure name, after a trigger)."),
        RuleKey(name: "ambiguous.lists", kinds: [.wordlist, .allow, .deny], value: "list of list files", defaultValue: nil,
                meaning: "Common words (nouns: \"Koch\", \"Bauer\")."),
        RuleKey(name: "ambiguous.at-sentence-start", kinds: [.wordlist, .allow, .deny], value: "list of list files", defaultValue: nil,
                meaning: "Words ambiguous only at the start of a sentence or line (\"Heute\", \"Nach\")."),
        RuleKey(name: "ambiguous.score", kinds: [.wordlist, .allow, .deny], value: "number 0…1", defaultValue: "0.3", meaning: "The score of an ambiguous hit."),

        RuleKey(name: "lists", kinds: [.unknownWord], value: "list of list files", defaultValue: nil,
                meaning: "Jargon: words that are no names (the German pack: medical terms)."),
        RuleKey(name: "jargon-share", kinds: [.unknownWord], value: "number 0…1", defaultValue: "0.05",
                meaning: "When at least three and more than this share of a note's capitalised words are jargon (or end like diagnoses and drugs), the rule stays off for that note."),

        RuleKey(name: "triggers", kinds: [.context], value: "list of texts", defaultValue: nil,
                meaning: "Words or phrases before the target, abbreviations with their full stop (`Hr.`, `wh.`, `Az.`). `triggers` or `roles` is required."),
        RuleKey(name: "roles", kinds: [.context], value: "mapping trigger: role", defaultValue: nil,
                meaning: "Triggers that name a role: persons found after them are masked by it (`[Kindsmutter]`, `[Kind 1]`) unless the note binds the role word to someone else; see docs/linking.md."),
        RuleKey(name: "skip", kinds: [.context], value: "list of texts", defaultValue: nil,
                meaning: "Words that may stand between trigger and target (titles, colons, quotes)."),
        RuleKey(name: "particles", kinds: [.context], value: "list of texts", defaultValue: nil,
                meaning: "Lower-case words that belong inside names (`van der Berg`, `al Hassan`)."),
        RuleKey(name: "lists", kinds: [.context], value: "list of list files", defaultValue: nil,
                meaning: "The target counts only if these lists hold it (\"in Soest\" with the city list)."),
        RuleKey(name: "target", kinds: [.context], value: "`name`, `word`, `pattern`", defaultValue: "name",
                meaning: "What follows the trigger: capitalised name words (with initials, hyphenated parts, particles), one capitalised word, or `target-pattern`."),
        RuleKey(name: "target-pattern", kinds: [.context], value: "ICU regular expression", defaultValue: nil,
                meaning: "Required with `target: pattern`: matched right after the trigger."),
        RuleKey(name: "max-words", kinds: [.context], value: "whole number", defaultValue: "3", meaning: "The most name words a `name` target takes."),
        RuleKey(name: "strict-first-word", kinds: [.context], value: "`true` or `false`", defaultValue: "false",
                meaning: "The first target word must not be a common word unless a name list knows it (\"Tochter Lena\", not \"Tochter Kita\"); leave it off for honorifics (\"Herr Koch\")."),
        RuleKey(name: "across-sentences", kinds: [.context], value: "`true` or `false`", defaultValue: "false",
                meaning: "The target may start a new sentence or stand after a blank line (signatures: \"Grüßen\" … \"Anna Fischer\")."),
        RuleKey(name: "include-trigger", kinds: [.context], value: "`true` or `false`", defaultValue: "false",
                meaning: "The finding spans trigger and target (\"Frauenhaus Lippstadt\"), not the target alone."),
    ]

    /// The keys a rule of `kind` may hold (nested keys as `ambiguous.lists`).
    static func names(for kind: RuleDefinition.Kind) -> Set<String> {
        Set(all.filter { $0.kinds.isEmpty || $0.kinds.contains(kind) }.map(\.name))
    }

    /// Every key of any kind.
    static let allNames = Set(all.map(\.name))

    /// The key reference of Rules/README.md: the keys of every rule, then those of each kind.
    static func markdown() -> String {
        func table(_ keys: [RuleKey]) -> [String] {
            ["| key | value | default | meaning |", "|---|---|---|---|"]
                + keys.map { "| `\($0.name)` | \($0.value) | \($0.defaultValue ?? "") | \($0.meaning) |" }
        }
        var lines = ["#### Every rule", ""] + table(all.filter(\.kinds.isEmpty))
        for kind in RuleDefinition.Kind.allCases {
            lines += ["", "#### \(kind.rawValue)", ""] + table(all.filter { $0.kinds.contains(kind) })
        }
        return lines.joined(separator: "\n")
    }
}
