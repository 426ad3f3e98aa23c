import Testing
@testable import Diskret

/// No surrogate contains its original, is contained in it, or lies fewer than three edits from it — tested over
/// every entry of the rule pack's name and place lists, each as an original drawn against its whole list.
@Suite struct SurrogateDistanceTests {
    static let lists: SurrogateLists = {
        do { return try SurrogateLists.load(packDirectory: TestSupport.repository.appendingPathComponent("Rules").path) } catch {
            fatalError("the surrogate lists do not load")
        }
    }()
    static let key = CaseKey(bytes: Array(repeating: 5, count: 32))!

    @Test func theIssuesExamplesAreUnsafe() {
        let pairs = [("blechschmidt", "schmidt"), ("lichtenwagner", "wagner"), ("toomas", "thomas"), ("sviatlana", "svetlana"),
                     ("veranika", "veronika"), ("schmid", "schmidt")]
        for (surrogate, original) in pairs { #expect(!SurrogateDistance.isSafe(Array(surrogate.utf8), for: Array(original.utf8)), "\(surrogate)") }
        #expect(SurrogateDistance.isSafe(Array("becker".utf8), for: Array("fischer".utf8)))
        #expect(!SurrogateDistance.isSafeStreet(Array("lindenweg".utf8), for: Array("lindenstrasse".utf8)))
        #expect(SurrogateDistance.isSafeStreet(Array("am markt".utf8), for: Array("lindenstrasse".utf8)))
    }

    @Test(arguments: ["first-f", "first-m", "surname", "city"])
    func everyListEntryGetsASurrogateFarFromIt(_ label: String) throws {
        let list = label == "first-f" ? Self.lists.femaleFirstNames : label == "first-m" ? Self.lists.maleFirstNames
            : label == "surname" ? Self.lists.surnames : Self.lists.cities
        let folder = try KeyFolder()
        let keys = try list.map { try folder.key(of: $0) }
        var failures = 0
        for original in keys {
            let picker = SurrogatePicker(key: Self.key, folder: folder, noteWords: [original])
            guard let surrogate = try picker.pick(label, original: original, from: list) else { continue }
            if !SurrogateDistance.isSafe(try folder.key(of: surrogate), for: original) { failures += 1 }
        }
        #expect(failures == 0, "\(failures) of \(keys.count) \(label) entries got a surrogate close to them")
    }

    @Test func everyStreetGetsASurrogateFarFromIt() throws {
        let folder = try KeyFolder()
        var failures = 0
        for street in Self.lists.streets {
            let original = try folder.key(of: street)
            let picker = SurrogatePicker(key: Self.key, folder: folder, noteWords: [])
            guard let surrogate = try picker.pick("street", original: original, from: Self.lists.streets, resembling: original, street: true) else { continue }
            if !SurrogateDistance.isSafeStreet(try folder.key(of: surrogate), for: original) { failures += 1 }
        }
        #expect(failures == 0)
    }
}
