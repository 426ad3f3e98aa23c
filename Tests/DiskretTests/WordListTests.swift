import Foundation
import Testing
@testable import Diskret

@Suite struct WordListTests {
    private func list(_ entries: [String]) -> WordList {
        WordList(keys: entries.map { (Array($0.utf8), $0.split(separator: " ").count) })
    }

    @Test func findsExactKeysAndPhrasePrefixes() {
        let words = list(["anna", "frankfurt am main", "bad sassendorf", "zoe"])
        #expect(words.contains(Array("anna".utf8)))
        #expect(!words.contains(Array("ann".utf8)))
        #expect(words.contains(Array("frankfurt am main".utf8)))
        #expect(Array("frankfurt ".utf8).withUnsafeBufferPointer { words.hasEntry(withPrefix: $0) })
        #expect(!Array("zoe ".utf8).withUnsafeBufferPointer { words.hasEntry(withPrefix: $0) })
        #expect(words.maxTokens == 3)
        #expect(words.count == 4)
    }

    @Test func deduplicatesAndSorts() {
        let words = list(["b", "a", "b"])
        #expect(words.entries == ["a", "b"])
    }

    @Test func compiledFormRoundTripsThroughTheCacheAndIsInvalidatedBySourceChanges() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wl-\(UUID().uuidString).dkwl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = WordList(keys: [(Array("koch".utf8), 1), (Array("wolf".utf8), 1)], sourceSize: 42, sourceTime: 7)
        original.write(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let mapped = try #require(WordList.mapped(path: path, sourceSize: 42, sourceTime: 7))
        #expect(mapped.contains(Array("wolf".utf8)) && !mapped.contains(Array("fuchs".utf8)))
        #expect(WordList.mapped(path: path, sourceSize: 43, sourceTime: 7) == nil)
        #expect(WordList.mapped(path: path, sourceSize: 42, sourceTime: 8) == nil)
    }

    @Test func loaderSkipsCommentsAndAttributesAndFoldsEntries() throws {
        let pack = try TestSupport.pack(yaml: """
        rules:
          - id: person.test
            kind: wordlist
            category: person
            lists: [lists/names.txt]
            examples: ["[[MÜLLER]] kam"]
        """, lists: ["names.txt": "# Quelle: Test\nMüller\tm\n\nFrankfurt am Main\n"])
        let entries = pack.wordLists[0].lists[0].entries
        #expect(entries == ["frankfurt am main", "mueller"])
    }

    /// The Bloom filters, hash index and first-byte bounds never hide an entry: every look-up agrees with a plain set,
    /// for entries, near misses, token prefixes and arbitrary prefixes, in memory and after mapping.
    @Test func filtersAgreeWithAPlainSet() throws {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdeüß ".utf8)
        var entries: Set<[UInt8]> = [[]]
        while entries.count < 1500 {
            let length = Int.random(in: 1...12, using: &generator)
            let key = (0..<length).map { _ in letters.randomElement(using: &generator)! }
            if key.first != 0x20 && key.last != 0x20 && !key.contains(where: { $0 >= 0x80 }) || Bool.random(using: &generator) {
                entries.insert(key)
            }
        }
        let built = WordList(keys: entries.map { ($0, $0.split(separator: 0x20).count) }, sourceSize: 9, sourceTime: 9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wl-\(UUID().uuidString).dkwl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        built.write(to: path)
        let mapped = try #require(WordList.mapped(path: path, sourceSize: 9, sourceTime: 9))
        var probes = Array(entries)
        for entry in entries where !entry.isEmpty { probes.append(entry + [0x61]); probes.append(Array(entry.dropLast())) }
        for _ in 0..<1500 { probes.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! }) }
        for list in [built, mapped] {
            #expect(list.count == entries.count)
            for probe in probes {
                #expect(list.contains(probe) == entries.contains(probe))
                let hasPrefix = entries.contains { $0.starts(with: probe) }
                #expect(probe.withUnsafeBufferPointer { list.hasEntry(withPrefix: $0) } == hasPrefix)
            }
        }
    }

    @Test func mappedFilesOfTheWrongSizeAreRejected() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wl-\(UUID().uuidString).dkwl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        WordList(keys: [(Array("koch".utf8), 1)], sourceSize: 1, sourceTime: 1).write(to: path)
        var bytes = try #require(FileBytes.read(path))
        bytes.append(0)
        FileBytes.writeAtomically(bytes, to: path)
        #expect(WordList.mapped(path: path, sourceSize: 1, sourceTime: 1) == nil)
        FileBytes.writeAtomically(Array(bytes.dropLast(9)), to: path)
        #expect(WordList.mapped(path: path, sourceSize: 1, sourceTime: 1) == nil)
    }

    /// A damaged hash index (every slot taken, entry numbers out of range) answers no instead of looping
    /// or reading outside the list; the sound parts still answer.
    @Test func aDamagedHashIndexNeitherLoopsNorReadsOutside() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wl-\(UUID().uuidString).dkwl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        WordList(keys: [(Array("koch".utf8), 1), (Array("wolf".utf8), 1)], sourceSize: 3, sourceTime: 3).write(to: path)
        var bytes = try #require(FileBytes.read(path))
        // The index is the file's last part: 2 entries take 4 slots of 8 bytes.
        for offset in (bytes.count - 32)..<bytes.count { bytes[offset] = 0xFF }
        FileBytes.writeAtomically(bytes, to: path)
        let damaged = try #require(WordList.mapped(path: path, sourceSize: 3, sourceTime: 3))
        #expect(!damaged.contains(Array("koch".utf8)) && !damaged.contains(Array("fuchs".utf8)))
        #expect(Array("wo".utf8).withUnsafeBufferPointer { damaged.hasEntry(withPrefix: $0) })
    }

    /// A new format version's cache directory replaces those of older versions (and leaves other files).
    @Test func aNewCacheVersionRemovesTheOldOnes() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for old in ["wordlists-v1", "wordlists-v\(WordList.formatVersion - 1)"] {
            try FileManager.default.createDirectory(atPath: "\(parent)/\(old)", withIntermediateDirectories: true)
            FileBytes.writeAtomically(Array("x".utf8), to: "\(parent)/\(old)/list.dkwl")
        }
        try FileManager.default.createDirectory(atPath: "\(parent)/wordlists-vX", withIntermediateDirectories: true)
        FileBytes.writeAtomically(Array("keep".utf8), to: "\(parent)/notes.txt")
        let directory = try #require(WordListLoader.cacheDirectory(in: parent))
        let entries = Set(try FileManager.default.contentsOfDirectory(atPath: parent))
        #expect(entries == ["wordlists-v\(WordList.formatVersion)", "wordlists-vX", "notes.txt"])
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        // An existing directory of this version is kept with its contents.
        FileBytes.writeAtomically(Array("y".utf8), to: "\(directory)/list.dkwl")
        #expect(WordListLoader.cacheDirectory(in: parent) == directory)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/list.dkwl"))
    }
}
