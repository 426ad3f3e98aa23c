import ArgumentParser
import Diskret
import Foundation

/// `diskret eval CORPUS.jsonl`: measures the engine on a gold corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Scores the engine on a gold corpus in JSON lines ({id, text, entities}).",
        discussion: """
        Figures as defined in shared/corpora/README.md: masked recall (every non-space character of a gold \
        entity covered by some finding), partial recall, strict precision/recall/F1 (same category, exact \
        boundaries), lenient precision (findings overlapping any annotation) and the person leak rate. With \
        --disguise, every gold span is first disguised (seeded) the way text pasted from Word, PDFs and web \
        pages disguises it.
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "The gold corpus, one JSON document per line.")
    var corpus: String

    @Flag(name: .long, help: "List gold entities that were not fully masked, with context.")
    var showMisses = false

    @Flag(name: .long, help: "List findings that overlap no annotation, with context.")
    var showFalsePositives = false

    @Flag(name: .long, help: "After the figures, list the 25 pattern rules whose regexes took longest, with the text each ran on (for rule authors).")
    var profileRules = false

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Disguise every gold span before masking, as pasted text does: \(DisguiseKind.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "kind"))
    var disguise: String?

    @Option(name: .long, help: "The seed of the disguises' random choices (the same seed, the same corpus).")
    var seed: UInt64 = 1

    func run() throws {
        var disguiser = Disguiser(seed: seed)
        let kind = try disguise.map { name in
            guard let kind = DisguiseKind(rawValue: name) else {
                throw ValidationError("--disguise takes one of \(DisguiseKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return kind
        }
        let engine = try ruleOptions.makeEngine(profilesRules: profileRules)
        // The corpus is named by position, not by its file name, which can hold a name.
        let data = Data(try InputReader.readFile(corpus, limit: EngineOptions.inputLimit, option: "CORPUS"))
        let session: Session
        do { session = try engine.makeSession() } catch { throw fail(error) }
        var report = Evaluator.Report()
        var texts: [String: String] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        for (number, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            var document: GoldDocument
            do { document = try JSONDecoder().decode(GoldDocument.self, from: Data(line)) } catch {
                throw fail(DiskretError.invalidRecord(line: number + 1, message: "not a gold document {id, text, entities}"))
            }
            if let entity = document.firstInvalidEntity() {
                throw fail(DiskretError.invalidRecord(line: number + 1, message: "entity \(entity + 1) is not a span of the text (0 <= start <= end <= length in Unicode scalars)"))
            }
            if let kind { document = disguiser.disguise(document, as: kind) }
            let result: AnonymizedText
            do { result = try session.anonymize(document.text) } catch { throw fail(error) }
            Evaluator().add(document, findings: result.findings, output: result.text, to: &report)
            texts[document.id] = document.text
        }
        let seconds = (clock.now - start) / .seconds(1)
        if json {
            print(try FindingJSON.serialize(EvalFormatter.jsonObject(report, seconds: seconds)))
            return
        }
        print(EvalFormatter.table(report, seconds: seconds))
        if profileRules { print(EvalFormatter.ruleCosts(session.patternRuleCosts, top: 25)) }
        if showMisses {
            print("\nMissed (\(report.misses.count)):")
            for miss in report.misses { print(EvalFormatter.context(miss, texts[miss.document] ?? "")) }
        }
        if showFalsePositives {
            print("\nFindings overlapping no annotation (\(report.falsePositives.count)):")
            for finding in report.falsePositives { print(EvalFormatter.context(finding, texts[finding.document] ?? "")) }
        }
    }
}

/// Renders evaluation reports for people and machines.
enum EvalFormatter {
    /// The costliest pattern rules of a profiled run: seconds, share of all pattern time, text scanned.
    static func ruleCosts(_ costs: [RuleCost], top: Int) -> String {
        let total = costs.reduce(0) { $0 + $1.seconds }
        var lines = ["\npattern rules by regex time (\(String(format: "%.3f", total)) s in all):"]
        for cost in costs.prefix(top) {
            let share = total > 0 ? 100 * cost.seconds / total : 0
            lines.append(pad(String(format: "%8.3f s %5.1f %%", cost.seconds, share), 20) + pad(String(cost.scannedUnits), 12) + cost.rule)
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ report: Evaluator.Report, seconds: Double) -> String {
        var lines = ["documents: \(report.documents)   gold entities: \(report.micro.gold)   findings: \(report.micro.findings)   seconds: \(String(format: "%.2f", seconds))",
                     pad("category", 14) + ["gold", "masked", "partial", "strict-P", "strict-R", "strict-F1"].map { pad($0, 10) }.joined()]
        let rows = Evaluator.scoredLabels.compactMap { label in report.categories[label].map { (label, $0) } } + [("micro", report.micro)]
        for (label, scores) in rows where scores.gold > 0 || scores.findings > 0 {
            let values = [String(scores.gold)] + [scores.maskedRecall, scores.partialRecall, scores.strictPrecision, scores.strictRecall, scores.strictF1].map { String(format: "%.3f", $0) }
            lines.append(pad(label, 14) + values.map { pad($0, 10) }.joined())
        }
        lines.append("lenient precision: \(String(format: "%.3f", report.lenientPrecision))")
        lines.append("person leak rate: \(String(format: "%.3f", report.personLeakRate)) (\(report.personWordsLeaked) of \(report.personWords) name words)")
        return lines.joined(separator: "\n")
    }

    static func jsonObject(_ report: Evaluator.Report, seconds: Double) -> [String: Any] {
        func scores(_ s: Evaluator.Scores) -> [String: Any] {
            ["gold": s.gold, "findings": s.findings, "masked_recall": s.maskedRecall, "partial_recall": s.partialRecall,
             "strict_precision": s.strictPrecision, "strict_recall": s.strictRecall, "strict_f1": s.strictF1]
        }
        return ["documents": report.documents, "seconds": seconds, "micro": scores(report.micro),
                "categories": report.categories.mapValues(scores), "lenient_precision": report.lenientPrecision,
                "person_leak_rate": report.personLeakRate, "misses": report.misses.count,
                "false_positives": report.falsePositives.count]
    }

    /// "doc  label  …left [[span]] right…" on one line.
    static func context(_ example: Evaluator.Example, _ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            let clamped = max(0, min(scalars.count, range.lowerBound))..<max(0, min(scalars.count, range.upperBound))
            return String(String.UnicodeScalarView(scalars[clamped])).replacingOccurrences(of: "\n", with: "⏎")
        }
        let left = slice((example.start - 30)..<example.start), span = slice(example.start..<example.end)
        let right = slice(example.end..<(example.end + 30))
        return "  \(example.document)  \(example.label)\(example.rule.map { " (\($0))" } ?? "")  …\(left)[[\(span)]]\(right)…"
    }

    private static func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0) }
}
