import Foundation
import Testing
@testable import Diskret

/// The getting-started article of the DocC catalogue shows this test's code: the test runs it, and checks that
/// the article shows exactly this code and the output it prints.
@Suite struct GettingStartedTests {
    static let article = TestSupport.repository.appendingPathComponent("Sources/Diskret/Diskret.docc/GettingStarted.md")

    @Test func theArticlesCodeMasksTheNote() throws {
        let rules = TestSupport.repository.appendingPathComponent("Rules").path
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // getting-started:begin
        let pack = try RulePack.load(directory: rules)
        let engine = Engine(rules: pack)
        let session = try engine.makeSession()
        let result = try session.anonymize("Gespräch mit Frau Anna Kowalczyk am 12.03.2024, Tel. 0170 1234567.")
        print(result.text)
        // Gespräch mit Frau [Person 1] am [Datum 1], Tel. [Telefon 1].
        for finding in result.findings {
            print(finding.category, finding.start, finding.end, finding.replacement ?? "kept")
        }
        // getting-started:end
        let shown = try Self.articleCode().filter { $0.hasPrefix("// ") }.map { String($0.dropFirst(3)) }
        #expect(printed.first == shown.first, "the article shows another output than the code prints")
        #expect(printed.count == result.findings.count + 1)
    }

    @Test func theArticleShowsThisCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8).components(separatedBy: "\n")
        let begin = try #require(source.firstIndex { $0.hasSuffix("// getting-started:begin") })
        let end = try #require(source.firstIndex { $0.hasSuffix("// getting-started:end") })
        let indent = source[begin].prefix { $0 == " " }.count
        let code = source[(begin + 1)..<end].map { String($0.dropFirst(indent)) }
        #expect(try Self.articleCode() == code, "Sources/Diskret/Diskret.docc/GettingStarted.md must show the code of GettingStartedTests")
    }

    /// The lines of the article's Swift code block.
    static func articleCode() throws -> [String] {
        let lines = try String(contentsOf: article, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "```swift"))
        let stop = try #require(lines[(start + 1)...].firstIndex(of: "```"))
        return Array(lines[(start + 1)..<stop])
    }
}
