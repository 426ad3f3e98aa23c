import Diskret

/// Arbitrary bytes as a note, masked by a session that always runs the pattern prefilter and by one that
/// never does: the two must agree exactly, or the prefilter has hidden (or invented) a match.
enum PrefilterFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let filtered = try? sessions.always.anonymize(text)
        let unfiltered = try? sessions.never.anonymize(text)
        guard let filtered, let unfiltered else {
            // Failing closed is allowed, but both sessions must fail alike.
            if (filtered == nil) != (unfiltered == nil) { fatalError("the prefilter changed whether the note fails") }
            return
        }
        Invariants.check(input: text, result: filtered)
        if filtered.text != unfiltered.text || filtered.findings != unfiltered.findings {
            fatalError("the prefilter changed the findings")
        }
    }

    /// The two sessions, with the German pack, for the whole process.
    nonisolated(unsafe) static let sessions: (always: Session, never: Session) = {
        do {
            let pack = try RulePack.load(directory: rulesDirectory)
            return (try Engine(rules: pack, options: EngineOptions(patternPrefilter: .always)).makeSession(),
                    try Engine(rules: pack, options: EngineOptions(patternPrefilter: .never)).makeSession())
        } catch {
            fatalError("the rule pack does not load: \(error)")
        }
    }()
}
