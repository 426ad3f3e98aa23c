import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// The case roster and the consent gate of `diskret filter`.
struct RosterOptions: ParsableArguments {
    @Option(name: .long, help: "A case roster (YAML): its persons are always found and masked by role, the same in every note of the case.")
    var roster: String?

    @Option(name: .long, help: "Reveal this roster subject's data (repeatable) — only if a consent in the registry covers it.")
    var reveal: [String] = []

    @Option(name: .long, help: "With --reveal: the purpose of the disclosure, e.g. schutzplan.")
    var purpose: String?

    @Option(name: .long, help: "With --reveal: the institution that receives the output.")
    var recipient: String?

    @Option(name: .long, help: "With --reveal: the categories to reveal, comma-separated; all must be covered (default: those the consent covers).")
    var revealCategories: String?

    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        if !reveal.isEmpty && (roster == nil || purpose == nil || recipient == nil) {
            throw ValidationError("--reveal needs --roster, --purpose and --recipient.")
        }
        if reveal.isEmpty && (purpose != nil || recipient != nil || revealCategories != nil) {
            throw ValidationError("--purpose, --recipient and --reveal-categories only go with --reveal.")
        }
    }

    /// The roster's persons (none without --roster); a roster larger than `maxBytes` is refused unread.
    func knownPersons(maxBytes: Int) throws -> [KnownPerson] {
        guard let roster else { return [] }
        return try loadRoster(roster, maxBytes: maxBytes).persons
    }

    /// The grant of the consent gate for --reveal (nil without it). A denied request ends the run with exit
    /// 77 before any input is read, so nothing reaches standard output.
    func authorizedReveal(maxBytes: Int) throws -> RevealGrant? {
        guard let rosterPath = roster, !reveal.isEmpty, let purpose, let recipient else { return nil }
        let roster = try loadRoster(rosterPath, maxBytes: maxBytes)
        let registry = try registryOptions.open()
        let categories = try revealCategories.map(parseCategories) ?? []
        let request = RevealRequest(subjects: reveal, purpose: purpose, recipient: recipient, categories: categories,
                                    actor: registryOptions.actorName)
        do {
            return try withRegistryErrors { try RevealGate(registry: registry, roster: roster).grant(request) }
        } catch let denial as RevealDenial {
            printError(denial.description)
            throw ExitStatus.noPermission.code
        }
    }

    /// A missing roster is a missing input (66) like any other file, not an unreadable roster (65).
    private func loadRoster(_ path: String, maxBytes: Int) throws -> Roster {
        guard FileManager.default.fileExists(atPath: path) else {
            printError("error: the file given with --roster does not exist")
            throw ExitStatus.noInput.code
        }
        return try withRegistryErrors { try Roster.load(path: path, maxBytes: maxBytes) }
    }
}
