/// One automaton for the shapes of all pattern rules that have one: a single pass over a note tells, per
/// rule, which ranges of the note could hold a match, and ICU's matcher runs only there.
///
/// Why: ICU runs one pattern at a time, and every pattern tries a match at every digit or capital of a
/// line that passes its gate. Most of those lines hold no match; the shapes say so in one pass.
final class PatternPrefilter: Sendable {
    let automaton: ShapeAutomaton
    let classes: UnitClasses
    /// For each pattern rule (by its index in the pack), its index in the automaton; nil for a rule that
    /// runs without the prefilter.
    let automatonRule: [Int?]
    /// The consume nodes reachable from the rules' starts: a match may start at any unit.
    let initialNodes: [Int32]
    /// Per pattern rule, why it runs without the prefilter (for `rules` diagnostics and tests).
    let unsupported: [String: String]
    /// Per automaton rule, how far before its end a match can start (its longest match), nil if unbounded:
    /// the scanner then follows the rule's threads to learn where they started.
    let reach: [Int?]

    /// The most rules one automaton tracks; the next rules go to another automaton. Its masks would hold 64,
    /// but the scanner builds its states lazily, and a state is the set of nodes alive at once: with many
    /// rules that track letters, their number grows with the product of the rules' positions, so on varied
    /// notes a large automaton spends its time making states. Small automata keep that to a sum, for one
    /// more table walk per automaton.
    static let maxRules = 16
    /// The most automaton nodes one rule may take: nested counted repeats multiply (`((a{8}){8}){8}`).
    static let maxNodesPerRule = 20_000

    /// The reason recorded for a rule that did not fit into this automaton (a later one takes it).
    static let overflowReason = "more than \(maxRules) rules"

    /// As many prefilters as the pack's pattern rules need, `maxRules` rules each: every rule whose shape the
    /// parser models runs behind one of them. Each costs a pass over a note, which is far cheaper than an
    /// unfiltered regex on every line its gates let through.
    static func chunked(rules: [PatternRule]) -> [PatternPrefilter] { chunked(patterns: patterns(of: rules)) }

    /// As many prefilters as `all` needs (see `chunked(rules:)`), for patterns given by rule id, text and case flag.
    static func chunked(patterns all: [(id: String, pattern: String?, caseInsensitive: Bool)]) -> [PatternPrefilter] {
        var remaining = all
        var prefilters: [PatternPrefilter] = []
        while true {
            let prefilter = PatternPrefilter(patterns: remaining)
            prefilters.append(prefilter)
            let overflow = Set(prefilter.unsupported.filter { $0.value == overflowReason }.keys)
            if overflow.isEmpty { return prefilters }
            remaining = all.map { overflow.contains($0.id) ? $0 : (id: $0.id, pattern: nil, caseInsensitive: $0.caseInsensitive) }
        }
    }

    private static func patterns(of rules: [PatternRule]) -> [(id: String, pattern: String?, caseInsensitive: Bool)] {
        rules.map { (id: $0.definition.id, pattern: $0.fields.pattern, caseInsensitive: $0.fields.caseInsensitive) }
    }

    /// The prefilter of patterns given by their rule id, text (nil for none) and case flag.
    convenience init(patterns: [(id: String, pattern: String?, caseInsensitive: Bool)]) {
        var automaton = ShapeAutomaton()
        var automatonRule: [Int?] = []
        var unsupported: [String: String] = [:]
        var reach: [Int?] = []
        let sets = UnitSetSource()
        for (id, pattern, caseInsensitive) in patterns {
            guard let pattern else { automatonRule.append(nil); continue }
            if automaton.starts.count == Self.maxRules {
                unsupported[id] = Self.overflowReason
                automatonRule.append(nil)
                continue
            }
            do {
                let shape = try PatternShapeParser.shape(of: RegexPattern.withListedDigitsInSets(pattern),
                                                         caseInsensitive: caseInsensitive, sets: sets)
                    .resolvingLookarounds
                if shape.matchesEmpty {
                    unsupported[id] = "matches the empty text"
                    automatonRule.append(nil)
                } else if shape.nodeCount > Self.maxNodesPerRule {
                    unsupported[id] = "too large a shape (nested repeats)"
                    automatonRule.append(nil)
                } else {
                    automatonRule.append(automaton.add(shape))
                    reach.append(shape.maxLength)
                }
            } catch {
                unsupported[id] = error.reason
                automatonRule.append(nil)
            }
        }
        var closure = Closure(automaton: automaton)
        self.init(automaton: automaton, classes: UnitClasses(sets: automaton.sets, multiUnitFolds: UnitClasses.multiUnitFolds()),
                  automatonRule: automatonRule, initialNodes: closure.nodes(from: automaton.starts).nodes,
                  unsupported: unsupported, reach: reach)
    }

    /// A prefilter from its parts (as the pack cache holds them).
    init(automaton: ShapeAutomaton, classes: UnitClasses, automatonRule: [Int?], initialNodes: [Int32],
         unsupported: [String: String], reach: [Int?]) {
        self.automaton = automaton
        self.classes = classes
        self.automatonRule = automatonRule
        self.initialNodes = initialNodes
        self.unsupported = unsupported
        self.reach = reach
    }
}

extension PatternShape {
    /// About how many automaton nodes the shape takes (repeats copied as `ShapeAutomaton` copies them),
    /// saturating far above any limit.
    var nodeCount: Int {
        let limit = 1 << 30
        switch self {
        case .empty, .lookahead, .lookbehind: return 0
        case .unit: return 1
        case .sequence(let items): return items.reduce(0) { min(limit, $0 + $1.nodeCount) }
        case .choice(let alternatives): return alternatives.reduce(alternatives.count) { min(limit, $0 + $1.nodeCount) }
        case .repetition(let item, let minimum, let maximum):
            let copies = maximum.map { $0 > ShapeAutomaton.maxCopiedRepeat } ?? true
                ? min(minimum, ShapeAutomaton.maxCopiedMinimum) + 1 : maximum! + 1
            return min(limit, copies.multipliedReportingOverflow(by: item.nodeCount + 1).overflow ? limit
                       : copies * (item.nodeCount + 1))
        }
    }

    /// The most units a match can take, nil if unbounded.
    var maxLength: Int? {
        let limit = 1 << 20
        switch self {
        case .empty, .lookahead, .lookbehind: return 0
        case .unit: return 1
        case .sequence(let items):
            var total = 0
            for item in items {
                guard let length = item.maxLength else { return nil }
                total += length
                if total > limit { return nil }
            }
            return total
        case .choice(let alternatives):
            var longest = 0
            for alternative in alternatives {
                guard let length = alternative.maxLength else { return nil }
                longest = max(longest, length)
            }
            return longest
        case .repetition(let item, _, let maximum):
            guard let length = item.maxLength else { return nil }
            if length == 0 { return 0 }
            guard let maximum, maximum <= limit / length else { return nil }
            return length * maximum
        }
    }

    /// Whether the shape matches the empty text (a rule like that would pass every line).
    var matchesEmpty: Bool {
        switch self {
        case .empty, .lookahead, .lookbehind: return true
        case .unit: return false
        case .sequence(let items): return items.allSatisfy(\.matchesEmpty)
        case .choice(let alternatives): return alternatives.contains(where: \.matchesEmpty)
        case .repetition(let item, let minimum, _): return minimum == 0 || item.matchesEmpty
        }
    }
}

/// The ε-closure of node sets: the consume nodes and accepted rules reachable without consuming a unit.
///
/// The closure of each single node is kept once walked (up to `memoLimit` nodes in all): new DFA states are
/// made from the same few entry nodes over and over, and walking their chains of splits (a choice of forty
/// street suffixes is forty splits) again each time was most of the cost of building a state.
struct Closure {
    private let automaton: ShapeAutomaton
    /// Walk marks (`walkGeneration`) and union marks (`unionGeneration`), per node.
    private var walked: [UInt32]
    private var walkGeneration: UInt32 = 0
    private var united: [UInt32]
    private var unionGeneration: UInt32 = 0
    private var stack: [Int32] = []
    private var union: [Int32] = []
    /// Whether `union` is sorted (it is in ascending order until `unite` appends to it).
    private var unionSorted = true
    private var memo: [(nodes: [Int32], accepted: UInt64)?]
    private var memoSize = 0
    /// The most consume nodes the kept closures hold together (4 bytes each).
    let memoLimit: Int

    init(automaton: ShapeAutomaton, memoLimit: Int = 1 << 20) {
        self.automaton = automaton
        self.memoLimit = memoLimit
        walked = [UInt32](repeating: 0, count: automaton.nodes.count)
        united = walked
        memo = Array(repeating: nil, count: automaton.nodes.count)
    }

    /// The consume nodes reached from `entries` (sorted), and the bits of the rules whose accept node is
    /// reached.
    mutating func nodes(from entries: [Int32]) -> (nodes: [Int32], accepted: UInt64) {
        if entries.count == 1 { return closure(of: entries[0]) }
        Self.advance(&unionGeneration, clearing: &united)
        // Gathered in a buffer kept from call to call: growing a new array node by node cost a fifth of this.
        union.removeAll(keepingCapacity: true)
        var accepted: UInt64 = 0
        for entry in entries {
            let part = closure(of: entry)
            accepted |= part.accepted
            for node in part.nodes where united[Int(node)] != unionGeneration {
                united[Int(node)] = unionGeneration
                union.append(node)
            }
        }
        union.sort()
        return (Array(union), accepted)
    }

    /// Starts a union of closures with `nodes` (sorted, without duplicates), for `unite` and `withUnion`.
    mutating func beginUnion(with nodes: [Int32]) {
        Self.advance(&unionGeneration, clearing: &united)
        union.removeAll(keepingCapacity: true)
        for node in nodes {
            united[Int(node)] = unionGeneration
            union.append(node)
        }
        unionSorted = true
    }

    /// Adds the closure of `entry` to the union begun last; returns the bits of the rules it accepts.
    mutating func unite(_ entry: Int32) -> UInt64 {
        let part = closure(of: entry)
        let generation = unionGeneration
        united.withUnsafeMutableBufferPointer { united in
            for node in part.nodes where united[Int(node)] != generation {
                united[Int(node)] = generation
                union.append(node)
                unionSorted = false
            }
        }
        return part.accepted
    }

    /// Calls `body` with the nodes of the union, sorted.
    mutating func withUnion<Result>(_ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        if !unionSorted { union.sort(); unionSorted = true }
        return union.withUnsafeBufferPointer(body)
    }

    /// The closure of one node: kept, or walked (and kept while the memo has room).
    private mutating func closure(of entry: Int32) -> (nodes: [Int32], accepted: UInt64) {
        if let known = memo[Int(entry)] { return known }
        let walk = self.walk(from: entry)
        if memoSize + walk.nodes.count <= memoLimit {
            memo[Int(entry)] = walk
            memoSize += walk.nodes.count
        }
        return walk
    }

    private mutating func walk(from entry: Int32) -> (nodes: [Int32], accepted: UInt64) {
        Self.advance(&walkGeneration, clearing: &walked)
        var result: [Int32] = []
        var accepted: UInt64 = 0
        stack.append(entry)
        automaton.nodes.withUnsafeBufferPointer { nodes in
            walked.withUnsafeMutableBufferPointer { walked in
                while let node = stack.popLast() {
                    if walked[Int(node)] == walkGeneration { continue }
                    walked[Int(node)] = walkGeneration
                    switch nodes[Int(node)] {
                    case .consume: result.append(node)
                    case .split(let first, let second): stack.append(second); stack.append(first)
                    case .accept(let rule): accepted |= 1 << UInt64(rule)
                    }
                }
            }
        }
        result.sort()
        return (result, accepted)
    }

    /// Moves to a new generation of marks, clearing them when the counter wraps.
    private static func advance(_ generation: inout UInt32, clearing marks: inout [UInt32]) {
        generation &+= 1
        if generation == 0 {
            marks = [UInt32](repeating: 0, count: marks.count)
            generation = 1
        }
    }
}
