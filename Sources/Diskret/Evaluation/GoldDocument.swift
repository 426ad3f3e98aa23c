/// A document of a gold corpus (`{"id", "text", "entities": [{"start", "end", "label"}]}`, offsets in
/// Unicode scalars, end exclusive).
package struct GoldDocument: Codable, Sendable {
    /// An annotated span.
    package struct Entity: Codable, Sendable {
        package var start: Int
        package var end: Int
        package var label: String
        package init(start: Int, end: Int, label: String) { self.start = start; self.end = end; self.label = label }
    }

    package var id: String
    package var text: String
    package var entities: [Entity]

    package init(id: String, text: String, entities: [Entity]) { self.id = id; self.text = text; self.entities = entities }

    /// The 0-based index of the first entity whose span is not a range of the text's Unicode scalars
    /// (negative start, end before start, or end past the text), or nil when all are. Such a span had made
    /// `eval --show-misses` trap when it sliced the context; a corpus holding one is invalid input.
    package func firstInvalidEntity() -> Int? {
        let length = text.unicodeScalars.count
        return entities.firstIndex { $0.start < 0 || $0.end < $0.start || $0.end > length }
    }
}
