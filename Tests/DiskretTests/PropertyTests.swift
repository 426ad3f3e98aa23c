import Foundation
import Testing
@testable import Diskret

/// Properties that must hold for every note: generated notes with planted identifiers, a fixed seed in CI.
/// Run many more cases with `DISKRET_PROPERTY_CASES=5000 swift test --filter PropertyTests` (and
/// `DISKRET_PROPERTY_SEED=…` to replay a failure).
@Suite struct PropertyTests {
    /// SplitMix64: small, fast and reproducible across platforms.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = UInt64(ProcessInfo.processInfo.environment["DISKRET_PROPERTY_SEED"] ?? "") ?? 20_261_124
    static let cases = Int(ProcessInfo.processInfo.environment["DISKRET_PROPERTY_CASES"] ?? "") ?? 150

    static let firstNames = ["Anna", "Lena", "Mehmet", "Oksana", "Ayşe", "Jürgen", "Mia", "Dariusz", "Fatima", "Yusuf", "Olena", "Kevin"]
    static let surnames = ["Kowalczyk", "Yılmaz", "Schneider", "Petrenko", "Al-Khatib", "Nowak", "Öztürk", "Brückner", "Hoffmann", "Demir"]
    static let honorifics = ["Frau", "Herr", "Hr.", "Fr.", "KM", "KV", "Klientin", "Dr."]
    static let filler = ["Die Polizei wurde verständigt.", "Das Jugendamt ist informiert.", "Gemäß § 8a SGB VIII wurde geprüft.",
                         "Der ASD plant einen Hausbesuch.", "Die Kinder waren anwesend.", "Ein Schutzplan wurde besprochen.",
                         "Es gab keine Verletzungen.", "Die Interventionsstelle nimmt Kontakt auf."]

    /// A note and the identifiers planted in it.
    static func note(_ random: inout Generator) -> (text: String, planted: [String]) {
        var sentences: [String] = []
        var planted: [String] = []
        for _ in 0..<Int.random(in: 2...6, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                let name = "\(firstNames.randomElement(using: &random)!) \(surnames.randomElement(using: &random)!)"
                sentences.append("\(honorifics.randomElement(using: &random)!) \(name) berichtete von dem Vorfall.")
                planted.append(contentsOf: name.split(separator: " ").map(String.init))
            case 1:
                let date = String(format: "%02d.%02d.20%02d", Int.random(in: 1...28, using: &random), Int.random(in: 1...12, using: &random),
                                  Int.random(in: 10...29, using: &random))
                sentences.append("Der Termin am \(date) fand statt.")
                planted.append(date)
            case 2:
                let phone = "0\(Int.random(in: 151...179, using: &random)) \(Int.random(in: 1_000_000...9_999_999, using: &random))"
                sentences.append("Erreichbar unter Tel. \(phone).")
                planted.append(phone)
            case 3:
                let file = "\(Int.random(in: 1...99, using: &random)) F \(Int.random(in: 10...999, using: &random))/\(Int.random(in: 20...26, using: &random))"
                sentences.append("Az. \(file) beim Familiengericht.")
                planted.append(file)
            default:
                sentences.append(filler.randomElement(using: &random)!)
            }
        }
        return (sentences.joined(separator: random.next() % 2 == 0 ? " " : "\n"), planted)
    }

    @Test func plantedIdentifiersAreMaskedAndTheRestIsUntouched() throws {
        var random = Generator(state: Self.seed)
        let session = try TestSupport.engine.makeSession()
        for _ in 0..<Self.cases {
            let (text, planted) = Self.note(&random)
            let result = try session.anonymize(text)
            for identifier in planted {
                #expect(!result.text.contains(identifier), "seed \(Self.seed): '\(identifier)' leaked from: \(text)")
            }
            // Findings are ordered, disjoint and inside the input.
            let length = text.unicodeScalars.count
            var previousEnd = 0
            for finding in result.findings {
                #expect(finding.start >= previousEnd && finding.start < finding.end && finding.end <= length)
                previousEnd = finding.end
            }
            // Outside the findings the output is the input, character for character.
            let scalars = Array(text.unicodeScalars)
            var rebuilt = String.UnicodeScalarView()
            var position = 0
            for finding in result.findings {
                rebuilt.append(contentsOf: scalars[position..<finding.start])
                rebuilt.append(contentsOf: (finding.replacement ?? String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))).unicodeScalars)
                position = finding.end
            }
            rebuilt.append(contentsOf: scalars[position...])
            #expect(String(rebuilt) == result.text)
            // Filtering the output again finds nothing but placeholders.
            let again = try session.anonymize(result.text)
            #expect(again.text == result.text, "seed \(Self.seed): re-filtering changed: \(result.text) -> \(again.text)")
        }
    }
}
