/// What the pseudonymisation operators need beyond the policy: the case key (pseudonyms, surrogates, date
/// shift), the anchor date (relative dates, ages from birth dates) and the surrogate word lists. Operators
/// whose needs are missing fall back to placeholders; the command line reports them as usage errors first.
public struct PseudonymContext: Sendable {
    /// The case key; nil disables `pseudonym`, `surrogate` and `shift`.
    public var caseKey: CaseKey?
    /// Day 0 of `relative` dates and the day on which ages from birth dates are reckoned.
    public var anchorDate: CalendarDay?
    /// Lists for `surrogate`; without them persons and addresses get keyed pseudonyms instead.
    public var surrogates: SurrogateLists?

    /// A context from its parts.
    public init(caseKey: CaseKey? = nil, anchorDate: CalendarDay? = nil, surrogates: SurrogateLists? = nil) {
        self.caseKey = caseKey; self.anchorDate = anchorDate; self.surrogates = surrogates
    }
}
