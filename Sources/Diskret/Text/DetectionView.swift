import DiskretICU

/// The note as every detector reads it: text pasted from Word, PDFs and web pages made plain once, before any
/// rule runs, with a map from every view offset back to the note.
///
/// Dropped: invisible format characters (soft hyphen, zero-width characters, word joiner, a byte-order mark,
/// bidi marks and other default-ignorable `Cf` characters), the middle dot that splits Leichte Sprache's
/// compounds ("Jugend·amt") and control characters (NUL, DEL, U+001F, …; a lone
/// CR, VT, FF, NEL, U+2028 and U+2029 only inside a word, where they split it — a lone CR not in a note
/// whose lines end with one). Read as something else: every
/// space separator as a space, CR LF and a lone CR (and NEL, U+2028, U+2029 between words) as LF, full-width
/// forms as ASCII, decimal digits of other scripts as ASCII digits, the letters OCR gives for digits inside a
/// number as those digits (`OCRDigits`), look-alike letters from other scripts as
/// their Latin letter (`Homoglyphs`), a combining sequence in NFC, and a word hyphenated across a line end as
/// one word. Everything else — and a note with none of it, which costs one scan — stays as it is.
package struct DetectionView {
    /// The view's UTF-16 code units; the detectors' offsets point into these.
    package let units: [UInt16]
    /// Per view unit, where the note units it was read from begin and end; empty when the view is the note.
    private let sourceStarts: [Int32]
    private let sourceEnds: [Int32]
    private let noteLength: Int

    /// Whether the view is the note itself (nothing to normalise).
    package var isNote: Bool { sourceStarts.isEmpty }

    /// The view of a note given as UTF-16 code units.
    package init(note: [UInt16]) throws(DiskretError) {
        noteLength = note.count
        guard let first = note.withUnsafeBufferPointer({ DetectionView.firstChange(in: $0) }) else {
            units = note; sourceStarts = []; sourceEnds = []
            return
        }
        var builder = Builder(capacity: note.count)
        try note.withUnsafeBufferPointer { (buffer) throws(DiskretError) in try builder.read(buffer, from: first) }
        units = builder.units; sourceStarts = builder.starts; sourceEnds = builder.ends
    }

    /// The view of a string.
    package init(_ text: String) throws(DiskretError) { try self.init(note: UTF16Conversion.units(of: text)) }

    /// The note range that the view range `range` was read from, widened over the characters dropped at its
    /// edges, so that a masked span leaves no invisible character (and no digit behind one) outside it.
    package func noteRange(_ range: Range<Int>) -> Range<Int> {
        guard !isNote else { return range }
        let lower = range.lowerBound, upper = range.upperBound
        guard lower < upper else {
            let at = lower < units.count ? Int(sourceStarts[lower]) : noteLength
            return at..<at
        }
        // The gap between one view unit's source and the next holds only dropped characters.
        let start = lower > 0 ? min(Int(sourceStarts[lower]), Int(sourceEnds[lower - 1])) : 0
        let end = upper < units.count ? max(Int(sourceEnds[upper - 1]), Int(sourceStarts[upper])) : noteLength
        return start..<end
    }

    // MARK: The scan

    /// The first offset of `note` that the view changes, or nil: the fast path of every plain note.
    private static func firstChange(in note: UnsafeBufferPointer<UInt16>) -> Int? {
        var index = 0
        while index < note.count {
            let unit = note[index]
            // Printable ASCII except the hyphen, and Latin-1 and Latin Extended letters: never changed.
            if (unit >= 0x20 && unit < 0x7F && unit != 0x2D && !OCRDigits.isLookAlike(unit)) || (unit > 0xAD && unit < 0x300 && unit != 0xB7)
                || unit == 0x0A || unit == 0x09 {
                index += 1
                continue
            }
            if change(in: note, at: index) != nil { return index }
            index += 1
        }
        return nil
    }

    /// What the view makes of a note unit that it does not take as it is.
    fileprivate enum Change {
        /// Left out of the view.
        case drop
        /// Left out together with the units up to `end` (a hyphen and line end inside a word).
        case dropThrough(end: Int)
        /// Read as another unit; `width` note units (a CR LF, a surrogate pair) give the one unit.
        case unit(UInt16, width: Int)
        /// A combining mark: its sequence is read in NFC.
        case combining
    }

    /// What the view makes of the note's unit at `index`, or nil when it stays.
    /// `crEndsLines`: the note ends its lines with a lone CR (old Mac files), so a CR between two letters is a
    /// line end too, not a character pasted into a word.
    fileprivate static func change(in note: UnsafeBufferPointer<UInt16>, at index: Int, crEndsLines: Bool = false) -> Change? {
        let unit = note[index]
        switch unit {
        case 0x09, 0x0A: return nil
        case 0x0D:
            if index + 1 < note.count && note[index + 1] == 0x0A { return .unit(0x0A, width: 2) }
            return !crEndsLines && insideWord(note, index) ? .drop : .unit(0x0A, width: 1)
        case 0x0B, 0x0C: return insideWord(note, index) ? .drop : nil
        case 0x85, 0x2028, 0x2029: return insideWord(note, index) ? .drop : .unit(0x0A, width: 1)
        case 0x00...0x1F, 0x7F...0x9F: return .drop
        case 0x034F: return .drop
        case 0x2D, 0xAD, 0x2010:
            if let end = lineEndHyphenation(note, index) { return .dropThrough(end: end) }
            return unit == 0xAD ? .drop : nil
        case 0x4F, 0x6F, 0x6C, 0x49: return OCRDigits.digit(in: note, at: index).map { .unit($0, width: 1) }
        case 0x20...0x7E: return nil
        case 0xA0: return .unit(0x20, width: 1)
        case 0xB7, 0x2027: return isCompoundDot(note, index) ? .drop : nil
        case 0xA1..<0x300: return nil
        // General punctuation between the spaces and the invisible characters: dashes, quotes, bullets.
        case 0x2010...0x2027, 0x2030...0x205E: return nil
        case 0x20A0...0x20CF, 0x2100...0x2BFF: return nil
        case 0xFF01...0xFF5E: return .unit(unit - 0xFEE0, width: 1)
        default: break
        }
        if let latin = Homoglyphs.latin(of: unit) {
            return readsAsLatin(note, index) ? .unit(latin, width: 1) : nil
        }
        var width = 1
        var value = UInt32(unit)
        if UTF16.isLeadSurrogate(unit) {
            guard index + 1 < note.count, UTF16.isTrailSurrogate(note[index + 1]) else { return nil }
            value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(note[index + 1]) - 0xDC00)
            width = 2
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .spaceSeparator: return width == 1 ? .unit(0x20, width: 1) : nil
        case .format: return width == 1 ? .drop : .dropThrough(end: index + 2)
        case .decimalNumber:
            guard let digit = properties.numericValue, digit >= 0, digit <= 9 else { return nil }
            return .unit(0x30 + UInt16(digit), width: width)
        default: break
        }
        if width == 1 && properties.canonicalCombiningClass != .notReordered { return .combining }
        return nil
    }

    /// The end of a word's hyphenation at a line end starting at `index` ("Lin-⏎den", "Lin\u{AD}⏎den"): the
    /// offset of the word's next letter, or nil. A hard hyphen joins only before a lower-case letter, so a
    /// double name broken after its hyphen ("Fischer-⏎Yılmaz") stays two words.
    private static func lineEndHyphenation(_ note: UnsafeBufferPointer<UInt16>, _ index: Int) -> Int? {
        var before = index - 1
        while before >= 0 && isInvisible(note[before]) { before -= 1 }
        guard before >= 0, isLetter(note[before]) else { return nil }
        var next = index + 1
        while next < note.count && (note[next] == 0x20 || note[next] == 0x09 || isInvisible(note[next])) { next += 1 }
        guard next < note.count else { return nil }
        switch note[next] {
        case 0x0D: next += next + 1 < note.count && note[next + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x2028, 0x85: next += 1
        default: return nil
        }
        while next < note.count && (note[next] == 0x20 || note[next] == 0x09 || isInvisible(note[next])) { next += 1 }
        guard next < note.count, isLetter(note[next]) else { return nil }
        if note[index] != 0xAD && !isLowercase(note[next]) { return nil }
        return next
    }

    /// Whether the middle dot at `index` splits a compound as Leichte Sprache writes it ("Beratungs·stelle",
    /// "Jugend·amt"): a letter before it, a small letter after it.
    private static func isCompoundDot(_ note: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
        index > 0 && index + 1 < note.count && isLetter(note[index - 1]) && isLowercase(note[index + 1])
    }

    /// Whether the unit at `index` stands between two letters or digits (ignoring invisible characters).
    private static func insideWord(_ note: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && isInvisible(note[before]) { before -= 1 }
        var after = index + 1
        while after < note.count && isInvisible(note[after]) { after += 1 }
        return before >= 0 && after < note.count && isWordUnit(note[before]) && isWordUnit(note[after])
    }

    /// Whether a look-alike letter at `index` reads as Latin: its word (as the view joins it) holds a Latin
    /// letter, or all its letters have a Latin look-alike. A word in another script ("Олег") keeps its
    /// letters; key folding transliterates it.
    private static func readsAsLatin(_ note: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
        func inWord(_ unit: UInt16) -> Bool { isWordUnit(unit) || isInvisible(unit) || isCombining(unit) }
        var start = index
        while start > 0 {
            if inWord(note[start - 1]) { start -= 1; continue }
            // Back over a hyphenation at a line end: from the hyphen, the join must end where the word goes on.
            var hyphen = start - 1
            while hyphen > 0 && (note[hyphen] == 0x20 || note[hyphen] == 0x09 || note[hyphen] == 0x0A || note[hyphen] == 0x0D || note[hyphen] == 0x2028 || note[hyphen] == 0x85) { hyphen -= 1 }
            guard start - hyphen <= 8, note[hyphen] == 0x2D || note[hyphen] == 0x2010, lineEndHyphenation(note, hyphen) == start else { break }
            start = hyphen
        }
        var end = index + 1
        while end < note.count {
            if inWord(note[end]) { end += 1; continue }
            guard note[end] == 0x2D || note[end] == 0x2010, let next = lineEndHyphenation(note, end) else { break }
            end = next
        }
        var allLookAlikes = true
        for unit in note[start..<end] {
            if isLatinLetter(unit) || (unit >= 0xFF21 && unit <= 0xFF3A) || (unit >= 0xFF41 && unit <= 0xFF5A) { return true }
            if Homoglyphs.latin(of: unit) == nil && isLetter(unit) { allLookAlikes = false }
        }
        return allLookAlikes
    }

    // MARK: Building the view

    /// Collects the view's units and, per unit, its source range in the note.
    private struct Builder {
        var units: [UInt16] = []
        var starts: [Int32] = []
        var ends: [Int32] = []

        init(capacity: Int) {
            units.reserveCapacity(capacity); starts.reserveCapacity(capacity); ends.reserveCapacity(capacity)
        }

        mutating func append(_ unit: UInt16, from start: Int, to end: Int) {
            units.append(unit); starts.append(Int32(start)); ends.append(Int32(end))
        }

        /// Reads `note` into the view: units before `first` as they are, the rest unit by unit.
        mutating func read(_ note: UnsafeBufferPointer<UInt16>, from first: Int) throws(DiskretError) {
            for index in 0..<first { append(note[index], from: index, to: index + 1) }
            // Two lone CRs and no LF: the note's own line ends, not a stray CR inside a name.
            var loneCRs = 0, hasLF = false
            for (index, unit) in note.enumerated() where unit == 0x0A || unit == 0x0D {
                if unit == 0x0A { hasLF = true; break }
                if index + 1 == note.count || note[index + 1] != 0x0A { loneCRs += 1 }
            }
            let crEndsLines = loneCRs >= 2 && !hasLF
            var index = first
            while index < note.count {
                guard let change = DetectionView.change(in: note, at: index, crEndsLines: crEndsLines) else {
                    append(note[index], from: index, to: index + 1)
                    index += 1
                    continue
                }
                switch change {
                case .drop: index += 1
                case .dropThrough(let end): index = end
                case .unit(let unit, let width):
                    append(unit, from: index, to: index + width)
                    index += width
                case .combining:
                    var end = index + 1
                    while end < note.count && isCombining(note[end]) { end += 1 }
                    try compose(note, marks: index..<end)
                    index = end
                }
            }
        }

        /// Replaces the last view character and the combining marks after it by their NFC.
        private mutating func compose(_ note: UnsafeBufferPointer<UInt16>, marks: Range<Int>) throws(DiskretError) {
            guard var base = units.indices.last else {
                for index in marks { append(note[index], from: index, to: index + 1) }
                return
            }
            if UTF16.isTrailSurrogate(units[base]) && base > 0 && UTF16.isLeadSurrogate(units[base - 1]) { base -= 1 }
            let source = Int(starts[base])
            let sequence = Array(units[base...]) + Array(note[marks])
            var composed = [UInt16](repeating: 0, count: sequence.count + 8)
            let length = dk_normalize(Int32(DK_NFC), sequence, Int32(sequence.count), &composed, Int32(composed.count))
            guard length >= 0, Int(length) <= composed.count else {
                throw DiskretError.icu(function: "unorm2_normalize", code: icuErrorName(length < 0 ? -length : 15))
            }
            units.removeSubrange(base...); starts.removeSubrange(base...); ends.removeSubrange(base...)
            for unit in composed[0..<Int(length)] { append(unit, from: source, to: marks.upperBound) }
        }
    }
}

/// Invisible characters that hide inside words and that the view drops.
private func isInvisible(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x00AD, 0x034F, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF: return true
    default: return false
    }
}

/// A combining mark (canonical combining class not zero) in the BMP.
private func isCombining(_ unit: UInt16) -> Bool {
    if unit < 0x300 || UTF16.isSurrogate(unit) { return false }
    if unit <= 0x36F { return unit != 0x34F }
    guard let scalar = Unicode.Scalar(unit) else { return false }
    return scalar.properties.canonicalCombiningClass != .notReordered
}

/// Letters and digits of any script (a BMP unit).
private func isWordUnit(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return (unit >= 0x30 && unit <= 0x39) || isLatinLetter(unit) }
    return isLetter(unit) || (Unicode.Scalar(unit)?.properties.numericType != nil)
}

/// A letter of any script (a BMP unit).
private func isLetter(_ unit: UInt16) -> Bool {
    if isLatinLetter(unit) { return true }
    if unit < 0x100 || UTF16.isSurrogate(unit) { return false }
    return Unicode.Scalar(unit)?.properties.isAlphabetic ?? false
}

/// A letter of the Latin script up to Latin Extended-B ("a", "ß", "ı", "ğ").
func isLatinLetter(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return true
    default: return false
    }
}

/// A lower-case letter of any script.
private func isLowercase(_ unit: UInt16) -> Bool {
    if unit >= 0x61 && unit <= 0x7A { return true }
    if unit < 0x80 || UTF16.isSurrogate(unit) { return false }
    return Unicode.Scalar(unit)?.properties.isLowercase ?? false
}
