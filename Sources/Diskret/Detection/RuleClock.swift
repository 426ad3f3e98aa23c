#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per pattern rule, the time its regex spent and the text it was run on: what `diskret rules profile`
/// reports, so that a rule author sees which rule a change made slow (as SwiftLint's `--benchmark` does).
/// Only a session made with `EngineOptions.profilesRules` keeps one; the others pay nothing.
package final class RuleClock {
    /// Nanoseconds per pattern rule, in pack order.
    package private(set) var nanoseconds: [UInt64]
    /// UTF-16 units of the regions each rule's regex was run on, after gates and prefilter.
    package private(set) var scannedUnits: [Int]

    init(ruleCount: Int) {
        nanoseconds = Array(repeating: 0, count: ruleCount)
        scannedUnits = Array(repeating: 0, count: ruleCount)
    }

    /// The monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    func record(rule: Int, since start: UInt64, units: Int) {
        nanoseconds[rule] &+= Self.now() &- start
        scannedUnits[rule] += units
    }
}

/// What one pattern rule cost over the notes a profiling session anonymised.
public struct RuleCost: Sendable {
    /// The rule's id.
    public let rule: String
    /// Seconds its regex ran.
    public let seconds: Double
    /// UTF-16 units of text its regex was run on (after its gates and the prefilter).
    public let scannedUnits: Int
}
