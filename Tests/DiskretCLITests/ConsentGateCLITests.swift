import Foundation
import GRDB
import Testing

/// Issue 19's "Why", case by case, as a user or a curious insider would try it: each fails closed with its
/// documented exit code. A class, so that `deinit` removes each test's directory however the test ends.
@Suite(.serialized) final class ConsentGateCLITests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-gate-\(UUID().uuidString)")
    var registry: String { directory.appendingPathComponent("registry.sqlite").path }

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
    deinit { try? FileManager.default.removeItem(at: directory) }

    private func write(_ text: String, to name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, input: Data(input.utf8), environment: environment)
    }

    private func grant(_ subject: String, purpose: String = "strafverfahren", recipient: String = "Anwalt KV",
                       _ extra: [String] = []) throws -> BinaryRunner.Result {
        try run(["consent", "grant", "--subject", subject, "--purpose", purpose, "--recipient", recipient, "--categories", "person",
                 "--registry", registry, "--actor", "fk"] + extra)
    }

    private func reveal(_ subject: String, roster: String, note: String, purpose: String = "strafverfahren",
                        recipient: String = "Anwalt KV", _ extra: [String] = []) throws -> BinaryRunner.Result {
        try run(["filter", "--roster", roster, "--reveal", subject, "--purpose", purpose, "--recipient", recipient,
                 "--registry", registry, "--actor", "fk"] + extra, input: note)
    }

    // MARK: Why 1: the father's consent reveals the mother

    @Test func why1TheFathersConsentNeverRevealsTheMotherOrNeighbours() throws {
        let roster = try write("""
            case: K-1
            persons:
              - {subject: K-1/KV, role: Kindsvater, names: [Piotr Kowalski]}
              - {subject: K-1/KM, role: Kindsmutter, names: [Anna Kowalska]}
            """, to: "r.yaml")
        #expect(try grant("K-1/KV").status == 0)
        let mother = try reveal("K-1/KV", roster: roster, note: "KM Anna Kowalska lebt im Frauenhaus.\n")
        #expect(mother.status == 0 && mother.stdout == "KM [Kindsmutter] lebt im Frauenhaus.\n", "\(mother.stdout)")
        let father = try reveal("K-1/KV", roster: roster, note: "KV Piotr Kowalski kam.\n")
        #expect(father.stdout == "KV Piotr Kowalski kam.\n")

        let maier = try write("case: K-2\npersons:\n  - {subject: K-2/KM, role: Kindsmutter, names: [Eva Maier]}\n", to: "m.yaml")
        #expect(try grant("K-2/KM").status == 0)
        let neighbours = try reveal("K-2/KM", roster: maier, note: "Frau Maier kam. Herr Meier kam. Frau Mayer kam. Herr Maler kam.\n")
        #expect(neighbours.status == 0 && neighbours.stdout.hasPrefix("Frau Maier kam. Herr "), "\(neighbours.stdout)")
        for name in ["Meier", "Mayer", "Maler"] { #expect(!neighbours.stdout.contains(name)) }
    }

    // MARK: Why 2: a consent forged or changed with the sqlite3 shell

    /// Runs SQL as someone with the sqlite3 shell would (GRDB when the shell is not installed).
    private func shell(_ sql: String, path: String? = nil) throws {
        try DatabaseQueue(path: path ?? registry).write { try $0.execute(sql: sql) }
    }

    private func fixtureReveal(recipient: String = "Jugendamt Soest") throws -> BinaryRunner.Result {
        let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
        return try reveal("K-2024-017/KM", roster: roster, note: "KM Anna Fischer-Yılmaz kam.\n", purpose: "schutzplan", recipient: recipient)
    }

    @Test func why2AConsentInsertedWithTheShellIsRefusedAndReported() throws {
        #expect(try grant("K-2024-017/KV").status == 0)
        try shell("""
            INSERT INTO consent (subject, purpose, recipients, categories, valid_from, granted_at, recorded_by)
            VALUES ('K-2024-017/KM', 'schutzplan', 'Jugendamt Soest', 'person', '2020-01-01', '2020-01-01T00:00:00.000Z', 'fk')
            """)
        let forged = try fixtureReveal()
        #expect(forged.status == 77 && forged.stdoutData.isEmpty && forged.stderr.contains("consent 2 is not vouched for"), "\(forged.stderr)")
        let verify = try run(["audit", "verify", "--registry", registry])
        #expect(verify.status == 1 && verify.stdout.contains("consent 2 is not vouched for"), "\(verify.stdout)")
    }

    @Test func why2DeletingAWithdrawalOrWideningAConsentIsCaught() throws {
        #expect(try grant("K-2024-017/KM", purpose: "schutzplan", recipient: "Jugendamt Soest").status == 0)
        #expect(try run(["consent", "withdraw", "1", "--registry", registry, "--actor", "fk"]).status == 0)
        try shell("DROP TRIGGER withdrawal_no_delete; DELETE FROM withdrawal;")
        let revived = try fixtureReveal()
        #expect(revived.status == 77 && revived.stdoutData.isEmpty && revived.stderr.contains("withdrawal of consent 1"), "\(revived.stderr)")
        #expect(try run(["audit", "verify", "--registry", registry]).status == 1)

        let second = directory.appendingPathComponent("second.sqlite").path
        #expect(try run(["consent", "grant", "--subject", "K-2024-017/KM", "--purpose", "schutzplan", "--recipient", "Frauenhaus",
                         "--categories", "person", "--until", "2027-01-31", "--registry", second, "--actor", "fk"]).status == 0)
        try shell("DROP TRIGGER consent_no_update; UPDATE consent SET recipients = 'Frauenhaus' || char(10) || 'Jugendamt Soest', valid_until = NULL;",
                  path: second)
        let widened = try run(["filter", "--roster", BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path,
                               "--reveal", "K-2024-017/KM", "--purpose", "schutzplan", "--recipient", "Jugendamt Soest", "--registry", second],
                              input: "KM Anna Fischer-Yılmaz kam.\n")
        #expect(widened.status == 77 && widened.stdoutData.isEmpty)
        let verify = try run(["audit", "verify", "--json", "--registry", second])
        #expect(verify.status == 1 && verify.stdout.contains("\"table\":\"consent\"") && verify.stdout.contains("\"id\":1"), "\(verify.stdout)")
    }

    @Test func why2ARewrittenOrShortenedLogNoLongerExtendsTheRecordedHead() throws {
        for subject in ["K-1/KM", "K-1/KV", "K-1/K1"] { #expect(try grant(subject).status == 0) }
        let head = try run(["audit", "head", "--registry", registry])
        #expect(head.status == 0 && head.stdout.hasPrefix("3:") && head.stdout.count == 2 + 64 + 1, "\(head.stdout)")
        let anchor = head.stdout.trimmingCharacters(in: .newlines)
        #expect(try grant("K-1/K2").status == 0)
        #expect(try run(["audit", "verify", "--expect", anchor, "--registry", registry]).status == 0, "a longer log still extends the head")
        // Delete the last two entries and consents and reset the counters: the chain alone says intact.
        try shell("""
            DROP TRIGGER audit_no_delete; DROP TRIGGER consent_no_delete;
            DELETE FROM audit WHERE id >= 3; DELETE FROM consent WHERE id >= 3;
            UPDATE sqlite_sequence SET seq = 2 WHERE name IN ('audit', 'consent');
            """)
        #expect(try run(["audit", "verify", "--registry", registry]).status == 0)
        let shortened = try run(["audit", "verify", "--expect", anchor, "--registry", registry])
        #expect(shortened.status == 1 && shortened.stdout.contains("shorter than the expected head"), "\(shortened.stdout)")
        #expect(try run(["audit", "verify", "--expect", "3:zz", "--registry", registry]).status == 64)
    }

    @Test func why2VerifyingAMissingRegistryExits66AndCreatesNothing() throws {
        let missing = directory.appendingPathComponent("missing.sqlite").path
        for arguments in [["audit", "verify"], ["audit"], ["audit", "head"], ["consent", "status"], ["consent", "list"]] {
            let result = try run(arguments + ["--registry", missing])
            #expect(result.status == 66 && result.stdoutData.isEmpty, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: missing), "\(arguments)")
        }
    }

    // MARK: Why 3: a registry from a newer schema

    @Test(arguments: ["PRAGMA user_version = 99", "INSERT INTO grdb_migrations VALUES ('v9-restrictions')",
                      "CREATE TABLE restriction (subject TEXT NOT NULL)"])
    func why3ARegistryFromANewerSchemaIsRefusedUnwritten(_ change: String) throws {
        #expect(try grant("K-2024-017/KM", purpose: "schutzplan", recipient: "Jugendamt Soest").status == 0)
        try shell(change)
        let reveal = try fixtureReveal()
        #expect(reveal.status == 78 && reveal.stdoutData.isEmpty && reveal.stderr.contains("newer Diskret"), "\(reveal.stderr)")
        for arguments in [["consent", "grant", "--subject", "K-1/KM", "--purpose", "p", "--recipient", "A", "--categories", "person"],
                          ["audit", "verify"], ["consent", "status"]] {
            let result = try run(arguments + ["--registry", registry, "--actor", "fk"])
            #expect(result.status == 78 && result.stderr.contains("newer Diskret"), "\(arguments): \(result.stderr)")
        }
        let audit = try DatabaseQueue(path: registry).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") }
        #expect(audit == 1, "nothing was written")
    }

    // MARK: Why 8: "reveal-allowed" for a run that failed

    @Test func why8ARunThatDeliversNothingIsAuditedAsAborted() throws {
        #expect(try grant("K-2024-017/KM", purpose: "schutzplan", recipient: "Jugendamt Soest").status == 0)
        let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
        let invalid = try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--purpose", "schutzplan",
                                            "--recipient", "Jugendamt Soest", "--registry", registry], input: Data([0x41, 0xFF, 0x42]))
        #expect(invalid.status == 65 && invalid.stdoutData.isEmpty)
        let missing = try reveal("K-2024-017/KM", roster: roster, note: "", purpose: "schutzplan", recipient: "Jugendamt Soest",
                                 ["--input", directory.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 66 && missing.stdoutData.isEmpty)
        let delivered = try fixtureReveal()
        #expect(delivered.status == 0 && delivered.stdout.contains("Anna Fischer-Yılmaz"))
        let audit = try run(["audit", "--json", "--registry", registry])
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["action"] as! String } == ["grant", "reveal-aborted", "reveal-aborted", "reveal-allowed"])
        #expect((entries[1]["detail"] as! String).contains("reason=input refused"))
        #expect((entries[2]["detail"] as! String).contains("reason=input file missing"))
    }
}
