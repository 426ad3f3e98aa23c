import ArgumentParser
import Diskret
import Foundation
import Yams

/// How findings are written: operators per category, from flags and a policy file.
struct MaskingOptions: ParsableArguments {
    @Option(name: .long, help: "Operators per category or finding type, e.g. 'person=placeholder,date=redact,age=keep,date.relative=keep' (all=… sets every category). Operators: placeholder, redact, keep; with --case-key also pseudonym, surrogate, shift; relative (with --anchor-date), generalize-month, generalize-year (dates), age-band (ages).")
    var mask: String?

    @Option(name: .long, help: "A YAML policy file with an 'operators' mapping (category or type: operator); --mask overrides it.")
    var policy: String?

    /// The site's default operators, then the policy file's (at most `maxBytes`, refused by its size before
    /// it is read), then the flag's on top.
    func makePolicy(maxBytes: Int, site: MaskingPolicy = .default) throws -> MaskingPolicy {
        var result = site
        if let policy {
            guard let text = String(validating: try InputReader.readFile(policy, limit: maxBytes, option: "--policy"), as: UTF8.self) else {
                throw ValidationError("The policy file cannot be read as UTF-8.")
            }
            let parsed: [String: [String: String]]
            do { parsed = try YAMLDecoder().decode([String: [String: String]].self, from: text) } catch {
                throw ValidationError("The policy file must be a YAML mapping 'operators: {category: operator}'.")
            }
            let spec = (parsed["operators"] ?? [:]).map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            do { result = result.merging(try MaskingPolicy(parsing: spec)) } catch { throw ValidationError("--policy: \(error.message)") }
        }
        if let mask {
            do { result = result.merging(try MaskingPolicy(parsing: mask)) } catch { throw ValidationError("--mask: \(error.message)") }
        }
        return result
    }
}
