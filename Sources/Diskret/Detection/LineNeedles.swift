/// The required texts of all pattern rules ("requires-text", "requires-before-number") in one table, so that
/// one pass over a note marks which lines hold which rule's texts: ten rules scanning the whole note each
/// had cost more than some of their regexes. Needles are lower case and match ignoring ASCII and Latin-1
/// case; they count only inside one line.
struct LineNeedles: Sendable {
    private struct Needle: Sendable {
        let units: [UInt16]
        let gate: Int
    }

    /// Forward needles by their first unit, before-number needles by their last (Latin-1 units in the
    /// tables, others in the dictionaries).
    private var forward: [[Needle]] = Array(repeating: [], count: 256)
    private var forwardOther: [UInt16: [Needle]] = [:]
    private var backward: [[Needle]] = Array(repeating: [], count: 256)
    private var backwardOther: [UInt16: [Needle]] = [:]
    /// Whether a Latin-1 unit keys any forward needle: most positions stop at this test, which touches no
    /// needle array.
    private var forwardUsed = [Bool](repeating: false, count: 256)
    /// The number of gates added.
    private(set) var count = 0

    /// Adds a gate of `needles` and returns its number. A `beforeNumber` needle counts only right before a
    /// number, after at most one space ("str. 7"); it is looked for backwards from the digits.
    mutating func addGate(_ needles: [String], beforeNumber: Bool = false) -> Int {
        let gate = count
        count += 1
        for units in needles.map({ Array($0.utf16) }) where !units.isEmpty {
            let needle = Needle(units: units, gate: gate)
            let key = beforeNumber ? units[units.count - 1] : units[0]
            switch (beforeNumber, key < 256) {
            case (false, true): forward[Int(key)].append(needle); forwardUsed[Int(key)] = true
            case (false, false): forwardOther[key, default: []].append(needle)
            case (true, true): backward[Int(key)].append(needle)
            case (true, false): backwardOther[key, default: []].append(needle)
            }
        }
        return gate
    }

    /// For each gate, whether each of `lines` (ranges of `units` without their line ends) holds one of its
    /// needles.
    func marks(in units: UnsafeBufferPointer<UInt16>, lines: [Range<Int>]) -> [[Bool]] {
        var marks = Array(repeating: [Bool](repeating: false, count: lines.count), count: count)
        guard count > 0 else { return marks }
        let hasBackward = !backwardOther.isEmpty || backward.contains { !$0.isEmpty }
        let hasForwardOther = !forwardOther.isEmpty
        forwardUsed.withUnsafeBufferPointer { used in
            for (line, range) in lines.enumerated() {
                for index in range {
                    let unit = units[index]
                    let key = Self.lowercased(unit)
                    if key < 256 ? used[Int(key)] : hasForwardOther {
                        for needle in candidates(key, forward, forwardOther)
                        where index + needle.units.count <= range.upperBound && matches(needle.units, in: units, at: index) {
                            marks[needle.gate][line] = true
                        }
                    }
                    guard hasBackward, GateRegions.isDigit(unit) else { continue }
                    var end = index
                    if end > range.lowerBound && units[end - 1] == 0x20 { end -= 1 }
                    guard end > range.lowerBound else { continue }
                    for needle in candidates(Self.lowercased(units[end - 1]), backward, backwardOther)
                    where end - needle.units.count >= range.lowerBound && matches(needle.units, in: units, at: end - needle.units.count) {
                        marks[needle.gate][line] = true
                    }
                }
            }
        }
        return marks
    }

    private func candidates(_ key: UInt16, _ table: [[Needle]], _ other: [UInt16: [Needle]]) -> [Needle] {
        key < 256 ? table[Int(key)] : other[key] ?? []
    }

    private func matches(_ needle: [UInt16], in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        for offset in needle.indices where Self.lowercased(units[start + offset]) != needle[offset] { return false }
        return true
    }

    private static func lowercased(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 ? unit + 0x20 : unit
    }
}
