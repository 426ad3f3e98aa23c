import Diskret

extension Session {
    /// Masks `text` with the grant's roster persons as known persons, leaving readable only what `grant`
    /// covers (and of that only what the roster ties to the consenting subject alone). Without a grant,
    /// `known` are the persons to find and nothing is revealed. Recording the grant's outcome
    /// (`delivered()`/`aborted(reason:)`) stays with the caller, who knows whether the text went out.
    public func anonymize(_ text: String, policy: MaskingPolicy = .default, known: [KnownPerson] = [], grant: RevealGrant?,
                          explain: Bool = false, pseudonymisation: PseudonymContext = PseudonymContext()) throws(DiskretError) -> AnonymizedText {
        guard let grant else { return try anonymize(text, policy: policy, known: known, explain: explain, pseudonymisation: pseudonymisation) }
        return try anonymize(text, policy: policy, known: grant.persons, reveal: grant.categories, explain: explain,
                             pseudonymisation: pseudonymisation)
    }
}
