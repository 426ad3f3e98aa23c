/// The shapes of several rules as one nondeterministic automaton over UTF-16 units (Thompson's
/// construction), for `PrefilterScanner` to run as a lazily built DFA.
struct ShapeAutomaton {
    enum Node {
        /// Consumes one unit of set `set`, then goes on at `next`.
        case consume(set: Int32, next: Int32)
        case split(Int32, Int32)
        /// A match of rule `rule` (an index into the automaton's rules) ends here.
        case accept(rule: Int32)
    }

    private(set) var nodes: [Node] = []
    /// The rule each node belongs to.
    private(set) var ruleOfNode: [Int32] = []
    /// The entry node of each rule.
    private(set) var starts: [Int32] = []
    /// The distinct unit sets the `consume` nodes name (empty in an automaton read from the cache, which
    /// keeps only their number and `UnitClasses`' membership table).
    private(set) var sets: [UnitSet] = []
    private var setIndex: [UnitSet: Int32] = [:]
    /// The number of distinct sets.
    private(set) var setCount = 0

    init() {}

    /// An automaton as the pack cache holds it.
    init(nodes: [Node], ruleOfNode: [Int32], starts: [Int32], setCount: Int) {
        self.nodes = nodes
        self.ruleOfNode = ruleOfNode
        self.starts = starts
        self.setCount = setCount
    }

    /// Counted repetitions above this are widened to unbounded ones, and their minimum capped at
    /// `maxCopiedMinimum`: `[A-Z0-9]{7,14}` runs as `[A-Z0-9]{7,}`, `x{1,30}` as `x+`. Fewer nodes, fewer DFA states.
    static let maxCopiedRepeat = 8
    static let maxCopiedMinimum = 8

    /// Adds a rule's shape; returns its index among the automaton's rules.
    @discardableResult
    mutating func add(_ shape: PatternShape) -> Int {
        let rule = Int32(starts.count)
        let accept = append(.accept(rule: rule), rule: rule)
        starts.append(build(shape, next: accept, rule: rule))
        return Int(rule)
    }

    private mutating func append(_ node: Node, rule: Int32) -> Int32 {
        nodes.append(node)
        ruleOfNode.append(rule)
        return Int32(nodes.count - 1)
    }

    private mutating func index(of set: UnitSet) -> Int32 {
        if let index = setIndex[set] { return index }
        sets.append(set)
        setCount = sets.count
        setIndex[set] = Int32(sets.count - 1)
        return Int32(sets.count - 1)
    }

    /// Builds `shape` backwards from the node that follows it; returns its entry node.
    private mutating func build(_ shape: PatternShape, next: Int32, rule: Int32) -> Int32 {
        switch shape {
        case .empty, .lookahead, .lookbehind:
            // Look-arounds left unresolved match the empty text: wider, never narrower.
            return next
        case .unit(let set):
            return append(.consume(set: index(of: set), next: next), rule: rule)
        case .sequence(let items):
            var entry = next
            for item in items.reversed() { entry = build(item, next: entry, rule: rule) }
            return entry
        case .choice(let alternatives):
            var entries = alternatives.map { build($0, next: next, rule: rule) }
            while entries.count > 1 {
                let second = entries.removeLast(), first = entries.removeLast()
                entries.append(append(.split(first, second), rule: rule))
            }
            return entries.first ?? next
        case .repetition(let item, var minimum, var maximum):
            if maximum.map({ $0 > Self.maxCopiedRepeat }) ?? true {
                maximum = nil
                minimum = min(minimum, Self.maxCopiedMinimum)
            }
            var entry = next
            if let maximum {
                // Optional copies: each may be skipped, and skipping one skips the rest.
                for _ in 0..<(maximum - minimum) {
                    let itemEntry = build(item, next: entry, rule: rule)
                    entry = append(.split(itemEntry, next), rule: rule)
                }
            } else {
                // A loop: the split's first branch is patched once the item exists.
                let loop = append(.split(-1, entry), rule: rule)
                let itemEntry = build(item, next: loop, rule: rule)
                nodes[Int(loop)] = .split(itemEntry, entry)
                entry = loop
            }
            for _ in 0..<minimum { entry = build(item, next: entry, rule: rule) }
            return entry
        }
    }
}
