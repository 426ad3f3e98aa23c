import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// `diskret consent`: record, withdraw and inspect consents.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Records, withdraws and lists consents in the registry.",
        subcommands: [ConsentGrantCommand.self, ConsentWithdrawCommand.self, ConsentStatusCommand.self, ConsentListCommand.self,
                      ConsentShowCommand.self, ConsentExportCommand.self, ConsentImportCommand.self, ConsentTimeZoneCommand.self]
    )
}

/// `diskret consent grant`.
struct ConsentGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Records a consent a person has given.")

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "The pseudonymous subject key, e.g. K-2024-017/KM. Never a name.") var subject: String
    @Option(help: "What the data may be used for, e.g. schutzplan.") var purpose: String
    @Option(help: "An institution that may receive the data (repeat for several).") var recipient: [String]
    @Option(help: "Data categories covered, comma-separated: person, date, age, address, organisation, contact, id.") var categories: String
    @Option(help: "First day of validity (YYYY-MM-DD); default today.") var from: String?
    @Option(help: "Last day of validity (YYYY-MM-DD); default no end.") var until: String?
    @Option(help: "A reference to the signed form or other evidence.") var evidence: String?
    @Option(help: "The id of a consent this one replaces; it is withdrawn as 'superseded by consent N' in the same transaction.")
    var supersedes: Int64?
    @Flag(help: "Print the consent as JSON.") var json = false

    func run() throws {
        let categories = try parseCategories(self.categories)
        let registry = try registryOptions.open()
        let consent = try withRegistryErrors {
            if let supersedes {
                return try registry.supersede(id: supersedes, subject: subject, purpose: purpose, recipients: recipient, categories: categories,
                                              validFrom: from, validUntil: until, evidence: evidence, actor: registryOptions.actorName)
            }
            return try registry.grant(subject: subject, purpose: purpose, recipients: recipient, categories: categories,
                                      validFrom: from, validUntil: until, evidence: evidence, actor: registryOptions.actorName)
        }
        if json {
            print(try ConsentFormatter.json([try withRegistryErrors { try registry.consent(id: consent.id!) }]))
        } else {
            print("granted consent \(consent.id!)" + (supersedes.map { "; consent \($0) is withdrawn as superseded" } ?? ""))
        }
    }
}

/// `diskret consent withdraw ID`.
struct ConsentWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraws a consent; it stops covering requests at once.")

    @OptionGroup var registryOptions: RegistryOptions
    @Argument(help: "The consent id.") var id: Int64
    @Option(help: "Why, as the person said it (no personal data).") var reason: String?
    @Flag(help: "Print the withdrawn consent as JSON.") var json = false

    func run() throws {
        let registry = try registryOptions.open()
        try withRegistryErrors { try registry.withdraw(id: id, by: registryOptions.actorName, reason: reason) }
        if json { print(try ConsentFormatter.json([try withRegistryErrors { try registry.consent(id: id) }])) } else { print("withdrew consent \(id)") }
    }
}

/// `diskret consent status`.
struct ConsentStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Lists consents with what they cover, for whom, until when, and their state today.")

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "Only this subject.") var subject: String?
    @Option(help: "Only active consents that end within this many days.") var expiringWithin: Int?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let expiringWithin, expiringWithin < 0 { throw ValidationError("--expiring-within takes a number of days (0 or more).") }
    }

    func run() throws {
        let registry = try registryOptions.open(access: .readOnly)
        let rows = try withRegistryErrors {
            try expiringWithin.map { try registry.expiring(within: $0, subject: subject) } ?? registry.consents(subject: subject)
        }
        print(json ? try ConsentFormatter.json(rows) : ConsentFormatter.table(rows))
    }
}

/// `diskret consent list`: every consent, as `status` without filters.
struct ConsentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists all consents with their state today.")

    @OptionGroup var registryOptions: RegistryOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let registry = try registryOptions.open(access: .readOnly)
        let rows = try withRegistryErrors { try registry.consents() }
        print(json ? try ConsentFormatter.json(rows) : ConsentFormatter.table(rows))
    }
}

/// `diskret consent export --fhir`.
struct ConsentExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Writes consents as a FHIR R4 Bundle of Consent resources to standard output.")

    @OptionGroup var registryOptions: RegistryOptions
    @Flag(help: "FHIR R4 JSON (the only export format).") var fhir = false
    @Option(help: "Only this subject's consents.") var subject: String?

    func validate() throws { guard fhir else { throw ValidationError("Name the format: --fhir.") } }

    func run() throws {
        let registry = try registryOptions.open()
        let bundle = try withRegistryErrors { try registry.exportFHIR(subject: subject, actor: registryOptions.actorName) }
        let data = try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        try OutputWriter.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}

/// `diskret consent import --fhir FILE`.
struct ConsentImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Reads FHIR R4 Consent resources (one, or a Bundle) into the registry, in one transaction.")

    @OptionGroup var registryOptions: RegistryOptions
    @Flag(help: "FHIR R4 JSON (the only import format).") var fhir = false
    @Argument(help: "The JSON file ('-' for standard input).") var file: String
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws { guard fhir else { throw ValidationError("Name the format: --fhir.") } }

    func run() throws {
        let data = try file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : InputReader.readAll(path: file, limit: 256 << 20, option: "FILE")
        guard let document = try? JSONSerialization.jsonObject(with: data) else {
            printError("error: \(file) is not JSON")
            throw ExitCodes.dataError
        }
        let registry = try registryOptions.open()
        let count = try withRegistryErrors { try registry.importFHIR(document, actor: registryOptions.actorName) }
        print(json ? try FindingJSON.serialize(["imported": count]) : "imported \(count) consents")
    }
}

/// `diskret consent time-zone [--set ZONE]`.
struct ConsentTimeZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-zone",
        abstract: "Prints, or with --set changes, the time zone in which consent validity is decided (Europe/Berlin by default; never $TZ).")

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "An IANA time zone name, e.g. Europe/Vienna; the change is audited.") var set: String?

    func run() throws {
        if let set {
            let registry = try registryOptions.open()
            try withRegistryErrors { try registry.configure(timeZone: set, actor: registryOptions.actorName) }
        }
        let registry = try registryOptions.open(access: .readOnly)
        try OutputWriter.write(try withRegistryErrors { try registry.timeZone() }.identifier + "\n")
    }
}

/// `diskret consent show ID`.
struct ConsentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Shows one consent.")

    @OptionGroup var registryOptions: RegistryOptions
    @Argument(help: "The consent id.") var id: Int64
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let registry = try registryOptions.open(access: .readOnly)
        let row = try withRegistryErrors { try registry.consent(id: id) }
        print(json ? try ConsentFormatter.json([row]) : ConsentFormatter.table([row]))
    }
}

/// Parses "person,address" into categories, or fails with a usage error.
func parseCategories(_ text: String) throws -> Set<Diskret.Category> {
    var result: Set<Diskret.Category> = []
    for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        guard let category = Diskret.Category(rawValue: part) else {
            throw ValidationError("Unknown category '\(part)'; use \(Diskret.Category.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        result.insert(category)
    }
    guard !result.isEmpty else { throw ValidationError("Name at least one category.") }
    return result
}

/// Tables for people and JSON for machines.
enum ConsentFormatter {
    typealias Row = (consent: ConsentRecord, withdrawal: WithdrawalRecord?, state: ConsentState)

    static func table(_ rows: [Row]) -> String {
        var lines = ["ID  SUBJECT            STATE          PURPOSE        RECIPIENTS                 CATEGORIES            VALID"]
        for row in rows {
            let c = row.consent
            lines.append([String(c.id ?? 0).padding(4), c.subject.padding(19), row.state.rawValue.padding(15), c.purpose.padding(15),
                          c.recipients.joined(separator: "; ").padding(27), c.categories.joined(separator: ",").padding(22),
                          "\(c.validFrom)..\(c.validUntil ?? "")"].joined())
        }
        if rows.isEmpty { lines.append("(no consents)") }
        return lines.joined(separator: "\n")
    }

    static func json(_ rows: [Row]) throws -> String { try FindingJSON.serialize(rows.map(ConsentJSON.consent)) }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { padding(toLength: max(width, count + 1), withPad: " ", startingAt: 0) }
}
