import Diskret
import DiskretConsent

/// Arbitrary bytes as a case roster: the reader refuses them or yields persons whose identifiers the engine
/// then looks for in a sample note (and in the roster text itself) without breaking the masking invariants.
enum RosterFuzz {
    private static let sample = "KM Anna Fischer-Yılmaz (geb. 12.03.1988), Lindenstraße 12, 59494 Soest, Tel. 0170 1234567.\n"

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self), let roster = try? Roster.parse(text) else { return }
        for note in [sample, sample + text] {
            guard let result = try? germanSession.anonymize(note, known: roster.persons) else { continue }
            Invariants.check(input: note, result: result)
        }
    }
}
