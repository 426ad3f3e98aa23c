import Diskret
import DiskretConsent

/// Arbitrary bytes through the engine with the German pack (and through the roster reader when they start
/// like a roster, `case:`; the roster target fuzzes that reader on its own).
enum EngineFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        if text.hasPrefix("case:") { _ = try? Roster.parse(text) }
        // Failing closed is allowed (time limits, size limits); crashing is not.
        guard let result = try? germanSession.anonymize(text) else { return }
        Invariants.check(input: text, result: result)
    }
}
