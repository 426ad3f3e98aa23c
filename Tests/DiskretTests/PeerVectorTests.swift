import Foundation
import Testing
@testable import Diskret

/// One value of `Fixtures/peer-vectors/vectors.jsonl`: an identifier or phone number as Presidio's tests,
/// python-stdnum or phonenumbers write it (see the README there).
struct PeerVector: Decodable, Sendable, CustomTestStringConvertible {
    let value: String
    let kind: String
    let category: Category
    /// The source's verdict: a checksum that holds, a shape the source accepts.
    let valid: Bool
    let label: String
    let source: String
    /// Why a valid value is tested after its label only (nil: it is also tested in bare running text).
    let labelledOnly: String?

    var testDescription: String { "\(kind) \(valid ? "valid" : "invalid") \(value)" }

    /// Every vector, in file order.
    static let all: [PeerVector] = {
        let url = TestSupport.repository.appendingPathComponent("Fixtures/peer-vectors/vectors.jsonl")
        guard let data = try? Data(contentsOf: url) else { fatalError("Fixtures/peer-vectors/vectors.jsonl is not readable") }
        return data.split(separator: 0x0A).map { line in
            guard let vector = try? JSONDecoder().decode(PeerVector.self, from: Data(line)) else { fatalError("a line of vectors.jsonl is no vector") }
            return vector
        }
    }()

    /// The vectors a writer could leave without a label: valid ones.
    static let bare = all.filter { $0.valid && $0.labelledOnly == nil }

    /// An identifier that is also a phone number's twin without its label (a Hessian Steuernummer
    /// "013 815 08153", a BSNR "021234568"): a leading 0, then digits, spaces, slashes and hyphens.
    var looksLikePhone: Bool {
        value.first == "0" && value.allSatisfy { $0.isASCII && ($0.isNumber || " /-".contains($0)) }
    }
}

/// Peer test vectors: whatever other projects test as German identifiers and phone numbers is masked whole —
/// after its label whether or not its checksum holds (a typo still points to an account), and without a label
/// when it is valid.
@Suite struct PeerVectorTests {
    @Test func everySourceContributes() {
        let sources = Set(PeerVector.all.map { $0.source.prefix(while: { $0 != " " }) })
        #expect(sources == ["Presidio", "python-stdnum", "phonenumbers"])
        #expect(PeerVector.all.contains { !$0.valid } && PeerVector.bare.count > PeerVector.all.count / 2)
    }

    @Test(arguments: PeerVector.all)
    func maskedAfterItsLabel(_ vector: PeerVector) throws {
        try expectMasked(vector, before: "Im Formular stand \(vector.label) ", after: ", das wurde geprüft.", as: [vector.category])
    }

    @Test(arguments: PeerVector.bare)
    func maskedInRunningText(_ vector: PeerVector) throws {
        // Without its label a phone-shaped identifier may be masked as a phone: masked it is.
        let accepted: Set<Category> = vector.category == .id && vector.looksLikePhone ? [.id, .contact] : [vector.category]
        try expectMasked(vector, before: "Im Formular stand ", after: ", das wurde geprüft.", as: accepted)
        try expectMasked(vector, before: "Sie notierte ", after: ".", as: accepted)
    }

    /// Every character of the value but spaces lies inside a finding, and every finding touching it has one of
    /// the `accepted` categories.
    private func expectMasked(_ vector: PeerVector, before: String, after: String, as accepted: Set<Category>) throws {
        let sentence = before + vector.value + after
        let start = before.unicodeScalars.count
        let value = start..<(start + vector.value.unicodeScalars.count)
        let findings = try TestSupport.engine.findings(in: sentence)
        let scalars = Array(sentence.unicodeScalars)
        let uncovered = value.filter { index in
            !scalars[index].properties.isWhitespace && !findings.contains { $0.start <= index && index < $0.end }
        }
        let touching = findings.filter { $0.start < value.upperBound && value.lowerBound < $0.end }
        let masked = try TestSupport.engine.anonymize(sentence).text
        #expect(uncovered.isEmpty, "partly readable: \(masked)")
        #expect(touching.allSatisfy { accepted.contains($0.category) },
                "masked as \(touching.map { "\($0.category) (\($0.rule))" }), expected \(accepted): \(masked)")
    }
}
