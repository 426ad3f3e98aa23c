import Diskret
import Foundation

/// Arbitrary bytes as a rule file beside the German pack's files (so its word-list paths resolve): the
/// loader either refuses it with an error or yields a pack whose examples can be checked and whose engine
/// masks a sample note without breaking the masking invariants.
enum RuleLoaderFuzz {
    private static let sample = """
        KM Frau Aylin Kaya (34 J.), wh. Lindenweg 12a, 59494 Soest, Tel. 0170/1234567, geb. 03.04.1990.
        Az. 12 F 345/24 – Herr Koch und der Koch; § 1666 BGB. Ärger über Öl 🙂 e\u{301}.
        """
    private static let cacheDirectory = RulePack.defaultCacheDirectory()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = String(validating: bytes, as: UTF8.self) else { return }
        let directory = rulesDirectory + "/de"
        let pack: RulePack
        do {
            pack = try RulePack.load(sources: [(directory + "/fuzz.yaml", source)], directory: directory,
                                     cacheDirectory: cacheDirectory)
        } catch {
            // A refusal must name the file and never be empty.
            precondition(!error.description.isEmpty, "empty rule error")
            return
        }
        let engine = Engine(rules: pack)
        _ = try? RuleExamples(engine: engine).verify(prefix: RuleExamples.offsetProbe)
        guard let session = try? engine.makeSession(), let result = try? session.anonymize(sample) else { return }
        Invariants.check(input: sample, result: result)
    }
}
