/// A document of a gold corpus (`{"id", "text", "entities": [{"start", "end", "label"}]}`, offsets in
/// Unicode scalars, end exclusive).
public struct GoldDocument: Codable, Sendable {
    /// An annotated span.
    public struct Entity: Codable, Sendable {
        public var start: Int
        public var end: Int
        public var label: String
        public init(start: Int, end: Int, label: String) { self.start = start; self.end = end; self.label = label }
    }

    public var id: String
    public var text: String
    public var entities: [Entity]

    public init(id: String, text: String, entities: [Entity]) { self.id = id; self.text = text; self.entities = entities }

    /// The 0-based index of the first entity whose span is not a range of the text's Unicode scalars
    /// (negative start, end before start, or end past the text), or nil when all are. Such a span had made
    /// `eval --show-misses` trap when it sliced the context; a corpus holding one is invalid input.
    public func firstInvalidEntity() -> Int? {
        let length = text.unicodeScalars.count
        return entities.firstIndex { $0.start < 0 || $0.end < $0.start || $0.end > length }
    }
}
