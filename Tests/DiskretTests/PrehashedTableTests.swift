import Testing
@testable import Diskret

@Suite struct PrehashedTableTests {
    /// Against a Dictionary of arrays, the structure it replaces: random hashes from a small range (so that
    /// many share a hash and many share a slot), values added in order, every hash asked.
    @Test func answersLikeADictionaryOfArrays() {
        var generator = PropertyTests.Generator(state: 7)
        for round in 0..<20 {
            var table = PrehashedTable<Int>()
            var reference: [UInt64: [Int]] = [:]
            let range = UInt64(1)...UInt64(5 + round * 40)
            for value in 0..<(10 + round * 100) {
                let hash = UInt64.random(in: range, using: &generator) &* 0x1000_0000  // low bits all alike
                table.insert(value, forHash: hash)
                reference[hash, default: []].append(value)
            }
            for raw in 0...(range.upperBound + 3) {
                let hash = raw &* 0x1000_0000
                #expect(table.value(forHash: hash) == reference[hash]?.first)
                #expect(table.first(forHash: hash) { $0 % 3 == 1 } == reference[hash]?.first { $0 % 3 == 1 })
            }
        }
    }

    @Test func anEmptyTableFindsNothing() {
        let table = PrehashedTable<String>()
        #expect(table.isEmpty)
        #expect(table.value(forHash: 0) == nil)
        #expect(table.value(forHash: .max) == nil)
    }

    /// Hash 0 and the largest hash are keys like any other.
    @Test func extremeHashesAreKeys() {
        var table = PrehashedTable<String>(minimumCapacity: 1)
        table.insert("zero", forHash: 0)
        table.insert("max", forHash: .max)
        #expect(!table.isEmpty)
        #expect(table.value(forHash: 0) == "zero")
        #expect(table.value(forHash: .max) == "max")
        #expect(table.value(forHash: 1) == nil)
    }
}
