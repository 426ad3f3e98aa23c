/// A hash table keyed by 64-bit hashes that the caller has computed already (a token's `keyHash`, a phrase
/// key's hash), each with a value; several values may share a hash. The standard library's `Dictionary`
/// would hash such a key again with SipHash, about a hundred instructions a look-up, hundreds of thousands
/// of times per megabyte of notes.
struct PrehashedTable<Value> {
    private var entries: [(hash: UInt64, value: Value)] = []
    /// Indices into `entries` by slot, -1 where empty; open addressing with linear probing, at most half full.
    private var slots: [Int32]
    /// `64 - log2(slots.count)`: a slot is the top bits of the hash after a multiplicative mix, since
    /// FNV-1a's low bits alone spread short keys poorly.
    private var shift: UInt64

    /// An empty table with room for `minimumCapacity` values before it grows.
    init(minimumCapacity: Int = 4) {
        var count = 8
        while count < minimumCapacity * 2 { count <<= 1 }
        slots = Array(repeating: -1, count: count)
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    /// Whether the table holds no value.
    var isEmpty: Bool { entries.isEmpty }

    /// The number of values added.
    var count: Int { entries.count }

    /// Adds `value` under `hash`; values added before under the same hash stay and are found first.
    mutating func insert(_ value: Value, forHash hash: UInt64) {
        precondition(entries.count < Int(Int32.max), "PrehashedTable holds at most Int32.max values")
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((hash, value))
        place(entries.count - 1)
    }

    /// The first value added under `hash` that satisfies `predicate`, or nil.
    func first(forHash hash: UInt64, where predicate: (Value) -> Bool) -> Value? {
        let mask = slots.count - 1
        var slot = self.slot(of: hash)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entries[entry].hash == hash && predicate(entries[entry].value) { return entries[entry].value }
            slot = (slot + 1) & mask
        }
    }

    /// The first value added under `hash`, or nil.
    func value(forHash hash: UInt64) -> Value? { first(forHash: hash) { _ in true } }

    private func slot(of hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Puts entry `index` in the first free slot from its own: entries are placed in the order they were
    /// added, so a probe meets values of one hash in that order.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = self.slot(of: entries[index].hash)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        shift -= 1
        for index in entries.indices { place(index) }
    }
}

extension PrehashedTable: Sendable where Value: Sendable {}
