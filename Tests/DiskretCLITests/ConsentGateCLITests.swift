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

    // MARK: Why 6: the audit log forged through its own inputs

    @Test func why6ControlCharactersInInputsAreRefusedAndTheAuditPrintsOneLinePerEntry() throws {
        let forged = "fk\n99\t2026-01-01T00:00:00.000Z\tboss\twithdraw\tK-1/KM\t1\treason=x"
        let actor = try run(["consent", "grant", "--subject", "K-1/KM", "--purpose", "p", "--recipient", "A", "--categories", "person",
                             "--registry", registry, "--actor", forged])
        #expect(actor.status == 64 && actor.stderr.contains("actor holds a control or format character") && !actor.stderr.contains("boss"))
        let recipient = try grant("K-1/KM", recipient: "Anwalt\treveal-allowed")
        #expect(recipient.status == 64 && recipient.stderr.contains("recipient"))
        for field in [["--evidence", "Formular\u{202E}7"], ["--purpose", String(repeating: "p", count: 65)]] {
            #expect(try grant("K-1/KM", field).status == 64, "\(field[0])")
        }
        // Trimmed and NFC: a recipient typed with a decomposed umlaut and spaces is the same recipient.
        #expect(try grant("K-1/KM", recipient: "  Jugendamt Lörrach ").status == 0)
        let roster = try write("case: K-1\npersons:\n  - {subject: K-1/KM, role: Kindsmutter, names: [Eva Brandt]}\n", to: "r.yaml")
        let decomposed = try reveal("K-1/KM", roster: roster, note: "Eva Brandt kam.\n", recipient: "Jugendamt Lo\u{308}rrach")
        #expect(decomposed.status == 0 && decomposed.stdout == "Eva Brandt kam.\n", "\(decomposed.stderr)")
        // An entry stored with a newline (by the sqlite3 shell or an older version) prints escaped, on one line.
        try shell("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'fk' || char(10) || '7' || char(9) || 'x' WHERE id = 1")
        let audit = try run(["audit", "--registry", registry])
        let lines = audit.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2 && lines[0].contains("fk\\n7\\tx") && lines.allSatisfy { $0.split(separator: "\t").count == 7 }, "\(audit.stdout)")
    }

    // MARK: Why 7: time zone and calendar dates

    @Test func why7ValidityIsDecidedInTheRegistrysTimeZoneAndDatesAreRealDays() throws {
        for (option, value) in [("--until", "2027-02-30"), ("--from", "0000-01-01"), ("--until", "2027-13-01")] {
            let result = try grant("K-1/KM", [option, value])
            #expect(result.status == 64 && result.stderr.contains("real days"), "\(value)")
        }
        let roster = try write("case: K-1\npersons:\n  - {subject: K-1/KM, role: Kindsmutter, names: [Eva Brandt], birthdate: 1988-02-30}\n", to: "b.yaml")
        let birth = try run(["filter", "--roster", roster], input: "Eva Brandt kam.\n")
        #expect(birth.status == 65 && birth.stderr.contains(":3:") && birth.stdoutData.isEmpty, "\(birth.stderr)")

        // A consent from tomorrow (Berlin) is not open in Kiritimati's today, nor today's "until" stretched by Etc/GMT+12.
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        func day(_ offset: Int) -> String {
            let components = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: offset, to: Date())!)
            return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
        }
        #expect(try grant("K-1/KM", ["--from", day(1)]).status == 0)
        #expect(try grant("K-1/KM", purpose: "gestern", ["--from", day(-3), "--until", day(-1)]).status == 0)
        let clean = try write("case: K-1\npersons:\n  - {subject: K-1/KM, role: Kindsmutter, names: [Eva Brandt]}\n", to: "c.yaml")
        for zone in ["Pacific/Kiritimati", "Etc/GMT+12", "Etc/GMT-14"] {
            let early = try BinaryRunner.run(["filter", "--roster", clean, "--reveal", "K-1/KM", "--purpose", "strafverfahren", "--recipient", "Anwalt KV",
                                              "--registry", registry], input: Data("Eva Brandt kam.\n".utf8), environment: ["TZ": zone])
            #expect(early.status == 77 && early.stderr.contains("not-yet-valid") && early.stdoutData.isEmpty, "\(zone)")
            let late = try BinaryRunner.run(["filter", "--roster", clean, "--reveal", "K-1/KM", "--purpose", "gestern", "--recipient", "Anwalt KV",
                                             "--registry", registry], input: Data("Eva Brandt kam.\n".utf8), environment: ["TZ": zone])
            #expect(late.status == 77 && late.stderr.contains("expired"), "\(zone)")
        }
        #expect(try run(["consent", "time-zone", "--registry", registry]).stdout == "Europe/Berlin\n")
        #expect(try run(["consent", "time-zone", "--set", "Mars/Olympus", "--registry", registry, "--actor", "fk"]).status == 64)
        #expect(try run(["consent", "time-zone", "--set", "Europe/Vienna", "--registry", registry, "--actor", "fk"]).stdout == "Europe/Vienna\n")
        // The setting is vouched for by the chain like a consent.
        try shell("UPDATE setting SET value = 'Pacific/Kiritimati'")
        #expect(try run(["audit", "verify", "--registry", registry]).status == 1)
    }

    // MARK: Why 9: names through the side doors

    @Test func why9RolesComeFromTheListAndSubjectKeysCannotHoldAName() throws {
        let roster = try write("case: K-1\npersons:\n  - subject: K-1/KM\n    role: Frau Zyprianowska\n    names: [Eva Brandt]\n", to: "role.yaml")
        let role = try run(["filter", "--roster", roster], input: "Eva Brandt kam.\n")
        #expect(role.status == 65 && role.stderr.contains(":4:") && role.stderr.contains("unknown role") && !role.stderr.contains("Zyprianowska"))
        #expect(role.stdoutData.isEmpty)
        for subject in ["Zyprianowska1", "Anna.Zyprianowska.1988", "K-1/Zyprianowska"] {
            let result = try grant(subject)
            #expect(result.status == 64 && result.stderr.contains("never a name") && !result.stderr.contains("Zyprianowska"), "\(subject)")
            let keyed = try write("case: K-1\npersons:\n  - {subject: \(subject), role: Kind, names: [Eva Brandt]}\n", to: "k.yaml")
            let loaded = try run(["filter", "--roster", keyed], input: "Eva Brandt kam.\n")
            #expect(loaded.status == 65 && !loaded.stderr.contains("Zyprianowska"), "\(subject)")
        }
    }

    // MARK: Why 10: the vault trusts its header

    @Test func why10AnEditedVaultHeaderFailsFastWith65() throws {
        let key = directory.appendingPathComponent("case.key").path
        #expect(try run(["key", "new", key]).status == 0)
        let vault = directory.appendingPathComponent("case.vault").path
        let passphrase = ["DISKRET_VAULT_PASSPHRASE": "korrekt pferd batterie"]
        let filtered = try run(["filter", "--case-key", key, "--mask", "person=pseudonym", "--vault", vault], input: "Frau Anna Fischer kam.\n",
                               environment: passphrase)
        #expect(filtered.status == 0, "\(filtered.stderr)")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: vault))
        bytes[10] = 22; bytes[11] = 32; bytes[12] = 16  // 3 bytes: scrypt N = 2^22, r = 32, p = 16
        try bytes.write(to: URL(fileURLWithPath: vault))
        let start = Date()
        let result = try run(["reidentify", "--vault", vault], input: filtered.stdout, environment: passphrase)
        #expect(result.status == 65 && result.stdoutData.isEmpty && result.stderr.contains("altered"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    // MARK: Why 5: ownership of the registry

    @Test func why5ARegistryThatIsNotPrivatelyOwnedIsRefusedWith78() throws {
        #expect(try grant("K-1/KM").status == 0)
        func refused(_ reason: String, _ arguments: [String] = ["consent", "status"]) throws {
            let result = try run(arguments + ["--registry", registry])
            #expect(result.status == 78 && result.stdoutData.isEmpty && result.stderr.contains(reason), "\(reason): \(result.stderr)")
        }
        chmod(registry, 0o644)
        try refused("readable by group or others")
        chmod(registry, 0o620)
        try refused("writable by group or others")
        chmod(registry, 0o600)
        chown(registry, 4242, 4242)  // tests run as root here; as another user this is any foreign file
        if geteuid() == 0 { try refused("owned by another user") }
        chown(registry, geteuid(), getegid())
        chmod(directory.path, 0o777)
        try refused("directory is writable by others")
        let fresh = directory.appendingPathComponent("fresh.sqlite").path
        let created = try run(["consent", "grant", "--subject", "K-1/KM", "--purpose", "p", "--recipient", "A", "--categories", "person",
                               "--registry", fresh, "--actor", "fk"])
        #expect(created.status == 78 && !FileManager.default.fileExists(atPath: fresh), "not created where others could swap it")
        chmod(directory.path, 0o1777)
        #expect(try run(["consent", "status", "--registry", registry]).status == 0, "a sticky directory (like /tmp) is fine")
        chmod(directory.path, 0o700)
        // Key files: a link is refused like the registry behind one.
        let key = directory.appendingPathComponent("case.key").path
        #expect(try run(["key", "new", key]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: key + ".link", withDestinationPath: key)
        let linked = try run(["filter", "--case-key", key + ".link", "--mask", "person=pseudonym"], input: "Frau Anna Fischer kam.\n")
        #expect(linked.status == 78 && linked.stdoutData.isEmpty && linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        try? FileManager.default.removeItem(atPath: registry + "-wal")
        try FileManager.default.createSymbolicLink(atPath: registry + "-wal", withDestinationPath: directory.appendingPathComponent("x").path)
        try refused("-wal file is not a regular file")
    }

    // MARK: Why 4: FHIR import fails open

    private func exported(_ path: String) throws -> (data: Data, bundle: [String: Any]) {
        let export = try run(["consent", "export", "--fhir", "--registry", path, "--actor", "fk"])
        #expect(export.status == 0, "\(export.stderr)")
        return (export.stdoutData, try JSONSerialization.jsonObject(with: export.stdoutData) as! [String: Any])
    }

    @Test func why4TheFHIRImportRefusesWhatItDoesNotUnderstandAndIsIdempotent() throws {
        #expect(try grant("K-1/KM", ["--until", "2099-12-31", "--evidence", "Formular 7"]).status == 0)
        #expect(try grant("K-1/KV", purpose: "schutzplan", recipient: "Jugendamt").status == 0)
        #expect(try run(["consent", "withdraw", "2", "--reason", "widerrufen", "--registry", registry, "--actor", "fk"]).status == 0)
        let (data, bundle) = try exported(registry)
        func edited(_ change: (inout [String: Any]) -> Void) throws -> String {
            var copy = bundle
            var entries = copy["entry"] as! [[String: Any]]
            var resource = entries[0]["resource"] as! [String: Any]
            change(&resource)
            entries[0]["resource"] = resource
            copy["entry"] = entries
            let path = directory.appendingPathComponent("edited-\(UUID().uuidString).json").path
            try JSONSerialization.data(withJSONObject: copy).write(to: URL(fileURLWithPath: path))
            return path
        }
        func provision(_ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { resource in var p = resource["provision"] as! [String: Any]; change(&p); resource["provision"] = p }
        }
        let target = directory.appendingPathComponent("target.sqlite").path
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("nested provisions", provision { $0["provision"] = [["type": "deny", "class": [["system": "https://diskret.invalid/fhir/CodeSystem/data-category", "code": "address"]]]] }),
            ("type permit", provision { $0["type"] = "deny" }),
            ("IRCP", provision { p in
                var actors = p["actor"] as! [[String: Any]]
                actors.append(["role": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "AUT"]]],
                               "reference": ["display": "Anwalt des KV"]])
                p["actor"] = actors
            }),
            ("data category", provision { $0["class"] = [["system": "https://diskret.invalid/fhir/CodeSystem/data-category", "code": "everything"]] }),
            ("data category", provision { $0["class"] = [["system": "http://example.org/other", "code": "person"]] }),
            ("does not understand", provision { $0["dataPeriod"] = ["end": "2020-01-01"] }),
            ("identifier", provision { $0["period"] = ["start": "2020-01-01"] }),
        ]
        for (message, change) in cases {
            let result = try run(["consent", "import", "--fhir", try edited(change), "--registry", target, "--actor", "fk"])
            #expect(result.status == 64 && result.stderr.contains(message), "\(message): \(result.stderr)")
            let listed = FileManager.default.fileExists(atPath: target) ? try run(["consent", "list", "--json", "--registry", target]).stdout : "[]\n"
            #expect(listed == "[]\n", "nothing imported")
        }
        let file = directory.appendingPathComponent("export.json").path
        try data.write(to: URL(fileURLWithPath: file))
        let first = try run(["consent", "import", "--fhir", file, "--json", "--registry", target, "--actor", "fk"])
        #expect(first.status == 0 && first.stdout == "{\"imported\":2}\n", "\(first.stderr)")
        let again = try run(["consent", "import", "--fhir", file, "--json", "--registry", target, "--actor", "fk"])
        #expect(again.status == 0 && again.stdout == "{\"imported\":0}\n", "importing the same bundle twice adds nothing")
        #expect(try exported(target).data == data, "export → import → export is byte-identical")
        let audit = try run(["audit", "--json", "--registry", target])
        let imports = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as! [[String: Any]]).filter { $0["action"] as? String == "import" }
        #expect(imports.count == 2)
        let detail = imports[0]["detail"] as! String
        #expect(detail.contains("recipients=Anwalt KV") && detail.contains("valid=") && detail.contains("..2099-12-31") && detail.contains("urn:diskret:consent:"))
        #expect(try run(["audit", "verify", "--registry", target]).status == 0)
    }
}
