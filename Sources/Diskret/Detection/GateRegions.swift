/// The line ranges of a note that contain a digit, an "@", or URL punctuation: patterns gated on them skip
/// the rest, which is most of a note.
struct GateRegions {
    /// All lines of the note, without their line ends.
    private(set) var lines: [Range<Int>] = []
    private var digit: [Range<Int>] = []
    private var at: [Range<Int>] = []
    private var url: [Range<Int>] = []
    private let whole: Range<Int>

    init(units: [UInt16]) {
        whole = 0..<units.count
        var lineStart = 0
        var hasDigit = false, hasAt = false, hasURL = false
        func close(_ end: Int) {
            // Adjacent gated lines merge into one region, so a match broken over a line ending is still seen.
            if hasDigit { Self.add(lineStart..<end, to: &digit) }
            if hasAt { Self.add(lineStart..<end, to: &at) }
            if hasURL { Self.add(lineStart..<end, to: &url) }
        }
        for (index, unit) in units.enumerated() {
            // Letters, most of a note, are none of the characters below: one comparison instead of the switch.
            if unit > 0x40 && unit < 0x0660 { continue }
            switch unit {
            case _ where Self.isDigit(unit): hasDigit = true
            case 0x40, 0xFF20: hasAt = true
            case 0x2F, 0x3A, 0x2E: hasURL = true
            case 0x0A:
                lines.append(lineStart..<index)
                close(index + 1)
                lineStart = index + 1
                hasDigit = false; hasAt = false; hasURL = false
            default: break
            }
        }
        lines.append(lineStart..<units.count)
        close(units.count)
    }

    /// Digits as the gates see them: ASCII, full-width, Arabic-Indic and Persian.
    static func isDigit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x30...0x39, 0xFF10...0xFF19, 0x0660...0x0669, 0x06F0...0x06F9: return true
        default: return false
        }
    }

    func ranges(for gate: PatternGate) -> [Range<Int>] {
        switch gate {
        case .none: return whole.isEmpty ? [] : [whole]
        case .digit: return digit
        case .at: return at
        case .url: return url
        }
    }

    /// The lines inside `ranges` (unions of whole lines) that hold a needle of every one of `gates` (as
    /// `LineNeedles.marks` gives them), in ascending order.
    /// Walks the lines marked for the first gate, not every line of the note: most rules' needles are on a few
    /// lines. Room for all lines left is made at the first line found: grown line by line, the arrays of the
    /// rules with required texts were reallocated twice per rule and note.
    func lines(in ranges: [Range<Int>], marks: LineMarks, gates: [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let candidates = marks.lines(of: gates[0])
        var range = 0
        for (position, line) in zip(candidates.indices, candidates) {
            let start = lines[Int(line)].lowerBound
            // Ranges are sorted and disjoint: skip those that end before the line starts.
            while range < ranges.count && ranges[range].upperBound <= start { range += 1 }
            guard range < ranges.count else { break }
            guard start >= ranges[range].lowerBound, Self.isMarked(Int(line), marks, gates) else { continue }
            if result.isEmpty { result.reserveCapacity(candidates.endIndex - position) }
            result.append(lines[Int(line)])
        }
        return result
    }

    private static func isMarked(_ line: Int, _ marks: LineMarks, _ gates: [Int]) -> Bool {
        for gate in gates.dropFirst() where !marks.isMarked(gate: gate, line: line) { return false }
        return true
    }

    /// The parts two sorted lists of disjoint ranges have in common.
    /// Room for every part that can follow is made at the first one (see `lines(in:marks:gates:)`).
    static func intersection(_ first: [Range<Int>], _ second: ArraySlice<Range<Int>>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0, j = second.startIndex
        while i < first.count && j < second.endIndex {
            let low = max(first[i].lowerBound, second[j].lowerBound)
            let high = min(first[i].upperBound, second[j].upperBound)
            if low < high {
                // Each step moves past one range of either list: no more parts than ranges left.
                if result.isEmpty { result.reserveCapacity(first.count - i + second.endIndex - j) }
                result.append(low..<high)
            }
            if first[i].upperBound < second[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }

    private static func add(_ range: Range<Int>, to ranges: inout [Range<Int>]) {
        if let last = ranges.last, last.upperBound >= range.lowerBound {
            ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
        } else {
            ranges.append(range)
        }
    }
}
