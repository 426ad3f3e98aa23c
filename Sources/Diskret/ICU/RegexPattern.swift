import DiskretICU

/// A compiled ICU regular expression, shared read-only and used only through per-thread clones.
final class RegexPattern: @unchecked Sendable {
    // Safety: the template is never matched against; ICU documents uregex_clone of a shared pattern as safe.
    private let template: OpaquePointer
    /// The number of capture groups.
    let groupCount: Int

    /// Compiles `pattern`; a syntax error is reported with the 1-based column inside the pattern as written.
    init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        var flags: UInt32 = UInt32(DK_REGEX_COMMENTS)
        if caseInsensitive { flags |= UInt32(DK_REGEX_CASE_INSENSITIVE) }
        var error: Int32 = 0, line: Int32 = 0, offset: Int32 = 0
        func open(_ text: String) -> OpaquePointer? {
            let units = Array(text.utf16)
            return units.withUnsafeBufferPointer { dk_regex_open($0.baseAddress, Int32($0.count), flags, &error, &line, &offset) }
        }
        // The error of a broken pattern is taken from the text as written, not from the rewritten one.
        guard let handle = open(Self.withListedDigitsInSets(pattern)) ?? open(pattern) else {
            throw RegexSyntaxError(code: icuErrorName(error), line: Int(line), offset: Int(offset))
        }
        template = handle
        groupCount = Int(dk_regex_group_count(handle))
    }

    /// The digits `\d` stands for inside a character class: ASCII, full-width and Arabic-Indic — the digits the
    /// line gates look for. ICU builds the whole decimal-number category anew for every `\d` inside brackets
    /// (outside them `\d` costs nothing), a noticeable part of the filter's start-up.
    static let listedDigits = "0-9\\x{FF10}-\\x{FF19}\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}"

    /// `pattern` with every `\d` inside `[…]` replaced by `listedDigits`. Read by code point, as ICU reads it,
    /// on UTF-8 bytes: the characters that matter are ASCII, and no byte of a longer UTF-8 sequence is (by
    /// `Character`, the rewrite had cost as much as a tenth of a start).
    static func withListedDigitsInSets(_ pattern: String) -> String {
        let backslash: UInt8 = 0x5C, digit: UInt8 = 0x64, hash: UInt8 = 0x23, newline: UInt8 = 0x0A
        var result: [UInt8] = [], depth = 0
        result.reserveCapacity(pattern.utf8.count + 64)
        var bytes = pattern.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == backslash {
                guard let next = bytes.next() else { result.append(byte); break }
                if next == digit && depth > 0 { result.append(contentsOf: listedDigits.utf8) } else { result.append(byte); result.append(next) }
                continue
            }
            if byte == hash && depth == 0 {
                // A free-spacing comment runs to the end of the line; its brackets are no sets.
                result.append(byte)
                while let skipped = bytes.next() {
                    result.append(skipped)
                    if skipped == newline { break }
                }
                continue
            }
            if byte == 0x5B { depth += 1 } else if byte == 0x5D && depth > 0 { depth -= 1 }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    deinit { dk_regex_close(template) }

    /// A matcher of its own for one thread.
    func makeMatcher() throws(DiskretError) -> RegexMatcher {
        var error: Int32 = 0
        guard let clone = dk_regex_clone(template, &error) else {
            throw DiskretError.icu(function: "uregex_clone", code: icuErrorName(error))
        }
        return RegexMatcher(handle: clone)
    }
}

/// Why a pattern did not compile.
struct RegexSyntaxError: Error {
    var code: String
    var line: Int
    var offset: Int
}

/// A per-thread clone of a pattern, bound to one text at a time.
final class RegexMatcher {
    private let handle: OpaquePointer

    fileprivate init(handle: OpaquePointer) { self.handle = handle }
    deinit { dk_regex_close(handle) }

    /// Binds the matcher to `text` (which must stay alive while matching) with a time limit in ICU steps.
    func reset(_ text: UnsafeBufferPointer<UInt16>, timeLimit: Int32) throws(DiskretError) {
        try checkICU(dk_regex_set_text(handle, text.baseAddress, Int32(text.count), timeLimit), "uregex_setText")
    }

    /// Restricts the search to `range` (UTF-16 offsets).
    func setRegion(_ range: Range<Int>) throws(DiskretError) {
        try checkICU(dk_regex_set_region(handle, Int32(range.lowerBound), Int32(range.upperBound)), "uregex_setRegion")
    }

    /// The next match in the region as the range of `group`, nil at the end. A time-out throws.
    func next(group: Int = 0) throws(DiskretError) -> Range<Int>? {
        while true {
            let found = dk_regex_find_next(handle)
            if found < 0 { throw DiskretError.icu(function: "uregex_findNext", code: icuErrorName(-found)) }
            if found == 0 { return nil }
            let start = Int(dk_regex_start(handle, Int32(group))), end = Int(dk_regex_end(handle, Int32(group)))
            if start >= 0 && end > start { return start..<end }
        }
    }

    /// The range of `group` in the last match, nil if it did not take part.
    func lastGroup(_ group: Int) throws(DiskretError) -> Range<Int>? {
        let start = Int(dk_regex_start(handle, Int32(group))), end = Int(dk_regex_end(handle, Int32(group)))
        return start >= 0 && end >= start ? start..<end : nil
    }

    /// Matches at the start of the region only: nil if nothing matched there, else where the match ends and the
    /// range of `group` (nil if it did not take part or is empty, as `next` skips such matches).
    func matchAtStart(group: Int) throws(DiskretError) -> (group: Range<Int>?, end: Int)? {
        let found = dk_regex_looking_at(handle)
        if found < 0 { throw DiskretError.icu(function: "uregex_lookingAt", code: icuErrorName(-found)) }
        guard found == 1 else { return nil }
        let start = Int(dk_regex_start(handle, Int32(group))), end = Int(dk_regex_end(handle, Int32(group)))
        return (start >= 0 && end > start ? start..<end : nil, Int(dk_regex_end(handle, 0)))
    }

    /// Matches at the start of the region only; the range of `group` if it matched.
    func matchHere(group: Int = 0) throws(DiskretError) -> Range<Int>? {
        let found = dk_regex_looking_at(handle)
        if found < 0 { throw DiskretError.icu(function: "uregex_lookingAt", code: icuErrorName(-found)) }
        guard found == 1 else { return nil }
        let start = Int(dk_regex_start(handle, Int32(group))), end = Int(dk_regex_end(handle, Int32(group)))
        return start >= 0 && end > start ? start..<end : nil
    }
}
