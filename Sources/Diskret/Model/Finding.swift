/// One piece of personal data found in a note.
public struct Finding: Codable, Sendable, Equatable {
    /// Unicode-scalar offset of the first character in the input.
    public var start: Int
    /// Unicode-scalar offset just past the last character (exclusive).
    public var end: Int
    /// The coarse category.
    public var category: Category
    /// A finer type such as `address.postcode` or `id.iban`.
    public var type: String
    /// The id of the rule that found it.
    public var rule: String
    /// The rule's confidence, 0…1.
    public var score: Double
    /// The replacement written to the output (placeholder, redaction block, or nil when kept).
    public var replacement: String?
    /// The roster subject key for findings of a known person.
    public var subject: String?

    public init(start: Int, end: Int, category: Category, type: String, rule: String, score: Double,
                replacement: String? = nil, subject: String? = nil) {
        self.start = start; self.end = end; self.category = category; self.type = type
        self.rule = rule; self.score = score; self.replacement = replacement; self.subject = subject
    }
}

/// A finding inside the engine, in UTF-16 offsets.
struct Candidate: Sendable {
    var range: Range<Int>
    var category: Category
    var type: String
    var rule: String
    var score: Double
    /// Set by propagation and merging when a span is only known through another finding.
    var derived: Bool = false
    /// The entity (same person or value) the candidate belongs to, assigned when linking.
    var entity: Int = -1
    /// A role word next to a person ("Kindsmutter", "Tochter"), used for role placeholders.
    var role: String? = nil
    /// For roster persons: the subject key and the placeholder fixed by the roster ("[Kind 2]"), so a person
    /// is named the same in every note of the case.
    var subject: String? = nil
    var fixedPlaceholder: String? = nil
}
