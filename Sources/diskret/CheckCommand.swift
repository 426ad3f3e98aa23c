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
        let text: String
        var findings: [(start: Int, category: Category, rule: String)]
        do {
            text = try InputReader.decode(data)
            let found = try engine.findings(in: text)
            // Digits the rules did not take (a filter's leftover, a number split by a disguise) count too.
            let leftovers = try LeftoverDigits.find(in: text, besides: found)
            findings = found.map { ($0.start, $0.category, $0.rule) } + leftovers.map { ($0.start, $0.category, LeftoverDigits.rule) }
        } catch { throw fail(error) }
        guard !findings.isEmpty else { return }
        findings.sort { $0.start < $1.start }
        let positions = LineColumn.positions(of: findings.map(\.start), in: text)
        var lines = ""
        for (finding, position) in zip(findings, positions) {
            lines += "\(position.line):\(position.column) \(finding.category.rawValue) \(finding.rule)\n"
        }
        try OutputWriter.write(lines)
        throw ExitCodes.found
    }
}

/// 1-based line and column (in Unicode scalars) of scalar offsets.
enum LineColumn {
    static func positions(of offsets: [Int], in text: String) -> [(line: Int, column: Int)] {
        let sorted = offsets.enumerated().sorted { $0.element < $1.element }
        var result = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 1, column = 1, index = 0, next = 0
        for scalar in text.unicodeScalars {
            while next < sorted.count && sorted[next].element == index { result[sorted[next].offset] = (line, column); next += 1 }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        while next < sorted.count { result[sorted[next].offset] = (line, column); next += 1 }
        return result
    }
}
