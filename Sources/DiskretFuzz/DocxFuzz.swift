import Diskret
import DiskretDocx
import Foundation

/// Arbitrary bytes as a `.docx`: the reader refuses them with a `DocxError` or yields text, which the engine
/// then masks within the invariants. A ZIP that unpacks beyond the limit must be refused, never read whole.
enum DocxFuzz {
    private static let limit = 1 << 20

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text: String
        do { text = try DocxText.extract(from: Data(buffer: bytes), limit: limit) } catch { return }
        guard let result = try? germanSession.anonymize(text) else { return }
        Invariants.check(input: text, result: result)
    }
}
