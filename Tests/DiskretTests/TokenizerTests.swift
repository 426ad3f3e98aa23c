import Testing
@testable import Diskret

@Suite struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    private func keys(_ text: String) throws -> [String] {
        let tokenized = try tokenizer.tokenize(Array(text.utf16))
        return tokenized.tokens.indices.map { String(decoding: tokenized.key($0), as: UTF8.self) }
    }

    @Test func foldsCaseUmlautsAndTransliterationToOneKey() throws {
        #expect(try keys("Müller MÜLLER Mueller") == ["mueller", "mueller", "mueller"])
        #expect(try keys("Straße") == ["strasse"])
        #expect(try keys("Yılmaz Москва") == ["yilmaz", "moskva"])
    }

    @Test func theLatinFastPathFoldsLikeICUsTransliterator() throws {
        let folder = try KeyFolder()
        var compared = 0
        for value in Array(0x80...0x24F) + Array(0x400...0x4FF) + Array(0x1E00...0x1EFF) + Array(0x2000...0x21FF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let word = "Ab\(scalar)Çz"
            #expect(try folder.key(of: word) == folder.transliteratedKey(of: word), "U+\(String(value, radix: 16))")
            compared += 1
        }
        #expect(compared > 1300)
        #expect(try folder.key(of: "Łódź Øresund Þór Ærø") == folder.transliteratedKey(of: "Łódź Øresund Þór Ærø"))
    }

    /// Words of ASCII and German letters are folded, hashed and shaped in one pass without ICU: their keys,
    /// key hashes and shape flags agree with ICU's folding, `fnv1a` and `shapeFlags`, in every case pattern.
    @Test func germanWordsFoldInOnePassLikeICU() throws {
        let folder = try KeyFolder()
        let shape: Token.Flags = [.capitalized, .allCaps, .hasDigit, .lowercase]
        var words = ["Müller", "MÜLLER", "müller", "Straße", "STRASSE", "ß", "ẞ", "Ä", "äö", "ÖZ", "Übergabe", "Gruß12",
                     "12ä", "Ärztin", "ÄRZTIN", "aÄ", "Ää", "x", "Ü1", "öffentl", "Schöße", "Mül\u{AD}ler", "Café", "Çelik"]
        for letter in ["ä", "ö", "ü", "Ä", "Ö", "Ü", "ß"] {
            words += ["\(letter)b", "B\(letter)", "\(letter)B", "b\(letter)c", "\(letter)\(letter)", "\(letter)1"]
        }
        for word in words {
            let tokenized = try tokenizer.tokenize(Array(word.utf16))
            for index in tokenized.tokens.indices where tokenized.tokens[index].kind != .punctuation {
                let token = tokenized.tokens[index]
                let units = Array(word.utf16)[token.range]
                #expect(Array(tokenized.key(index)) == (try folder.key(of: String(decoding: units, as: UTF16.self))), "\(word)")
                #expect(token.keyHash == fnv1a(tokenized.key(index)), "\(word)")
                let expected = Array(units).withUnsafeBufferPointer { tokenizer.shapeFlags($0) }
                #expect(token.flags.intersection(shape) == expected.intersection(shape), "\(word)")
            }
        }
    }

    /// Cyrillic letters fold through a table made from ICU's transliterator. The transliterator could treat
    /// a letter differently next to another, so every pair of Cyrillic letters, in both cases, and whole
    /// Ukrainian and Russian names are compared with it too.
    @Test func cyrillicFoldsLikeICUsTransliteratorInPairsAndNames() throws {
        let folder = try KeyFolder()
        let letters = (0x400...0x4FF).compactMap(Unicode.Scalar.init).filter { $0.properties.isAlphabetic }.map(String.init)
        var compared = 0
        for first in letters {
            for second in letters where second.lowercased() == second || first.lowercased() != first {
                let word = first + second
                #expect(try folder.key(of: word) == folder.transliteratedKey(of: word), "\(word)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
        for name in ["Олена Коваленко", "Юлія Щербак", "Подъячев", "Ёлкин", "Гнатюк", "Їжакевич", "Єрмоленко", "Ґалаґан",
                     "Наталья Пьянкова", "Дар'я Ковальчук", "ЖУРАВЛЬОВА", "Mykola Шевченко"] {
            #expect(try folder.key(of: name) == folder.transliteratedKey(of: name), "\(name)")
        }
    }

    @Test func ignoresSoftHyphensAndReadsNFDAsNFC() throws {
        #expect(try keys("Mül\u{AD}ler") == ["mueller"])
        #expect(try keys("Mu\u{308}ller") == ["mueller"])
    }

    @Test func keepsDatesAndHouseNumbersAsSingleTokens() throws {
        let text = "Am 24.12.2023 in der Lindenstraße 12a."
        let tokenized = try tokenizer.tokenize(Array(text.utf16))
        let words = tokenized.tokens.map { tokenized.string($0.range) }
        #expect(words == ["Am", "24.12.2023", "in", "der", "Lindenstraße", "12a", "."])
        #expect(tokenized.tokens[1].kind == .number)
    }

    @Test func marksSentenceStartsCapitalsAndLineBreaks() throws {
        let text = "Hr. Dr. Koch kam.\nDie KM blieb."
        let tokenized = try tokenizer.tokenize(Array(text.utf16))
        let byText = Dictionary(tokenized.tokens.map { (tokenized.string($0.range), $0.flags) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["Hr"]!.contains(.sentenceStart))
        #expect(!byText["Koch"]!.contains(.sentenceStart), "ss=standard keeps abbreviations from ending a sentence")
        #expect(byText["Koch"]!.contains(.capitalized))
        #expect(byText["Die"]!.contains(.newlineBefore) && byText["Die"]!.contains(.lineStart))
        #expect(byText["KM"]!.contains(.allCaps))
        #expect(byText["blieb"]!.contains(.lowercase))
    }

    @Test func offsetsAreUTF16IntoTheInput() throws {
        let text = "🙂 Anna"
        let tokenized = try tokenizer.tokenize(Array(text.utf16))
        let anna = try #require(tokenized.tokens.last)
        #expect(anna.start == 3 && anna.end == 7)
    }

    /// The shape flags skip the General Punctuation and Currency blocks without asking Unicode: none of
    /// their characters may be a letter or a number, and a word glued to one keeps its flags.
    @Test func punctuationBlocksHoldNoLettersOrNumbers() throws {
        for value in Array(0x2000...0x206F) + Array(0x20A0...0x20CF) {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!scalar.properties.isAlphabetic && scalar.properties.numericType == nil, "U+\(String(value, radix: 16))")
        }
        let tokenized = try tokenizer.tokenize(Array("„Koch“ – 12 € KM…".utf16))
        let byText = Dictionary(tokenized.tokens.map { (tokenized.string($0.range), $0.flags) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["Koch"]!.contains(.capitalized) && byText["KM"]!.contains(.allCaps) && byText["12"]!.contains(.hasDigit))
        #expect(byText["–"].map { !$0.contains(.lowercase) && !$0.contains(.capitalized) } == true)
    }

    /// The table behind `firstToken(endingAfter:)` answers as its definition does at every offset, around
    /// glued invisible characters, surrogate pairs, a word longer than several blocks of the table, a block
    /// of many short tokens and trailing space, and past the ends.
    @Test func firstTokenEndingAfterMatchesItsDefinitionAtEveryOffset() throws {
        let text = "  Fi\u{200B}scher 🙂 kam am 24.12.2023,\n\nAnna K. blieb. Donaudampfschifffahrtsgesellschaftskapitän a b c d e f g h i  "
        let tokenized = try tokenizer.tokenize(Array(text.utf16))
        for offset in -2...(tokenized.units.count + 2) {
            let expected = tokenized.tokens.firstIndex { $0.end > offset } ?? tokenized.tokens.count
            #expect(tokenized.firstToken(endingAfter: offset) == expected, "offset \(offset)")
        }
    }
}
