/// Lower-case texts to look for in a note, ignoring ASCII and Latin-1 case, indexed by one of their units
/// so that most positions cost one table look-up.
struct NeedleSet: Sendable {
    /// Needles by their first unit, or by their last for `beforeNumber`.
    private var byKeyUnit: [[[UInt16]]] = Array(repeating: [], count: 256)
    private var otherKeyUnits: [UInt16: [[UInt16]]] = [:]
    /// Which of the 256 Latin-1 key units have needles: most positions stop at this test.
    private var keyUnitUsed = [Bool](repeating: false, count: 256)
    /// A needle counts only right before a number, after at most one space; it is then looked for backwards
    /// from the digits, which are rare, rather than at every letter.
    private let beforeNumber: Bool

    init(_ needles: [String], beforeNumber: Bool = false) {
        self.beforeNumber = beforeNumber
        for needle in needles.map({ Array($0.utf16) }) where !needle.isEmpty {
            let key = beforeNumber ? needle[needle.count - 1] : needle[0]
            if key < 256 { byKeyUnit[Int(key)].append(needle); keyUnitUsed[Int(key)] = true } else { otherKeyUnits[key, default: []].append(needle) }
        }
    }

    /// The first index from `start` on, inside `range` and not at a line break, where a needle occurrence
    /// makes the line qualify: one starts there, or, for `beforeNumber`, the index is a digit that one ends
    /// right before. Nil when there is none.
    func firstOccurrence(in units: UnsafeBufferPointer<UInt16>, from start: Int, within range: Range<Int>) -> Int? {
        keyUnitUsed.withUnsafeBufferPointer { used in
            for index in start..<range.upperBound where units[index] != 0x0A {
                if beforeNumber {
                    guard GateRegions.isDigit(units[index]) else { continue }
                    var end = index
                    if end > range.lowerBound && units[end - 1] == 0x20 { end -= 1 }
                    guard end > range.lowerBound, Self.mayStart(units[end - 1], used, otherKeyUnits) else { continue }
                    let found = candidates(for: units[end - 1]).contains { needle in
                        end - needle.count >= range.lowerBound && matches(needle, in: units, at: end - needle.count)
                    }
                    if found { return index }
                } else {
                    // Most positions stop here, at one table look-up.
                    guard Self.mayStart(units[index], used, otherKeyUnits) else { continue }
                    let found = candidates(for: units[index]).contains { needle in
                        index + needle.count <= range.upperBound && matches(needle, in: units, at: index)
                    }
                    if found { return index }
                }
            }
            return nil
        }
    }

    /// Whether some needle has `unit` as its key unit (a table look-up without touching the needle arrays).
    private static func mayStart(_ unit: UInt16, _ used: UnsafeBufferPointer<Bool>, _ others: [UInt16: [[UInt16]]]) -> Bool {
        let key = lowercased(unit)
        return key < 256 ? used[Int(key)] : !others.isEmpty
    }

    private func candidates(for unit: UInt16) -> [[UInt16]] {
        let key = Self.lowercased(unit)
        return key < 256 ? byKeyUnit[Int(key)] : otherKeyUnits[key] ?? []
    }

    private func matches(_ needle: [UInt16], in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        for offset in needle.indices where Self.lowercased(units[start + offset]) != needle[offset] { return false }
        return true
    }

    private static func lowercased(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 ? unit + 0x20 : unit
    }
}
