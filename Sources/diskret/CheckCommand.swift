import ArgumentParser
import Diskret
import Foundation

/// `diskret check`: a gate for mail and uploads that says whether a note still holds personal data.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exits 1 if a note read from standard input still contains personal data.",
        discussion: """
        Each finding is listed as 'line:column category rule' on standard output; the found text itself is never \
        printed. Besides the rules, digits left outside a placeholder are findings (rule check.leftover-digits): \
        a run of five or more, or digits in the shape of a phone number or an IBAN.
        """
    )

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var site: ConfigOptions

    @Option(name: .long, help: "Read the note from this file instead of standard input.")
    var input: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let engine = try ruleOptions.makeEngine(siteWords: try site.load().words)
        let data = try InputReader.readAll(path: input, limit: ruleOptions.maxBytes)
        let findings: [CheckedFinding]
        do {
            findings = try engine.makeSession().check(try InputReader.decode(data))
        } catch { throw fail(error) }
        guard !findings.isEmpty else { return }
        try OutputWriter.write(findings.map { "\($0.line):\($0.column) \($0.category.rawValue) \($0.rule)\n" }.joined())
        throw ExitStatus.checkFailed.code
    }
}
