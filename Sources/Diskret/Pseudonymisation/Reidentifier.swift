/// Restores the originals in a text that came back from a case conference, from an opened vault.
///
/// A filtered note that comes back unchanged is recognised by its digest and restored exactly, position by
/// position. Any other text (minutes, a reply) is restored by replacing each replacement the vault knows,
/// longest first and only at word boundaries, so "[Person 1]" never eats into "[Person 10]" and "Becker" not
/// into "Beckermann"; surrogate names and shifted dates also restore by their parts ("Frau Becker";
/// "12.09.2024" of "Do, 12.09.2024, 23:40 Uhr"). Several spellings of one person in one note restore to the
/// fullest ("Anna Fischer" rather than "Fischers"); a replacement that stood for different originals in
/// different notes (a placeholder such as "[Person 1]" is numbered per note) is written as
/// "{Anna Fischer | Max Koch}" and counted as ambiguous. Redaction blocks carry nothing and stay.
public struct Reidentifier {
    /// The outcome of a restoration.
    public struct Result: Sendable, Equatable {
        /// The text with the originals restored.
        public var text: String
        /// Whether the text was recognised as a filtered note and restored exactly.
        public var exact: Bool
        /// How many replacements were restored.
        public var restored: Int
        /// How many distinct replacements were ambiguous (written with all their originals).
        public var ambiguous: Int
    }

    let contents: VaultContents

    /// A reidentifier for an opened vault.
    public init(contents: VaultContents) { self.contents = contents }

    /// Restores the originals in `text`.
    public func restore(_ text: String) -> Result {
        let digest = VaultContents.digest(text)
        if let note = contents.notes.last(where: { $0.digest == digest }), let exact = restoreExactly(text, note) { return exact }
        return restoreByDictionary(text)
    }

    private func restoreExactly(_ text: String, _ note: VaultContents.Note) -> Result? {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for span in note.spans.sorted(by: { $0.start < $1.start }) {
            guard span.start >= position, span.end <= scalars.count,
                  String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.replacement else { return nil }
            output.append(contentsOf: scalars[position..<span.start])
            output.append(contentsOf: span.original.unicodeScalars)
            position = span.end
        }
        output.append(contentsOf: scalars[position...])
        return Result(text: String(output), exact: true, restored: note.spans.count, ambiguous: 0)
    }

    /// Replacement → original, as restored in running text.
    func dictionary() -> (entries: [String: String], ambiguous: Set<String>) {
        // Per replacement, per note: the originals in order of appearance.
        var originals: [String: [Int: [String]]] = [:]
        for (number, note) in contents.notes.enumerated() {
            for span in note.spans where span.replacement != Masker.redactionBlock && span.replacement != span.original {
                originals[span.replacement, default: [:]][number, default: []].append(span.original)
                // A shifted date restores without its weekday and time too ("12.09.2024" alone in the minutes).
                if span.category == "date", let replaced = WrittenDate.parse(span.replacement), let original = WrittenDate.parse(span.original),
                   replaced.day != nil, replaced.month != nil, replaced.coreText != span.replacement, replaced.coreText != original.coreText {
                    originals[replaced.coreText, default: [:]][number, default: []].append(original.coreText)
                }
                // A surrogate name restores word by word too ("Becker" alone in the minutes).
                let replacedWords = span.replacement.split(separator: " "), originalWords = span.original.split(separator: " ")
                if span.category == "person", !span.replacement.hasPrefix("["), !span.replacement.hasPrefix("Person-"),
                   replacedWords.count > 1, replacedWords.count == originalWords.count {
                    for (replaced, original) in zip(replacedWords, originalWords) where replaced != original && replaced.count >= 2 {
                        originals[String(replaced), default: [:]][number, default: []].append(String(original))
                    }
                }
            }
        }
        var entries: [String: String] = [:]
        var ambiguous: Set<String> = []
        for (replacement, byNote) in originals {
            var choices: [String] = []
            for number in byNote.keys.sorted() {
                let fullest = byNote[number]!.enumerated().max { a, b in
                    let (wa, wb) = (a.element.split(separator: " ").count, b.element.split(separator: " ").count)
                    if wa != wb { return wa < wb }
                    if a.element.count != b.element.count { return a.element.count < b.element.count }
                    return a.offset > b.offset
                }!.element
                if !choices.contains(where: { $0.lowercased() == fullest.lowercased() }) { choices.append(fullest) }
            }
            if choices.count > 1 { ambiguous.insert(replacement) }
            entries[replacement] = choices.count == 1 ? choices[0] : "{" + choices.joined(separator: " | ") + "}"
        }
        return (entries, ambiguous)
    }

    private func restoreByDictionary(_ text: String) -> Result {
        let (entries, ambiguous) = dictionary()
        var candidates: [Unicode.Scalar: [(replacement: [Unicode.Scalar], original: String)]] = [:]
        for (replacement, original) in entries {
            let scalars = Array(replacement.unicodeScalars)
            guard let first = scalars.first else { continue }
            candidates[first, default: []].append((scalars, original))
        }
        for key in candidates.keys { candidates[key]!.sort { $0.replacement.count > $1.replacement.count } }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var restored = 0
        var seenAmbiguous: Set<String> = []
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        scanning: while index < scalars.count {
            for candidate in candidates[scalars[index]] ?? [] {
                let end = index + candidate.replacement.count
                guard end <= scalars.count, scalars[index..<end].elementsEqual(candidate.replacement) else { continue }
                if isWordScalar(candidate.replacement.first!), index > 0, isWordScalar(scalars[index - 1]) { continue }
                if isWordScalar(candidate.replacement.last!), end < scalars.count, isWordScalar(scalars[end]) { continue }
                output.append(contentsOf: candidate.original.unicodeScalars)
                restored += 1
                let replacement = String(String.UnicodeScalarView(candidate.replacement))
                if ambiguous.contains(replacement) { seenAmbiguous.insert(replacement) }
                index = end
                continue scanning
            }
            output.append(scalars[index])
            index += 1
        }
        return Result(text: String(output), exact: false, restored: restored, ambiguous: seenAmbiguous.count)
    }
}
