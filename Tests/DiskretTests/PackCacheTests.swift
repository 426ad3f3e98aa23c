import Foundation
import Testing
@testable import Diskret

@Suite struct PackCacheTests {
    /// A new directory; the caller removes it.
    private static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-pack-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private static func repositorySources() throws -> [(file: String, text: String)] {
        let directory = TestSupport.repository.appendingPathComponent("Rules/de")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
            let path = directory.appendingPathComponent($0).path
            return (path, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    /// Every field of every definition, context key and inline word key survives the cache file: `dump`
    /// shows all stored properties, so a field added to `RuleDefinition` but not to its encoding fails here.
    @Test func cacheFileKeepsEveryFieldOfTheGermanPack() throws {
        let sources = try Self.repositorySources()
        let contents = try RulePack.parse(sources)
        #expect(!contents.wordKeys.isEmpty && !contents.contextKeys.isEmpty)
        let cacheDirectory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
        let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: "/rules", sources: sources)
        cache.write(contents)
        let decoded = try #require(cache.read())
        #expect(decoded.definitions.count == contents.definitions.count)
        for (original, copy) in zip(contents.definitions, decoded.definitions) {
            var before = "", after = ""
            dump(original, to: &before)
            dump(copy, to: &after)
            #expect(after == before)
        }
        var before = "", after = ""
        dump(contents.contextKeys.sorted { $0.key < $1.key }, to: &before)
        dump(decoded.contextKeys.sorted { $0.key < $1.key }, to: &after)
        #expect(after == before)
        before = ""; after = ""
        dump(contents.wordKeys.sorted { $0.key < $1.key }, to: &before)
        dump(decoded.wordKeys.sorted { $0.key < $1.key }, to: &after)
        #expect(after == before)
    }

    /// The pattern prefilters read back from the cache are the ones written: same automata, classes and
    /// tables, and the same regions on the fixture notes.
    @Test func cacheFileKeepsThePatternPrefilters() throws {
        let sources = try Self.repositorySources()
        var contents = try RulePack.parse(sources)
        let originals = TestSupport.pack.patternPrefilters
        contents.prefilters = originals
        let cacheDirectory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
        let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: "/rules", sources: sources)
        cache.write(contents)
        let decoded = try #require(cache.read())
        let copies = try #require(decoded.prefilters)
        #expect(copies.count == originals.count)
        for (original, copy) in zip(originals, copies) {
            var before = "", after = ""
            dump(original.automaton.nodes, to: &before)
            dump(copy.automaton.nodes, to: &after)
            #expect(after == before)
            #expect(copy.automaton.ruleOfNode == original.automaton.ruleOfNode && copy.automaton.starts == original.automaton.starts)
            #expect(copy.automaton.setCount == original.automaton.setCount)
            #expect(copy.classes.classOf == original.classes.classOf && copy.classes.count == original.classes.count)
            #expect(copy.classes.member == original.classes.member && copy.classes.foldings == original.classes.foldings)
            #expect(copy.automatonRule == original.automatonRule && copy.initialNodes == original.initialNodes)
            #expect(copy.unsupported == original.unsupported && copy.reach == original.reach)
            let first = PrefilterScanner(prefilter: original), second = PrefilterScanner(prefilter: copy)
            for text in PatternGateTests.texts.suffix(10) {
                let units = Array(text.utf16)
                #expect(units.withUnsafeBufferPointer { first.regions(in: $0) }
                        == units.withUnsafeBufferPointer { second.regions(in: $0) })
            }
        }
    }

    @Test func truncatedBytesAreRejectedNotMisread() throws {
        let contents = try RulePack.parse(Self.repositorySources())
        var out = ByteWriter()
        contents.definitions[0].write(to: &out)
        for length in [0, 5, out.bytes.count / 2, out.bytes.count - 1] {
            var input = ByteReader(Array(out.bytes.prefix(length)))
            #expect(throws: ByteReader.Malformed.self) { try RuleDefinition(from: &input) }
        }
    }

    /// A load reads the cache written for the same sources, ignores it once a rule file changes, and
    /// ignores a damaged file.
    @Test func cacheIsReadForTheSameSourcesOnly() throws {
        let cacheDirectory = try Self.temporaryDirectory()
        let rules = try Self.temporaryDirectory()
        defer { for directory in [cacheDirectory, rules] { try? FileManager.default.removeItem(atPath: directory) } }
        let yaml = """
        rules:
          - id: person.test
            kind: wordlist
            category: person
            score: 0.8
            words: [Kowalczyk]
            examples: ["[[Kowalczyk]] kam"]
        """
        try yaml.write(toFile: rules + "/rules.yaml", atomically: true, encoding: .utf8)
        let sources = [(file: rules + "/rules.yaml", text: yaml)]
        let first = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory)
        #expect(first.wordLists[0].definition.score == 0.8)
        let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: rules, sources: sources)
        var cached = try #require(cache.read())
        // A marked cache entry shows that the next load takes the cache rather than parsing again.
        cached.definitions[0].score = 0.6
        cache.write(cached)
        #expect(try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory).wordLists[0].definition.score == 0.6)

        let edited = [(file: rules + "/rules.yaml", text: yaml.replacingOccurrences(of: "0.8", with: "0.7"))]
        #expect(try RulePack.load(sources: edited, directory: rules, cacheDirectory: cacheDirectory).wordLists[0].definition.score == 0.7)

        let damaged = try #require(FileBytes.read(cache.path))
        FileBytes.writeAtomically(Array(damaged.dropLast(3)), to: cache.path)
        #expect(cache.read() == nil)
        #expect(try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory).wordLists[0].definition.score == 0.8)
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// No single damaged byte makes the cache read as a pack: it fails the magic, the fingerprint or the
    /// body's checksum, and the rule files are parsed again.
    @Test func anyDamagedByteIsDetected() throws {
        let cacheDirectory = try Self.temporaryDirectory()
        let rules = try Self.temporaryDirectory()
        defer { for directory in [cacheDirectory, rules] { try? FileManager.default.removeItem(atPath: directory) } }
        let yaml = "rules:\n  - id: person.test\n    kind: wordlist\n    category: person\n    words: [Kowalczyk]\n"
        let sources = [(file: rules + "/rules.yaml", text: yaml)]
        _ = try RulePack.load(sources: sources, directory: rules, cacheDirectory: cacheDirectory)
        let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: rules, sources: sources)
        let intact = try #require(FileBytes.read(cache.path))
        #expect(cache.read() != nil)
        for position in intact.indices {
            var damaged = intact
            damaged[position] ^= 0x04
            FileBytes.writeAtomically(damaged, to: cache.path)
            #expect(cache.read() == nil, "a flipped bit at byte \(position) went unnoticed")
        }
    }

    /// The fingerprint changes with every byte of a rule file and of its path, and with where one file ends
    /// and the next begins: an edited pack never reads a cache made for another.
    @Test func fingerprintCoversEveryByteOfTheSources() {
        func fingerprint(_ sources: [(file: String, text: String)]) -> UInt64 {
            PackCache(cacheDirectory: "/cache", ruleDirectory: "/rules", sources: sources).fingerprint
        }
        let text = "rules:\n  - id: person.test\n    kind: wordlist\n    words: [Kowalczyk]\n"
        let original = fingerprint([("/rules/a.yaml", text)])
        var seen: Set<UInt64> = [original]
        let bytes = Array(text.utf8)
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            seen.insert(fingerprint([("/rules/a.yaml", String(decoding: changed, as: UTF8.self))]))
        }
        #expect(seen.count == bytes.count + 1)
        #expect(fingerprint([("/rules/b.yaml", text)]) != original)
        #expect(fingerprint([("/rules/a.yaml", text + " ")]) != original)
        #expect(fingerprint([("/rules/a.yaml", "ab"), ("/rules/b.yaml", "c")]) != fingerprint([("/rules/a.yaml", "a"), ("/rules/b.yaml", "bc")]))
    }

    /// The German pack from the cache masks a note exactly as the freshly parsed pack does.
    @Test func cachedGermanPackMasksLikeTheParsedOne() throws {
        // The shared test pack was parsed (its cache directory is new for each run) and wrote the cache.
        let parsed = TestSupport.pack
        let rules = TestSupport.repository.appendingPathComponent("Rules").path
        let cache = PackCache(cacheDirectory: TestSupport.cacheDirectory, ruleDirectory: rules, sources: try Self.repositorySources())
        #expect(cache.read() != nil)
        let fromCache = try RulePack.load(directory: rules, cacheDirectory: TestSupport.cacheDirectory)
        let note = try String(contentsOf: TestSupport.repository.appendingPathComponent("Fixtures/notes/00-beispiel-polizeimitteilung.txt"), encoding: .utf8)
        let expected = try Engine(rules: parsed).anonymize(note)
        let actual = try Engine(rules: fromCache).anonymize(note)
        #expect(actual.text == expected.text)
        #expect(actual.findings == expected.findings)
        #expect(!actual.findings.isEmpty)
    }

    /// Scanners seeded with the DFA states that other scanners built, read back from the cache file, find the
    /// same regions as fresh scanners, on the texts the states were built from (building nothing) and on
    /// others; a damaged states section leaves the pack readable without states.
    @Test func cachedPrefilterStatesGiveTheRegionsOfFreshScanners() throws {
        let sources = try Self.repositorySources()
        var contents = try RulePack.parse(sources)
        let prefilters = TestSupport.pack.patternPrefilters
        contents.prefilters = prefilters
        let texts = PatternGateTests.texts.map { Array($0.utf16) }
        let learned = texts.prefix(texts.count / 2), unseen = texts.suffix(texts.count - texts.count / 2)
        let learners = prefilters.map { PrefilterScanner(prefilter: $0) }
        for scanner in learners {
            for units in learned { _ = units.withUnsafeBufferPointer { scanner.regions(in: $0) } }
        }
        let cacheDirectory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
        let cache = PackCache(cacheDirectory: cacheDirectory, ruleDirectory: "/rules", sources: sources)
        cache.write(contents)
        #expect(try #require(cache.read()).prefilterStates == nil)
        cache.writeStates(learners.map(\.states))
        let decoded = try #require(cache.read())
        let states = try #require(decoded.prefilterStates)
        #expect(states == learners.map(\.states))
        #expect(decoded.definitions.count == contents.definitions.count)
        for (index, prefilter) in try #require(decoded.prefilters).enumerated() {
            let seeded = PrefilterScanner(prefilter: prefilter, seed: states[index])
            #expect(seeded.stateCount == learners[index].stateCount)
            for units in learned {
                let fresh = PrefilterScanner(prefilter: prefilters[index])
                #expect(units.withUnsafeBufferPointer { seeded.regions(in: $0) } == units.withUnsafeBufferPointer { fresh.regions(in: $0) })
            }
            #expect(seeded.builtTransitions == 0)
            for units in unseen {
                let fresh = PrefilterScanner(prefilter: prefilters[index])
                #expect(units.withUnsafeBufferPointer { seeded.regions(in: $0) } == units.withUnsafeBufferPointer { fresh.regions(in: $0) })
            }
        }
        var damaged = try #require(FileBytes.read(cache.path))
        damaged[damaged.count - 5] ^= 0x04
        FileBytes.writeAtomically(damaged, to: cache.path)
        let withoutStates = try #require(cache.read())
        #expect(withoutStates.prefilterStates == nil && withoutStates.prefilters?.count == prefilters.count)
    }

    /// A pack whose cache holds the states a session kept starts its sessions from them, and masks the
    /// fixture notes exactly as the parsed pack does.
    @Test func packWithCachedPrefilterStatesMasksLikeTheParsedOne() throws {
        let cacheDirectory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
        let rules = TestSupport.repository.appendingPathComponent("Rules").path
        _ = try RulePack.load(directory: rules, cacheDirectory: cacheDirectory)
        let cached = try RulePack.load(directory: rules, cacheDirectory: cacheDirectory)
        #expect(cached.prefilterStates.isEmpty)
        let directory = TestSupport.repository.appendingPathComponent("Fixtures/notes")
        let notes = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
        let learner = try Engine(rules: cached).makeSession()
        for note in notes { _ = try learner.anonymize(note) }
        #expect(learner.builtPrefilterTransitions >= Session.prefilterTransitionsWorthKeeping)
        learner.keepPrefilterStates()
        let seeded = try RulePack.load(directory: rules, cacheDirectory: cacheDirectory)
        #expect(seeded.prefilterStates.count == seeded.patternPrefilters.count)
        let parsed = try Engine(rules: TestSupport.pack).makeSession(), warm = try Engine(rules: seeded).makeSession()
        for note in notes {
            let expected = try parsed.anonymize(note), actual = try warm.anonymize(note)
            #expect(actual.text == expected.text)
            #expect(actual.findings == expected.findings)
        }
        #expect(warm.builtPrefilterTransitions == 0)
    }
}

