/// Runs a `PatternPrefilter` over notes as a DFA built lazily from its automaton; one per thread, its
/// states kept from note to note.
///
/// Its mutable tables are `@exclusivity(unchecked)`: a scanner belongs to one thread and its accesses do not
/// overlap, and the runtime's checks of them (every step onto a new state, every accepting step) had cost
/// more than 1 % of the filter's instructions.
final class PrefilterScanner {
    let prefilter: PatternPrefilter
    private let classCount: Int
    @exclusivity(unchecked) private var closure: Closure
    /// Per DFA state, where its nodes start in `nodePool` (one entry more for the end of the last): the
    /// consume nodes of the threads that have consumed at least one unit (the automaton's initial nodes are
    /// implied in every state: a match may start anywhere). One pool rather than an array per state, so that
    /// states read from the pack cache need no allocation each.
    @exclusivity(unchecked) private var nodeStarts: [Int32] = []
    @exclusivity(unchecked) private var nodePool: [Int32] = []
    /// The states by the fingerprint of their nodes and accepted rules (see `fingerprint`); more than one
    /// state under a fingerprint only if two collide. Built when a state is first looked up: a scanner seeded
    /// with warm states may never need it.
    @exclusivity(unchecked) private var statesByFingerprint: [UInt64: [Int32]]?
    /// Per DFA state, the rules with a thread in it.
    @exclusivity(unchecked) private var liveRules: [UInt64] = []
    /// Per DFA state, the rules a match of which ends at the unit just consumed.
    @exclusivity(unchecked) private var acceptedRules: [UInt64] = []
    /// `transitions[state * classCount + class]`: the next state, with `accepting` set when a match of some
    /// rule ends at the step; -1 while not built. Two bytes an entry: the table is read at every unit of a
    /// note, thousands of states by some 170 classes, and its size decides the cache misses.
    @exclusivity(unchecked) private var transitions: [Int16] = []
    /// The entries of `transitions` that are built, in the order they were: what `states` keeps (the
    /// table is mostly unbuilt, and reading it whole for them cost more than the rest of a write).
    @exclusivity(unchecked) private var builtSlots: [Int32] = []
    /// The flag in a transition entry for a step the hit collector must see.
    private static let accepting: Int16 = 0x4000
    /// Per unit class, the threads that start with a unit of it (built when the class is first seen).
    @exclusivity(unchecked) private var initialSteps: [(nodes: [Int32], accepted: UInt64)?]

    /// The number of states the cache holds.
    var stateCount: Int { acceptedRules.count }
    /// The transitions this scanner has built (not read from a seed): whether its states are worth keeping.
    private(set) var builtTransitions = 0

    /// States kept before the cache starts anew (a row is `classCount` entries of 4 bytes).
    let maxStates: Int
    /// The UTF-16 units a session reads before the scanner starts to run (see `isWorthRunning`).
    let warmUpUnits: Int
    @exclusivity(unchecked) private var unitsSeen = 0

    /// Building a DFA state costs microseconds, and a cold DFA builds one every few units: on the first
    /// notes of a session that costs more than the regexes it would spare (a 2 KB note: ~8 ms against
    /// ~1 ms). Once a session has read this much text, most transitions are built and the pass is cheap.
    static let defaultWarmUpUnits = 32 * 1024

    /// The most states a scanner keeps by default (state numbers must fit beside the accepting flag).
    static let defaultMaxStates = 8192

    /// A DFA state's nodes and accepted rules hashed for the look-up of known states. FNV-1a taking a node,
    /// not a byte, per step: these hashes only index a table in memory (the standard library's SipHash over
    /// every node had been a fifth of the cost of building a transition).
    private static func fingerprint(_ nodes: UnsafeBufferPointer<Int32>, accepted: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ accepted
        for node in nodes { hash = (hash ^ UInt64(UInt32(bitPattern: node))) &* 0x100_0000_01b3 }
        return hash
    }

    /// A scanner for `prefilter`, starting with the states of `seed` (made for this prefilter, e.g. read from
    /// the pack cache) if it has one that fits into `maxStates`.
    init(prefilter: PatternPrefilter, seed: PrefilterStates? = nil, maxStates: Int = PrefilterScanner.defaultMaxStates,
         warmUpUnits: Int = PrefilterScanner.defaultWarmUpUnits) {
        precondition((1...Int(Self.accepting)).contains(maxStates), "state numbers must fit beside the accepting flag")
        self.prefilter = prefilter
        self.maxStates = maxStates
        self.warmUpUnits = warmUpUnits
        classCount = prefilter.classes.count
        closure = Closure(automaton: prefilter.automaton)
        initialSteps = Array(repeating: nil, count: prefilter.classes.count)
        if let seed, seed.stateCount <= maxStates { start(from: seed) } else { startAnew() }
    }

    private func startAnew() {
        nodeStarts = [0]
        nodePool = []
        statesByFingerprint = [:]
        liveRules = []
        acceptedRules = []
        transitions = []
        builtSlots = []
        _ = intern([], accepted: 0)
    }

    /// Takes the states and transitions of `seed` (checked against this prefilter when it was read).
    private func start(from seed: PrefilterStates) {
        nodeStarts = seed.nodeStarts
        nodePool = seed.nodes
        acceptedRules = seed.accepted
        statesByFingerprint = nil
        builtSlots = seed.slots
        let stateCount = seed.stateCount
        liveRules = seed.live
        // Unbuilt entries are -1, all bytes 0xFF: one memset.
        transitions = [Int16](unsafeUninitializedCapacity: stateCount * classCount) { table, initialized in
            UnsafeMutableRawBufferPointer(table).initializeMemory(as: UInt8.self, repeating: 0xFF)
            acceptedRules.withUnsafeBufferPointer { accepted in
                for (slot, target) in zip(seed.slots, seed.targets) {
                    table[Int(slot)] = Int16(target) | (accepted[Int(target)] != 0 ? Self.accepting : 0)
                }
            }
            initialized = stateCount * classCount
        }
    }

    /// The states and transitions built so far, for a later scanner of the same prefilter to start from.
    var states: PrefilterStates {
        PrefilterStates(nodeStarts: nodeStarts, nodes: nodePool, live: liveRules, accepted: acceptedRules, slots: builtSlots,
                        targets: builtSlots.map { Int32(transitions[Int($0)] & ~Self.accepting) })
    }

    /// The consume nodes of `state`.
    private func nodes(of state: Int32) -> ArraySlice<Int32> {
        nodePool[Int(nodeStarts[Int(state)])..<Int(nodeStarts[Int(state) + 1])]
    }

    /// The number of the state with `nodes` (sorted) and `accepted` rules, made if it is new. Most look-ups
    /// find a known state, and the nodes are copied only for a new one.
    private func intern(_ nodes: UnsafeBufferPointer<Int32>, accepted: UInt64) -> Int32 {
        if statesByFingerprint == nil {
            var table: [UInt64: [Int32]] = [:]
            for state in 0..<Int32(stateCount) {
                let print = self.nodes(of: state).withUnsafeBufferPointer { Self.fingerprint($0, accepted: acceptedRules[Int(state)]) }
                table[print, default: []].append(state)
            }
            statesByFingerprint = table
        }
        let print = Self.fingerprint(nodes, accepted: accepted)
        for known in statesByFingerprint![print] ?? [] where acceptedRules[Int(known)] == accepted
            && self.nodes(of: known).elementsEqual(nodes) {
            return known
        }
        let number = Int32(stateCount)
        statesByFingerprint![print, default: []].append(number)
        nodePool.append(contentsOf: nodes)
        nodeStarts.append(Int32(nodePool.count))
        var live: UInt64 = 0
        for node in nodes { live |= 1 << UInt64(prefilter.automaton.ruleOfNode[Int(node)]) }
        liveRules.append(live)
        acceptedRules.append(accepted)
        transitions.append(contentsOf: repeatElement(-1, count: classCount))
        return number
    }

    private func intern(_ nodes: [Int32], accepted: UInt64) -> Int32 {
        nodes.withUnsafeBufferPointer { intern($0, accepted: accepted) }
    }

    /// The nodes that follow `nodes` on a unit of `unitClass`, before their closure.
    private func advance(_ nodes: [Int32], _ unitClass: Int) -> [Int32] {
        var entries: [Int32] = []
        entries.reserveCapacity(nodes.count)
        let classCount = classCount
        prefilter.classes.member.withUnsafeBufferPointer { member in
            prefilter.automaton.nodes.withUnsafeBufferPointer { automaton in
                for node in nodes {
                    if case .consume(let set, let next) = automaton[Int(node)], member[Int(set) * classCount + unitClass] {
                        entries.append(next)
                    }
                }
            }
        }
        return entries
    }

    private func initialStep(_ unitClass: Int) -> (nodes: [Int32], accepted: UInt64) {
        if let known = initialSteps[unitClass] { return known }
        let step = closure.nodes(from: advance(prefilter.initialNodes, unitClass))
        initialSteps[unitClass] = step
        return step
    }

    /// The threads after consuming a unit of `unitClass` from `nodes`, new threads included.
    private func step(_ nodes: [Int32], _ unitClass: Int) -> (nodes: [Int32], accepted: UInt64) {
        let started = initialStep(unitClass)
        let entries = advance(nodes, unitClass)
        if entries.isEmpty { return started }
        let continued = closure.nodes(from: entries)
        return (Self.merged(continued.nodes, started.nodes), continued.accepted | started.accepted)
    }

    /// The union of two sorted arrays without duplicates, sorted.
    private static func merged(_ first: [Int32], _ second: [Int32]) -> [Int32] {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        var result: [Int32] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count && j < second.count {
            let a = first[i], b = second[j]
            if a < b { result.append(a); i += 1 } else if b < a { result.append(b); j += 1 } else {
                result.append(a); i += 1; j += 1
            }
        }
        result.append(contentsOf: first[i...])
        result.append(contentsOf: second[j...])
        return result
    }

    /// The state after `state` on a unit of `unitClass`, and whether it is in the table (not when the
    /// cache had to start anew).
    private func transition(from state: Int32, on unitClass: Int) -> (Int32, cached: Bool) {
        let next: Int32
        if let folding = prefilter.classes.foldings[unitClass] {
            var (nodes, accepted) = step(Array(self.nodes(of: state)), unitClass)
            // Case-insensitive matching may read the unit as its folding ("ß" as "ss").
            var through = Array(self.nodes(of: state))
            for foldedClass in folding {
                let next = step(through, foldedClass)
                through = next.nodes
                accepted |= next.accepted
            }
            nodes = Self.merged(nodes, through)
            if isFull { startAnew(); return (intern(nodes, accepted: accepted), false) }
            next = intern(nodes, accepted: accepted)
        } else {
            // The step's nodes gathered in the closure's working space: no array is made unless the state is new.
            let started = initialStep(unitClass)
            closure.beginUnion(with: started.nodes)
            var accepted = started.accepted
            let classCount = classCount
            prefilter.classes.member.withUnsafeBufferPointer { member in
                prefilter.automaton.nodes.withUnsafeBufferPointer { automaton in
                    for node in self.nodes(of: state) {
                        if case .consume(let set, let follower) = automaton[Int(node)], member[Int(set) * classCount + unitClass] {
                            accepted |= closure.unite(follower)
                        }
                    }
                }
            }
            if isFull { startAnew(); return (closure.withUnion { intern($0, accepted: accepted) }, false) }
            next = closure.withUnion { intern($0, accepted: accepted) }
        }
        transitions[Int(state) * classCount + unitClass] = Int16(next) | (acceptedRules[Int(next)] != 0 ? Self.accepting : 0)
        builtSlots.append(Int32(Int(state) * classCount + unitClass))
        builtTransitions += 1
        return (next, true)
    }

    /// Whether the next transition built starts the cache anew.
    private var isFull: Bool { stateCount >= maxStates }

    /// Whether to run on a note of `count` units: once the session's notes, this one included, reach
    /// `warmUpUnits`. The answer does not change what the pattern rules find, only how fast.
    func isWorthRunning(on count: Int) -> Bool {
        unitsSeen += count
        return unitsSeen >= warmUpUnits
    }

    /// Per automaton rule, sorted, disjoint ranges of the note such that every match of the rule's pattern
    /// lies inside one of them; nil if the note has units outside the BMP, which the shapes do not model.
    /// A range ends where a match of the rule's shape ends (a match of the pattern ends there or before:
    /// its trailing look-ahead is part of the shape) and starts where that match can start at the earliest.
    func regions(in units: UnsafeBufferPointer<UInt16>) -> [[Range<Int>]]? {
        hits(in: units).map { hits in (0..<prefilter.reach.count).map { Array(hits[$0]) } }
    }

    /// `regions(in:)` as one flat list: what the pattern stage reads, a few allocations per note instead of
    /// an array per rule grown range by range.
    func hits(in units: UnsafeBufferPointer<UInt16>) -> ShapeHits? {
        let collector = HitCollector(reach: prefilter.reach, unitCount: units.count)
        let history = collector.states
        let classCount = classCount
        var state: Int32 = 0
        var index = 0
        while index < units.count {
            // Runs on cached transitions until one is missing, then builds it (which may grow the tables).
            let missing: Int? = transitions.withUnsafeBufferPointer { transitions in
                liveRules.withUnsafeBufferPointer { liveRules in
                    acceptedRules.withUnsafeBufferPointer { acceptedRules in
                        prefilter.classes.classOf.withUnsafeBufferPointer { classOf in
                            var at = index, current = Int(state)
                            defer { index = at; state = Int32(current) }
                            while true {
                                var previous = current
                                let stop = Self.walk(units, at: &at, state: &current, previous: &previous,
                                                     classOf: classOf.baseAddress!, transitions: transitions.baseAddress!,
                                                     classCount: classCount, history: history)
                                guard stop == Self.acceptingStop else { return stop == Self.endStop ? nil : stop }
                                collector.take(accepted: acceptedRules[current], previousLive: liveRules[previous],
                                               at: at &- 1, liveRules: liveRules)
                            }
                        }
                    }
                }
            }
            guard let unitClass = missing else { break }
            if unitClass < 0 { return nil }
            let previousLive = liveRules[Int(state)]
            if isFull {
                // The old states' numbers go with the cache: settle the runs that reach this unit first.
                liveRules.withUnsafeBufferPointer { collector.pinRuns(at: index, previousLive: previousLive, liveRules: $0) }
            }
            let (next, cached) = transition(from: state, on: unitClass)
            if !cached {
                // The cache started anew: the old state's row is gone, so take the step here.
                history[index] = Int16(next)
                liveRules.withUnsafeBufferPointer {
                    collector.take(accepted: acceptedRules[Int(next)], previousLive: previousLive, at: index, liveRules: $0)
                }
                state = next
                index += 1
            }
        }
        return collector.finishedHits()
    }

    /// What `walk` stopped at besides a unit class (a missing transition) or -1 (a unit outside the BMP).
    private static let acceptingStop = Int.min, endStop = Int.min + 1

    /// Steps the DFA over `units` from `at` on cached transitions, writing each state to `history`, until the end
    /// (`endStop`), a step onto a state where matches end (`acceptingStop`, with `previous` the state before it),
    /// a missing transition (its unit class; `at` is the unit) or a unit outside the BMP (-1).
    ///
    /// Apart and not inlined, so that nothing else competes for registers: this loop runs at every unit of a
    /// note once per automaton, and inside the scanner's closures its pointers lived in memory.
    @inline(never)
    private static func walk(_ units: UnsafeBufferPointer<UInt16>, at: inout Int, state: inout Int, previous: inout Int,
                             classOf: UnsafePointer<UInt16>, transitions: UnsafePointer<Int16>, classCount: Int,
                             history: UnsafeMutablePointer<Int16>) -> Int {
        var index = at, current = state
        defer { at = index; state = current }
        let end = units.count
        guard let base = units.baseAddress else { return endStop }
        while index < end {
            let unit = base[index]
            if unit & 0xF800 == 0xD800 { return -1 }
            let unitClass = Int(classOf[Int(unit)])
            // No overflow checks: row and class are indices of the table.
            let entry = transitions[current &* classCount &+ unitClass]
            if entry < 0 { return unitClass }
            let next = entry & ~accepting
            history[index] = next
            index &+= 1
            if entry & accepting != 0 {
                previous = current
                current = Int(next)
                return acceptingStop
            }
            current = Int(next)
        }
        return endStop
    }

    /// Per unit of a note in the BMP, the rules live and accepted after it: what `regions(in:)` reads its
    /// ranges from, step by step (for tests).
    func trace(of units: [UInt16]) -> [(live: UInt64, accepted: UInt64)] {
        var state: Int32 = 0
        return units.map { unit in
            let unitClass = Int(prefilter.classes.classOf[Int(unit)])
            let entry = transitions[Int(state) * classCount + unitClass]
            state = entry >= 0 ? Int32(entry & ~Self.accepting) : transition(from: state, on: unitClass).0
            return (liveRules[Int(state)], acceptedRules[Int(state)])
        }
    }

    /// Turns the DFA's per-unit live and accepted rules into the text ranges that hold a match.
    ///
    /// A match that ends at a unit started no earlier than its rule's current run of live threads (its own
    /// thread was live all along), nor, for a rule of bounded reach, further back than that reach: the
    /// range starts at the later of the two. (The run alone had bounded only rules of unbounded reach; for
    /// the others it narrows the ranges their regexes search, "Montag, 12.3." no longer from 60 units back.)
    ///
    /// Runs are found when a match asks for them, by walking back through the states the scanner went
    /// through: some rule's run starts at most units, and recording each start as it happened cost more
    /// than the DFA's own step. A walk stops at its rule's previous match: a run that reaches back that
    /// far joins the rule's open range, wherever it began, so a note is walked at most once per rule.
    ///
    /// It runs at every accepting step, so its per-rule state is kept in plain buffers: as arrays every
    /// write checked uniqueness.
    private final class HitCollector {
        /// The DFA state after each unit of the note, written by the scanner.
        let states: UnsafeMutablePointer<Int16>
        /// The ranges closed so far with their rules, in the order they closed (each rule's in ascending order).
        @exclusivity(unchecked) private var closed: [(rule: Int, range: Range<Int>)] = []
        private let ruleCount: Int
        /// Per rule, how far before its end a match can start (`Int.max` when unbounded).
        private let reach: UnsafeMutablePointer<Int>
        /// Per rule, the unit at which its last match ended (-1: none yet).
        private let lastAccepted: UnsafeMutablePointer<Int>
        /// Where the state cache last started anew: `states` before it name states that are gone.
        @exclusivity(unchecked) private var restart = 0
        /// Per rule, where its run through the unit before `restart` began (`restart` itself when the rule
        /// was not live there).
        private let pinned: UnsafeMutablePointer<Int>
        /// Per rule, the range being extended (`openEnd` 0: none yet), added to `hits` once a later range
        /// does not overlap it.
        private let openStart: UnsafeMutablePointer<Int>
        private let openEnd: UnsafeMutablePointer<Int>

        init(reach: [Int?], unitCount: Int) {
            ruleCount = reach.count
            closed.reserveCapacity(4 * ruleCount)
            states = .allocate(capacity: unitCount)
            self.reach = .allocate(capacity: ruleCount)
            for (rule, length) in reach.enumerated() { (self.reach + rule).initialize(to: length ?? Int.max) }
            lastAccepted = .allocate(capacity: ruleCount)
            lastAccepted.initialize(repeating: -1, count: ruleCount)
            pinned = .allocate(capacity: ruleCount)
            pinned.initialize(repeating: 0, count: ruleCount)
            openStart = .allocate(capacity: ruleCount)
            openStart.initialize(repeating: 0, count: ruleCount)
            openEnd = .allocate(capacity: ruleCount)
            openEnd.initialize(repeating: 0, count: ruleCount)
        }

        deinit {
            states.deallocate()
            reach.deallocate()
            lastAccepted.deallocate()
            pinned.deallocate()
            openStart.deallocate()
            openEnd.deallocate()
        }

        /// Where the run of states in which `rule` is live that holds unit `end` began, or `floor` if that
        /// is later, or a unit from that start to the rule's last match if the run holds that match (its
        /// range then joins the open one, which starts no later); `rule` must be live after `end`.
        @inline(__always)
        private func runStart(_ rule: Int, through end: Int, floor: Int, liveRules: UnsafeBufferPointer<UInt64>) -> Int {
            let bit: UInt64 = 1 << UInt64(rule)
            let lower = max(floor, lastAccepted[rule], restart)
            var index = end
            while index >= lower {
                if liveRules[Int(states[index])] & bit == 0 { return index + 1 }
                index -= 1
            }
            return lower == restart ? pinned[rule] : lower
        }

        /// Before the state cache starts anew at unit `index`: settles, per rule, where its run through the
        /// unit before began (`previousLive`: the rules live after it).
        func pinRuns(at index: Int, previousLive: UInt64, liveRules: UnsafeBufferPointer<UInt64>) {
            for rule in 0..<ruleCount {
                pinned[rule] = previousLive & (1 << UInt64(rule)) != 0
                    ? runStart(rule, through: index - 1, floor: 0, liveRules: liveRules) : index
            }
            restart = index
        }

        /// Records the step to a state with `accepted` rules at unit `index`, from one with `previousLive`
        /// rules.
        @inline(__always)
        func take(accepted: UInt64, previousLive: UInt64, at index: Int, liveRules: UnsafeBufferPointer<UInt64>) {
            var accepted = accepted
            while accepted != 0 {
                let rule = accepted.trailingZeroBitCount
                accepted &= accepted - 1
                let floor = reach[rule] > index ? 0 : index + 1 - reach[rule]
                // A thread alive before this unit started no earlier than its rule's run of live threads;
                // one that was not started at this unit.
                let start = previousLive & (1 << UInt64(rule)) == 0 ? index
                    : max(runStart(rule, through: index - 1, floor: floor, liveRules: liveRules), floor)
                lastAccepted[rule] = index
                if openEnd[rule] > 0 && start <= openEnd[rule] {
                    openStart[rule] = min(openStart[rule], start)
                } else {
                    if openEnd[rule] > 0 { closed.append((rule, openStart[rule]..<openEnd[rule])) }
                    openStart[rule] = start
                }
                openEnd[rule] = index + 1
            }
        }

        /// Per rule, its sorted, disjoint ranges.
        func finishedHits() -> ShapeHits {
            for rule in 0..<ruleCount where openEnd[rule] > 0 { closed.append((rule, openStart[rule]..<openEnd[rule])) }
            return ShapeHits(closed, ruleCount: ruleCount)
        }
    }
}
