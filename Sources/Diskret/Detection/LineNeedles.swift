/// The required texts of all pattern rules ("requires-text", "requires-before-number") in one table, so that
/// one pass over a note marks which lines hold which rule's texts: ten rules scanning the whole note each
/// had cost more than some of their regexes. Needles are lower case and match ignoring ASCII and Latin-1
/// case; they count only inside one line.
struct LineNeedles: Sendable {
    /// A needle's units are `units[start..<start + count]`. Plain integers, so the scan retains nothing.
    private struct Needle: Sendable {
        let start: Int
        let count: Int
        let gate: Int
    }

    /// All needles' units, one after another.
    private var units: [UInt16] = []
    /// Forward needles by their first unit, before-number needles by their last (Latin-1 units in the
    /// tables, others in the dictionaries).
    private var forward: [[Needle]] = Array(repeating: [], count: 256)
    private var forwardOther: [UInt16: [Needle]] = [:]
    private var backward: [[Needle]] = Array(repeating: [], count: 256)
    private var backwardOther: [UInt16: [Needle]] = [:]
    /// The same needles grouped for the scan: `needles[bounds[key]..<bounds[key + 1]]` are those of key
    /// `key` (0–255: forward Latin-1, 256–511: backward Latin-1), followed by the others' groups in
    /// `otherBounds`. Rebuilt by `addGate`.
    private var needles: [Needle] = []
    private var bounds: [Int] = Array(repeating: 0, count: 513)
    private var otherBounds: [UInt16: (forward: Range<Int>, backward: Range<Int>)] = [:]
    /// Per Latin-1 first unit, 256 bits: the second units of its forward needles. Most positions whose
    /// first unit keys needles (a space, an "m") fail on the second, and this test touches no needle.
    private var secondUnits = [UInt64](repeating: 0, count: 256 * 4)
    /// Per Latin-1 first unit, whether a forward needle of it is one unit long or goes on outside Latin-1
    /// (then `secondUnits` cannot rule it out).
    private var anySecondUnit = [Bool](repeating: false, count: 256)
    /// The number of gates added.
    private(set) var count = 0

    /// Adds a gate of `needles` and returns its number. A `beforeNumber` needle counts only right before a
    /// number, after at most one space ("str. 7"); it is looked for backwards from the digits.
    mutating func addGate(_ needles: [String], beforeNumber: Bool = false) -> Int {
        let gate = count
        count += 1
        for needleUnits in needles.map({ Array($0.utf16) }) where !needleUnits.isEmpty {
            let needle = Needle(start: units.count, count: needleUnits.count, gate: gate)
            units.append(contentsOf: needleUnits)
            let key = beforeNumber ? needleUnits[needleUnits.count - 1] : needleUnits[0]
            switch (beforeNumber, key < 256) {
            case (false, true):
                forward[Int(key)].append(needle)
                if needleUnits.count > 1, needleUnits[1] < 256 {
                    secondUnits[Int(key) * 4 + Int(needleUnits[1] >> 6)] |= 1 << UInt64(needleUnits[1] & 63)
                } else {
                    anySecondUnit[Int(key)] = true
                }
            case (false, false): forwardOther[key, default: []].append(needle)
            case (true, true): backward[Int(key)].append(needle)
            case (true, false): backwardOther[key, default: []].append(needle)
            }
        }
        layOut()
        return gate
    }

    /// Lays the tables out as `needles` and its bounds.
    private mutating func layOut() {
        needles = []
        for (index, list) in (forward + backward).enumerated() {
            bounds[index] = needles.count
            needles.append(contentsOf: list)
        }
        bounds[512] = needles.count
        otherBounds = [:]
        for key in Set(forwardOther.keys).union(backwardOther.keys) {
            let forwardStart = needles.count
            needles.append(contentsOf: forwardOther[key] ?? [])
            let backwardStart = needles.count
            needles.append(contentsOf: backwardOther[key] ?? [])
            otherBounds[key] = (forwardStart..<backwardStart, backwardStart..<needles.count)
        }
    }

    /// For each gate, whether each of `lines` (ranges of `units` without their line ends) holds one of its
    /// needles.
    func marks(in text: UnsafeBufferPointer<UInt16>, lines: [Range<Int>]) -> [[Bool]] {
        var flat = [Bool](repeating: false, count: count * lines.count)  // flat[gate * lines.count + line]
        let hasBackward = bounds[512] > bounds[256] || otherBounds.values.contains { !$0.backward.isEmpty }
        needles.withUnsafeBufferPointer { needles in
            units.withUnsafeBufferPointer { needleUnits in
                flat.withUnsafeMutableBufferPointer { flat in
                    /// Marks, for `line`, the gates of the needles of `group` that stand in `range` starting at
                    /// `position` (forward) or ending there (backward).
                    @inline(__always)
                    func mark(_ group: Range<Int>, line: Int, in range: Range<Int>, at position: Int, backward: Bool) {
                        for needle in needles[group] {
                            let start = backward ? position - needle.count : position
                            guard start >= range.lowerBound, start + needle.count <= range.upperBound,
                                  !flat[needle.gate * lines.count + line] else { continue }
                            var offset = 0
                            while offset < needle.count && Self.lowercased(text[start + offset]) == needleUnits[needle.start + offset] {
                                offset += 1
                            }
                            if offset == needle.count { flat[needle.gate * lines.count + line] = true }
                        }
                    }
                    for (line, range) in lines.enumerated() {
                        for index in range {
                            let unit = text[index]
                            let key = Self.lowercased(unit)
                            let forwardGroup = group(key, backward: false)
                            if !forwardGroup.isEmpty
                                && (key >= 256 || mayStartNeedle(key, before: index + 1 < range.upperBound ? text[index + 1] : nil)) {
                                mark(forwardGroup, line: line, in: range, at: index, backward: false)
                            }
                            guard hasBackward, GateRegions.isDigit(unit) else { continue }
                            var end = index
                            if end > range.lowerBound && text[end - 1] == 0x20 { end -= 1 }
                            guard end > range.lowerBound else { continue }
                            mark(group(Self.lowercased(text[end - 1]), backward: true), line: line, in: range, at: end, backward: true)
                        }
                    }
                }
            }
        }
        return (0..<count).map { gate in Array(flat[gate * lines.count..<(gate + 1) * lines.count]) }
    }

    /// Whether a forward needle whose first unit is the Latin-1 unit `key` can start with `key` and `next`
    /// (nil at the end of a line).
    @inline(__always)
    private func mayStartNeedle(_ key: UInt16, before next: UInt16?) -> Bool {
        if anySecondUnit[Int(key)] { return true }
        guard let next else { return false }
        let second = Self.lowercased(next)
        return second < 256 && secondUnits[Int(key) * 4 + Int(second >> 6)] & (1 << UInt64(second & 63)) != 0
    }

    /// The range of `needles` keyed by `key`, forward or backward.
    private func group(_ key: UInt16, backward: Bool) -> Range<Int> {
        if key < 256 {
            let slot = Int(key) + (backward ? 256 : 0)
            return bounds[slot]..<bounds[slot + 1]
        }
        guard !otherBounds.isEmpty, let other = otherBounds[key] else { return 0..<0 }
        return backward ? other.backward : other.forward
    }

    private static func lowercased(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 ? unit + 0x20 : unit
    }
}
