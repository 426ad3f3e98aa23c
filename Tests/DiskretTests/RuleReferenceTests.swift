import Foundation
import Testing
@testable import Diskret

/// Rules/README.md's key and type reference is made from the parser's key table and the engine's type table.
@Suite struct RuleReferenceTests {
    static let begin = "<!-- rule-reference:begin (generated from RuleKeys and RuleTypes; do not edit by hand) -->"
    static let end = "<!-- rule-reference:end -->"

    /// The section as the tables make it.
    static var section: String {
        ["### Keys", "", RuleKeys.markdown(), "", "### Types", "",
         "A `type` is the category or `category.subtype` (lower-case words joined by `.`), checked when the pack loads. "
            + "Most types only name the finding in reports; these mean something to the engine:",
         "", RuleTypes.markdown()].joined(separator: "\n")
    }

    /// Regenerates the section between the markers; with DISKRET_UPDATE_DOCS=1 it writes the file, otherwise
    /// it fails when the file differs.
    @Test func theReadmeReferenceIsTheParsersTable() throws {
        let path = TestSupport.repository.appendingPathComponent("Rules/README.md")
        let readme = try String(contentsOf: path, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "Rules/README.md lacks the marker \(Self.begin)")
        let stop = try #require(readme.range(of: Self.end), "Rules/README.md lacks the marker \(Self.end)")
        let regenerated = readme[..<start.upperBound] + "\n" + Self.section + "\n" + readme[stop.lowerBound...]
        if ProcessInfo.processInfo.environment["DISKRET_UPDATE_DOCS"] == "1" {
            try regenerated.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(readme == regenerated, "Rules/README.md's key reference differs from the parser's table; update it: DISKRET_UPDATE_DOCS=1 swift test --filter RuleReferenceTests")
    }

    /// Every key the German pack uses is in the table (the parser asserts it reads none that is not).
    @Test func everyKeyOfThePackIsDocumented() {
        #expect(TestSupport.pack.definitions.count > 0)
        for kind in RuleDefinition.Kind.allCases { #expect(!RuleKeys.names(for: kind).isEmpty) }
    }
}

/// `type` values are checked when the pack loads, with the rule's file and line.
@Suite struct RuleTypeTests {
    private func error(_ rule: String) -> String? {
        do { _ = try TestSupport.pack(yaml: "rules:\n  - id: r\n" + rule); return nil } catch let error as DiskretError {
            guard case let .invalidRules(_, line, message) = error else { return "\(error)" }
            return "\(line): \(message)"
        } catch { return "\(error)" }
    }

    @Test func typesFollowTheirCategory() {
        #expect(error("    kind: deny\n    category: person\n    type: person.name\n    words: [x]\n") == nil)
        #expect(error("    kind: deny\n    category: person\n    type: address.city\n    words: [x]\n") == "2: rule r: type 'address.city' must start with the rule's category 'person'")
        #expect(error("    kind: deny\n    category: person\n    type: Person Name\n    words: [x]\n")?.hasPrefix("2: rule r: type 'Person Name' must be lower-case words") == true)
        #expect(error("    kind: allow\n    type: person.name\n    words: [x]\n")?.contains("a rule without a category has no type") == true)
    }

    @Test func typesTheEngineReadsKeepTheirContract() {
        #expect(error("    kind: deny\n    category: contact\n    type: contact.phone.mobile\n    words: [x]\n") == nil)
        #expect(error("    kind: deny\n    category: contact\n    type: contact.phonebook\n    words: [x]\n")?.contains("would be read as the engine's type 'contact.phone'") == true)
        #expect(error("    kind: deny\n    category: person\n    type: person.given-firstname\n    words: [x]\n")?.contains("would be read as the engine's type 'person.firstname'") == true)
        #expect(error("    kind: deny\n    category: person\n    type: person.firstname\n    words: [x]\n")?.contains("is only for wordlist rules") == true)
    }
}
