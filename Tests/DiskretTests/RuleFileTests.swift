import Testing
@testable import Diskret

/// Rule files are checked strictly and every mistake is reported with its file and line.
@Suite struct RuleFileTests {
    private func error(_ yaml: String) -> String? {
        do { _ = try TestSupport.pack(yaml: yaml); return nil } catch let error as DiskretError {
            guard case let .invalidRules(file, line, message) = error else { return "\(error)" }
            return "\(file.hasSuffix("rules.yaml") ? "rules.yaml" : file):\(line): \(message)"
        } catch { return "\(error)" }
    }

    @Test func reportsUnknownKeysWithTheirLine() {
        #expect(error("rules:\n  - id: a\n    kind: allow\n    words: [x]\n    wrds: [y]\n") == "rules.yaml:5: unknown key 'wrds'")
    }

    @Test func reportsPatternsThatDoNotCompile() {
        let message = error("rules:\n  - id: p\n    kind: pattern\n    category: date\n    pattern: '(\\\\d'\n")
        #expect(message?.hasPrefix("rules.yaml:2: rule p: pattern does not compile (U_REGEX_MISMATCHED_PAREN") == true)
    }

    @Test func reportsDuplicateIDsUnknownCategoriesAndValidators() {
        #expect(error("rules:\n  - id: a\n    kind: allow\n    words: [x]\n  - id: a\n    kind: allow\n    words: [y]\n")?.contains("duplicate rule id 'a'") == true)
        #expect(error("rules:\n  - id: a\n    kind: deny\n    category: people\n    words: [x]\n") == "rules.yaml:2: rule a: unknown category 'people'")
        #expect(error("rules:\n  - id: a\n    kind: pattern\n    category: id\n    pattern: x\n    validator: crc\n")?.contains("unknown validator 'crc'") == true)
    }

    @Test func reportsMissingListsAndBadYAML() {
        #expect(error("rules:\n  - id: a\n    kind: allow\n    lists: [lists/none.txt]\n")?.contains("word list not found") == true)
        #expect(error("rules: [\n") != nil)
    }
}
