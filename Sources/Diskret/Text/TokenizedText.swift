/// A note as UTF-16 code units, its tokens and their folded keys.
struct TokenizedText {
    /// The note's UTF-16 code units; all offsets inside the engine point into these.
    let units: [UInt16]
    /// Non-space tokens in text order.
    var tokens: [Token] = []
    /// Folded keys of all tokens, concatenated.
    var keys: [UInt8] = []
    /// Per block of `blockUnits` UTF-16 offsets, the index of the first token that ends after the block's
    /// first offset; made by `indexTokens()` once the tokens are final. Stages ask for the tokens of
    /// candidates hundreds of times per note, and a binary search per question cost more than this table
    /// and a step or two from its entry. (A table per offset took four bytes a unit.)
    private var firstTokenOfBlock: [Int32] = []
    private static let blockUnits = 16

    init(units: [UInt16]) { self.units = units }

    /// The folded key of token `index`.
    func key(_ index: Int) -> ArraySlice<UInt8> { keys[tokens[index].keyStart..<tokens[index].keyEnd] }

    /// The keys of tokens `range` joined by single spaces: the form in which word lists store entries.
    func joinedKey(_ range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        for index in range {
            if index > range.lowerBound { result.append(0x20) }
            result.append(contentsOf: key(index))
        }
        return result
    }

    /// Fills the table behind `firstToken(endingAfter:)`; call again whenever `tokens` change.
    mutating func indexTokens() {
        let blocks = units.count / Self.blockUnits + 1
        var table = [Int32](repeating: Int32(tokens.count), count: blocks)
        table.withUnsafeMutableBufferPointer { table in
            var block = 0
            for (index, token) in tokens.enumerated() {
                while block < blocks && block * Self.blockUnits < token.end { table[block] = Int32(index); block += 1 }
            }
        }
        firstTokenOfBlock = table
    }

    /// The index of the first token that ends after `offset`.
    func firstToken(endingAfter offset: Int) -> Int {
        if offset >= 0 && offset / Self.blockUnits < firstTokenOfBlock.count {
            // Tokens are sorted by end: step on from the block's first token.
            var index = Int(firstTokenOfBlock[offset / Self.blockUnits])
            while index < tokens.count && tokens[index].end <= offset { index += 1 }
            return index
        }
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The value of token `index` when it is made of ASCII digits only ("24105", not "216,7").
    func asciiNumber(_ index: Int) -> Int? {
        var value = 0
        for unit in units[tokens[index].range] {
            guard isASCIIDigit(unit) else { return nil }
            value = value * 10 + Int(unit - 0x30)
        }
        return value
    }

    /// The UTF-16 units of `range` as a string (never for logs or errors: it is note text).
    func string(_ range: Range<Int>) -> String { UTF16Conversion.string(of: units[range]) }

    /// Whether the text between two tokens holds only white space without a blank line.
    func onlySpaceBetween(_ left: Int, _ right: Int) -> Bool {
        guard left < right else { return false }
        var newlines = 0
        for unit in units[tokens[left].end..<tokens[right].start] {
            if unit == 0x0A { newlines += 1; if newlines > 1 { return false } } else if !isSpace(unit) { return false }
        }
        return true
    }
}

/// White space as the tokenizer sees it, including no-break and other Unicode spaces.
func isSpace(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

extension Array where Element == UInt16 {
    /// Whether these units hold `word` at offset `start`.
    func has(_ word: [UInt16], at start: Int) -> Bool {
        start >= 0 && start + word.count <= count && self[start..<(start + word.count)].elementsEqual(word)
    }
}
