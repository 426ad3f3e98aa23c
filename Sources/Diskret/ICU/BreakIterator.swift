import DiskretICU

/// An ICU break iterator (word or sentence) over a UTF-16 buffer. One per thread; not `Sendable`.
final class BreakIterator {
    /// A segment boundary and ICU's rule status for the segment that ends there.
    struct Boundary { var offset: Int; var status: Int32 }

    private let handle: OpaquePointer

    /// Opens an iterator; `locale` follows ICU (`de`, `de@ss=standard`).
    init(sentences: Bool, locale: String) throws(DiskretError) {
        var error: Int32 = 0
        guard let handle = dk_breaker_open(sentences ? Int32(DK_BREAK_SENTENCE) : Int32(DK_BREAK_WORD), locale, &error) else {
            throw DiskretError.icu(function: "ubrk_open", code: icuErrorName(error))
        }
        self.handle = handle
    }

    deinit { dk_breaker_close(handle) }

    /// Calls `body` for every boundary after the start of `text`, in order; an error from `body` ends the walk.
    func forEachBoundary(in text: UnsafeBufferPointer<UInt16>, _ body: (Boundary) throws(DiskretError) -> Void) throws(DiskretError) {
        guard text.count > 0 else { return }
        try checkICU(dk_breaker_set_text(handle, text.baseAddress, Int32(text.count)), "ubrk_setText")
        // Detach the text so no dangling pointer stays inside ICU.
        defer { _ = dk_breaker_set_text(handle, nil, 0) }
        var status: Int32 = 0
        while true {
            let offset = dk_breaker_next(handle, &status)
            if offset < 0 { break }
            try body(Boundary(offset: Int(offset), status: status))
        }
    }
}

extension BreakIterator {
    /// ICU's German word break, as the tokenizer splits a note.
    static func germanWords() throws(DiskretError) -> BreakIterator { try BreakIterator(sentences: false, locale: "de") }

    /// ICU's German sentence break; `ss=standard` keeps "Dr." and "Fa." from ending a sentence.
    static func germanSentences() throws(DiskretError) -> BreakIterator {
        try BreakIterator(sentences: true, locale: "de@ss=standard")
    }
}
