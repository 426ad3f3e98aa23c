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
}
