/// Counts ICU's word and sentence boundaries in texts and does nothing else: the part of a run that the
/// design's ICU tokenisation costs before any rule runs, which `diskret bench --floor` times.
/// One per thread: it owns ICU handles.
package final class BoundaryCounter {
    private let words: BreakIterator
    private let sentences: BreakIterator

    /// Opens the German word and sentence iterators that the tokenizer uses.
    package init() throws(DiskretError) {
        words = try BreakIterator.germanWords()
        sentences = try BreakIterator.germanSentences()
    }

    /// The number of word segments (words, numbers, spaces and signs alike) and of sentences in `text`,
    /// converted to UTF-16 as a note is.
    package func count(in text: String) throws(DiskretError) -> (segments: Int, sentences: Int) {
        let units = UTF16Conversion.units(of: text)
        var segments = 0, sentenceCount = 0
        try units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in
            try words.forEachBoundary(in: buffer) { _ in segments += 1 }
            try sentences.forEachBoundary(in: buffer) { _ in sentenceCount += 1 }
        }
        return (segments, sentenceCount)
    }
}
