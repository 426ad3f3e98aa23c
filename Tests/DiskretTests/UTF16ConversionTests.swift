import Testing
@testable import Diskret

/// The engine's own UTF-8 ⇄ UTF-16 conversions agree with the standard library's on every kind of scalar.
@Suite struct UTF16ConversionTests {
    /// Strings with one-, two-, three- and four-byte scalars, combining marks and scalars at the edges.
    static let samples = [
        "", "a", "Müller-Lüdenscheidt, Straße 12", "Yılmaz ǅ ẞ €", "😀 👩‍👧 𝔄", "e\u{301}", "\u{7F}\u{80}\u{7FF}\u{800}",
        "\u{FFFF}\u{10000}\u{10FFFF}", "\u{D7FF}\u{E000}", "Zeile 1\nZeile 2\r\n\t\u{0}",
    ]

    @Test(arguments: samples)
    func unitsMatchTheUTF16View(_ text: String) {
        #expect(UTF16Conversion.units(of: text) == Array(text.utf16))
    }

    @Test(arguments: samples)
    func appendedUnitsMatchTheUTF16View(_ text: String) {
        var units: [UInt16] = [0x41]
        UTF16Conversion.append(text, to: &units)
        #expect(units == [0x41] + Array(text.utf16))
    }

    @Test(arguments: samples)
    func stringRoundTrips(_ text: String) {
        #expect(UTF16Conversion.string(of: Array(text.utf16)) == text)
    }

    @Test func randomScalarsRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                let value = [UInt32.random(in: 0..<0x80), UInt32.random(in: 0x80..<0x800), UInt32.random(in: 0x800..<0xD800),
                             UInt32.random(in: 0xE000..<0x10000), UInt32.random(in: 0x10000...0x10FFFF)].randomElement(using: &generator)!
                scalars.append(Unicode.Scalar(value)!)
            }
            let text = String(scalars)
            #expect(UTF16Conversion.units(of: text) == Array(text.utf16))
            #expect(UTF16Conversion.string(of: Array(text.utf16)) == text)
        }
    }

    /// ASCII runs of every length around other scalars: the conversions read ASCII eight bytes or four
    /// units at a time, so each run length and position must meet the scalar-by-scalar path correctly.
    @Test func asciiRunsOfEveryLengthAroundOtherScalars() {
        for before in 0..<18 {
            for after in 0..<18 {
                let text = String(repeating: "a", count: before) + "ü" + String(repeating: "b", count: after) + "😀€"
                    + String(repeating: "c", count: (before + after) % 11) + "\u{D7FF}" + String(repeating: "d", count: after)
                #expect(UTF16Conversion.units(of: text) == Array(text.utf16), "\(before) \(after)")
                #expect(UTF16Conversion.string(of: Array(text.utf16)) == text, "\(before) \(after)")
                let units = Array(text.utf16)
                #expect(units.withUnsafeBufferPointer { UTF16Conversion.utf8Count(of: $0) } == text.utf8.count)
                #expect(UTF16Conversion.string(of: units[before...]) == String(decoding: units[before...], as: UTF16.self))
            }
        }
        // A lone surrogate right after a run of four.
        let units: [UInt16] = [0x41, 0x42, 0x43, 0x44, 0xD800, 0x45, 0x46, 0x47, 0x48, 0x49]
        #expect(UTF16Conversion.string(of: units) == String(decoding: units, as: UTF16.self))
    }

    @Test(arguments: [[0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xD83D, 0xDE00]] as [[UInt16]])
    func loneSurrogatesBecomeReplacementCharacters(_ units: [UInt16]) {
        #expect(UTF16Conversion.string(of: units) == String(decoding: units, as: UTF16.self))
    }

    /// The string is allocated at the length `utf8Count` computes and written without bounds checks, so
    /// the count must be exact for every kind of unit: all samples, random scalars and lone surrogates.
    @Test func utf8CountIsTheConvertedLength() {
        var cases: [[UInt16]] = Self.samples.map { Array($0.utf16) } + [[0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xD83D, 0xDE00]]
        for value in stride(from: 0, to: 0x10000, by: 7) { cases.append([UInt16(value), 0xDE00, UInt16(0xFFFF - value)]) }
        for units in cases {
            let count = units.withUnsafeBufferPointer { UTF16Conversion.utf8Count(of: $0) }
            #expect(count == String(decoding: units, as: UTF16.self).utf8.count, "\(units)")
        }
    }
}
