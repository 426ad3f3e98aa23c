/// The units of the BMP split into classes that no set of the automaton tells apart, so the DFA's rows
/// have one column per class instead of one per unit.
struct UnitClasses {
    /// The class of every BMP unit.
    let classOf: [UInt16]
    let count: Int
    /// Whether set `s` holds class `c`, at `s * count + c`.
    let member: [Bool]
    /// For classes of a unit whose full case folding has several units ("ß" → "ss"), the classes of those
    /// units: case-insensitive matching may consume the unit as that sequence.
    let foldings: [Int: [Int]]

    /// Classes as the pack cache holds them.
    init(classOf: [UInt16], count: Int, member: [Bool], foldings: [Int: [Int]]) {
        self.classOf = classOf
        self.count = count
        self.member = member
        self.foldings = foldings
    }

    /// Classes for `sets`; each unit of `multiUnitFolds` gets a class of its own.
    init(sets: [UnitSet], multiUnitFolds: [UInt16: [UInt16]]) {
        var singles = multiUnitFolds.keys.map { UnitSet(UInt32($0)) }
        singles.sort { $0.ranges[0].lowerBound < $1.ranges[0].lowerBound }
        let all = sets + singles
        // Elementary intervals between every start and every end + 1 of every range.
        var cuts: Set<UInt32> = [0, 0x10000]
        for set in all { for range in set.ranges { cuts.insert(range.lowerBound); cuts.insert(range.upperBound + 1) } }
        let points = cuts.sorted()
        let intervalCount = points.count - 1
        let words = (all.count + 63) / 64
        var signatures = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: intervalCount)
        for (setNumber, set) in all.enumerated() {
            for range in set.ranges {
                var interval = points.lowerBound(of: range.lowerBound)
                while interval < intervalCount && points[interval] <= range.upperBound {
                    signatures[interval][setNumber / 64] |= 1 << UInt64(setNumber % 64)
                    interval += 1
                }
            }
        }
        var classBySignature: [[UInt64]: Int] = [:]
        var classOf = [UInt16](repeating: 0, count: 0x10000)
        var memberSignatures: [[UInt64]] = []
        for interval in 0..<intervalCount {
            let signature = signatures[interval]
            let number: Int
            if let known = classBySignature[signature] { number = known } else {
                number = memberSignatures.count
                classBySignature[signature] = number
                memberSignatures.append(signature)
            }
            for unit in points[interval]..<points[interval + 1] { classOf[Int(unit)] = UInt16(number) }
        }
        count = memberSignatures.count
        var member = [Bool](repeating: false, count: sets.count * count)
        for (number, signature) in memberSignatures.enumerated() {
            for set in 0..<sets.count where signature[set / 64] & (1 << UInt64(set % 64)) != 0 {
                member[set * count + number] = true
            }
        }
        var foldings: [Int: [Int]] = [:]
        for (unit, folded) in multiUnitFolds { foldings[Int(classOf[Int(unit)])] = folded.map { Int(classOf[Int($0)]) } }
        self.classOf = classOf
        self.member = member
        self.foldings = foldings
    }

    /// The BMP units whose full case folding has more than one unit, with that folding.
    static func multiUnitFolds() -> [UInt16: [UInt16]] {
        var result: [UInt16: [UInt16]] = [:]
        guard let changing = UnitSet(icuPattern: "[\\p{Changes_When_Casefolded}]") else { return result }
        for range in changing.ranges {
            for scalar in range {
                let folded = UnitSet.fullFold(scalar)
                if folded.count > 1 { result[UInt16(scalar)] = folded }
            }
        }
        return result
    }
}
