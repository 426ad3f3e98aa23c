import Testing
@testable import Diskret

@Suite struct EntityLinkerTests {
    /// The Unicode definition the ASCII fast path must agree with.
    private func reference(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })).lowercased()
    }

    @Test(arguments: ["0170/123 45-67", "+49 (0)2921 91004-211", "ST/4711/2024", "DE89 3704 0044 0532 0130 00",
                      "anna.fischer@example.org", "Az. 12 F 345/24", "@[]`{}~\u{7F}\t", "", "L8KX3M9T2",
                      "Ümit.Özdemir@beispiel.de", "٠١٧٠ ١٢٣", "ⅫⅣ ½", "ǅ-ß"])
    func contactsAndIdentifiersCompareByLettersAndDigits(_ value: String) {
        #expect(EntityLinker.lettersAndDigits(Array(value.utf16)[...]) == reference(value))
    }

    @Test func oneNumberWrittenTwoWaysIsOneEntity() throws {
        let output = try TestSupport.engine.anonymize("Mobil 0170/1234567, später erreichbar unter 0170 1234567. Fax 02921 91004.").text
        let placeholders = output.components(separatedBy: "[").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(placeholders.count == 3)
        #expect(placeholders[0] == placeholders[1] && placeholders[1] != placeholders[2], "\(output)")
    }

    /// Signatures are sorted word numbers; their subset test must agree with `Set.isSubset` on every pair of
    /// subsets of 0…4.
    @Test func sortedSubsetTestAgreesWithSets() {
        let subsets = (0..<32).map { mask in (0..<5).filter { mask & (1 << $0) != 0 } }
        for part in subsets {
            for whole in subsets {
                #expect(EntityLinker.isSubset(part, of: whole) == Set(part).isSubset(of: Set(whole)), "\(part) \(whole)")
            }
        }
    }

    /// The linker's word index answers as a comparison with every person does — exactly the persons whose
    /// words contain the query or are contained in it — for every subset of 0…4 (the empty one too) asked after
    /// each person is added, persons added in a scrambled order (13 is prime to 32) and sharing entities.
    @Test func personIndexFindsWhatComparingWithEveryPersonFinds() {
        let subsets = (0..<32).map { mask in (0..<5).filter { mask & (1 << $0) != 0 } }
        let order = subsets.indices.map { $0 * 13 % 32 }
        var index = EntityLinker.PersonIndex(wordCount: 5)
        var added: [[Int]] = []
        for (entity, subset) in order.map({ ($0 % 7, subsets[$0]) }) {
            index.add(entity: entity, words: subset)
            added.append(subset)
            for query in subsets {
                let expected = Set(added.indices.filter {
                    EntityLinker.isSubset(query, of: added[$0]) || EntityLinker.isSubset(added[$0], of: query)
                })
                #expect(index.persons(linkedTo: query).map(Set.init) == expected, "\(query) after \(added.count) persons")
            }
        }
    }

    /// Persons indexed by a word are compared with at most `maximumLooks` of them per mention; below the
    /// bound, linking is exact (the later mention joins its person), and beyond it every mention is still
    /// masked, each person with a number of its own.
    @Test func aSurnameSharedByManyPersonsStaysMaskedAndBounded() throws {
        let few = try TestSupport.engine.anonymize("Frau Anna Müller kam mit Frau Berta Müller. Später rief Anna Müller an.").text
        #expect(few == "Frau [Person 1] kam mit Frau [Person 2]. Später rief [Person 1] an.", "\(few)")
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        var names: [String] = []
        for index in 0..<(EntityLinker.PersonIndex.maximumLooks + 100) {
            var word = index, name = ""
            for syllable in 0..<3 {
                let consonant = String(consonants[word % consonants.count])
                name += (syllable == 0 ? consonant.uppercased() : consonant) + String(vowels[(word / consonants.count) % vowels.count])
                word /= consonants.count * vowels.count
            }
            names.append(name)
        }
        let note = names.map { "Frau \($0) Müller" }.joined(separator: ", ") + "."
        let output = try TestSupport.engine.anonymize(note).text
        #expect(!output.contains("Müller") && !names.contains { output.contains($0) })
        let numbers = output.components(separatedBy: "[Person ").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(numbers.count == names.count && Set(numbers).count == names.count)
    }
}
