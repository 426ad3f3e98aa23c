import Foundation

/// A rule's ICU regex: compiled when the pack is loaded, or — for a pack read from the pack cache, whose
/// expressions all compiled when it was made — when a note first needs it. Compiling every pattern was most
/// of a warm start's rule loading (ICU builds a Unicode set for each `\p{…}`), and a note needs few of them.
///
/// Shared by all sessions: the first `pattern()` compiles under the lock and keeps the template (or the
/// error, so that a pattern that fails fails the same way for every note); sessions only ever clone it.
final class RulePattern: @unchecked Sendable {
    // Safety: `state` is read and written only under `lock`; a compiled template is immutable and cloned
    // (`RegexPattern.makeMatcher`), never matched against.
    private let lock = NSLock()
    private var state: State

    private enum State {
        case compiled(RegexPattern)
        case failed(DiskretError)
        case deferred(@Sendable () throws(DiskretError) -> RegexPattern)
    }

    /// A pattern compiled already.
    init(_ compiled: RegexPattern) { state = .compiled(compiled) }

    /// A pattern that `compile` makes on first use; its errors must name the rule, never note text.
    init(deferred compile: @escaping @Sendable () throws(DiskretError) -> RegexPattern) { state = .deferred(compile) }

    /// Whether the pattern has been compiled (or has failed) by now.
    var isCompiled: Bool {
        lock.withLock { if case .deferred = state { return false } else { return true } }
    }

    /// The compiled template, compiled now if it was deferred.
    func pattern() throws(DiskretError) -> RegexPattern {
        let result: Result<RegexPattern, DiskretError> = lock.withLock {
            switch state {
            case let .compiled(pattern): return .success(pattern)
            case let .failed(error): return .failure(error)
            case let .deferred(compile):
                do throws(DiskretError) {
                    let pattern = try compile()
                    state = .compiled(pattern)
                    return .success(pattern)
                } catch {
                    state = .failed(error)
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }

    /// A matcher of its own for one session.
    func makeMatcher() throws(DiskretError) -> RegexMatcher { try pattern().makeMatcher() }
}
