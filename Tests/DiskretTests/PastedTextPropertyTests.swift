import Foundation
import Testing
@testable import Diskret

/// Invisible characters, space variants and control characters inserted at random places of random
/// fixture notes change nothing that is masked: every span masked in the plain note is masked completely
/// in the changed one. Seeded; run more with `DISKRET_PROPERTY_CASES=500` (and `DISKRET_PROPERTY_SEED=…`).
@Suite struct PastedTextPropertyTests {
    static let invisible: [Unicode.Scalar] = ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{202C}"]
    static let spaces: [Unicode.Scalar] = ["\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\u{3000}", "\u{2002}"]
    /// Control characters that a paste leaves inside a word (NUL, VT, U+001F, DEL, a lone CR, U+2028).
    static let controls: [Unicode.Scalar] = ["\u{0}", "\u{B}", "\u{1F}", "\u{7F}", "\r", "\u{2028}"]

    @Test func insertedInvisibleAndSpaceVariantsKeepEveryMaskedSpanMasked() throws {
        let session = try TestSupport.engine.makeSession()
        var random = PropertyTests.Generator(state: PropertyTests.seed ^ 0x5A5A)
        let documents = FixtureCorpus.documents
        for _ in 0..<max(12, PropertyTests.cases / 10) {
            let document = documents[Int(random.next() % UInt64(documents.count))]
            let plain = FixtureCorpus.maskedCompletely(document, try session.anonymize(document.text).findings)
            let changed = Self.change(document, &random)
            let masked = FixtureCorpus.maskedCompletely(changed, try session.anonymize(changed.text).findings)
            for index in changed.entities.indices where plain[index] {
                #expect(masked[index], "\(document.id) (seed \(PropertyTests.seed)): span \(FixtureCorpus.surface(changed.entities[index], in: changed).debugDescription)")
            }
        }
    }

    /// Random short notes made of the characters the view treats: findings stay ordered, disjoint, not
    /// empty and inside the note, and the text outside them is the note's own (the fuzz targets' invariant).
    @Test func randomPastedTextKeepsTheOutputInvariants() throws {
        let session = try TestSupport.engine.makeSession()
        let pieces = ["Frau ", "Tel. ", "Kowalczyk", "a", "ß", "Ä", "-", "\n", "\r", "\r\n", " ", "0", "7", "12.03.", "\u{AD}",
                      "\u{200B}", "\u{A0}", "\u{202F}", "\u{0}", "\u{B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{430}", "\u{3A1}",
                      "\u{308}", "\u{301}", "\u{FF11}", "\u{FF41}", "\u{661}", "\u{1D7CE}", "😀", "\u{E0041}", "\u{FEFF}", "\u{2010}"]
        var random = PropertyTests.Generator(state: PropertyTests.seed ^ 0xC0FFEE)
        for _ in 0..<max(300, PropertyTests.cases * 2) {
            var note = ""
            for _ in 0..<Int(random.next() % 40) { note += pieces[Int(random.next() % UInt64(pieces.count))] }
            let result = try session.anonymize(note)
            let scalars = Array(note.unicodeScalars)
            var previousEnd = 0
            var rebuilt = String.UnicodeScalarView()
            for finding in result.findings {
                #expect(finding.start >= previousEnd && finding.start < finding.end && finding.end <= scalars.count, "\(note.debugDescription)")
                guard finding.start >= previousEnd && finding.end <= scalars.count && finding.start <= finding.end else { break }
                rebuilt.append(contentsOf: scalars[previousEnd..<finding.start])
                rebuilt.append(contentsOf: (finding.replacement ?? "").unicodeScalars)
                previousEnd = finding.end
            }
            rebuilt.append(contentsOf: scalars[previousEnd...])
            #expect(Array(rebuilt) == Array(result.text.unicodeScalars), "\(note.debugDescription)")
        }
    }

    /// `document` with about forty characters inserted or spaces replaced at random places, and its
    /// entities moved with the text (an insertion at an entity's edge lies outside it).
    static func change(_ document: GoldDocument, _ random: inout PropertyTests.Generator) -> GoldDocument {
        var scalars = Array(document.text.unicodeScalars)
        var entities = document.entities
        for _ in 0..<40 {
            let position = Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 3 {
            case 0:
                if let space = scalars.indices.dropFirst(position).first(where: { scalars[$0] == " " }) {
                    scalars[space] = spaces[Int(random.next() % UInt64(spaces.count))]
                }
                continue
            case 1:
                // Control characters only where they would split a word.
                guard position > 0, position < scalars.count, scalars[position - 1].properties.isAlphabetic,
                      scalars[position].properties.isAlphabetic else { continue }
                scalars.insert(controls[Int(random.next() % UInt64(controls.count))], at: position)
            default:
                scalars.insert(invisible[Int(random.next() % UInt64(invisible.count))], at: position)
            }
            for index in entities.indices {
                if entities[index].start >= position { entities[index].start += 1 }
                if entities[index].end > position { entities[index].end += 1 }
            }
        }
        return GoldDocument(id: document.id, text: String(String.UnicodeScalarView(scalars)), entities: entities)
    }
}
