import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// `diskret audit`: the trail of grants, withdrawals and reveal decisions.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Lists the audit trail, or verifies its hash chain.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self, AuditHeadCommand.self],
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
        let registry = try registryOptions.open(access: .readOnly)
        let entries = try withRegistryErrors { try registry.auditTrail(subject: subject) }
        if json {
            print(try FindingJSON.serialize(entries.map(ConsentJSON.auditEntry)))
            return
        }
        // Every field escaped: a tab or newline stored by an older version (or with the sqlite3 shell) must not
        // print as a forged entry of its own.
        let escape = ConsentRegistry.escapedForDisplay
        var lines = ""
        for e in entries {
            lines += [String(e.id ?? 0), escape(e.at), escape(e.actor), escape(e.action), e.subject.map(escape) ?? "-",
                      e.consentID.map(String.init) ?? "-", escape(e.detail)].joined(separator: "\t") + "\n"
        }
        try OutputWriter.write(lines)
    }
}

/// `diskret audit verify`.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recomputes the audit hash chain and checks every consent and withdrawal against it; exits 1 and names the first problem.",
        discussion: """
        A registry file that does not exist is an error (exit 66), never created. With --expect, the log must \
        still extend a head printed earlier by `diskret audit head` and kept outside the registry; that catches \
        a log rewritten from some entry on, hashes and all, which the chain alone cannot.
        """)

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "A head printed earlier by `diskret audit head` (N:HASH) that the log must still extend.") var expect: String?
    @Flag(help: "Print JSON: {\"intact\": true, \"entries\": N} or {\"intact\": false, \"entry\": ID, \"reason\": …}.") var json = false

    func validate() throws {
        if let expect, AuditHead(parsing: expect) == nil { throw ValidationError("--expect takes a head as `diskret audit head` prints it: N:HASH.") }
    }

    func run() throws {
        let registry = try registryOptions.open(access: .readOnly)
        let verification = try withRegistryErrors { try registry.verifyAuditChain(expect: expect.flatMap(AuditHead.init(parsing:))) }
        let line: String
        switch verification {
        case .intact, .broken: line = verification.summary
        case .unvouched: line = "registry broken: \(verification.summary)"
        }
        try OutputWriter.write((json ? try FindingJSON.serialize(ConsentJSON.verification(verification)) : line) + "\n")
        if !verification.isIntact { throw ExitCodes.found }
    }
}

/// `diskret audit head`.
struct AuditHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Prints the audit chain's head (N:HASH) to keep outside the registry, for `audit verify --expect`.")

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open(access: .readOnly)
        let verification = try withRegistryErrors { try registry.verifyAuditChain() }
        guard verification.isIntact else {
            // A head of a broken log would anchor the forgery.
            printError("error: no head for a registry that does not verify: \(verification.summary)")
            throw ExitCodes.found
        }
        try OutputWriter.write("\(try withRegistryErrors { try registry.auditHead() })\n")
    }
}
