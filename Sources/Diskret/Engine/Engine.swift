/// The Diskret engine: detects personal data in German notes with a rule pack and masks it.
///
/// `Engine` is immutable and `Sendable`; each call makes (or reuses) a `Session` with its own ICU handles.
public struct Engine: Sendable {
    /// The compiled rules.
    public let rules: RulePack
    /// Non-rule settings.
    public let options: EngineOptions
    /// The site's always-mask and never-mask lists (`diskret.yaml`).
    public let siteWords: SiteWords

    /// An engine over `rules`; `siteWords` are the site's own lists on top of the rules.
    public init(rules: RulePack, options: EngineOptions = EngineOptions(), siteWords: SiteWords = SiteWords()) {
        self.rules = rules
        self.options = options
        self.siteWords = siteWords
    }

    /// A session that owns ICU handles; reuse one per thread for many documents.
    public func makeSession() throws(DiskretError) -> Session { try Session(engine: self) }

    /// Finds personal data in `text` (offsets in Unicode scalars).
    public func findings(in text: String, known: [KnownPerson] = []) throws(DiskretError) -> [Finding] {
        try makeSession().anonymize(text, policy: .default, known: known).findings
    }

    /// Masks `text` as `policy` says.
    public func anonymize(_ text: String, policy: MaskingPolicy = .default, known: [KnownPerson] = []) throws(DiskretError) -> AnonymizedText {
        try makeSession().anonymize(text, policy: policy, known: known)
    }

    /// Masks `text`, leaving readable what `reveal` names (package-only: see `Session.anonymize(_:reveal:)`).
    package func anonymize(_ text: String, policy: MaskingPolicy = .default, known: [KnownPerson] = [],
                           reveal: [String: Set<Category>]) throws(DiskretError) -> AnonymizedText {
        try makeSession().anonymize(text, policy: policy, known: known, reveal: reveal)
    }
}
