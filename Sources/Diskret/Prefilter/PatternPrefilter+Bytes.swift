// The prefilter in the pack cache: parsing the shapes and splitting the BMP into classes asks ICU for
// dozens of Unicode sets, which was a quarter of the filter's start-up.
//
// Every index read back is checked against what it indexes, so a cache of another layout is refused
// (the checksum already refuses a damaged one) instead of making the scanner read out of bounds.

extension PatternPrefilter {
    func write(to output: inout ByteWriter) {
        var kinds: [Int32] = [], first: [Int32] = [], second: [Int32] = []
        for node in automaton.nodes {
            switch node {
            case .consume(let set, let next): kinds.append(0); first.append(set); second.append(next)
            case .split(let a, let b): kinds.append(1); first.append(a); second.append(b)
            case .accept(let rule): kinds.append(2); first.append(rule); second.append(0)
            }
        }
        output.int32s(kinds); output.int32s(first); output.int32s(second)
        output.int32s(automaton.ruleOfNode)
        output.int32s(automaton.starts)
        output.int(automaton.setCount)
        // The class table as runs of equal classes: a few thousand runs instead of 65,536 entries.
        var runStarts: [Int32] = [], runClasses: [Int32] = []
        for (unit, unitClass) in classes.classOf.enumerated() where unit == 0 || classes.classOf[unit - 1] != unitClass {
            runStarts.append(Int32(unit)); runClasses.append(Int32(unitClass))
        }
        output.int(classes.count)
        output.int32s(runStarts); output.int32s(runClasses)
        output.data(classes.member.map { $0 ? 1 : 0 })
        output.int(classes.foldings.count)
        for (unitClass, folded) in classes.foldings.sorted(by: { $0.key < $1.key }) {
            output.int(unitClass); output.int32s(folded.map(Int32.init))
        }
        output.int32s(automatonRule.map { Int32($0 ?? -1) })
        output.int32s(initialNodes)
        output.int(unsupported.count)
        for (id, reason) in unsupported.sorted(by: { $0.key < $1.key }) { output.string(id); output.string(reason) }
        output.int32s(reach.map { Int32($0 ?? -1) })
    }

    convenience init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        let kinds = try input.int32s(in: 0...2)
        let first = try input.int32s(in: 0...Int32.max), second = try input.int32s(in: 0...Int32.max)
        let ruleOfNode = try input.int32s(in: 0...Int32(Self.maxRules - 1))
        let starts = try input.int32s(in: 0...Int32.max)
        let setCount = try input.count()
        let nodeCount = kinds.count
        guard first.count == nodeCount, second.count == nodeCount, ruleOfNode.count == nodeCount,
              starts.count <= Self.maxRules, starts.allSatisfy({ $0 < nodeCount }) else { throw ByteReader.Malformed() }
        var nodes: [ShapeAutomaton.Node] = []
        nodes.reserveCapacity(nodeCount)
        for index in 0..<nodeCount {
            let a = first[index], b = second[index]
            switch kinds[index] {
            case 0:
                guard a < setCount, b < nodeCount else { throw ByteReader.Malformed() }
                nodes.append(.consume(set: a, next: b))
            case 1:
                guard a < nodeCount, b < nodeCount else { throw ByteReader.Malformed() }
                nodes.append(.split(a, b))
            default:
                guard a < starts.count else { throw ByteReader.Malformed() }
                nodes.append(.accept(rule: a))
            }
        }
        let classCount = try input.count()
        guard classCount > 0, classCount <= 0x10000 else { throw ByteReader.Malformed() }
        let runStarts = try input.int32s(in: 0...0xFFFF), runClasses = try input.int32s(in: 0...Int32(classCount - 1))
        guard runStarts.count == runClasses.count, runStarts.first == 0,
              zip(runStarts, runStarts.dropFirst()).allSatisfy({ $0 < $1 }) else { throw ByteReader.Malformed() }
        // 65,536 entries per automaton, at every start: each run is filled as a block.
        let classOf = [UInt16](unsafeUninitializedCapacity: 0x10000) { buffer, initialized in
            for (index, start) in runStarts.enumerated() {
                let end = index + 1 < runStarts.count ? Int(runStarts[index + 1]) : 0x10000
                UnsafeMutableBufferPointer(rebasing: buffer[Int(start)..<end]).initialize(repeating: UInt16(runClasses[index]))
            }
            initialized = 0x10000
        }
        let member = try input.data()
        guard member.count == setCount * classCount, !member.contains(where: { $0 > 1 }) else { throw ByteReader.Malformed() }
        var foldings: [Int: [Int]] = [:]
        for _ in 0..<(try input.count()) {
            let unitClass = try input.int()
            guard (0..<classCount).contains(unitClass) else { throw ByteReader.Malformed() }
            foldings[unitClass] = try input.int32s(in: 0...Int32(classCount - 1)).map(Int.init)
        }
        let automatonRule = try input.int32s(in: -1...Int32(max(starts.count - 1, -1)))
        let initialNodes = try input.int32s(in: 0...Int32.max)
        guard initialNodes.allSatisfy({ $0 < nodeCount }) else { throw ByteReader.Malformed() }
        var unsupported: [String: String] = [:]
        for _ in 0..<(try input.count()) { unsupported[try input.string()] = try input.string() }
        let reach = try input.int32s(in: -1...Int32.max)
        guard reach.count == starts.count else { throw ByteReader.Malformed() }
        self.init(automaton: ShapeAutomaton(nodes: nodes, ruleOfNode: ruleOfNode, starts: starts, setCount: setCount),
                  classes: UnitClasses(classOf: classOf, count: classCount, member: member.map { $0 == 1 }, foldings: foldings),
                  automatonRule: automatonRule.map { $0 < 0 ? nil : Int($0) }, initialNodes: initialNodes,
                  unsupported: unsupported, reach: reach.map { $0 < 0 ? nil : Int($0) })
    }
}
