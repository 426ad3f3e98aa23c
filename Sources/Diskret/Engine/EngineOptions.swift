/// Settings of the engine that are not rules.
public struct EngineOptions: Sendable {
    /// Candidates scoring below this are not masked unless evidence promotes them.
    public var threshold: Double = 0.5
    /// The ICU regex time limit per match, in steps of its engine (a guard against pathological backtracking).
    public var regexTimeLimit: Int32 = 2_000
    /// The largest note, in UTF-8 bytes, the engine accepts (at most `EngineOptions.inputLimit`).
    public var maxInputBytes: Int = 64 << 20
    /// The largest note the engine can take whatever `maxInputBytes` says: ICU and the tokens address text
    /// with 32-bit offsets (1 GiB, well inside them).
    public static let inputLimit = 1 << 30
    /// When the pattern prefilter narrows where the pattern rules' regexes run. It never changes what they find.
    public var patternPrefilter: PatternPrefilterMode = .afterWarmUp
    /// Sessions time each pattern rule (`Session.patternRuleCosts`), for rule authors; off in normal runs.
    public var profilesRules = false

    /// Options with the defaults the command-line tool uses.
    public init(threshold: Double = 0.5, regexTimeLimit: Int32 = 2_000, maxInputBytes: Int = 64 << 20,
                patternPrefilter: PatternPrefilterMode = .afterWarmUp) {
        self.threshold = threshold; self.regexTimeLimit = regexTimeLimit; self.maxInputBytes = maxInputBytes
        self.patternPrefilter = patternPrefilter
    }
}

/// When a session runs the pattern prefilter (one automaton pass that tells each pattern rule where a match
/// could be, so its regex runs only there).
public enum PatternPrefilterMode: Sendable {
    /// Once the session has read 32 K UTF-16 units: until its automaton has been built for the kind of text
    /// at hand, the prefilter costs more than it saves (the default). From the first note when the session
    /// starts with patterns not yet compiled (a pack from the pack cache): then it spares compiles.
    case afterWarmUp
    /// From the first note (for tests and fuzzing of the prefilter).
    case always
    /// Never: every regex runs on all lines its gates let through.
    case never
}

/// A masked note and what was found in it.
public struct AnonymizedText: Sendable {
    /// The note with every finding replaced as the policy says.
    public let text: String
    /// The findings in text order, offsets in Unicode scalars of the input.
    public let findings: [Finding]
}
