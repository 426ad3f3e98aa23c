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
}
