import Foundation
import Testing

/// `diskret.yaml` seen from outside: found by --config, $DISKRET_CONFIG or the XDG folder, applied by filter
/// and check, naming the registry, and refused with file:line and exit 78 when wrong.
@Suite final class SiteConfigCLITests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-site-\(UUID().uuidString)")
    var config: String { directory.appendingPathComponent("diskret.yaml").path }
    let note = "Frau petra sommer vom Frauenhaus Lindenhof rief am 12.03.2024 beim Jugendamt Soest an.\n"

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            registry: registry.sqlite
            policy:
              date: generalize-month
            always-mask:
              organisation: [Frauenhaus Lindenhof]
              person: [Petra Sommer]
            never-mask: [Soest]
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(at: directory) }

    @Test func filterAndCheckApplyTheSiteLists() throws {
        let expected = "Frau [Person 1] vom [Einrichtung 1] rief am 03/2024 beim Jugendamt Soest an.\n"
        let byOption = try BinaryRunner.run(["filter", "--config", config], input: note)
        #expect(byOption.status == 0 && byOption.stdout == expected)
        let byVariable = try BinaryRunner.run(["filter"], input: Data(note.utf8), environment: ["DISKRET_CONFIG": config])
        #expect(byVariable.stdout == expected)
        let xdg = directory.appendingPathComponent("xdg")
        try FileManager.default.createDirectory(at: xdg.appendingPathComponent("diskret"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: config, toPath: xdg.appendingPathComponent("diskret/diskret.yaml").path)
        let byXDG = try BinaryRunner.run(["filter"], input: Data(note.utf8), environment: ["XDG_CONFIG_HOME": xdg.path])
        #expect(byXDG.stdout.hasPrefix("Frau [Person 1] vom [Einrichtung 1]"))
        // --mask goes on top of the site's policy.
        let masked = try BinaryRunner.run(["filter", "--config", config, "--mask", "date=placeholder"], input: note)
        #expect(masked.stdout.contains("am [Datum 1]"))
        let check = try BinaryRunner.run(["check", "--config", config], input: "Petra Sommer rief an.\n")
        #expect(check.status == 1 && check.stdout == "1:1 person site.always-mask.person\n")
    }

    @Test func theSiteNamesTheRegistry() throws {
        let grant = try BinaryRunner.run(["consent", "grant", "--subject", "K-1/KM", "--purpose", "p", "--recipient", "A",
                                          "--categories", "person", "--config", config, "--actor", "t"])
        #expect(grant.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("registry.sqlite").path))
    }

    @Test func aWrongConfigurationStopsTheRunBeforeAnyOutput() throws {
        try "always-mask:\n  organisation: [Lindenhof]\n  Petra Sommer: [x]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let wrong = try BinaryRunner.run(["filter", "--config", config], input: note)
        #expect(wrong.status == 78 && wrong.stdoutData.isEmpty)
        #expect(wrong.stderr == "diskret: error: \(config):3: always-mask: unknown category (one of person, date, age, address, organisation, contact, id)\n")
        let missing = try BinaryRunner.run(["filter", "--config", directory.appendingPathComponent("none.yaml").path], input: note)
        #expect(missing.status == 66 && missing.stdoutData.isEmpty && !missing.stderr.contains("none.yaml"))
        let unset = try BinaryRunner.run(["check"], input: Data(note.utf8), environment: ["DISKRET_CONFIG": directory.appendingPathComponent("none.yaml").path])
        #expect(unset.status == 66 && unset.stderr.contains("$DISKRET_CONFIG"))
    }
}
