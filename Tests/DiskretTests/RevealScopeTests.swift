import Foundation
import Testing
@testable import Diskret

/// A reveal shows only what the roster ties to the consenting subject alone: families of near-identical names,
/// for every roster subject, and a seeded property over random rosters of such names.
@Suite struct RevealScopeTests {
    let engine = TestSupport.engine

    private func person(_ subject: String, _ role: String?, _ names: [String], birthdate: String? = nil,
                        addresses: [String] = [], phones: [String] = []) -> KnownPerson {
        KnownPerson(subject: subject, role: role, names: names, birthdate: birthdate, addresses: addresses, phones: phones,
                    placeholder: "[\(role ?? "Beteiligte")]")
    }

    private func reveal(_ text: String, _ roster: [KnownPerson], _ subject: String, _ categories: Set<Category> = [.person]) throws -> String {
        try engine.anonymize(text, known: roster, reveal: [subject: categories]).text
    }

    private func words(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init)
    }

    @Test func fathersConsentNeverRevealsTheMother() throws {
        let roster = [person("K-1/KV", "Kindsvater", ["Piotr Kowalski"]), person("K-1/KM", "Kindsmutter", ["Anna Kowalska"])]
        let text = "KM Anna Kowalska lebt im Frauenhaus. KV Piotr Kowalski wohnt in der Wohnung."
        let father = try reveal(text, roster, "K-1/KV")
        #expect(!father.contains("Anna") && !father.contains("Kowalska"))
        #expect(father.contains("KV Piotr Kowalski"))
        let mother = try reveal(text, roster, "K-1/KM")
        #expect(mother.contains("KM Anna Kowalska"))
        #expect(!mother.contains("Piotr") && !mother.contains("Kowalski"))
        // The mother's typo'd name is as close to the father's name as to hers: it stays masked for both.
        for subject in ["K-1/KV", "K-1/KM"] {
            #expect(!(try reveal("Frau Kowalsky kam.", roster, subject)).contains("Kowalsky"))
        }
    }

    @Test func neighboursWithNearIdenticalNamesStayMasked() throws {
        let roster = [person("K-1/KM", "Kindsmutter", ["Eva Maier"])]
        let text = "Frau Eva Maier wohnt neben Herrn Meier und Frau Mayer. Herr Maler kam dazu. Herr Maier ist ihr Schwager."
        let output = try reveal(text, roster, "K-1/KM")
        #expect(output.contains("Frau Eva Maier wohnt"))
        for neighbour in ["Meier", "Mayer", "Maler", "Herr Maier"] { #expect(!output.contains(neighbour), "\(neighbour)") }
        #expect(words(output).filter { $0 == "Maier" }.count == 1)
    }

    @Test func muellerAndMoellerAreTwoPeople() throws {
        let roster = [person("K-2/KM", "Kindsmutter", ["Sabine Müller"]), person("K-2/KV", "Kindsvater", ["Thomas Möller"])]
        let text = "Frau Müller und Herr Möller stritten. Sabine Müller rief an; Thomas Möller nicht."
        let mother = try reveal(text, roster, "K-2/KM")
        #expect(mother.contains("Frau Müller") && mother.contains("Sabine Müller") && !mother.contains("Möller") && !mother.contains("Thomas"))
        let father = try reveal(text, roster, "K-2/KV")
        #expect(father.contains("Herr Möller") && father.contains("Thomas Möller") && !father.contains("Müller") && !father.contains("Sabine"))
    }

    @Test func doubleNamesSharingAPartRevealOnlyTheirOwner() throws {
        let roster = [person("K-3/KM", "Kindsmutter", ["Anna Fischer-Yılmaz", "Anna Fischer"]),
                      person("K-3/KV", "Kindsvater", ["Murat Yılmaz"]), person("K-3/K1", "Kind", ["Lena Yılmaz"])]
        let text = "KM Anna Fischer-Yılmaz und KV Murat Yılmaz. Frau Yılmaz kam später. Lena Yılmaz ist 8."
        let mother = try reveal(text, roster, "K-3/KM")
        #expect(mother.contains("KM Anna Fischer-Yılmaz und KV [Kindsvater]"))
        #expect(words(mother).filter { $0 == "Yılmaz" }.count == 1, "only inside her own double name")
        let father = try reveal(text, roster, "K-3/KV")
        #expect(father.contains("KV Murat Yılmaz") && !father.contains("Anna") && !father.contains("Fischer") && !father.contains("Lena"))
        #expect(words(father).filter { $0 == "Yılmaz" }.count == 1, "'Frau Yılmaz' is not his")
        let child = try reveal(text, roster, "K-3/K1")
        #expect(child.contains("Lena Yılmaz") && words(child).filter { $0 == "Yılmaz" }.count == 1)
    }

    @Test func aRoleOrGenderConflictBreaksTheAttribution() throws {
        let roster = [person("K-4/KM", "Kindsmutter", ["Eva Brandt"]), person("K-4/K1", "Kind", ["Jonas Weber"])]
        #expect(try reveal("KV Eva Brandt kam.", roster, "K-4/KM") == "KV [Kindsmutter] kam.")
        #expect(try reveal("Hr. Brandt kam.", roster, "K-4/KM") == "Hr. [Kindsmutter] kam.")
        #expect(try reveal("KM Eva Brandt kam.", roster, "K-4/KM") == "KM Eva Brandt kam.")
        #expect(!(try reveal("KM Jonas Weber kam.", roster, "K-4/K1")).contains("Jonas"))
    }

    @Test func aNameTheNoteUsesForSomeoneElseIsAmbiguous() throws {
        let roster = [person("K-5/KM", "Kindsmutter", ["Eva Brandt"])]
        let output = try reveal("Eva Brandt traf Eva Schulz. Eva rief später an.", roster, "K-5/KM")
        #expect(!output.contains("Eva") && !output.contains("Schulz"))
    }

    @Test func otherCategoriesAreRevealedOnlyWhenNobodyElseHasTheValue() throws {
        let roster = [person("K-6/KM", "Kindsmutter", ["Eva Brandt"], birthdate: "1988-03-12", addresses: ["Lindenstraße 12, 59494 Soest"],
                             phones: ["0170 1234567"]),
                      person("K-6/K1", "Kind", ["Jonas Brandt"], addresses: ["Lindenstraße 12, 59494 Soest"])]
        let text = "Eva Brandt, geb. 12.03.1988, Tel. 0170 1234567, wohnt Lindenstraße 12."
        let output = try reveal(text, roster, "K-6/KM", [.person, .date, .contact, .address])
        #expect(output.contains("geb. 12.03.1988") && output.contains("0170 1234567"))
        #expect(!output.contains("Lindenstraße"), "the child lives there too")
    }

    // MARK: Property

    /// Random rosters of near-identical names (one letter apart, shared family names, double names) and notes
    /// made of those names and of neighbours' names one letter away: a reveal never prints a name word that
    /// belongs to another roster person only, or to no roster person.
    @Test func aRevealNeverPrintsANameThatIsNotTheSubjects() throws {
        var random = PropertyTests.Generator(state: PropertyTests.seed ^ 0x5EED_0019)
        let stems = ["Maier", "Kowalski", "Müller", "Schmidt", "Lehmann", "Wagner", "Becker", "Hoffmann"]
        let firsts = ["Anna", "Anne", "Jonas", "Jona", "Lena", "Leni", "Eva", "Ewa", "Piotr", "Mia"]
        func variant(_ word: String, _ random: inout PropertyTests.Generator) -> String {
            var letters = Array(word)
            let position = Int.random(in: 1..<letters.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: letters[position] = "aeioyu".randomElement(using: &random)!
            case 1: letters.insert("aeilnr".randomElement(using: &random)!, at: position)
            default: if letters.count > 4 { letters.remove(at: position) }
            }
            return String(letters)
        }
        let roles = ["Kindsmutter", "Kindsvater", "Kind", "Kind", "Großmutter"]
        let forms = ["", "Frau ", "Herr ", "KM ", "KV ", "die ", "mit "]
        for iteration in 0..<max(40, PropertyTests.cases / 2) {
            let family = stems.randomElement(using: &random)!
            var roster: [KnownPerson] = []
            for index in 0..<Int.random(in: 2...4, using: &random) {
                let first = firsts.randomElement(using: &random)!
                let surname: String
                switch Int.random(in: 0..<3, using: &random) {
                case 0: surname = family
                case 1: surname = variant(family, &random)
                default: surname = "\(stems.randomElement(using: &random)!)-\(family)"
                }
                roster.append(person("K-\(iteration)/P\(index)", roles[index], ["\(first) \(surname)"]))
            }
            let rosterWords = roster.map { Set($0.names.flatMap { words($0) }) }
            var mentions = roster.flatMap { $0.names }
            for _ in 0..<3 { mentions.append("\(firsts.randomElement(using: &random)!) \(variant(family, &random))") }
            mentions.append(variant(family, &random))
            mentions.shuffle(using: &random)
            let text = mentions.map { "\(forms.randomElement(using: &random)!)\($0) kam heute." }.joined(separator: " ")
            let subject = Int.random(in: 0..<roster.count, using: &random)
            let output = try reveal(text, roster, roster[subject].subject)
            let masked = try engine.anonymize(text, known: roster).text
            let allNames = Set(mentions.flatMap { words($0) })
            // The words the reveal showed: more often in its output than in the masked one.
            let shown = Set(words(output).filter { word in words(output).filter { $0 == word }.count > words(masked).filter { $0 == word }.count })
            for word in shown where allNames.contains(word) {
                #expect(rosterWords[subject].contains(word),
                        "iteration \(iteration): printed \(word), not a name of the subject\n\(text)\n\(output)")
                let exclusive = rosterWords[subject].subtracting(rosterWords.indices.filter { $0 != subject }.flatMap { rosterWords[$0] })
                // A shared word (a family name) may only appear inside a whole roster name of the subject.
                if !exclusive.contains(word) {
                    #expect(roster[subject].names.contains { output.contains($0) && $0.contains(word) },
                            "iteration \(iteration): printed shared \(word) outside the subject's full name\n\(text)\n\(output)")
                }
            }
        }
    }
}
