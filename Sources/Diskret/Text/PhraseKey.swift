/// The folded key of a phrase that grows a token at a time, with its Bloom hash kept up to date: word-list
/// look-ups ask for the key of one token, then of two, and so on, and hashing each from scratch (or
/// allocating it) cost more than the look-ups.
struct PhraseKey {
    /// The key's bytes: token keys joined by single spaces, as word lists store entries.
    private(set) var bytes: [UInt8] = []
    private var hasher = FNV1a()
    /// The number of tokens in the phrase.
    private(set) var tokens = 0

    init() { bytes.reserveCapacity(64) }

    /// Starts a new phrase with token `index` of `text`, whose key the tokenizer has already hashed.
    mutating func start(_ index: Int, in text: TokenizedText) {
        let token = text.tokens[index]
        bytes.removeAll(keepingCapacity: true)
        // Copied from a buffer pointer (one memcpy): an array slice went through the generic sequence path.
        text.keys.withUnsafeBufferPointer { keys in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: keys[token.keyStart..<token.keyEnd]))
        }
        hasher = FNV1a(continuing: token.keyHash)
        tokens = 1
    }

    /// Adds token `index` of `text` after a space.
    mutating func append(_ index: Int, in text: TokenizedText) {
        add(0x20)
        let token = text.tokens[index]
        text.keys.withUnsafeBufferPointer { keys in
            for byte in keys[token.keyStart..<token.keyEnd] { add(byte) }
        }
        tokens += 1
    }

    /// The `BloomFilter.hash` of the key.
    var hash: UInt64 { BloomFilter.mix(hasher.value) }

    /// The `BloomFilter.hash` of the key followed by a space: the prefix of any longer listed phrase.
    var continuationHash: UInt64 { Self.continuationHash(of: hasher) }

    /// The `BloomFilter.hash` of the bytes `hasher` has read followed by a space.
    private static func continuationHash(of hasher: FNV1a) -> UInt64 {
        var next = hasher
        next.add(byte: 0x20)
        return BloomFilter.mix(next.value)
    }

    /// Whether `token` alone may stand in one of `lists`, or start a longer entry of one (only asked when
    /// `longer`): the lists' Bloom filters, asked without building the key. Most words of a note are in no
    /// list, and copying their keys cost more than the look-ups.
    static func mayStartEntry(_ token: Token, in lists: [WordList], longer: Bool) -> Bool {
        let hash = BloomFilter.mix(token.keyHash)
        if lists.contains(where: { $0.entryFilter.mayContain(hash) }) { return true }
        guard longer else { return false }
        let continuation = continuationHash(of: FNV1a(continuing: token.keyHash))
        return lists.contains { $0.prefixFilter.mayContain(continuation) }
    }

    /// Whether one of `lists` holds the key exactly.
    func isListed(in lists: [WordList]) -> Bool {
        let hash = self.hash
        return bytes.withUnsafeBufferPointer { key in lists.contains { $0.contains(key, hash: hash) } }
    }

    /// Whether one of `lists` may have an entry that continues the key with a further token: the lists'
    /// prefix filters only. Only `isListed` makes a match, so a false positive (about 0.3 %) costs one more
    /// token and changes nothing, where confirming each answer by binary search through the sorted keys
    /// cost a dozen comparisons in memory outside the cache.
    func mayContinue(in lists: [WordList]) -> Bool {
        let hash = continuationHash
        return lists.contains { $0.prefixFilter.mayContain(hash) }
    }

    private mutating func add(_ byte: UInt8) {
        bytes.append(byte)
        hasher.add(byte: byte)
    }
}
