import Foundation
import Testing

/// The consent gate seen from outside: no consent, no reveal, and nothing on standard output.
@Suite(.serialized) struct ConsentCLITests {
    let registry = FileManager.default.temporaryDirectory.appendingPathComponent("cli-registry-\(UUID().uuidString).sqlite").path
    let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
    let note = try! String(contentsOf: BinaryRunner.repository.appendingPathComponent("Fixtures/notes/00-beispiel-polizeimitteilung.txt"), encoding: .utf8)

    private func reveal(_ extra: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--purpose", "schutzplan",
                              "--recipient", "Jugendamt Soest", "--registry", registry] + extra, input: note)
    }

    @Test func revealIsGatedByConsentAndEveryDecisionIsAudited() throws {
        let denied = try reveal(["--reveal-categories", "person"])
        #expect(denied.status == 77 && denied.stdoutData.isEmpty)
        #expect(denied.stderr.contains("consent missing") && denied.stderr.contains("K-2024-017/KM"))
        #expect(!denied.stderr.contains("Fischer"), "the message names the subject key, never the person")

        let grant = try BinaryRunner.run(["consent", "grant", "--subject", "K-2024-017/KM", "--purpose", "schutzplan",
                                          "--recipient", "Jugendamt Soest", "--categories", "person", "--registry", registry, "--actor", "t"])
        #expect(grant.status == 0 && grant.stdout == "granted consent 1\n")

        let allowed = try reveal(["--reveal-categories", "person"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("KM Anna Fischer-Yılmaz"))
        #expect(!allowed.stdout.contains("0170 1234567"), "contact was not covered")
        #expect(!allowed.stdout.contains("Murat"), "other persons stay masked")

        let wider = try reveal(["--reveal-categories", "person,contact"])
        #expect(wider.status == 77 && wider.stdoutData.isEmpty)

        let withdraw = try BinaryRunner.run(["consent", "withdraw", "1", "--registry", registry, "--actor", "t"])
        #expect(withdraw.status == 0)
        let after = try reveal(["--reveal-categories", "person"])
        #expect(after.status == 77 && after.stdoutData.isEmpty && after.stderr.contains("withdrawn"))

        let audit = try BinaryRunner.run(["audit", "--registry", registry])
        let actions = audit.stdout.split(separator: "\n").map { $0.split(separator: "\t")[3] }
        #expect(actions == ["reveal-denied", "grant", "reveal-allowed", "reveal-denied", "withdraw", "reveal-denied"])
        let verify = try BinaryRunner.run(["audit", "verify", "--registry", registry])
        #expect(verify.status == 0 && verify.stdout == "audit chain intact: 6 entries\n")
    }

    @Test func rosterPersonsAreMaskedByRoleWithoutAnyRegistry() throws {
        let result = try BinaryRunner.run(["filter", "--roster", roster], input: note)
        #expect(result.status == 0)
        #expect(result.stdout.contains("KM [Kindsmutter]") && result.stdout.contains("KV [Kindsvater]"))
        #expect(result.stdout.contains("Kinder: [Kind 1] ([Alter]) und [Kind 2] ([Alter])"))
        #expect(!result.stdout.contains("Yılmaz") && !result.stdout.contains("Fischer"))
    }
}
