/// One non-space token of a note: a word, a number or a punctuation mark, with its matching key.
struct Token: Sendable {
    /// What the token is, from ICU's word-break rule status.
    enum Kind: UInt8, Sendable { case word, number, punctuation, other }

    /// Shape and position facts that rules ask about.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// The first letter is upper- or title-case ("Fischer", "Ömer").
        static let capitalized = Flags(rawValue: 1 << 0)
        /// Two or more letters, all upper-case ("FISCHER", "KM").
        static let allCaps = Flags(rawValue: 1 << 1)
        /// The first token of a sentence (ICU sentence break, `de@ss=standard`).
        static let sentenceStart = Flags(rawValue: 1 << 2)
        /// The first token of a line.
        static let lineStart = Flags(rawValue: 1 << 3)
        /// White space separates this token from the previous one.
        static let spaceBefore = Flags(rawValue: 1 << 4)
        /// A line break separates this token from the previous one.
        static let newlineBefore = Flags(rawValue: 1 << 5)
        /// Contains at least one digit.
        static let hasDigit = Flags(rawValue: 1 << 6)
        /// Only lower-case letters ("und", "koch").
        static let lowercase = Flags(rawValue: 1 << 7)
        /// Starts a sentence or a line: a capital here is no evidence of a name.
        static let initialPosition: Flags = [.sentenceStart, .lineStart]
    }

    // Offsets are stored in 32 bits (a note is at most `EngineOptions.inputLimit` bytes): a token takes 32
    // bytes instead of 40, and every stage walks the token array.
    private var start32: Int32
    private var end32: Int32
    private var keyStart32: Int32
    private var keyEnd32: Int32
    var kind: Kind
    var flags: Flags
    /// FNV-1a of the key: a cheap first test before comparing keys.
    var keyHash: UInt64 = 0

    init(start: Int, end: Int, kind: Kind, flags: Flags, keyStart: Int, keyEnd: Int) {
        start32 = Int32(start); end32 = Int32(end); keyStart32 = Int32(keyStart); keyEnd32 = Int32(keyEnd)
        self.kind = kind; self.flags = flags
    }

    /// UTF-16 offsets into the note.
    var start: Int { get { Int(start32) } set { start32 = Int32(newValue) } }
    var end: Int { get { Int(end32) } set { end32 = Int32(newValue) } }
    /// The range of the folded key in `TokenizedText.keys`.
    var keyStart: Int { get { Int(keyStart32) } set { keyStart32 = Int32(newValue) } }
    var keyEnd: Int { get { Int(keyEnd32) } set { keyEnd32 = Int32(newValue) } }

    var range: Range<Int> { start..<end }
    var isWord: Bool { kind == .word }
    var isCapitalizedWord: Bool { kind == .word && flags.contains(.capitalized) }
    var isAtInitialPosition: Bool { !flags.isDisjoint(with: .initialPosition) }
}
