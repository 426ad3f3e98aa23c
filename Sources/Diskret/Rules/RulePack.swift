import Foundation

/// A loaded, compiled set of rule files: everything the engine knows about personal data.
public struct RulePack: Sendable {
    /// The directory the pack was loaded from.
    public let directory: String
    /// All rule definitions, in file order (files sorted by path).
    let definitions: [RuleDefinition]
    let patterns: [PatternRule]
    /// The shapes of `patterns` as automata of up to `PatternPrefilter.maxRules` rules each, which narrow
    /// where their regexes run.
    let patternPrefilters: [PatternPrefilter]
    /// Per prefilter, the DFA states an earlier run kept in the pack cache (empty: none), for sessions to
    /// start from.
    let prefilterStates: [PrefilterStates?]
    /// The pack cache the pack came from or went to, where sessions keep the states they build.
    private(set) var cache: PackCache?
    let wordLists: [WordListRule]
    let contexts: [ContextRule]
    let allow: [WordSetRule]
    /// The lists of all allow rules, asked together.
    let allowLists: [WordList]
    let deny: [WordSetRule]
    let unknownWords: [WordSetRule]
    /// Name particles ("von", "van", "al") declared by the rules' `particles` keys.
    let particles: Set<[UInt8]>

    /// The ids of all rules, in file order.
    public var ruleIDs: [String] { definitions.map(\.id) }

    /// Whether a rule of the pack finds findings of `type` or of a subtype ("date.relative" for
    /// "date.relative.weekday"): a policy naming a type nobody finds would silently change nothing.
    public func findsType(_ type: String) -> Bool {
        definitions.contains { $0.type == type || $0.type.hasPrefix(type + ".") }
    }

    /// The pattern rules that run without the prefilter, with the reason (syntax its shape parser does not
    /// model): they still work, only slower, on every line their gates let through.
    public var rulesWithoutPrefilter: [(id: String, reason: String)] {
        var reasons: [String: String] = [:]
        for prefilter in patternPrefilters {
            for (id, reason) in prefilter.unsupported where reason != PatternPrefilter.overflowReason { reasons[id] = reason }
        }
        return reasons.sorted { $0.key < $1.key }.map { (id: $0.key, reason: $0.value) }
    }

    /// Compiles now every regex that waits for a note to need it (a pack read from the pack cache defers them);
    /// the first that fails is the error. For commands that must fail at start rather than at a note: `rules
    /// check`, the service.
    public func compilePatterns() throws(DiskretError) {
        for rule in patterns { _ = try rule.regex.pattern() }
        for rule in contexts { _ = try rule.targetRegex?.pattern() }
    }

    /// Whether some pattern rule's regex waits for a note to need it (see `compilePatterns()`).
    var hasDeferredPatterns: Bool { patterns.contains { !$0.regex.isCompiled } }

    /// The number of examples the rules carry.
    public var exampleCount: Int { definitions.reduce(0) { $0 + $1.examples.count } }

    /// Loads every `*.yaml` file below `directory`, compiles patterns and word lists, and checks that rule ids
    /// are unique. Compiled word lists are cached in `cacheDirectory` (nil: no cache).
    public static func load(directory: String, cacheDirectory: String? = RulePack.defaultCacheDirectory()) throws(DiskretError) -> RulePack {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiskretError.invalidRules(file: directory, line: 0, message: "rule directory not found")
        }
        var files: [String] = []
        for relative in DirectoryListing.relativePaths(below: directory) where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        files.sort()
        guard !files.isEmpty else { throw DiskretError.invalidRules(file: directory, line: 0, message: "no rule files (*.yaml) found") }
        var sources: [(file: String, text: String)] = []
        for file in files {
            guard let data = FileBytes.read(file) else {
                throw DiskretError.invalidRules(file: file, line: 0, message: "not readable")
            }
            guard let source = String(validating: data, as: UTF8.self) else {
                throw DiskretError.invalidRules(file: file, line: 0, message: "not UTF-8")
            }
            sources.append((file, source))
        }
        return try load(sources: sources, directory: directory, cacheDirectory: cacheDirectory)
    }

    /// Parses and compiles rule files already read: `file` names each source in errors and anchors the
    /// relative paths of its word lists. Used by `load(directory:)` and by the rule-loader fuzz target.
    public static func load(sources: [(file: String, text: String)], directory: String,
                            cacheDirectory: String? = nil) throws(DiskretError) -> RulePack {
        let cache = cacheDirectory.map { PackCache(cacheDirectory: $0, ruleDirectory: directory, sources: sources) }
        let cached = cache?.read()
        var contents: PackCache.Contents
        if let cached { contents = cached } else { contents = try parse(sources) }
        // A cached pack compiled once, with these rule files and this executable: its patterns wait for a note
        // that needs them. Rule files read anew compile and check every pattern here.
        let compiler = RulePackCompiler(cacheDirectory: cacheDirectory, defersPatterns: cached != nil)
        var pack = try compiler.compile(directory: directory, contents)
        if cached?.prefilters == nil, let cache {
            contents.prefilters = pack.patternPrefilters
            contents.prefilterStates = nil
            cache.write(contents)
        }
        pack.cache = cache
        return pack
    }

    /// Parses rule files, checks that rule ids are unique, and folds the context rules' keys and inline words.
    static func parse(_ sources: [(file: String, text: String)]) throws(DiskretError) -> PackCache.Contents {
        // Files are parsed on all cores (YAML parsing is a large part of a cold start), then checked in order.
        let parsed = concurrentResults(sources) { (source) throws(DiskretError) in try RuleFileParser.parse(source.text, file: source.file) }
        var definitions: [RuleDefinition] = []
        var seen: [String: String] = [:]
        for (index, (file, _)) in sources.enumerated() {
            for rule in try parsed[index].get() {
                if let other = seen[rule.id] {
                    throw DiskretError.invalidRules(file: file, line: rule.line, message: "duplicate rule id '\(rule.id)' (first in \(other))")
                }
                seen[rule.id] = "\(file):\(rule.line)"
                definitions.append(rule)
            }
        }
        let tokenizer = try Tokenizer()
        var contextKeys: [String: ContextKeys] = [:]
        for rule in definitions {
            if case let .context(fields) = rule.body { contextKeys[rule.id] = try ContextKeys(rule: rule, fields: fields, tokenizer: tokenizer) }
        }
        let loader = WordListLoader(cacheDirectory: nil, tokenizer: LazyTokenizer(tokenizer))
        var wordKeys: [String: [(key: [UInt8], tokens: Int)]] = [:]
        for rule in definitions where !rule.words.isEmpty { wordKeys[rule.id] = try loader.keys(of: rule.words.map(\.value)) }
        return PackCache.Contents(definitions: definitions, contextKeys: contextKeys, wordKeys: wordKeys)
    }

    init(directory: String, definitions: [RuleDefinition], patterns: [PatternRule], wordLists: [WordListRule],
         contexts: [ContextRule], allow: [WordSetRule], deny: [WordSetRule], unknownWords: [WordSetRule],
         particles: Set<[UInt8]>, patternPrefilters: [PatternPrefilter]? = nil, prefilterStates: [PrefilterStates?]? = nil) {
        self.directory = directory; self.definitions = definitions; self.patterns = patterns
        self.wordLists = wordLists; self.contexts = contexts; self.allow = allow; self.deny = deny
        self.unknownWords = unknownWords
        allowLists = allow.flatMap(\.lists)
        self.particles = particles
        // A cached prefilter is used only if it was made for these pattern rules (the cache's fingerprint
        // covers the rule files, so this guards against a layout mistake, not against edits).
        if let patternPrefilters, !patternPrefilters.isEmpty,
           patternPrefilters.allSatisfy({ $0.automatonRule.count == patterns.count }) {
            self.patternPrefilters = patternPrefilters
            // States are kept with the prefilters they were built for, and only those.
            self.prefilterStates = prefilterStates?.count == patternPrefilters.count ? prefilterStates! : []
        } else {
            self.patternPrefilters = PatternPrefilter.chunked(rules: patterns)
            self.prefilterStates = []
        }
    }

    /// The per-user cache of compiled word lists (`$XDG_CACHE_HOME/diskret` or `~/.cache/diskret`), created
    /// with mode 0700; nil when it cannot be created (the cache is then skipped).
    public static func defaultCacheDirectory() -> String? { WordListLoader.defaultCacheDirectory() }

    /// Keeps `states` (one per prefilter, as a session's scanners built them) in the pack cache, so that the
    /// next process starts with them; does nothing for a pack without a cache.
    func keepPrefilterStates(_ states: [PrefilterStates]) {
        guard states.count == patternPrefilters.count else { return }
        cache?.writeStates(states)
    }

    /// Whether a phrase key is on an allow list.
    func isAllowed(_ key: [UInt8]) -> Bool { allowLists.anyContains(key) }
    func isAllowed(_ key: ArraySlice<UInt8>) -> Bool { allowLists.anyContains(key) }
}

/// Turns rule definitions into compiled rules.
struct RulePackCompiler {
    let cacheDirectory: String?
    /// Whether the rules' regexes compile when a note first needs them (see `RulePattern`) rather than now.
    var defersPatterns = false

    func compile(directory: String, _ contents: PackCache.Contents) throws(DiskretError) -> RulePack {
        let definitions = contents.definitions
        let loader = WordListLoader(cacheDirectory: cacheDirectory, tokenizer: LazyTokenizer())
        var cache: [String: WordList] = [:]
        func lists(_ rule: RuleDefinition, _ paths: [(value: String, line: Int)], words: [(value: String, line: Int)] = []) throws(DiskretError) -> [WordList] {
            var result: [WordList] = []
            // Only for rules that name lists: Foundation's path functions cost tens of microseconds a call.
            var base: String?
            for (path, line) in paths {
                if base == nil && !path.hasPrefix("/") { base = (rule.file as NSString).deletingLastPathComponent }
                let full = path.hasPrefix("/") ? path : (base! as NSString).appendingPathComponent(path)
                if let list = cache[full] { result.append(list); continue }
                let list = try loader.load(path: full, file: rule.file, line: line)
                cache[full] = list
                result.append(list)
            }
            if !words.isEmpty {
                guard let keys = contents.wordKeys[rule.id] else {
                    throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): word keys missing")
                }
                result.append(WordList(keys: keys))
            }
            return result
        }
        var patterns: [PatternRule] = [], wordLists: [WordListRule] = [], contexts: [ContextRule] = []
        var allow: [WordSetRule] = [], deny: [WordSetRule] = [], unknownWords: [WordSetRule] = []
        let compiled = rulePatterns(of: definitions)
        var particles: Set<[UInt8]> = []
        for rule in definitions {
            switch rule.body {
            case let .pattern(fields):
                guard let regex = try compiled[rule.id]?.get() else {
                    throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): missing 'pattern'")
                }
                patterns.append(PatternRule(definition: rule, fields: fields, regex: regex, checkLists: try lists(rule, fields.checkLists),
                                            rejectLists: try lists(rule, fields.rejectLists)))
            case let .wordlist(fields):
                wordLists.append(WordListRule(definition: rule, fields: fields, lists: try lists(rule, fields.lists, words: fields.words),
                                              ambiguous: try lists(rule, fields.ambiguousLists),
                                              ambiguousAtStart: try lists(rule, fields.ambiguousAtStartLists)))
            case let .allow(fields):
                allow.append(WordSetRule(definition: rule, lists: try lists(rule, fields.lists, words: fields.words)))
            case let .deny(fields):
                deny.append(WordSetRule(definition: rule, lists: try lists(rule, fields.lists, words: fields.words)))
            case let .unknownWord(fields):
                unknownWords.append(WordSetRule(definition: rule, lists: try lists(rule, fields.lists)))
            case let .context(fields):
                guard let keys = contents.contextKeys[rule.id] else {
                    throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): trigger keys missing")
                }
                for particle in keys.particles { particles.insert(particle) }
                let target = try compiled[rule.id]?.get()
                contexts.append(ContextRule(definition: rule, fields: fields, keys: keys, targetRegex: target, targetLists: try lists(rule, fields.lists)))
            }
        }
        return RulePack(directory: directory, definitions: definitions, patterns: patterns, wordLists: wordLists,
                        contexts: contexts, allow: allow, deny: deny, unknownWords: unknownWords, particles: particles,
                        patternPrefilters: contents.prefilters, prefilterStates: contents.prefilterStates)
    }

    /// The regex of every rule that has one, by rule id: deferred, or compiled on all cores and checked now
    /// (ICU's compiler builds a Unicode set for each `\p{…}`, and compiling them one after another is a large
    /// part of a cold start).
    private func rulePatterns(of definitions: [RuleDefinition]) -> [String: Result<RulePattern, DiskretError>] {
        let expressions = definitions.filter { $0.expression != nil }
        let results: [Result<RulePattern, DiskretError>]
        if defersPatterns {
            results = expressions.map { rule in .success(RulePattern(deferred: { () throws(DiskretError) in try Self.compileRegex(rule) })) }
        } else {
            results = concurrentResults(expressions) { (rule) throws(DiskretError) in RulePattern(try Self.compileRegex(rule)) }
        }
        return Dictionary(uniqueKeysWithValues: zip(expressions.map(\.id), results))
    }

    /// Compiles the rule's expression and checks that the groups it names exist; errors name the rule and the
    /// place in its pattern, never a note's text.
    private static func compileRegex(_ rule: RuleDefinition) throws(DiskretError) -> RegexPattern {
        guard let expression = rule.expression else {
            throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): missing 'pattern'")
        }
        do {
            let regex = try RegexPattern(expression.pattern, caseInsensitive: expression.caseInsensitive)
            if expression.group > regex.groupCount {
                throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): group \(expression.group) does not exist in the pattern")
            }
            if case let .pattern(fields) = rule.body, fields.checkGroup > regex.groupCount {
                throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): check-group \(fields.checkGroup) does not exist in the pattern")
            }
            if case let .pattern(fields) = rule.body, let group = fields.rejectGroup, group > regex.groupCount {
                throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): reject-group \(group) does not exist in the pattern")
            }
            return regex
        } catch let error as RegexSyntaxError {
            throw DiskretError.invalidRules(file: rule.file, line: rule.line,
                                            message: "rule \(rule.id): pattern does not compile (\(error.code) at line \(max(1, error.line)), column \(error.offset) of the pattern)")
        } catch let error as DiskretError {
            throw error
        } catch {
            throw DiskretError.invalidRules(file: rule.file, line: rule.line, message: "rule \(rule.id): pattern does not compile")
        }
    }
}

/// `transform` applied to every element on all cores, the results (or errors) in the elements' order.
func concurrentResults<Element: Sendable, Value>(_ elements: [Element],
                                                 _ transform: @Sendable (Element) throws(DiskretError) -> Value)
    -> [Result<Value, DiskretError>] {
    let slots = ResultSlots<Value>(elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        let result: Result<Value, DiskretError>
        do throws(DiskretError) { result = .success(try transform(elements[index])) } catch { result = .failure(error) }
        slots.lock.withLock { slots.results[index] = result }
    }
    return slots.results.map { $0! }
}

/// Results written by concurrent workers, each at its own index, under a lock.
private final class ResultSlots<Value>: @unchecked Sendable {
    var results: [Result<Value, DiskretError>?]
    let lock = NSLock()
    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}
