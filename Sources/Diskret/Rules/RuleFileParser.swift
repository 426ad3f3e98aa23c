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
        let description = try reader.string("description") ?? ""
        let type = try reader.string("type") ?? category?.rawValue ?? "allow"
        let examples = try reader.strings("examples")
        let body: RuleDefinition.Body
        switch kind {
        case .pattern: body = .pattern(try patternFields(&reader, id: id))
        case .wordlist: body = .wordlist(try wordListFields(&reader, id: id, kind: kind))
        case .allow: body = .allow(try wordListFields(&reader, id: id, kind: kind))
        case .deny: body = .deny(try wordListFields(&reader, id: id, kind: kind))
        case .unknownWord: body = .unknownWord(try unknownWordFields(&reader, id: id))
        case .context: body = .context(try contextFields(&reader, id: id))
        }
        try reader.rejectUnknownKeys()
        let rule = RuleDefinition(id: id, file: reader.file, line: reader.line, description: description, category: category,
                                  type: type, score: score, examples: examples, body: body)
        try RuleTypes.check(rule)
        return rule
    }

    private static func patternFields(_ reader: inout YAMLReader, id: String) throws(DiskretError) -> PatternFields {
        var fields = PatternFields(pattern: try reader.requiredString("pattern"))
        fields.group = try reader.int("group") ?? 0
        fields.caseInsensitive = try reader.bool("case-insensitive") ?? false
        if let validator = try reader.string("validator") {
            guard validators.contains(validator) else {
                throw reader.error("rule \(id): unknown validator '\(validator)' (one of \(validators.sorted().joined(separator: ", ")))")
            }
            fields.validator = validator
        }
        fields.checkLists = try reader.strings("check-list")
        fields.requiresText = try reader.strings("requires-text").map { $0.value.lowercased() }
        fields.requiresBeforeNumber = try reader.strings("requires-before-number").map { $0.value.lowercased() }
        fields.checkGroup = try reader.int("check-group") ?? 0
        fields.rejectLists = try reader.strings("reject-list")
        fields.rejectGroup = try reader.int("reject-group")
        if let gate = try reader.string("requires") {
            guard let value = PatternGate(rawValue: gate) else { throw reader.error("rule \(id): 'requires' is one of none, digit, at, url") }
            fields.gate = value
        }
        return fields
    }

    private static func wordListFields(_ reader: inout YAMLReader, id: String, kind: RuleDefinition.Kind) throws(DiskretError) -> WordListFields {
        var fields = WordListFields()
        fields.lists = try reader.strings("lists")
        fields.words = try reader.strings("words")
        fields.capitalizedOnly = try reader.bool("capitalized") ?? (kind == .wordlist)
        fields.minLength = try reader.int("min-length") ?? 2
        if var ambiguous = try reader.nested("ambiguous") {
            fields.ambiguousLists = try ambiguous.strings("lists")
            fields.ambiguousAtStartLists = try ambiguous.strings("at-sentence-start")
            fields.ambiguousScore = try ambiguous.double("score") ?? 0.3
            try ambiguous.rejectUnknownKeys()
        }
        if fields.lists.isEmpty && fields.words.isEmpty { throw reader.error("rule \(id): needs 'lists' or 'words'") }
        return fields
    }

    private static func unknownWordFields(_ reader: inout YAMLReader, id: String) throws(DiskretError) -> UnknownWordFields {
        var fields = UnknownWordFields()
        fields.lists = try reader.strings("lists")
        fields.jargonShare = try reader.double("jargon-share") ?? 0.05
        guard (0...1).contains(fields.jargonShare) else { throw reader.error("rule \(id): jargon-share must be between 0 and 1") }
        return fields
    }

    private static func contextFields(_ reader: inout YAMLReader, id: String) throws(DiskretError) -> ContextFields {
        var fields = ContextFields()
        fields.triggers = try reader.strings("triggers").map { ($0.value, nil as String?, $0.line) }
        fields.triggers += try reader.stringMap("roles").map { ($0.key, $0.value, $0.line) }
        if fields.triggers.isEmpty { throw reader.error("rule \(id): needs 'triggers' or 'roles'") }
        fields.skip = try reader.strings("skip")
        fields.particles = try reader.strings("particles")
        fields.lists = try reader.strings("lists")
        if let target = try reader.string("target") {
            guard let value = ContextFields.Target(rawValue: target) else {
                throw reader.error("rule \(id): 'target' is one of name, word, pattern")
            }
            fields.target = value
        }
        fields.targetPattern = try reader.string("target-pattern")
        fields.caseInsensitive = try reader.bool("case-insensitive") ?? false
        if fields.target == .pattern && fields.targetPattern == nil { throw reader.error("rule \(id): target pattern needs 'target-pattern'") }
        fields.maxWords = try reader.int("max-words") ?? 3
        fields.strictFirstWord = try reader.bool("strict-first-word") ?? false
        fields.acrossSentences = try reader.bool("across-sentences") ?? false
        fields.includeTrigger = try reader.bool("include-trigger") ?? false
        return fields
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return 0
        }
    }
}
