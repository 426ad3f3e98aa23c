import Dispatch
import Foundation
import Testing
@testable import Diskret

/// A pack from the pack cache compiles a rule's regex when a note first needs it; a pack from rule files compiles
/// and checks every regex at load.
@Suite struct RulePatternTests {
    private static let yaml = """
    rules:
      - id: id.code
        kind: pattern
        category: id
        score: 0.9
        pattern: 'QX-\\d{4}'
        requires-text: ["QX-"]
      - id: contact.mail
        kind: pattern
        category: contact
        score: 0.9
        pattern: '[\\p{L}.]+@example\\.org'
        requires: at
      - id: id.after-trigger
        kind: context
        category: id
        score: 0.9
        triggers: [Az.]
        target: pattern
        target-pattern: '\\d+/\\d+'
    """

    /// A rule directory with `yaml` and a cache directory, both removed by `body`'s caller.
    private static func withRules(_ yaml: String = yaml, _ body: (_ rules: String, _ cache: String, _ sources: [(file: String, text: String)]) throws -> Void) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-rule-pattern-\(UUID().uuidString)")
        let rules = base.appendingPathComponent("rules").path, cache = base.appendingPathComponent("cache").path
        defer { try? FileManager.default.removeItem(at: base) }
        for directory in [rules, cache] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        try yaml.write(toFile: rules + "/rules.yaml", atomically: true, encoding: .utf8)
        try body(rules, cache, [(file: rules + "/rules.yaml", text: yaml)])
    }

    private static func compiled(_ pack: RulePack) -> [String: Bool] {
        var state: [String: Bool] = [:]
        for rule in pack.patterns { state[rule.definition.id] = rule.regex.isCompiled }
        for rule in pack.contexts { state[rule.definition.id] = rule.targetRegex?.isCompiled }
        return state
    }

    @Test func aPackFromRuleFilesCompilesEveryPatternAtLoad() throws {
        #expect(TestSupport.pack.patterns.allSatisfy { $0.regex.isCompiled })
        #expect(TestSupport.pack.contexts.allSatisfy { $0.targetRegex?.isCompiled ?? true })
        try Self.withRules { rules, cache, sources in
            let withCache = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cache)
            let withoutCache = try RulePack.load(sources: sources, directory: rules, cacheDirectory: nil)
            #expect(Self.compiled(withCache).values.allSatisfy { $0 })
            #expect(Self.compiled(withoutCache).values.allSatisfy { $0 })
        }
    }

    /// From the cache, a pattern compiles when a note leaves its rule a region to search, and the output is the
    /// output of the pack compiled at load.
    @Test func aCachedPackCompilesAPatternWhenANoteFirstNeedsIt() throws {
        try Self.withRules { rules, cache, sources in
            let fresh = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cache)
            let cached = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cache)
            #expect(Self.compiled(cached) == ["id.code": false, "contact.mail": false, "id.after-trigger": false])
            let session = try Engine(rules: cached).makeSession()
            let plain = "Frau Kowalczyk kam heute ohne Termin."
            let plainMasked = try session.anonymize(plain).text
            let plainExpected = try Engine(rules: fresh).anonymize(plain)
            #expect(plainMasked == plainExpected.text)
            #expect(Self.compiled(cached) == ["id.code": false, "contact.mail": false, "id.after-trigger": false])
            let coded = "Vorgang QX-1234, Az. 12/24."
            let masked = try session.anonymize(coded)
            #expect(masked.findings.map(\.rule) == ["id.code", "id.after-trigger"])
            let expected = try Engine(rules: fresh).anonymize(coded)
            #expect(masked.text == expected.text)
            #expect(Self.compiled(cached) == ["id.code": true, "contact.mail": false, "id.after-trigger": true])
            try cached.compilePatterns()
            #expect(Self.compiled(cached).values.allSatisfy { $0 })
        }
    }

    /// A cached pattern that fails to compile at first use (the ICU below it changed, say) fails the note that
    /// needs it — nothing of it comes out — with an error that names the rule and no note text; notes that do
    /// not need the rule are masked as before.
    @Test func aDeferredPatternThatFailsFailsClosedWithoutNoteText() throws {
        try Self.withRules { rules, cacheDirectory, sources in
            _ = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory)
            let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: rules, sources: sources)
            var contents = try #require(cache.read())
            let index = try #require(contents.definitions.firstIndex { $0.id == "id.code" })
            guard case var .pattern(fields) = contents.definitions[index].body else { Issue.record("not a pattern rule"); return }
            fields.pattern = "QX-(\\d{4}"
            contents.definitions[index].body = .pattern(fields)
            cache.write(contents)
            let pack = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory)
            let session = try Engine(rules: pack).makeSession()
            let mail = try session.anonymize("Frau Kowalczyk schrieb an anna@example.org.")
            #expect(mail.findings.map(\.rule).contains("contact.mail"))
            let note = "Frau Kowalczyk, Vorgang QX-1234"
            for _ in 0..<2 {
                do throws(DiskretError) {
                    _ = try session.anonymize(note)
                    Issue.record("a pattern that does not compile was used")
                } catch {
                    #expect(error.description.contains("rules.yaml:2: rule id.code: pattern does not compile (U_REGEX_MISMATCHED_PAREN"))
                    // The rule file's path names a random temporary directory, which may hold any digits.
                    let withoutPath = error.description.replacingOccurrences(of: rules, with: "")
                    #expect(!withoutPath.contains("Kowalczyk") && !withoutPath.contains("1234"))
                }
            }
            #expect(throws: DiskretError.self) { try pack.compilePatterns() }
        }
    }

    /// Sessions on many threads that need one deferred pattern at once compile it once and share it.
    @Test func aDeferredPatternCompilesOnceForAllThreads() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
        }
        let counter = Counter()
        let pattern = RulePattern(deferred: { () throws(DiskretError) in
            counter.lock.withLock { counter.value += 1 }
            do throws(RegexSyntaxError) { return try RegexPattern("[\\p{Lu}][\\p{Ll}]+") } catch { throw DiskretError.icu(function: "test", code: error.code) }
        })
        final class Templates: @unchecked Sendable {
            let lock = NSLock()
            var seen: [ObjectIdentifier] = []
        }
        let templates = Templates()
        DispatchQueue.concurrentPerform(iterations: 32) { _ in
            guard let template = try? pattern.pattern(), (try? pattern.makeMatcher()) != nil else { return }
            templates.lock.withLock { templates.seen.append(ObjectIdentifier(template)) }
        }
        #expect(counter.value == 1)
        #expect(templates.seen.count == 32 && Set(templates.seen).count == 1)
    }

    /// A pack from the cache masks notes on several threads as the pack compiled at load does.
    @Test func cachedPackMasksTheFixturesOnManyThreadsLikeTheFreshOne() throws {
        let rules = TestSupport.repository.appendingPathComponent("Rules").path
        _ = TestSupport.pack  // compiled at load, and wrote the cache the next load reads
        let cached = try RulePack.load(directory: rules, cacheDirectory: TestSupport.cacheDirectory)
        #expect(cached.patterns.contains { !$0.regex.isCompiled })
        let notes = try FileManager.default.contentsOfDirectory(atPath: TestSupport.repository.appendingPathComponent("Fixtures/notes").path)
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(16).map {
                try String(contentsOf: TestSupport.repository.appendingPathComponent("Fixtures/notes/\($0)"), encoding: .utf8)
            }
        let expected = try notes.map { try TestSupport.engine.anonymize($0).text }
        final class Outputs: @unchecked Sendable {
            let lock = NSLock()
            var texts: [Int: String] = [:]
        }
        let outputs = Outputs()
        let engine = Engine(rules: cached)
        DispatchQueue.concurrentPerform(iterations: notes.count) { index in
            guard let text = try? engine.makeSession().anonymize(notes[index]).text else { return }
            outputs.lock.withLock { outputs.texts[index] = text }
        }
        #expect(notes.indices.map { outputs.texts[$0] } == expected)
    }
}
