/// One session's matchers of a list of rule patterns, each cloned (and its pattern compiled, if deferred) when
/// first asked for: a rule whose gates leave a note nothing to search costs that note nothing.
final class SessionMatchers {
    private let patterns: [RulePattern?]
    private var matchers: [RegexMatcher?]
    /// The matchers `bound(_:to:timeLimit:)` has bound to a text since the last `unbind()`.
    private var bound: [Int] = []

    init(_ patterns: [RulePattern?]) {
        self.patterns = patterns
        matchers = Array(repeating: nil, count: patterns.count)
    }

    /// The matcher of pattern `index`, which must exist.
    func matcher(_ index: Int) throws(DiskretError) -> RegexMatcher {
        if let matcher = matchers[index] { return matcher }
        guard let pattern = patterns[index] else { preconditionFailure("no pattern at \(index)") }
        let matcher = try pattern.makeMatcher()
        matchers[index] = matcher
        return matcher
    }

    /// The matcher of pattern `index`, bound to `text` at its first use since the last `unbind()`: `text` must
    /// stay alive until then.
    func bound(_ index: Int, to text: UnsafeBufferPointer<UInt16>, timeLimit: Int32) throws(DiskretError) -> RegexMatcher {
        let matcher = try matcher(index)
        if !bound.contains(index) {
            try matcher.reset(text, timeLimit: timeLimit)
            bound.append(index)
        }
        return matcher
    }

    /// Binds the matchers bound since the last call to the empty text, so that none keeps a pointer into a text
    /// that goes away.
    func unbind() throws(DiskretError) {
        while let index = bound.popLast() { try matchers[index]?.reset(UnsafeBufferPointer(start: nil, count: 0), timeLimit: 0) }
    }
}
