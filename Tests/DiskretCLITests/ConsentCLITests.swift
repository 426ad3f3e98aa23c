import Foundation
import GRDB
import Testing

/// The consent gate seen from outside: no consent, no reveal, and nothing on standard output.
/// A class, so that `deinit` removes each test's directory (registries with their WAL files, exports) however the test ends.
@Suite(.serialized) final class ConsentCLITests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-registry-\(UUID().uuidString)")
    var registry: String { directory.appendingPathComponent("registry.sqlite").path }
    let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
    let note = try! String(contentsOf: BinaryRunner.repository.appendingPathComponent("Fixtures/notes/00-beispiel-polizeimitteilung.txt"), encoding: .utf8)

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: directory) }

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

    private func grant(_ arguments: [String]) throws {
        let result = try BinaryRunner.run(["consent", "grant", "--subject", "K-2024-017/KM", "--registry", registry, "--actor", "t"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Runs SQL as someone with the sqlite3 shell would (GRDB when the shell is not installed); true if it succeeded.
    private func shell(_ sql: String) throws -> Bool {
        let sqlite3 = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: sqlite3) else {
            do { try DatabaseQueue(path: registry).write { try $0.execute(sql: sql) } } catch is DatabaseError { return false }
            return true
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = ["-bail", registry, sql]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func everyUncoveredRequestExits77WithEmptyStdout() throws {
        try grant(["--purpose", "schutzplan", "--recipient", "Jugendamt Soest", "--categories", "person,address", "--until", "2099-12-31"])
        try grant(["--purpose", "fallkonferenz", "--recipient", "Jugendamt Soest", "--categories", "person", "--from", "2020-01-01", "--until", "2020-12-31"])
        try grant(["--purpose", "gerichtsverfahren", "--recipient", "Jugendamt Soest", "--categories", "person", "--from", "2099-01-01"])
        let cases: [(arguments: [String], reason: String)] = [
            (["--purpose", "schutzplan", "--recipient", "Jobcenter Soest"], "names recipient Jobcenter Soest"),
            (["--purpose", "hilfeplan", "--recipient", "Jugendamt Soest"], "for purpose hilfeplan"),
            (["--purpose", "schutzplan", "--recipient", "Jugendamt Soest", "--reveal-categories", "person,contact"], "covers the categories contact"),
            (["--purpose", "fallkonferenz", "--recipient", "Jugendamt Soest"], "is expired"),
            (["--purpose", "gerichtsverfahren", "--recipient", "Jugendamt Soest"], "is not-yet-valid"),
        ]
        for (arguments, reason) in cases {
            let result = try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--registry", registry] + arguments, input: note)
            #expect(result.status == 77 && result.stdoutData.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("consent missing") && result.stderr.contains(reason), "\(result.stderr)")
            for name in ["Anna", "Fischer", "Yılmaz", "Lindenstraße", "0170"] { #expect(!result.stderr.contains(name)) }
        }
        let allowed = try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--purpose", "schutzplan",
                                            "--recipient", "Jugendamt Soest", "--registry", registry], input: note)
        #expect(allowed.status == 0 && allowed.stdout.contains("Anna Fischer-Yılmaz"))
        let audit = try BinaryRunner.run(["audit", "--subject", "K-2024-017/KM", "--json", "--registry", registry])
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["action"] as! String } == ["grant", "grant", "grant"] + Array(repeating: "reveal-denied", count: 5) + ["reveal-allowed"])
    }

    @Test func tamperingWithTheSqliteShellFailsVerifyAndNamesTheEntry() throws {
        try grant(["--purpose", "schutzplan", "--recipient", "Jugendamt Soest", "--categories", "person"])
        _ = try reveal()
        _ = try reveal(["--reveal-categories", "contact"])
        #expect(try BinaryRunner.run(["audit", "verify", "--registry", registry]).status == 0)
        #expect(try !shell("UPDATE audit SET detail = replace(detail, 'contact', 'person') WHERE id = 3"), "the trigger refuses the edit")
        #expect(try BinaryRunner.run(["audit", "verify", "--registry", registry]).status == 0)
        #expect(try shell("DROP TRIGGER audit_no_update; UPDATE audit SET detail = replace(detail, 'contact', 'person') WHERE id = 3;"))
        let edited = try BinaryRunner.run(["audit", "verify", "--registry", registry])
        #expect(edited.status == 1 && edited.stdout.hasPrefix("audit chain broken at entry 3:"), "\(edited.stdout)")
        let json = try BinaryRunner.run(["audit", "verify", "--json", "--registry", registry])
        #expect(json.status == 1 && json.stdout.contains("\"entry\":3") && json.stdout.contains("\"intact\":false"))
    }

    @Test func twoWriterProcessesGrantingOneByOneLoseNothing() throws {
        _ = try BinaryRunner.run(["consent", "list", "--registry", registry])
        // Two shell loops, each starting `diskret consent grant` 200 times: two writer processes at any moment,
        // each grant its own transaction, while a third process reads and asks the gate.
        let loop = #"i=0; while [ $i -lt 200 ]; do "$0" consent grant --subject "K-$1-$i/KM" --purpose p --recipient A --categories person --registry "$2" --actor "$1" >/dev/null || exit 1; i=$((i+1)); done"#
        let writers = try ["1", "2"].map { prefix -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", loop, BinaryRunner.binary.path, prefix, registry]
            try process.run()
            return process
        }
        var decisions = 0
        while writers.contains(where: \.isRunning) {
            let result = try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--purpose", "p", "--recipient", "A",
                                               "--registry", registry], input: note)
            #expect(result.status == 77)
            decisions += 1
        }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let list = try BinaryRunner.run(["consent", "list", "--json", "--registry", registry])
        let subjects = Set((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]).map { $0["subject"] as! String })
        #expect(subjects == Set(["1", "2"].flatMap { prefix in (0..<200).map { "K-\(prefix)-\($0)/KM" } }))
        let verify = try BinaryRunner.run(["audit", "verify", "--registry", registry])
        #expect(verify.status == 0 && verify.stdout == "audit chain intact: \(400 + decisions) entries\n", "\(verify.stdout)")
    }

    @Test func processesCreatingANewRegistryAtOnceAllSucceed() throws {
        for round in 0..<3 {
            let path = directory.appendingPathComponent("fresh-\(round)/registry.sqlite").path
            let processes = try (0..<4).map { index -> Process in
                let process = Process()
                process.executableURL = BinaryRunner.binary
                process.arguments = ["consent", "grant", "--subject", "R-\(round)-\(index)/KM", "--purpose", "p", "--recipient", "A",
                                     "--categories", "person", "--registry", path, "--actor", "t"]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                return process
            }
            processes.forEach { $0.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0], "round \(round)")
            let verify = try BinaryRunner.run(["audit", "verify", "--registry", path])
            #expect(verify.stdout == "audit chain intact: 4 entries\n")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func theRegistryComesFromTheEnvironmentAndUnsafePathsExit78() throws {
        let data = directory.appendingPathComponent("xdg").path
        let granted = try BinaryRunner.run(["consent", "grant", "--subject", "K-1/KM", "--purpose", "p", "--recipient", "A", "--categories", "person"],
                                           environment: ["XDG_DATA_HOME": data, "DISKRET_REGISTRY": ""])
        #expect(granted.status == 0 && FileManager.default.fileExists(atPath: data + "/diskret/registry.sqlite"))
        let listed = try BinaryRunner.run(["consent", "list"], environment: ["DISKRET_REGISTRY": data + "/diskret/registry.sqlite"])
        #expect(listed.stdout.contains("K-1/KM"))
        try FileManager.default.createSymbolicLink(atPath: registry, withDestinationPath: data + "/diskret/registry.sqlite")
        let linked = try BinaryRunner.run(["consent", "list", "--registry", registry])
        #expect(linked.status == 78 && linked.stderr.contains("symbolic link") && linked.stdout.isEmpty)
        let name = try BinaryRunner.run(["consent", "grant", "--subject", "Anna Fischer", "--purpose", "p", "--recipient", "A", "--categories", "person"],
                                        environment: ["XDG_DATA_HOME": data, "DISKRET_REGISTRY": ""])
        #expect(name.status == 64 && name.stderr.contains("never a name") && !name.stderr.contains("Fischer"))
    }

    @Test func consentCommandsSpeakJSONAndRoundTripThroughFHIR() throws {
        let granted = try BinaryRunner.run(["consent", "grant", "--subject", "K-2024-017/KM", "--purpose", "schutzplan", "--recipient", "Jugendamt Soest",
                                            "--recipient", "Frauenhaus Soest", "--categories", "person,address", "--from", "2026-01-01",
                                            "--until", "2099-12-31", "--evidence", "Formular 7/2026", "--json", "--registry", registry, "--actor", "fk"])
        let consent = (try JSONSerialization.jsonObject(with: Data(granted.stdout.utf8)) as! [[String: Any]])[0]
        #expect(consent["id"] as? Int == 1 && consent["state"] as? String == "active" && consent["recorded_by"] as? String == "fk")
        #expect(consent["recipients"] as? [String] == ["Jugendamt Soest", "Frauenhaus Soest"] && consent["categories"] as? [String] == ["address", "person"])
        let replaced = try BinaryRunner.run(["consent", "grant", "--supersedes", "1", "--subject", "K-2024-017/KM", "--purpose", "schutzplan",
                                             "--recipient", "Jugendamt Soest", "--categories", "person", "--until", "2099-12-31",
                                             "--registry", registry, "--actor", "fk"])
        #expect(replaced.status == 0 && replaced.stdout == "granted consent 2; consent 1 is withdrawn as superseded\n")
        let show = try BinaryRunner.run(["consent", "show", "1", "--json", "--registry", registry])
        #expect(show.stdout.contains("\"state\":\"withdrawn\"") && show.stdout.contains("superseded by consent 2"))
        let table = try BinaryRunner.run(["consent", "status", "--subject", "K-2024-017/KM", "--registry", registry])
        #expect(table.stdout.hasPrefix("ID  SUBJECT") && table.stdout.contains("withdrawn") && table.stdout.contains("active"))
        let expiring = try BinaryRunner.run(["consent", "status", "--expiring-within", "30", "--registry", registry])
        #expect(expiring.stdout.contains("(no consents)"))
        #expect(try BinaryRunner.run(["consent", "show", "9", "--registry", registry]).status == 64)

        let export = try BinaryRunner.run(["consent", "export", "--fhir", "--registry", registry, "--actor", "fk"])
        #expect(export.status == 0 && export.stdout.contains("\"resourceType\" : \"Bundle\""))
        let file = directory.appendingPathComponent("export.json")
        try export.stdoutData.write(to: file)
        let copy = registry + ".copy"
        let imported = try BinaryRunner.run(["consent", "import", "--fhir", file.path, "--json", "--registry", copy, "--actor", "fk"])
        #expect(imported.status == 0 && imported.stdout == "{\"imported\":2}\n")
        let before = try BinaryRunner.run(["consent", "list", "--json", "--registry", registry]).stdout
        let after = try BinaryRunner.run(["consent", "list", "--json", "--registry", copy]).stdout
        #expect(before == after && !before.isEmpty)
    }

    @Test func rosterPersonsAreMaskedByRoleWithoutAnyRegistry() throws {
        let result = try BinaryRunner.run(["filter", "--roster", roster], input: note)
        #expect(result.status == 0)
        #expect(result.stdout.contains("KM [Kindsmutter]") && result.stdout.contains("KV [Kindsvater]"))
        #expect(result.stdout.contains("Kinder: [Kind 1] ([Alter]) und [Kind 2] ([Alter])"))
        #expect(!result.stdout.contains("Yılmaz") && !result.stdout.contains("Fischer"))
    }
}
