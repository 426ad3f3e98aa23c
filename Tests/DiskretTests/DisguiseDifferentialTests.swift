import Testing
@testable import Diskret

/// Every gold span of every fixture note, disguised in each way pasted text disguises it: each span masked
/// in the plain note must be masked completely in the disguised one. The disguises are generated here from
/// a seed, not written out, so no special case can satisfy the test.
@Suite struct DisguiseDifferentialTests {
    @Test(arguments: DisguiseKind.allCases)
    func everySpanMaskedInThePlainNoteIsMaskedWhenDisguised(_ kind: DisguiseKind) throws {
        let session = try TestSupport.engine.makeSession()
        var disguiser = Disguiser(seed: 20_261_205)
        var disguisedSpans = 0
        for document in FixtureCorpus.documents {
            let plain = FixtureCorpus.maskedCompletely(document, try session.anonymize(document.text).findings)
            let disguised = disguiser.disguise(document, as: kind)
            try #require(disguised.entities.count == document.entities.count)
            let masked = FixtureCorpus.maskedCompletely(disguised, try session.anonymize(disguised.text).findings)
            for (index, entity) in disguised.entities.enumerated() where plain[index] {
                // Scalars, not strings: Swift compares strings up to canonical equivalence, so NFD would equal NFC.
                if Array(FixtureCorpus.surface(entity, in: disguised).unicodeScalars) != Array(FixtureCorpus.surface(document.entities[index], in: document).unicodeScalars) {
                    disguisedSpans += 1
                }
                #expect(masked[index], "\(document.id): \(kind) span \(index) \(FixtureCorpus.surface(entity, in: disguised).debugDescription) not masked completely")
            }
        }
        // The disguise must have changed most spans, or the test would prove nothing.
        #expect(disguisedSpans > (kind == .nfd || kind == .linebreak || kind == .nbsp ? 50 : 1000), "only \(disguisedSpans) spans were disguised")
    }
}
