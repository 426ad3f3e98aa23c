import Crypto

/// What a vault holds once opened: for each filtered note, where each replacement stands in the output and what
/// it replaced. Kept per note, so a note that comes back unchanged is restored exactly, and a replacement used
/// in several notes (a pseudonym of the case, or "[Person 1]" of different notes) can be told apart.
public struct VaultContents: Codable, Sendable, Equatable {
    /// One replacement in a filtered note.
    public struct Span: Codable, Sendable, Equatable {
        /// Unicode-scalar offset of the replacement's first character in the filtered output.
        public var start: Int
        /// Unicode-scalar offset just past the replacement (exclusive).
        public var end: Int
        /// The replacement as written ("[Person 1]", "Person-7F3A", "27.05.2024").
        public var replacement: String
        /// The original text it replaced.
        public var original: String
        /// The finding's category.
        public var category: String
    }

    /// One filtered note.
    public struct Note: Codable, Sendable, Equatable {
        /// SHA-256 of the filtered output (hex), to recognise the note when it comes back.
        public var digest: String
        /// The replacements in output order.
        public var spans: [Span]
    }

    /// The format version of the contents.
    public var version = 1
    /// The notes, oldest first.
    public var notes: [Note] = []

    /// Empty contents.
    public init() {}

    /// Records the note `input` filtered into `result` (made without `explain` annotations). Filtering the same
    /// note to the same output again replaces its record rather than adding a second one.
    public mutating func add(input: String, result: AnonymizedText) {
        let scalars = Array(input.unicodeScalars)
        var spans: [Span] = []
        var shift = 0
        for finding in result.findings {
            guard let replacement = finding.replacement else { continue }
            let length = replacement.unicodeScalars.count
            let original = String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))
            spans.append(Span(start: finding.start + shift, end: finding.start + shift + length, replacement: replacement,
                              original: original, category: finding.category.rawValue))
            shift += length - (finding.end - finding.start)
        }
        let note = Note(digest: Self.digest(result.text), spans: spans)
        notes.removeAll { $0.digest == note.digest }
        notes.append(note)
    }

    /// Adds the notes of `other` that this vault does not hold yet.
    public mutating func merge(_ other: VaultContents) {
        for note in other.notes where !notes.contains(note) {
            notes.removeAll { $0.digest == note.digest }
            notes.append(note)
        }
    }

    /// The hex SHA-256 of a text's UTF-8.
    static func digest(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
