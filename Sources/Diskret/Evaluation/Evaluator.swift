/// Scores findings against gold annotations with the figures defined in `shared/corpora/README.md`.
package struct Evaluator {
    /// Figures for one category (or micro over all scored categories).
    package struct Scores: Codable, Sendable {
        package var gold = 0
        package var findings = 0
        package var masked = 0
        package var partial = 0
        package var strictMatches = 0
        package init() {}
        package var maskedRecall: Double { ratio(masked, gold) }
        package var partialRecall: Double { ratio(partial, gold) }
        package var strictPrecision: Double { ratio(strictMatches, findings) }
        package var strictRecall: Double { ratio(strictMatches, gold) }
        package var strictF1: Double {
            let p = strictPrecision, r = strictRecall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// A gold entity that was not fully masked, or a finding that overlaps no annotation.
    package struct Example: Codable, Sendable {
        package var document: String
        package var start: Int
        package var end: Int
        package var label: String
        package var rule: String?
    }

    /// The result over a corpus.
    package struct Report: Codable, Sendable {
        package var documents = 0
        package var categories: [String: Scores] = [:]
        package var micro = Scores()
        package var lenientFindings = 0
        package var lenientOverlapping = 0
        package var personWords = 0
        package var personWordsLeaked = 0
        package var misses: [Example] = []
        package var falsePositives: [Example] = []
        package var lenientPrecision: Double { ratio(lenientOverlapping, lenientFindings) }
        package init() {}
        package var personLeakRate: Double { ratio(personWordsLeaked, personWords) }
    }

    package static let scoredLabels: [String] = Category.allCases.map(\.rawValue)

    package init() {}

    /// Adds one document: its gold entities, the engine's findings and the anonymised output.
    package func add(_ document: GoldDocument, findings: [Finding], output: String, to report: inout Report) {
        report.documents += 1
        let scalars = Array(document.text.unicodeScalars)
        var covered = [Bool](repeating: false, count: scalars.count)
        for finding in findings { for index in max(0, finding.start)..<min(scalars.count, max(finding.start, finding.end)) { covered[index] = true } }
        for entity in document.entities where Self.scoredLabels.contains(entity.label) {
            let range = max(0, entity.start)..<min(scalars.count, max(entity.start, entity.end))
            let letters = range.filter { !scalars[$0].properties.isWhitespace }
            let masked = !letters.isEmpty && letters.allSatisfy { covered[$0] }
            let partial = letters.contains { covered[$0] }
            let strict = findings.contains { $0.start == entity.start && $0.end == entity.end && $0.category.rawValue == entity.label }
            for key in [entity.label, "micro"] {
                var scores = key == "micro" ? report.micro : report.categories[key, default: Scores()]
                scores.gold += 1
                if masked { scores.masked += 1 }
                if partial { scores.partial += 1 }
                if strict { scores.strictMatches += 1 }
                if key == "micro" { report.micro = scores } else { report.categories[key] = scores }
            }
            if !masked { report.misses.append(Example(document: document.id, start: entity.start, end: entity.end, label: entity.label, rule: nil)) }
        }
        for finding in findings {
            report.categories[finding.category.rawValue, default: Scores()].findings += 1
            report.micro.findings += 1
            report.lenientFindings += 1
            if document.entities.contains(where: { $0.start < finding.end && finding.start < $0.end }) {
                report.lenientOverlapping += 1
            } else {
                report.falsePositives.append(Example(document: document.id, start: finding.start, end: finding.end,
                                                     label: finding.category.rawValue, rule: finding.rule))
            }
        }
        leakCount(document, scalars: scalars, output: output, into: &report)
    }

    /// Person leak rate: capitalised words of gold person spans that the output holds more often than the input
    /// holds them outside person spans.
    private func leakCount(_ document: GoldDocument, scalars: [Unicode.Scalar], output: String, into report: inout Report) {
        let persons = document.entities.filter { $0.label == "person" }
        guard !persons.isEmpty else { return }
        var inPerson = [Bool](repeating: false, count: scalars.count)
        for entity in persons { for index in max(0, entity.start)..<min(scalars.count, max(entity.start, entity.end)) { inPerson[index] = true } }
        var outside: [String: Int] = [:]
        for (word, range) in Self.words(scalars) where !range.contains(where: { inPerson[$0] }) { outside[word, default: 0] += 1 }
        var inOutput: [String: Int] = [:]
        for (word, _) in Self.words(Array(output.unicodeScalars)) { inOutput[word, default: 0] += 1 }
        for entity in persons {
            let span = Array(scalars[max(0, entity.start)..<min(scalars.count, max(entity.start, entity.end))])
            for (word, _) in Self.words(span) {
                guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 2 else { continue }
                report.personWords += 1
                if inOutput[word, default: 0] > outside[word, default: 0] { report.personWordsLeaked += 1 }
            }
        }
    }

    /// Words as maximal runs of letters (and combining marks), with their scalar ranges.
    static func words(_ scalars: [Unicode.Scalar]) -> [(String, Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var start: Int?
        for index in 0...scalars.count {
            let isLetter = index < scalars.count && (scalars[index].properties.isAlphabetic || scalars[index].properties.generalCategory == .nonspacingMark)
            if isLetter { if start == nil { start = index } } else if let begin = start {
                result.append((String(String.UnicodeScalarView(scalars[begin..<index])), begin..<index))
                start = nil
            }
        }
        return result
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
