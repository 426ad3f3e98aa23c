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

    /// A finding with all its parts (the engine makes them; callers build them for tests and reports).
    public init(start: Int, end: Int, category: Category, type: String, rule: String, score: Double,
                replacement: String? = nil, subject: String? = nil) {
        self.start = start; self.end = end; self.category = category; self.type = type
        self.rule = rule; self.score = score; self.replacement = replacement; self.subject = subject
    }
}

/// A finding inside the engine, in UTF-16 offsets.
///
/// Candidates are copied several times each (filtering, sorting, overlap resolution, merging), and a copy
/// retains every reference inside: the rule id and type are therefore one shared `RuleLabel`, and the
/// rarely set role and roster fields one optional `CandidateExtras`, instead of five strings.
struct Candidate: Sendable {
    var range: Range<Int>
    var category: Category
    /// The rule that found the candidate and the type it gives it.
    var label: RuleLabel
    var score: Double
    /// Set by propagation and merging when a span is only known through another finding.
    var derived: Bool = false
    /// A mention that names nobody else of the note: a name word used as a common noun ("der Koch der Kita")
    /// or inside a compound. The linker gives it an entity of its own and never a role.
    var standalone: Bool = false
    /// The entity (same person or value) the candidate belongs to, assigned when linking.
    var entity: Int = -1
    private var extras: CandidateExtras?

    /// A candidate labelled by a compiled rule (or an engine rule's shared label).
    init(range: Range<Int>, category: Category, label: RuleLabel, score: Double, derived: Bool = false, role: String? = nil) {
        self.range = range; self.category = category; self.label = label; self.score = score; self.derived = derived
        extras = role.map { CandidateExtras(role: $0, subject: nil, fixedPlaceholder: nil) }
    }

    /// A candidate with a label of its own (for rare findings and tests).
    init(range: Range<Int>, category: Category, type: String, rule: String, score: Double, derived: Bool = false) {
        self.init(range: range, category: category, label: RuleLabel(rule: rule, type: type), score: score, derived: derived)
    }

    /// A finer type such as `address.postcode`.
    var type: String { label.type }
    /// The id of the rule that found the candidate.
    var rule: String { label.rule }

    /// A role word next to a person ("Kindsmutter", "Tochter"), used for role placeholders.
    var role: String? {
        get { extras?.role }
        set { setExtras(role: newValue, subject: subject, fixedPlaceholder: fixedPlaceholder) }
    }
    /// For roster persons: the subject key and the placeholder fixed by the roster ("[Kind 2]"), so a person
    /// is named the same in every note of the case.
    var subject: String? {
        get { extras?.subject }
        set { setExtras(role: role, subject: newValue, fixedPlaceholder: fixedPlaceholder) }
    }
    var fixedPlaceholder: String? {
        get { extras?.fixedPlaceholder }
        set { setExtras(role: role, subject: subject, fixedPlaceholder: newValue) }
    }

    private mutating func setExtras(role: String?, subject: String?, fixedPlaceholder: String?) {
        extras = role == nil && subject == nil && fixedPlaceholder == nil ? nil
            : CandidateExtras(role: role, subject: subject, fixedPlaceholder: fixedPlaceholder)
    }
}

/// A rule's id and the type its findings get, made once per rule and shared by its candidates.
final class RuleLabel: Sendable {
    let rule: String
    let type: String
    /// Whether the type is a first name's ("person.firstname") or a nickname's: stages ask it of every
    /// candidate, and comparing the type's ending there cost more than their own tests.
    let isFirstName: Bool
    let isNickname: Bool

    init(rule: String, type: String) {
        self.rule = rule
        self.type = type
        isFirstName = type.hasSuffix("firstname")
        isNickname = type.hasSuffix("nickname")
    }
}

/// The parts of a candidate that few candidates have; immutable, replaced as a whole when one changes.
final class CandidateExtras: Sendable {
    let role: String?
    let subject: String?
    let fixedPlaceholder: String?

    init(role: String?, subject: String?, fixedPlaceholder: String?) {
        self.role = role
        self.subject = subject
        self.fixedPlaceholder = fixedPlaceholder
    }
}
