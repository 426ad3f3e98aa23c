import Foundation
import Testing
@testable import Diskret

/// `diskret.yaml`: every key parsed, every mistake reported with file:line, and the word lists applied by the
/// engine itself, so every front end masks alike.
@Suite struct SiteConfigurationTests {
    private func error(_ yaml: String) -> DiskretError? {
        do { _ = try SiteConfiguration.parse(yaml, file: "site.yaml"); return nil } catch { return error }
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try SiteConfiguration.parse("""
            registry: /srv/diskret/registry.sqlite
            policy:
              date: generalize-month
              age: keep
            always-mask:
              organisation: [Frauenhaus Lindenhof, Lindenhof]
              person:
                - Petra Sommer
            never-mask:
              - Jugendamt Soest
            """, file: "site.yaml")
        #expect(configuration.registry == "/srv/diskret/registry.sqlite")
        #expect(configuration.policy == MaskingPolicy(operators: [.date: .generalizeMonth, .age: .keep]))
        #expect(configuration.words.alwaysMask == [.init(phrase: "Frauenhaus Lindenhof", category: .organisation),
                                                   .init(phrase: "Lindenhof", category: .organisation),
                                                   .init(phrase: "Petra Sommer", category: .person)])
        #expect(configuration.words.neverMask == ["Jugendamt Soest"])
        #expect(try SiteConfiguration.parse("", file: "empty.yaml") == SiteConfiguration())
    }

    @Test func mistakesNameFileAndLine() {
        #expect(error("registry: x\nregisty: y\n") == .invalidConfiguration(file: "site.yaml", line: 2, message: "unknown key 'registy'"))
        #expect(error("policy: 3\n") == .invalidConfiguration(file: "site.yaml", line: 1, message: "'policy' must be a mapping of 'word: value'"))
        #expect(error("policy:\n  date: scramble\n").map { "\($0)".hasPrefix("site.yaml:2: policy: ") } == true)
        #expect(error("always-mask:\n  organisation: [A]\n  Petra Sommer: [B]\n")
            == .invalidConfiguration(file: "site.yaml", line: 3, message: "always-mask: unknown category (one of person, date, age, address, organisation, contact, id)"))
        #expect(error("always-mask: [Lindenhof]\n") == .invalidConfiguration(file: "site.yaml", line: 1, message: "'always-mask' must be a mapping"))
        #expect(error("never-mask:\n  - ok\n  - {a: b}\n") == .invalidConfiguration(file: "site.yaml", line: 3, message: "items of 'never-mask' must be single values"))
        #expect(error("never-mask: ['  ']\n") == .invalidConfiguration(file: "site.yaml", line: 1, message: "never-mask: empty entry"))
        #expect(error("always-mask:\n  person: [Petra Sommer]\nnever-mask:\n  - petra sommer\n")
            == .invalidConfiguration(file: "site.yaml", line: 4, message: "never-mask: an entry is also on the always-mask list"))
        #expect(error("registry: [a, b]\n") == .invalidConfiguration(file: "site.yaml", line: 1, message: "'registry' must be a single value"))
        #expect(error("- a\n") == .invalidConfiguration(file: "site.yaml", line: 1, message: "the configuration must be a mapping of keys"))
        #expect(error("a: b\na: c\n").map { "\($0)".hasPrefix("site.yaml:") } == true)
        // A mistake never echoes an entry of the lists (they hold staff names).
        #expect(error("always-mask:\n  Petra Sommer: x\n").map { "\($0)".contains("Petra") } == false)
    }

    @Test func aRelativeRegistryIsTakenFromTheFilesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("diskret.yaml").path
        try "registry: data/registry.sqlite\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try SiteConfiguration.load(path: file).registry == folder.path + "/data/registry.sqlite")
    }

    @Test func theFileIsFoundByOptionThenVariableThenXDG() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-home-\(UUID().uuidString)")
        let xdg = home.appendingPathComponent("xdg/diskret")
        try FileManager.default.createDirectory(at: xdg, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/xdg", "DISKRET_CONFIG": "/etc/site.yaml"]
        #expect(SiteConfiguration.locate(explicit: "/x.yaml", environment: environment) == "/x.yaml")
        #expect(SiteConfiguration.locate(explicit: nil, environment: environment) == "/etc/site.yaml")
        #expect(SiteConfiguration.locate(explicit: nil, environment: ["XDG_CONFIG_HOME": home.path + "/xdg"]) == nil)
        try "{}\n".write(toFile: xdg.appendingPathComponent("diskret.yaml").path, atomically: true, encoding: .utf8)
        #expect(SiteConfiguration.locate(explicit: nil, environment: ["XDG_CONFIG_HOME": home.path + "/xdg"]) == xdg.path + "/diskret.yaml")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".config/diskret"), withIntermediateDirectories: true)
        try "{}\n".write(toFile: home.path + "/.config/diskret/diskret.yaml", atomically: true, encoding: .utf8)
        #expect(SiteConfiguration.locate(explicit: nil, environment: ["HOME": home.path]) == home.path + "/.config/diskret/diskret.yaml")
    }

    @Test func theEngineMasksTheAlwaysListAndKeepsTheNeverList() throws {
        let words = SiteWords(alwaysMask: [.init(phrase: "Frauenhaus Lindenhof", category: .organisation),
                                           .init(phrase: "Regenbogen", category: .organisation),
                                           .init(phrase: "Petra Sommer", category: .person)],
                              neverMask: ["Soest", "Jugendamt Soest"])
        let engine = Engine(rules: TestSupport.pack, siteWords: words)
        let note = "Frau petra sommer vom FRAUENHAUS LINDENHOF rief beim Jugendamt Soest an. Wir treffen uns im regenbogen. Petra Sommer kommt später. Regenbogenfarben."
        let result = try engine.anonymize(note)
        #expect(result.text == "Frau [Person 1] vom [Einrichtung 1] rief beim Jugendamt Soest an. Wir treffen uns im [Einrichtung 2]. [Person 1] kommt später. Regenbogenfarben.")
        #expect(Set(result.findings.map(\.rule)) == ["site.always-mask.person", "site.always-mask.organisation"])
        // Without the lists, the rules alone decide: the town is masked, the meeting place is not.
        let plain = try TestSupport.engine.anonymize(note).text
        #expect(!plain.contains("Soest") && plain.contains("im regenbogen"))
    }

    @Test func theNeverListDoesNotUnmaskARosterPerson() throws {
        let engine = Engine(rules: TestSupport.pack, siteWords: SiteWords(neverMask: ["Sommer"]))
        let roster = [KnownPerson(subject: "K-1/KM", role: "Kindsmutter", names: ["Lena Sommer"], placeholder: "[Kindsmutter]")]
        let text = try engine.anonymize("Frau Sommer kam mit dem Kind.", known: roster).text
        #expect(text == "Frau [Kindsmutter] kam mit dem Kind.")
    }
}
