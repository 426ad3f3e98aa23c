import Foundation
@testable import Diskret

/// The fixture gold corpus (`Fixtures/corpus.jsonl`) and what "masked completely" means for its spans.
enum FixtureCorpus {
    /// Every document of the fixture corpus, in file order.
    static let documents: [GoldDocument] = {
        let url = TestSupport.repository.appendingPathComponent("Fixtures/corpus.jsonl")
        guard let data = try? Data(contentsOf: url) else { fatalError("Fixtures/corpus.jsonl is not readable") }
        return data.split(separator: 0x0A).map { line in
            guard let document = try? JSONDecoder().decode(GoldDocument.self, from: Data(line)) else { fatalError("a line of corpus.jsonl is no gold document") }
            return document
        }
    }()

    /// Per entity of `document`, whether `findings` cover every scalar of it that is not white space —
    /// invisible characters included: a soft hyphen left outside a mask would leave its neighbours too.
    static func maskedCompletely(_ document: GoldDocument, _ findings: [Finding]) -> [Bool] {
        let scalars = Array(document.text.unicodeScalars)
        var covered = [Bool](repeating: false, count: scalars.count)
        for finding in findings { for index in finding.start..<finding.end { covered[index] = true } }
        return document.entities.map { entity in
            let letters = (entity.start..<entity.end).filter { !scalars[$0].properties.isWhitespace }
            return !letters.isEmpty && letters.allSatisfy { covered[$0] }
        }
    }

    /// The text of `entity` in `document` (for failure messages of tests only; fixtures are fictional).
    static func surface(_ entity: GoldDocument.Entity, in document: GoldDocument) -> String {
        let scalars = Array(document.text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[entity.start..<entity.end]))
    }
}
