import Foundation
import Testing

/// The cases of issue 24, run as a user would: each gives the right label, or a neutral "[Person N]" where the
/// note does not say who it is — never another person's role.
@Suite(.serialized) struct IdentityCLITests {
    static let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path

    private func filter(_ text: String, _ arguments: [String] = []) throws -> String {
        let result = try BinaryRunner.run(["filter"] + arguments, input: text + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// A new directory; the caller removes it.
    private func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-cli-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func theFatherIsNotTheMotherAndHisMotherHasNoCaseRole() throws {
        let output = try filter("Frau Fischer-Yılmaz beantragt Kontaktverbot. Herr Yılmaz wohnt jetzt bei seiner Mutter, Gisela Braun, in Kassel.",
                                ["--roster", Self.roster])
        #expect(output == "Frau [Kindsmutter] beantragt Kontaktverbot. Herr [Person 1] wohnt jetzt bei seiner Mutter, [Person 2], in [Adresse 1].")
    }

    @Test func aFriendIsNoPartner() throws {
        #expect(try filter("Die KM kam mit ihrer Freundin Aylin.") == "Die KM kam mit ihrer Freundin [Person 1].")
    }

    @Test func aSchoolNamedAfterAPersonIsAnOrganisationNotAChild() throws {
        #expect(try filter("Tochter Lena (7) besucht die 2. Klasse (Heinrich-Heine-Schule).")
                == "Tochter [Kind 1] ([Alter]) besucht die 2. Klasse ([Einrichtung 1]).")
    }

    @Test func everyListedChildIsAChild() throws {
        #expect(try filter("Kinder: Lena (7) und Emir (4)") == "Kinder: [Kind 1] ([Alter]) und [Kind 2] ([Alter])")
    }

    @Test func titleAndSurnameKeepTheFullNamesPlaceholder() throws {
        #expect(try filter("Täter: Ionut Popescu (34). Herr Popescu war alkoholisiert.")
                == "Täter: [Person 1] ([Alter]). Herr [Person 1] war alkoholisiert.")
    }

    @Test func aGenitiveFirstNameEndsTheName() throws {
        #expect(try filter("Tochter Mira (5) ist verängstigt. Hämatome an Miras Armen.")
                == "Tochter [Kind 1] ([Alter]) ist verängstigt. Hämatome an [Kind 1] Armen.")
    }

    @Test func rosterNamesUsedAsCommonNounsAreNoCasePersons() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let roster = "\(directory)/roster.yaml"
        try """
            case: K-2024-099
            persons:
              - subject: K-2024-099/KV
                role: Kindsvater
                names: ["Dragan Koch"]
              - subject: K-2024-099/KM
                role: Kindsmutter
                names: ["Jolanta Stein"]

            """.write(toFile: roster, atomically: true, encoding: .utf8)
        let output = try filter("Der Koch der Kita und ein Stein im Garten sind keine Personen. Herr Koch kam um 9 Uhr.", ["--roster", roster])
        #expect(!output.contains("[Kindsvater] der Kita") && !output.contains("[Kindsmutter] im Garten"), "\(output)")
        #expect(output.hasSuffix("Herr [Kindsvater] kam um 9 Uhr."), "\(output)")
    }

    @Test func aWeekdayFollowsTheShiftedDate() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = "\(directory)/case.key"
        #expect(try BinaryRunner.run(["key", "new", key]).status == 0)
        let output = try filter("KM geb. 12.03.1988. Termin am Do., 13.2. und am Donnerstag, 20.02.2025.", ["--case-key", key, "--mask", "date=shift"])
        let match = try #require(output.firstMatch(of: /am (\w+)\., (\d{1,2})\.(\d{1,2})\. und am (\w+), (\d{2})\.(\d{2})\.(\d{4})/), "\(output)")
        // The first date is a week before the second: same weekday, seven days earlier in the same year's calendar.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let second = try #require(calendar.date(from: DateComponents(year: Int(match.7), month: Int(match.6), day: Int(match.5))))
        let first = try #require(calendar.date(byAdding: .day, value: -7, to: second))
        #expect(calendar.component(.day, from: first) == Int(match.2) && calendar.component(.month, from: first) == Int(match.3))
        let names = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"]
        #expect(String(match.1) == names[calendar.component(.weekday, from: first) - 1])
        #expect(String(match.4).hasPrefix(names[calendar.component(.weekday, from: second) - 1]))
    }

    /// Acceptance: two notes of one case, filtered separately with one case key and no roster. Every person
    /// named in both — full name in one, honorific and family name or first name alone in the other — gets
    /// the same pseudonym codes and the same surrogates in both.
    @Test(arguments: 0..<5)
    func twoNotesWithoutRosterShareEachPersonsPseudonymAndSurrogate(_ round: Int) throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = "\(directory)/case\(round).key"  // a new random key each round
        #expect(try BinaryRunner.run(["key", "new", key]).status == 0)
        let first = "Gespräch mit Herrn Tomasz Wierzbicki und Frau Veronika Haberland. Tochter Lena Yılmaz (6) und Frau Olena Petrenko-Wagner waren dabei."
        let second = "Herr Wierzbicki rief an. Frau Haberland kam später. Lena war in der Kita. Frau Petrenko und Frau Wagner fehlten."
        for mode in ["pseudonym", "surrogate"] {
            let a = try filter(first, ["--case-key", key, "--mask", "person=\(mode)"])
            let b = try filter(second, ["--case-key", key, "--mask", "person=\(mode)"])
            for name in ["Wierzbicki", "Haberland", "Veronika", "Tomasz", "Lena", "Yılmaz", "Petrenko", "Wagner", "Olena"] {
                #expect(!a.contains(name) && !b.contains(name), "\(name) leaked (\(mode))")
            }
            func words(_ text: String) -> [String] { text.split(whereSeparator: { " .,()".contains($0) }).map(String.init) }
            let wa = words(a), wb = words(b)
            func after(_ marker: String, _ words: [String], _ offset: Int = 1) -> String { words[words.firstIndex(of: marker)! + offset] }
            if mode == "pseudonym" {
                let tomasz = after("Herrn", wa), veronika = after("Frau", wa)
                #expect(tomasz.hasSuffix("-" + after("Herr", wb).dropFirst("Person-".count)), "\(a) | \(b)")
                #expect(veronika.hasSuffix("-" + after("Frau", wb).dropFirst("Person-".count)), "\(a) | \(b)")
                #expect(after("Tochter", wa).hasPrefix(wb[wb.firstIndex(of: "war")! - 1] + "-"), "\(a) | \(b)")
                let olena = a.firstMatch(of: /Frau (Person-[0-9A-F-]+) waren/)!.1
                let petrenko = b.firstMatch(of: /Frau (Person-[0-9A-F]+) und/)!.1.dropFirst("Person-".count)
                let wagner = b.firstMatch(of: /Frau (Person-[0-9A-F]+) fehlten/)!.1.dropFirst("Person-".count)
                #expect(olena.hasSuffix("-\(petrenko)-\(wagner)"), "\(a) | \(b)")
            } else {
                #expect(after("Herrn", wa, 2) == after("Herr", wb), "\(a) | \(b)")
                #expect(after("Frau", wa, 2) == after("Frau", wb), "\(a) | \(b)")
                #expect(after("Tochter", wa) == wb[wb.firstIndex(of: "war")! - 1], "\(a) | \(b)")
                let double = try #require(a.firstMatch(of: /Frau \w+ (\w+)-(\w+) waren/), "\(a)")
                #expect(b.contains("Frau \(double.1) und Frau \(double.2) fehlten"), "\(a) | \(b)")
            }
        }
    }

    /// Surrogates never keep the original inside or stay within two edits of it.
    @Test func surrogatesDoNotKeepTheNameInside() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = ["Schmidt", "Wagner", "Thomas", "Svetlana", "Veronika", "Petrenko", "Haberland", "Schneider"]
        for index in 0..<6 {
            let key = "\(directory)/case\(index).key"
            #expect(try BinaryRunner.run(["key", "new", key]).status == 0)
            let output = try filter("Herr Thomas Schmidt, Frau Svetlana Wagner, Frau Veronika Petrenko und Herr Jan Haberland-Schneider kamen.",
                                    ["--case-key", key, "--mask", "person=surrogate"])
            for word in output.split(whereSeparator: { !$0.isLetter }).map({ $0.lowercased() }) {
                for name in names.map({ $0.lowercased() }) {
                    #expect(!word.contains(name) && !(name.contains(word) && word.count > 3), "\(word) / \(name)")
                }
            }
        }
    }
}
