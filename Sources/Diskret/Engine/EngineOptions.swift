/// Settings of the engine that are not rules.
public struct EngineOptions: Sendable {
    /// Candidates scoring below this are not masked unless evidence promotes them.
    public var threshold: Double = 0.5
    /// The ICU regex time limit per match, in steps of its engine (a guard against pathological backtracking).
    public var regexTimeLimit: Int32 = 2_000
    /// The largest note, in UTF-8 bytes, the engine accepts.
    public var maxInputBytes: Int = 64 << 20

    public init(threshold: Double = 0.5, regexTimeLimit: Int32 = 2_000, maxInputBytes: Int = 64 << 20) {
        self.threshold = threshold; self.regexTimeLimit = regexTimeLimit; self.maxInputBytes = maxInputBytes
    }
}

/// A masked note and what was found in it.
public struct AnonymizedText: Sendable {
    /// The note with every finding replaced as the policy says.
    public let text: String
    /// The findings in text order, offsets in Unicode scalars of the input.
    public let findings: [Finding]
}
