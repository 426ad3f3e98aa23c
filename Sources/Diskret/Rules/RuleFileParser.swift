import Yams

/// Parses one rule file (YAML) into rule definitions, with `file:line` on every error.
enum RuleFileParser {
    static let validators: Set<String> = Validator.allNames

    static func parse(_ source: String, file: String) throws(DiskretError) -> [RuleDefinition] {
        let root: Node?
        do {
            // The basic resolver: the reader parses numbers and booleans itself, and resolving every scalar
            // against Yams' default regular expressions cost several milliseconds of every start.
            root = try Yams.compose(yaml: source, .basic)
        } catch let error as YamlError {
            throw DiskretError.invalidRules(file: file, line: yamlLine(error), message: "not valid YAML")
        } catch {
            throw DiskretError.invalidRules(file: file, line: 0, message: "not valid YAML")
        }
        guard let root else { return [] }
        var top = YAMLReader(file: file, node: root)
        guard root.mapping != nil else { throw top.error("a rule file is a mapping with a 'rules' list") }
        guard let list = top.value("rules") else { throw top.error("missing 'rules'") }
        _ = top.value("description")
        try top.rejectUnknownKeys()
        guard case let .sequence(items) = list else { throw top.error("'rules' must be a list", at: list) }
        var rules: [RuleDefinition] = []
        for item in items {
            guard item.mapping != nil else { throw top.error("each rule is a mapping", at: item) }
            rules.append(try parseRule(YAMLReader(file: file, node: item)))
        }
        return rules
    }

    private static func parseRule(_ node: YAMLReader) throws(DiskretError) -> RuleDefinition {
        var reader = node
        reader.documented = RuleKeys.allNames
        let id = try reader.requiredString("id")
        let kindName = try reader.requiredString("kind")
        guard let kind = RuleDefinition.Kind(rawValue: kindName) else {
            let kinds = RuleDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("rule \(id): unknown kind '\(kindName)' (one of \(kinds))")
        }
        reader.documented = RuleKeys.names(for: kind)
        var category: Category?
        if let name = try reader.string("category") {
            guard let value = Category(rawValue: name) else {
                throw reader.error("rule \(id): unknown category '\(name)'")
            }
            category = value
        }
        if (kind == .pattern || kind == .wordlist || kind == .context || kind == .deny || kind == .unknownWord) && category == nil {
            throw reader.error("rule \(id): missing 'category'")
        }
        let score = try reader.double("score") ?? 0.9
        guard (0...1).contains(score) else { throw reader.error("rule \(id): score must be between 0 and 1") }
        var rule = RuleDefinition(
            id: id, kind: kind, file: reader.file, line: reader.line,
            description: try reader.string("description") ?? "",
            category: category, type: try reader.string("type") ?? category?.rawValue ?? "allow",
            score: score, examples: try reader.strings("examples"))
        switch kind {
        case .pattern:
            rule.pattern = try reader.requiredString("pattern")
            rule.group = try reader.int("group") ?? 0
            rule.caseInsensitive = try reader.bool("case-insensitive") ?? false
            if let validator = try reader.string("validator") {
                guard validators.contains(validator) else {
                    throw reader.error("rule \(id): unknown validator '\(validator)' (one of \(validators.sorted().joined(separator: ", ")))")
                }
                rule.validator = validator
            }
            rule.checkLists = try reader.strings("check-list")
            rule.requiresText = try reader.strings("requires-text").map { $0.value.lowercased() }
            rule.requiresBeforeNumber = try reader.strings("requires-before-number").map { $0.value.lowercased() }
            rule.checkGroup = try reader.int("check-group") ?? 0
            if let gate = try reader.string("requires") {
                guard let value = PatternGate(rawValue: gate) else { throw reader.error("rule \(id): 'requires' is one of none, digit, at, url") }
                rule.gate = value
            }
        case .wordlist, .allow, .deny:
            rule.lists = try reader.strings("lists")
            rule.words = try reader.strings("words")
            rule.capitalizedOnly = try reader.bool("capitalized") ?? (kind == .wordlist)
            rule.minLength = try reader.int("min-length") ?? 2
            if var ambiguous = try reader.nested("ambiguous") {
                rule.ambiguousLists = try ambiguous.strings("lists")
                rule.ambiguousAtStartLists = try ambiguous.strings("at-sentence-start")
                rule.ambiguousScore = try ambiguous.double("score") ?? 0.3
                try ambiguous.rejectUnknownKeys()
            }
            if rule.lists.isEmpty && rule.words.isEmpty { throw reader.error("rule \(id): needs 'lists' or 'words'") }
        case .unknownWord:
            rule.lists = try reader.strings("lists")
            rule.jargonShare = try reader.double("jargon-share") ?? 0.05
            guard (0...1).contains(rule.jargonShare) else { throw reader.error("rule \(id): jargon-share must be between 0 and 1") }
        case .context:
            rule.triggers = try reader.strings("triggers").map { ($0.value, nil as String?, $0.line) }
            rule.triggers += try reader.stringMap("roles").map { ($0.key, $0.value, $0.line) }
            if rule.triggers.isEmpty { throw reader.error("rule \(id): needs 'triggers' or 'roles'") }
            rule.skip = try reader.strings("skip")
            rule.particles = try reader.strings("particles")
            rule.lists = try reader.strings("lists")
            if let target = try reader.string("target") {
                guard let value = RuleDefinition.Target(rawValue: target) else {
                    throw reader.error("rule \(id): 'target' is one of name, word, pattern")
                }
                rule.target = value
            }
            rule.targetPattern = try reader.string("target-pattern")
            rule.caseInsensitive = try reader.bool("case-insensitive") ?? false
            if rule.target == .pattern && rule.targetPattern == nil { throw reader.error("rule \(id): target pattern needs 'target-pattern'") }
            rule.maxWords = try reader.int("max-words") ?? 3
            rule.strictFirstWord = try reader.bool("strict-first-word") ?? false
            rule.acrossSentences = try reader.bool("across-sentences") ?? false
            rule.includeTrigger = try reader.bool("include-trigger") ?? false
        }
        try reader.rejectUnknownKeys()
        try RuleTypes.check(rule)
        return rule
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return 0
        }
    }
}
