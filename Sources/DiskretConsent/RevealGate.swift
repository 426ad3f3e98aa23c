import Diskret

/// The consent gate for any front end: asks the registry for each subject of a reveal, and hands out a
/// `RevealGrant` — the only source of the categories a masking run may leave readable — or the denial.
public struct RevealGate: Sendable {
    private let registry: ConsentRegistry
    private let roster: Roster

    /// A gate over `registry` for the persons of `roster`.
    public init(registry: ConsentRegistry, roster: Roster) {
        self.registry = registry
        self.roster = roster
    }

    /// The answer to a reveal request.
    public enum Outcome: Sendable {
        /// Every subject is covered; reveal with the grant, then call `delivered()` or `aborted(reason:)`.
        case granted(RevealGrant)
        /// A subject is not covered (nothing may be revealed); the reason names what is missing, never data.
        case denied(subject: String, reason: String)
    }

    /// Asks for each subject in turn; the first denial ends the request, and decisions already allowed for
    /// the others are recorded as aborted.
    public func request(subjects: [String], purpose: String, recipient: String, categories: Set<Category>, actor: String) throws -> Outcome {
        var allowed: [RevealGrant.Allowance] = []
        for subject in subjects {
            guard roster.person(subject) != nil else { throw ConsentError.invalidRequest("subject \(subject) is not on the roster") }
            let request = AccessRequest(subject: subject, purpose: purpose, recipient: recipient, categories: categories, actor: actor)
            switch try registry.authorize(request) {
            case let .allowed(consentID, covered):
                allowed.append(.init(request: request, consentID: consentID, categories: covered))
            case let .denied(reason):
                try RevealGrant(registry: registry, allowances: allowed).aborted(reason: "consent of another subject of the request missing")
                return .denied(subject: subject, reason: reason)
            }
        }
        return .granted(RevealGrant(registry: registry, allowances: allowed))
    }
}

/// What the gate allowed: per subject, the categories that may stay readable. Only `RevealGate` makes one;
/// its outcome must be recorded once, after the output was written or failed.
public final class RevealGrant: Sendable {
    struct Allowance: Sendable {
        let request: AccessRequest
        let consentID: Int64
        let categories: Set<Category>
    }

    private let registry: ConsentRegistry
    private let allowances: [Allowance]

    init(registry: ConsentRegistry, allowances: [Allowance]) {
        self.registry = registry
        self.allowances = allowances
    }

    /// Per subject key, the categories the engine may leave readable (`Session.anonymize(reveal:)`).
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
