/// The required texts of all pattern rules ("requires-text", "requires-before-number") in one table, so that
/// one pass over a note marks which lines hold which rule's texts: each rule scanning the whole note would
/// cost more than some of their regexes. Needles are lower case and match ignoring ASCII and Latin-1
/// case; they count only inside one line.
///
/// All needles run as one Aho–Corasick automaton, a table step per unit of the note, rather than comparing
/// the needles that start with each unit: a space or an "m" starts many of them.
struct LineNeedles: Sendable {
    private let automaton: NeedleAutomaton
    /// The number of gates.
    let count: Int

    /// The needles of each gate (gate numbers are indices into `gates`). A `beforeNumber` needle counts
    /// only right before a number, after at most one space ("str. 7").
    init(gates: [(needles: [String], beforeNumber: Bool)]) {
        count = gates.count
        var needles: [(units: [UInt16], gate: Int, beforeNumber: Bool)] = []
        for (gate, (strings, beforeNumber)) in gates.enumerated() {
            for units in strings.map({ Array($0.utf16) }) where !units.isEmpty { needles.append((units, gate, beforeNumber)) }
        }
        automaton = NeedleAutomaton(needles: needles)
    }

    /// For each gate, whether each of `lines` (ranges of `units` without their line ends) holds one of its
    /// needles.
    func marks(in text: UnsafeBufferPointer<UInt16>, lines: [Range<Int>]) -> LineMarks {
        var marks = LineMarks(gates: count, lines: lines.count)
        let automaton = automaton
        automaton.step.withUnsafeBufferPointer { step in
            automaton.unitEntries.withUnsafeBufferPointer { unitEntries in
                automaton.endings.withUnsafeBufferPointer { endings in
                    automaton.endingGates.withUnsafeBufferPointer { endingGates in
                        marks.flat.withUnsafeMutableBufferPointer { flat in
                            for (line, range) in lines.enumerated() {
                                Self.mark(line, range, of: text, automaton, step.baseAddress!, unitEntries.baseAddress!,
                                          endings.baseAddress!, endingGates.baseAddress!, flat.baseAddress!, lineCount: lines.count)
                            }
                        }
                    }
                }
            }
        }
        marks.listMarkedLines()
        return marks
    }

    /// Runs the automaton over one line and marks it for the gates whose needles end in it. Apart and not
    /// inlined, so that its loop, which runs at every unit of a note, keeps its pointers in registers.
    @inline(never)
    private static func mark(_ line: Int, _ range: Range<Int>, of text: UnsafeBufferPointer<UInt16>, _ automaton: NeedleAutomaton,
                             _ step: UnsafePointer<Int32>, _ unitEntries: UnsafePointer<UInt16>, _ endings: UnsafePointer<Int32>,
                             _ endingGates: UnsafePointer<Int32>, _ flat: UnsafeMutablePointer<Bool>, lineCount: Int) {
        let classCount = automaton.classCount, hasBeforeNumber = automaton.hasBeforeNumber
        /// Marks the line for the needles of one kind (`slot` 0 forward, 1 before a number) that end where the
        /// automaton is in `state`.
        func mark(_ state: Int32, _ slot: Int) {
            let ending = 2 &* Int(state) &+ slot
            // Most states end no needle: two loads, no slice.
            var from = Int(endings[ending])
            let to = Int(endings[ending &+ 1])
            while from < to {
                flat[Int(endingGates[from]) &* lineCount &+ line] = true
                from &+= 1
            }
        }
        // The states after the unit before the current one and the unit before that: a before-number needle
        // ends right before the digits or one space before them.
        var state: Int32 = 0, previous: Int32 = 0
        for index in range {
            let entry = unitEntries[Int(text[index])]
            if hasBeforeNumber && entry & NeedleAutomaton.digitFlag != 0 && index > range.lowerBound {
                if text[index - 1] != 0x20 { mark(state, 1) } else if index - 1 > range.lowerBound { mark(previous, 1) }
            }
            previous = state
            state = step[Int(state) &* classCount &+ Int(entry & ~NeedleAutomaton.digitFlag)]
            mark(state, 0)
        }
    }

    static func lowercased(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 ? unit + 0x20 : unit
    }
}

/// Per gate of a `LineNeedles` table and line of a note, whether the line holds one of the gate's needles.
struct LineMarks {
    /// `flat[gate * lineCount + line]`.
    fileprivate(set) var flat: [Bool]
    let lineCount: Int
    /// The marked lines of each gate in ascending order, `markedLines[gateStarts[gate]..<gateStarts[gate + 1]]`:
    /// a rule walks the few lines that hold its needles instead of every line of the note.
    private var markedLines: [Int32] = []
    private var gateStarts: [Int32] = [0]
    private let gateCount: Int

    init(gates: Int, lines: Int) {
        flat = [Bool](repeating: false, count: gates * lines)
        lineCount = lines
        gateCount = gates
    }

    func isMarked(gate: Int, line: Int) -> Bool { flat[gate * lineCount + line] }

    /// The lines marked for `gate`, ascending.
    func lines(of gate: Int) -> ArraySlice<Int32> { markedLines[Int(gateStarts[gate])..<Int(gateStarts[gate + 1])] }

    /// Fills `markedLines` from `flat`, once its marks are all set.
    fileprivate mutating func listMarkedLines() {
        var markedLines: [Int32] = [], gateStarts: [Int32] = [0]
        gateStarts.reserveCapacity(gateCount + 1)
        let lineCount = lineCount, gateCount = gateCount
        flat.withUnsafeBufferPointer { flat in
            for gate in 0..<gateCount {
                let row = gate &* lineCount
                for line in 0..<lineCount where flat[row &+ line] { markedLines.append(Int32(line)) }
                gateStarts.append(Int32(markedLines.count))
            }
        }
        self.markedLines = markedLines
        self.gateStarts = gateStarts
    }
}

/// An Aho–Corasick automaton over the needles' units, as a full transition table: state 0 is the root,
/// class 0 any unit no needle holds.
private struct NeedleAutomaton: Sendable {
    /// Classes of Latin-1 units, and of the few other units needles hold.
    var latin1Class = [UInt16](repeating: 0, count: 256)
    var otherClass: [UInt16: Int] = [:]
    var classCount = 1
    /// `step[state * classCount + class]`: the next state.
    var step: [Int32] = []
    /// The gates of the needles that end at each state (its own and those of its suffixes), forward and
    /// before-number ones apart: `endingGates[endings[2 * state + kind]..<endings[2 * state + kind + 1]]`.
    var endings: [Int32] = [0]
    var endingGates: [Int32] = []
    var hasBeforeNumber = false
    /// Per UTF-16 unit, the class of its lower case, with `digitFlag` set for a digit as the gates see it:
    /// one load per unit of a note instead of lower-casing, two class tables and a digit test.
    var unitEntries: [UInt16] = []
    static let digitFlag: UInt16 = 0x8000

    init(needles: [(units: [UInt16], gate: Int, beforeNumber: Bool)]) {
        for needle in needles {
            for unit in needle.units where classOf(unit) == 0 {
                if unit < 256 { latin1Class[Int(unit)] = UInt16(classCount) } else { otherClass[unit] = classCount }
                classCount += 1
            }
        }
        // The trie, as rows of child states per class (0: none; the root is no one's child), and the needles
        // ending at each state.
        var children = [Int32](repeating: 0, count: classCount)
        var ending: [(forward: [Int32], beforeNumber: [Int32])] = [([], [])]
        for needle in needles {
            var state = 0
            for unit in needle.units {
                let slot = state * classCount + classOf(unit)
                if children[slot] == 0 {
                    children[slot] = Int32(ending.count)
                    children.append(contentsOf: repeatElement(0, count: classCount))
                    ending.append(([], []))
                }
                state = Int(children[slot])
            }
            if needle.beforeNumber { ending[state].beforeNumber.append(Int32(needle.gate)) } else { ending[state].forward.append(Int32(needle.gate)) }
            hasBeforeNumber = hasBeforeNumber || needle.beforeNumber
        }
        // Breadth first: each state's failure (its longest proper suffix in the trie) is done before it. The
        // table is filled through pointers: it is built for every session, and its states by classes are
        // most of that.
        step = children
        var failure = [Int32](repeating: 0, count: ending.count)
        var queue = (0..<classCount).map { children[$0] }.filter { $0 != 0 }
        queue.reserveCapacity(ending.count)
        var head = 0
        let width = classCount
        children.withUnsafeBufferPointer { children in
            step.withUnsafeMutableBufferPointer { step in
                while head < queue.count {
                    let state = Int(queue[head])
                    head += 1
                    let suffix = Int(failure[state])
                    if !ending[suffix].forward.isEmpty { ending[state].forward += ending[suffix].forward }
                    if !ending[suffix].beforeNumber.isEmpty { ending[state].beforeNumber += ending[suffix].beforeNumber }
                    let row = state &* width, suffixRow = suffix &* width
                    for unitClass in 0..<width {
                        let child = children[row &+ unitClass]
                        if child != 0 {
                            failure[Int(child)] = step[suffixRow &+ unitClass]
                            queue.append(child)
                        } else {
                            step[row &+ unitClass] = step[suffixRow &+ unitClass]
                        }
                    }
                }
            }
        }
        endings.reserveCapacity(2 * ending.count + 1)
        for (forward, beforeNumber) in ending {
            Self.appendGates(forward, to: &endingGates)
            endings.append(Int32(endingGates.count))
            Self.appendGates(beforeNumber, to: &endingGates)
            endings.append(Int32(endingGates.count))
        }
        precondition(classCount < Int(Self.digitFlag), "unit classes must fit beside the digit flag")
        // Lower-casing changes only units below 256, and units above have a class only if a needle holds
        // them: the table is filled from the two class tables, not by asking for each of its units.
        var entries = [UInt16](repeating: 0, count: 0x10000)
        for unit in 0..<256 { entries[unit] = latin1Class[Int(LineNeedles.lowercased(UInt16(unit)))] }
        for (unit, unitClass) in otherClass { entries[Int(unit)] = UInt16(unitClass) }
        for unit in 0...UInt16.max where GateRegions.isDigit(unit) { entries[Int(unit)] |= Self.digitFlag }
        unitEntries = entries
    }

    /// Appends `gates` sorted and without repeats. Most states end no needle, and of those that do most end one.
    private static func appendGates(_ gates: [Int32], to endingGates: inout [Int32]) {
        switch gates.count {
        case 0: return
        case 1: endingGates.append(gates[0])
        default: endingGates.append(contentsOf: Set(gates).sorted())
        }
    }

    private func classOf(_ unit: UInt16) -> Int { unit < 256 ? Int(latin1Class[Int(unit)]) : otherClass[unit] ?? 0 }
}
