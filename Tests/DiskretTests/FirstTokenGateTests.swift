import Testing
@testable import Diskret

@Suite struct FirstTokenGateTests {
    private func list(_ entries: [String]) -> WordList {
        WordList(keys: entries.map { (Array($0.utf8), $0.split(separator: " ").count) })
    }

    private func hash(_ key: String) -> UInt64 { fnv1a(Array(key.utf8)) }

    /// The whole entry and each part of it before a space may be a starting token's key.
    @Test func opensForEveryLeadingPartOfAnEntry() throws {
        let gate = try #require(FirstTokenGate(lists: [list(["haus lichtblick", "villa"])]))
        for key in ["haus", "haus lichtblick", "villa"] { #expect(gate.mayStart(hash(key)), "\(key)") }
    }

    @Test func staysShutForWordsThatStartNoEntry() throws {
        let gate = try #require(FirstTokenGate(lists: [list(["haus lichtblick", "villa"])]))
        for key in ["lichtblick", "hau", "termin", "frau", "villen"] { #expect(!gate.mayStart(hash(key)), "\(key)") }
    }

    /// The gate is asked with the hashes the tokenizer gives a note's tokens.
    @Test func readsTheTokenizersKeyHashes() throws {
        let gate = try #require(FirstTokenGate(lists: [list(["haus lichtblick"])]))
        let text = try Tokenizer().tokenize(Array("Im HAUS Lichtblick".utf16))
        #expect(!gate.mayStart(text.tokens[0].keyHash))
        #expect(gate.mayStart(text.tokens[1].keyHash))
    }

    @Test func isMadeOnlyForShortLists() {
        #expect(FirstTokenGate(lists: [list((0...FirstTokenGate.maxEntries).map { "wort\($0)" })]) == nil)
        #expect(FirstTokenGate(lists: []) != nil)
    }
}
