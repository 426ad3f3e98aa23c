import ArgumentParser
import Diskret
import Foundation

/// Options of the pseudonymisation operators and the re-identification vault.
struct PseudonymOptions: ParsableArguments {
    @Option(name: .customLong("case-key"), help: ArgumentHelp(
        "The case key file (from 'diskret key new FILE'); needed by the operators pseudonym, surrogate and shift.",
        valueName: "file"))
    var caseKey: String?

    @Option(name: .customLong("anchor-date"), help: ArgumentHelp(
        "Day 0 of relative dates and the day ages from birth dates are reckoned on.", valueName: "yyyy-mm-dd"))
    var anchorDate: String?

    @Option(name: .long, help: ArgumentHelp(
        "Add the mapping replacement → original of this note to an encrypted vault (created if missing). Key from $\(PseudonymOptions.passphraseVariable) or --vault-key.",
        valueName: "file"))
    var vault: String?

    @Option(name: .customLong("vault-key"), help: ArgumentHelp("A key file (at least 16 bytes, mode 0600) that opens the vault.", valueName: "file"))
    var vaultKey: String?

    /// The environment variable that holds a vault passphrase.
    static let passphraseVariable = "DISKRET_VAULT_PASSPHRASE"

    func validate() throws {
        if let anchorDate, CalendarDay(iso: anchorDate) == nil {
            throw ValidationError("--anchor-date must be a date written YYYY-MM-DD, got '\(anchorDate)'.")
        }
        if vaultKey != nil && vault == nil { throw ValidationError("--vault-key is only used with --vault.") }
    }

    /// What the policy's operators need, loaded and checked; a missing key or anchor date is a usage error.
    func makeContext(policy: MaskingPolicy, ruleDirectory: String?, jsonl: Bool, explain: Bool) throws -> PseudonymContext {
        if vault != nil && jsonl { throw ValidationError("--vault cannot be combined with --jsonl; filter notes one at a time.") }
        if vault != nil && explain { throw ValidationError("--vault cannot be combined with --explain.") }
        if vault != nil { _ = try Self.secret(vaultKey: vaultKey) }
        let operators = (policy.operators.map { ($0.key.rawValue, $0.value) } + policy.typeOperators.map { ($0.key, $0.value) })
            .filter { $0.1.needsCaseKey }.map { "\($0.0)=\($0.1.rawValue)" }.sorted()
        if caseKey == nil && !operators.isEmpty {
            throw ValidationError("\(operators.joined(separator: ", ")) needs a case key: pass --case-key FILE (create one with 'diskret key new FILE').")
        }
        if anchorDate == nil && policy.needsAnchorDate { throw ValidationError("date=relative needs --anchor-date YYYY-MM-DD (day 0).") }
        var context = PseudonymContext(anchorDate: anchorDate.flatMap { CalendarDay(iso: $0) })
        do {
            if let caseKey { context.caseKey = try CaseKey.load(path: caseKey) }
            let surrogateCategories = policy.surrogateCategories
            if surrogateCategories.contains(.person) || surrogateCategories.contains(.address) {
                guard let ruleDirectory else {
                    printError("error: no rule pack found for the surrogate lists; pass --rules DIR or set DISKRET_RULES")
                    throw ExitStatus.config.code
                }
                context.surrogates = try SurrogateLists.load(packDirectory: ruleDirectory, names: surrogateCategories.contains(.person),
                                                               places: surrogateCategories.contains(.address))
            }
        } catch let error as PseudonymisationError {
            throw fail(error)
        }
        return context
    }

    /// Adds the filtered note to the vault, if one was asked for. Runs before the output is written, so a
    /// note is never handed on without its mapping.
    func store(input: String, result: AnonymizedText, maxBytes: Int) throws {
        guard let vault else { return }
        var contents = VaultContents()
        contents.add(input: input, result: result)
        do { try Vault.append(contents, to: vault, secret: try Self.secret(vaultKey: vaultKey), maxBytes: maxBytes) } catch let error as PseudonymisationError {
            throw fail(error)
        }
    }

    /// The vault secret: the key file, else the passphrase from the environment; neither is a usage error.
    static func secret(vaultKey: String?) throws -> VaultSecret {
        if let vaultKey {
            do { return try VaultSecret.keyFile(path: vaultKey) } catch { throw fail(error) }
        }
        if let passphrase = ProcessInfo.processInfo.environment[passphraseVariable], !passphrase.isEmpty { return .passphrase(passphrase) }
        throw ValidationError("the vault needs a key: set \(passphraseVariable) or pass --vault-key FILE.")
    }
}
