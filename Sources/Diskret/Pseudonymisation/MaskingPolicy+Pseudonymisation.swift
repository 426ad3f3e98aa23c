extension MaskingPolicy.Operator {
    /// The categories the operator can be given to; nil for every category.
    public var categories: Set<Category>? {
        switch self {
        case .placeholder, .redact, .keep, .pseudonym: return nil
        case .surrogate: return [.person, .address, .contact, .id, .organisation]
        case .shift, .relative, .generalizeMonth, .generalizeYear: return [.date]
        case .ageBand: return [.age]
        }
    }

    /// Whether the operator can be given to `category`.
    public func applies(to category: Category) -> Bool { categories?.contains(category) ?? true }

    /// Whether the operator derives its output from a case key (`--case-key`).
    public var needsCaseKey: Bool { self == .pseudonym || self == .surrogate || self == .shift }

    /// Whether the operator needs an anchor date (`--anchor-date`).
    public var needsAnchorDate: Bool { self == .relative }

    /// Whether the operator is one of the pseudonymisation operators applied after placeholders are numbered.
    var isPseudonymisation: Bool { self != .placeholder && self != .redact && self != .keep }
}

extension MaskingPolicy {
    /// Whether some category's operator needs a case key.
    public var needsCaseKey: Bool { operators.values.contains { $0.needsCaseKey } }

    /// Whether some category's operator needs an anchor date.
    public var needsAnchorDate: Bool { operators.values.contains { $0.needsAnchorDate } }

    /// The categories whose operator is `surrogate`.
    public var surrogateCategories: Set<Category> { Set(operators.filter { $0.value == .surrogate }.keys) }

    /// Whether any operator is a pseudonymisation operator (then the `Pseudonymizer` stage runs).
    var pseudonymises: Bool { operators.values.contains { $0.isPseudonymisation } }
}
