extension Candidate {
    /// The word of the finding's placeholder and keyed pseudonym ("[Telefon 1]", "Telefon-7F3A"): the
    /// category's, with phone, fax and e-mail named as such. The one map both writers use.
    var placeholderLabel: String {
        if category == .contact {
            if type.hasPrefix("contact.phone") { return "Telefon" }
            if type.hasPrefix("contact.fax") { return "Fax" }
            if type.hasPrefix("contact.email") { return "E-Mail" }
        }
        return category.placeholderLabel
    }
}

extension MaskingPolicy {
    /// The operator each finding is written with, chosen once for both writers: the category's operator, or a
    /// placeholder where it cannot be applied at all (no case key for `pseudonym`, `surrogate`, `shift`; no
    /// anchor date for `relative`). A finding the operator cannot handle alone (an unreadable date, a list
    /// that ran out) still falls back to its placeholder in the `Pseudonymizer`.
    func choices(for findings: [Candidate], context: PseudonymContext) -> [Operator] {
        func applicable(_ op: Operator) -> Operator {
            !(op.needsCaseKey && context.caseKey == nil) && !(op.needsAnchorDate && context.anchorDate == nil) ? op : .placeholder
        }
        var byCategory: [Category: Operator] = [:]
        for category in Category.allCases { byCategory[category] = applicable(self.operator(for: category)) }
        guard !typeOperators.isEmpty else { return findings.map { byCategory[$0.category]! } }
        return findings.map { applicable(self.operator(for: $0.category, type: $0.label.type)) }
    }
}
