/// The DFA states and transitions a `PrefilterScanner` has built, as the pack cache keeps them.
///
/// Why: the scanner builds its DFA lazily, and every process had built the same states anew (on the bench
/// corpus ~0.2 G instructions, on a 2 KB note at start-up ~25 M). A scanner seeded with the states of an
/// earlier run walks their transitions at once and builds only what that run did not meet.
struct PrefilterStates: Sendable, Equatable {
    /// Per state, where its consume nodes start in `nodes`, and one entry more for the end of the last.
    var nodeStarts: [Int32]
    /// The consume nodes of all states, each state's sorted and without duplicates.
    var nodes: [Int32]
    /// Per state, the automaton rules with a thread in it (as its nodes say: kept, not worked out again at
    /// every start from some 300 000 nodes).
    var live: [UInt64]
    /// Per state, the automaton rules a match of which ends at the unit just consumed.
    var accepted: [UInt64]
    /// The built transitions: their index in the scanner's table (`state * classCount + class`) …
    var slots: [Int32]
    /// … and the state each leads to (without the scanner's accepting flag, which follows from `accepted`).
    var targets: [Int32]

    var stateCount: Int { accepted.count }
}

// The states in the pack cache. Every index read back is checked against the prefilter it belongs to, so a
// section of another layout is refused instead of making the scanner read out of bounds; the section's own
// checksum already refuses a damaged one.
extension PrefilterStates {
    func write(to output: inout ByteWriter) {
        output.int32s(nodeStarts)
        output.int32s(nodes)
        output.uint64s(live)
        output.uint64s(accepted)
        output.int32s(slots)
        output.int32s(targets)
    }

    /// Reads states written for `prefilter`; at most `maxStates` (a scanner's table holds no more).
    init(from input: inout ByteReader, for prefilter: PatternPrefilter, maxStates: Int) throws(ByteReader.Malformed) {
        let nodeCount = prefilter.automaton.nodes.count
        nodeStarts = try input.int32s(in: 0...Int32.max)
        nodes = try input.int32s(in: 0...Int32(max(nodeCount - 1, 0)))
        live = try input.uint64s()
        accepted = try input.uint64s()
        let stateCount = accepted.count
        guard stateCount >= 1, stateCount <= maxStates, nodeStarts.count == stateCount + 1, live.count == stateCount,
              nodeStarts[0] == 0, nodeStarts[1] == 0, accepted[0] == 0, Int(nodeStarts[stateCount]) == nodes.count,
              zip(nodeStarts, nodeStarts.dropFirst()).allSatisfy({ $0 <= $1 }), nodeCount > 0 || nodes.isEmpty
        else { throw ByteReader.Malformed() }
        // State 0 is the one without threads, where every note starts; a bit beyond the automaton's rules
        // would index past the scanner's per-rule tables.
        let ruleCount = prefilter.automaton.starts.count
        let rules: UInt64 = ruleCount >= 64 ? ~0 : (1 << UInt64(ruleCount)) - 1
        guard accepted.allSatisfy({ $0 & ~rules == 0 }), live.allSatisfy({ $0 & ~rules == 0 }) else { throw ByteReader.Malformed() }
        let tableSize = stateCount * prefilter.classes.count
        guard tableSize <= Int(Int32.max) else { throw ByteReader.Malformed() }
        slots = try input.int32s(in: 0...Int32(tableSize - 1))
        targets = try input.int32s(in: 0...Int32(stateCount - 1))
        guard targets.count == slots.count else { throw ByteReader.Malformed() }
    }
}
