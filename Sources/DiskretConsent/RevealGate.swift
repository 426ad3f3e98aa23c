import Diskret

/// What a front end asks of the consent gate: the roster subjects whose data should stay readable, for
/// which purpose and recipient, and which categories (empty: whatever each consent covers).
public struct RevealRequest: Sendable, Equatable {
    /// Subject keys of the roster ("K-2024-017/KM").
    public var subjects: [String]
    /// The purpose of the disclosure ("schutzplan").
    public var purpose: String
    /// The institution that receives the output.
    public var recipient: String
    /// The categories to reveal; all must be covered by one consent of each subject.
    public var categories: Set<Category>
    /// Who asks, for the audit log.
    public var actor: String

    /// A request; `categories` empty means "what the consent covers".
    public init(subjects: [String], purpose: String, recipient: String, categories: Set<Category> = [], actor: String) {
        self.subjects = subjects; self.purpose = purpose; self.recipient = recipient
        self.categories = categories; self.actor = actor
    }
}

/// Why a reveal was refused: what consent is missing, never personal data (subjects are pseudonymous keys).
public struct RevealDenial: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first subject whose consent does not cover the request.
    public let subject: String
    /// The registry's reason.
    public let reason: String
    /// The request that was refused.
    public let request: RevealRequest

    /// One line for a front end: "consent missing: … (subject …, purpose …, recipient …, categories …)".
    public var description: String {
        let asked = request.categories.isEmpty ? "any" : request.categories.map(\.rawValue).sorted().joined(separator: ",")
        return "consent missing: \(reason) (subject \(subject), purpose \(request.purpose), recipient \(request.recipient), categories \(asked))"
    }
}

/// The consent gate for any front end: asks the registry for each subject of a reveal, and hands out a
/// `RevealGrant` — the only way a masking run outside this package leaves anything readable — or the denial.
public struct RevealGate: Sendable {
    private let registry: ConsentRegistry
    private let roster: Roster

    /// A gate over `registry` for the persons of `roster`.
    public init(registry: ConsentRegistry, roster: Roster) {
        self.registry = registry
        self.roster = roster
    }

    /// The one entry point for CLI and server: asks for each subject in turn and returns the grant, or throws
    /// `RevealDenial` at the first subject whose consent does not cover the request (the denial is in the
    /// audit log, and decisions already allowed for the others are recorded as aborted). A subject not on the
    /// roster or a malformed request throws `ConsentError.invalidRequest`.
    public func grant(_ request: RevealRequest) throws -> RevealGrant {
        guard !request.subjects.isEmpty else { throw ConsentError.invalidRequest("a reveal names at least one subject") }
        var allowed: [RevealGrant.Allowance] = []
        for subject in request.subjects {
            guard roster.person(subject) != nil else { throw ConsentError.invalidRequest("subject \(subject) is not on the roster") }
            let access = AccessRequest(subject: subject, purpose: request.purpose, recipient: request.recipient,
                                       categories: request.categories, actor: request.actor)
            switch try registry.authorize(access) {
            case let .allowed(consentID, covered):
                allowed.append(.init(request: access, consentID: consentID, categories: covered))
            case let .denied(reason):
                try RevealGrant(registry: registry, roster: roster, allowances: allowed)
                    .aborted(reason: "consent of another subject of the request missing")
                throw RevealDenial(subject: subject, reason: reason, request: request)
            }
        }
        return RevealGrant(registry: registry, roster: roster, allowances: allowed)
    }
}

/// What the gate allowed: per subject, the categories that may stay readable, and the roster they belong
/// to. Only `RevealGate` makes one; its outcome must be recorded once, after the output was written or failed.
public final class RevealGrant: Sendable {
    struct Allowance: Sendable {
        let request: AccessRequest
        let consentID: Int64
        let categories: Set<Category>
    }

    private let registry: ConsentRegistry
    private let allowances: [Allowance]
    /// The persons of the roster the grant was asked for: a reveal masks with exactly these known persons,
    /// so a subject key can never point at another roster's person.
    public let persons: [KnownPerson]

    init(registry: ConsentRegistry, roster: Roster, allowances: [Allowance]) {
        self.registry = registry
        self.persons = roster.persons
        self.allowances = allowances
    }

    /// Per subject key, the categories the engine may leave readable.
    public var categories: [String: Set<Category>] {
        Dictionary(uniqueKeysWithValues: allowances.map { ($0.request.subject, $0.categories) })
    }

    /// Records "reveal-allowed" for each subject: call only after the revealed text was delivered.
    public func delivered() throws {
        for allowance in allowances {
            try registry.recordReveal(allowance.request, consentID: allowance.consentID, categories: allowance.categories)
        }
    }

    /// Records "reveal-aborted" with `reason` (no personal data) for each subject: nothing was delivered.
    public func aborted(reason: String) throws {
        for allowance in allowances {
            try registry.recordReveal(allowance.request, consentID: allowance.consentID, categories: allowance.categories, abortedBecause: reason)
        }
    }
}
