/// Splits a note into tokens with ICU's German word and sentence break iterators and folds their keys.
/// One per thread: it owns ICU handles.
final class Tokenizer {
    private let words: BreakIterator
    private let sentences: BreakIterator
    let folder: KeyFolder

    init() throws(DiskretError) {
        words = try BreakIterator.germanWords()
        sentences = try BreakIterator.germanSentences()
        folder = try KeyFolder()
    }

    /// Tokenises UTF-16 `units`.
    func tokenize(_ units: [UInt16]) throws(DiskretError) -> TokenizedText {
        var text = TokenizedText(units: units)
        // German notes run at about one token per five UTF-16 units (measured on the bench corpus): a quarter
        // leaves room, and a growing array would hold a long note's tokens twice while it is copied.
        text.tokens.reserveCapacity(units.count / 4 + 1)
        text.keys.reserveCapacity(units.count)
        var sentenceStarts: [Int] = [0]
        try units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in
            try sentences.forEachBoundary(in: buffer) { sentenceStarts.append($0.offset) }
            var segmentStart = 0
            var gap: Token.Flags = []
            var sentenceIndex = 0
            var atLineStart = true
            var glueNext = false
            // Tokens are made as ICU reports boundaries; collecting the boundaries first would take 16 bytes a token.
            try words.forEachBoundary(in: buffer) { (boundary) throws(DiskretError) in
                let range = segmentStart..<boundary.offset
                segmentStart = boundary.offset
                let first = buffer[range.lowerBound]
                if boundary.status < 100 && isSpace(first) {
                    gap.insert(.spaceBefore)
                    if buffer[range].contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x2028 || $0 == 0x2029 }) {
                        gap.insert(.newlineBefore); atLineStart = true
                    }
                    return
                }
                // Invisible characters inside a word ("Fi\u{200B}scher", pasted from PDFs) must not split it:
                // they and the word part after them are glued to the token before.
                if boundary.status < 100 && buffer[range].allSatisfy(isInvisible), gap.isEmpty, let last = text.tokens.last,
                   last.end == range.lowerBound, last.kind == .word {
                    glueNext = true
                    try extend(&text, to: range.upperBound, buffer)
                    return
                }
                if glueNext, gap.isEmpty, boundary.status >= 200, let last = text.tokens.last, last.end == range.lowerBound {
                    glueNext = false
                    try extend(&text, to: range.upperBound, buffer)
                    return
                }
                glueNext = false
                var token = Token(start: range.lowerBound, end: range.upperBound, kind: .other, flags: gap,
                                  keyStart: text.keys.count, keyEnd: text.keys.count)
                gap = []
                if atLineStart { token.flags.insert(.lineStart); atLineStart = false }
                let previousEnd = text.tokens.last?.end ?? -1
                while sentenceIndex < sentenceStarts.count && sentenceStarts[sentenceIndex] <= range.lowerBound {
                    if sentenceStarts[sentenceIndex] > previousEnd { token.flags.insert(.sentenceStart) }
                    sentenceIndex += 1
                }
                switch boundary.status {
                case 100..<200: token.kind = .number
                case 200..<500: token.kind = .word
                default: token.kind = isPunctuation(first) ? .punctuation : .other
                }
                let slice = UnsafeBufferPointer(rebasing: buffer[range])
                if let (flags, hash) = Self.foldGerman(slice, into: &text.keys) {
                    token.flags.formUnion(flags)
                    token.keyHash = hash
                } else {
                    token.flags.formUnion(shapeFlags(slice))
                    try folder.appendKey(of: slice, to: &text.keys)
                    token.keyHash = fnv1a(text.keys[token.keyStart..<text.keys.count])
                }
                token.keyEnd = try keyEnd(of: text)
                text.tokens.append(token)
            }
        }
        text.indexTokens()
        return text
    }

    /// Extends the last token to `end` and folds its key anew over the whole span.
    private func extend(_ text: inout TokenizedText, to end: Int, _ buffer: UnsafeBufferPointer<UInt16>) throws(DiskretError) {
        var token = text.tokens.removeLast()
        text.keys.removeSubrange(token.keyStart...)
        token.end = end
        let slice = UnsafeBufferPointer(rebasing: buffer[token.start..<end])
        token.flags.formUnion(shapeFlags(slice))
        try folder.appendKey(of: slice, to: &text.keys)
        token.keyEnd = try keyEnd(of: text)
        token.keyHash = fnv1a(text.keys[token.keyStart..<token.keyEnd])
        text.tokens.append(token)
    }

    /// The end of the keys so far, which tokens store in 32 bits: folding can lengthen a text several times
    /// over (a ligature, a Cyrillic letter), so a note near the input limit may not fit.
    private func keyEnd(of text: TokenizedText) throws(DiskretError) -> Int {
        guard text.keys.count <= Int(Int32.max) else {
            throw DiskretError.inputTooLarge(bytes: text.units.count, limit: EngineOptions.inputLimit)
        }
        return text.keys.count
    }

    /// The key of a whole phrase, tokenised as a note would be: what word lists and triggers store.
    func phraseKey(_ phrase: String) throws(DiskretError) -> (key: [UInt8], tokens: Int) {
        let text = try tokenize(Array(phrase.utf16))
        return (text.joinedKey(0..<text.tokens.count), text.tokens.count)
    }

    /// The shape flags, key and key hash of a word of ASCII and German letters (ä, ö, ü, ß and their capitals)
    /// in one pass over it: what `shapeFlags`, `KeyFolder.appendKey` (NFKC case folding, the umlauts' de-ASCII
    /// forms) and `fnv1a` give for it, without ICU — German words with an umlaut had gone to ICU's folding, and
    /// every word was walked three times. Nil, with nothing appended, for a word with any other unit.
    @inline(__always)
    private static func foldGerman(_ word: UnsafeBufferPointer<UInt16>, into keys: inout [UInt8]) -> (Token.Flags, UInt64)? {
        let start = keys.count
        var flags: Token.Flags = []
        var letters = 0, upper = 0, lower = 0
        var hash = FNV1a()
        for unit in word {
            if unit < 0x80 {
                var byte = UInt8(truncatingIfNeeded: unit)
                switch byte {
                case 0x30...0x39: flags.insert(.hasDigit)
                case 0x41...0x5A:
                    if letters == 0 { flags.insert(.capitalized) }
                    letters += 1; upper += 1; byte |= 0x20
                case 0x61...0x7A: letters += 1; lower += 1
                default: break
                }
                keys.append(byte)
                hash.add(byte: byte)
                continue
            }
            let first: UInt8, second: UInt8, isUpper: Bool
            switch unit {
            case 0xE4: (first, second, isUpper) = (0x61, 0x65, false)  // ä: ae
            case 0xF6: (first, second, isUpper) = (0x6F, 0x65, false)  // ö: oe
            case 0xFC: (first, second, isUpper) = (0x75, 0x65, false)  // ü: ue
            case 0xDF: (first, second, isUpper) = (0x73, 0x73, false)  // ß: ss
            case 0xC4: (first, second, isUpper) = (0x61, 0x65, true)   // Ä
            case 0xD6: (first, second, isUpper) = (0x6F, 0x65, true)   // Ö
            case 0xDC: (first, second, isUpper) = (0x75, 0x65, true)   // Ü
            default:
                keys.removeSubrange(start...)
                return nil
            }
            if isUpper {
                if letters == 0 { flags.insert(.capitalized) }
                upper += 1
            } else {
                lower += 1
            }
            letters += 1
            keys.append(first); keys.append(second)
            hash.add(byte: first); hash.add(byte: second)
        }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        if letters > 0 && lower == letters { flags.insert(.lowercase) }
        return (flags, hash.value)
    }

    /// Case and digit facts of a token. ASCII and Latin-1 letters are classified directly; only other
    /// scripts ask Swift's Unicode tables, which are slow per character.
    func shapeFlags(_ word: UnsafeBufferPointer<UInt16>) -> Token.Flags {
        var flags: Token.Flags = []
        var letters = 0, upper = 0, lower = 0, firstLetterSeen = false
        func letter(isUpper: Bool, isLower: Bool) {
            letters += 1
            if isUpper { upper += 1 } else if isLower { lower += 1 }
            if !firstLetterSeen { firstLetterSeen = true; if isUpper { flags.insert(.capitalized) } }
        }
        var index = 0
        while index < word.count {
            let unit = word[index]
            index += 1
            switch unit {
            case 0x30...0x39: flags.insert(.hasDigit)
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: letter(isUpper: true, isLower: false)
            case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF: letter(isUpper: false, isLower: true)
            // ASCII signs, and the dashes, quotes and currency signs of the General Punctuation and Currency
            // blocks, are neither letters nor numbers: common in notes, and not worth two Unicode look-ups each.
            case 0..<0x80, 0x2000...0x206F, 0x20A0...0x20CF: continue
            default:
                var scalarValue = UInt32(unit)
                if UTF16.isLeadSurrogate(unit), index < word.count, UTF16.isTrailSurrogate(word[index]) {
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(word[index]) - 0xDC00)
                    index += 1
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { continue }
                let properties = scalar.properties
                if properties.numericType != nil { flags.insert(.hasDigit); continue }
                guard properties.isAlphabetic else { continue }
                letter(isUpper: properties.isUppercase || properties.generalCategory == .titlecaseLetter, isLower: properties.isLowercase)
            }
        }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        if letters > 0 && lower == letters { flags.insert(.lowercase) }
        return flags
    }
}

/// Zero-width and other invisible format characters that hide inside words.
private func isInvisible(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x00AD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x034F, 0x180E: return true
    default: return false
    }
}

/// ASCII and common Unicode punctuation (the tokenizer's "none" segments that are not space).
private func isPunctuation(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0xA7, 0xAB, 0xBB, 0x2010...0x2027, 0x2030...0x205E: return true
    default: return false
    }
}
