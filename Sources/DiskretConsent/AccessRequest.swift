import Diskret

/// A request to reveal a subject's data of some categories, for a purpose, to a recipient.
public struct AccessRequest: Sendable, Equatable {
    /// The pseudonymous subject key whose data would be revealed.
    public var subject: String
    /// What the output is for ("schutzplan"); compared without case.
    public var purpose: String
    /// The institution that receives the output; compared without case.
    public var recipient: String
    /// The categories to reveal; empty asks for whatever an active consent covers.
    public var categories: Set<Category>
    /// Who asks (recorded in the audit log).
    public var actor: String

    /// A request; see the properties.
    public init(subject: String, purpose: String, recipient: String, categories: Set<Category>, actor: String) {
        self.subject = subject; self.purpose = purpose; self.recipient = recipient
        self.categories = categories; self.actor = actor
    }
}

/// The gate's answer. A denial says which consent is missing, never any personal data.
public enum Decision: Sendable, Equatable {
    /// An active, in-period consent covers the request; `categories` are those that may be revealed.
    case allowed(consentID: Int64, categories: Set<Category>)
    /// No consent covers it; `reason` names what is missing.
    case denied(reason: String)

    /// Whether the request may proceed.
    public var isAllowed: Bool { if case .allowed = self { return true } else { return false } }
}

/// The state of a consent on a given day.
public enum ConsentState: String, Sendable, Codable {
    /// In its period and not withdrawn: it covers requests.
    case active
    /// Withdrawn (or superseded); it covers nothing any more.
    case withdrawn
    /// Its last day has passed.
    case expired
    /// Its first day has not come yet.
    case notYetValid = "not-yet-valid"
}

/// The result of recomputing the audit hash chain.
public enum AuditVerification: Sendable, Equatable {
    /// Every entry's hash matches its content and its predecessor.
    case intact(entries: Int)
    /// The first entry whose hash does not match, and why.
    case broken(entryID: Int64, reason: String)
}
