/// The phrase keys of the texts that pattern rules check against their lists ("Soest", "59494", "Anna"), kept
/// per session: the same few texts come back in note after note, and each key tokenises its text anew with
/// ICU. A key depends only on the text's units, so a kept one is the one that would be made.
final class PhraseKeyMemo {
    private var keys: [[UInt16]: [UInt8]] = [:]
    /// The most texts kept; past it the memo starts anew, so that a long run holds no more than this.
    let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    /// The phrase key of `units`, as `tokenizer.phraseKey` makes it from the text's string.
    func key(of units: ArraySlice<UInt16>, tokenizer: Tokenizer) throws(DiskretError) -> [UInt8] {
        let text = Array(units)
        if let known = keys[text] { return known }
        let key = try tokenizer.phraseKey(UTF16Conversion.string(of: units)).key
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys[text] = key
        return key
    }
}
