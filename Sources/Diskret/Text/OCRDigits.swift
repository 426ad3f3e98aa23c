/// Numbers as OCR misreads them in scanned faxes and letters: "2O25", "l2.O3.", "O6749", "366-2l90", where the
/// letters O, o, l and I stand for the digits 0 and 1. Read as digits, every date, phone, postcode and room rule
/// sees the number; left as letters, none does and the digits around them leak.
///
/// A letter is read as a digit only inside a run of digits, those four letters and the separators `.` `:` `/` `-`
/// that stands apart from other letters ("Oslo", "hallo" and "2l Wasser" stay as they are), holds at least two
/// digits and no more of the four letters than digits.
enum OCRDigits {
    /// The longest run looked at on either side of a letter: numbers are short.
    private static let reach = 24

    /// Whether `unit` is one of the letters OCR gives for a digit.
    @inline(__always)
    static func isLookAlike(_ unit: UInt16) -> Bool { unit == 0x4F || unit == 0x6F || unit == 0x6C || unit == 0x49 }

    /// The digit the look-alike letter at `index` stands for, or nil when it is a letter.
    static func digit(in note: UnsafeBufferPointer<UInt16>, at index: Int) -> UInt16? {
        let unit = note[index]
        guard isLookAlike(unit) else { return nil }
        // The cheap test first: a letter beside another letter (most "l" and "o" of a note) is in a word.
        if index > 0, isOtherLetter(note[index - 1]) { return nil }
        if index + 1 < note.count, isOtherLetter(note[index + 1]) { return nil }
        var start = index
        while start > 0 && index - start < reach && isRunUnit(note[start - 1]) { start -= 1 }
        var end = index + 1
        while end < note.count && end - index < reach && isRunUnit(note[end]) { end += 1 }
        if start > 0 && isOtherLetter(note[start - 1]) { return nil }
        if end < note.count && isOtherLetter(note[end]) { return nil }
        var digits = 0, lookAlikes = 0
        for position in start..<end {
            let unit = note[position]
            if unit >= 0x30 && unit <= 0x39 { digits += 1 } else if isLookAlike(unit) { lookAlikes += 1 }
        }
        guard digits >= 2, lookAlikes <= digits else { return nil }
        return unit == 0x4F || unit == 0x6F ? 0x30 : 0x31
    }

    @inline(__always)
    private static func isRunUnit(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || isLookAlike(unit) || unit == 0x2E || unit == 0x3A || unit == 0x2F || unit == 0x2D
    }

    /// A letter that is not one of the look-alikes (any script: "Ö" next to "l" is a word).
    @inline(__always)
    private static func isOtherLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A) && !isLookAlike(unit) }
        return isLatinLetter(unit) || unit >= 0x370
    }
}
