/// A site's own word lists (from `diskret.yaml`): words always masked with a category, and words never
/// masked. Entries are whole words or phrases, compared case-insensitively on word boundaries.
public struct SiteWords: Sendable, Equatable {
    /// A word or phrase that is always masked, as `category`.
    public struct Entry: Sendable, Equatable {
        /// The word or phrase as written ("Frauenhaus Lindenhof").
        public var phrase: String
        /// The category it is masked as (placeholders "[Einrichtung 1]", "[Person 2]", …).
        public var category: Category

        /// An entry of the always-mask list.
        public init(phrase: String, category: Category) { self.phrase = phrase; self.category = category }
    }

    /// Always masked, whatever the rules say: the shelter's own name, the staff's names.
    public var alwaysMask: [Entry]
    /// Never masked when a finding is exactly one of these ("Jugendamt", the town's name); findings of
    /// roster persons and of the always-mask list are kept whatever this list says.
    public var neverMask: [String]

    /// Lists for a site; both empty means the rules alone decide.
    public init(alwaysMask: [Entry] = [], neverMask: [String] = []) {
        self.alwaysMask = alwaysMask
        self.neverMask = neverMask
    }

    /// Whether both lists are empty.
    public var isEmpty: Bool { alwaysMask.isEmpty && neverMask.isEmpty }
}
