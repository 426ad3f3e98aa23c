import ArgumentParser
import DiskretConsent
import Foundation

/// `diskret audit`: the trail of grants, withdrawals and reveal decisions.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Lists the audit trail, or verifies its hash chain.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self],
        defaultSubcommand: AuditListCommand.self
    )
}

/// `diskret audit [list]`.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists the audit trail, oldest first.")

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "Only entries about this subject.") var subject: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let registry = try registryOptions.open()
        let entries = try withRegistryErrors { try registry.auditTrail(subject: subject) }
        if json {
            print(try FindingJSON.serialize(entries.map { e -> [String: Any] in
                ["id": e.id ?? 0, "at": e.at, "actor": e.actor, "action": e.action, "subject": e.subject ?? NSNull(),
                 "consent_id": e.consentID.map { $0 as Any } ?? NSNull(), "detail": e.detail, "hash": e.hash]
            }))
            return
        }
        for e in entries {
            print("\(e.id ?? 0)\t\(e.at)\t\(e.actor)\t\(e.action)\t\(e.subject ?? "-")\t\(e.consentID.map(String.init) ?? "-")\t\(e.detail)")
        }
    }
}

/// `diskret audit verify`.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recomputes the audit hash chain; exits 1 and names the first broken entry if it was tampered with.")

    @OptionGroup var registryOptions: RegistryOptions
    @Flag(help: "Print JSON: {\"intact\": true, \"entries\": N} or {\"intact\": false, \"entry\": ID, \"reason\": …}.") var json = false

    func run() throws {
        let registry = try registryOptions.open()
        switch try withRegistryErrors({ try registry.verifyAuditChain() }) {
        case let .intact(entries):
            print(json ? try FindingJSON.serialize(["intact": true, "entries": entries]) : "audit chain intact: \(entries) entries")
        case let .broken(entryID, reason):
            print(json ? try FindingJSON.serialize(["intact": false, "entry": entryID, "reason": reason])
                       : "audit chain broken at entry \(entryID): \(reason)")
            throw ExitCodes.found
        }
    }
}
