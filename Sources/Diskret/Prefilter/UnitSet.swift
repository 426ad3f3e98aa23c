import DiskretICU

/// A set of UTF-16 code units of the Basic Multilingual Plane, as sorted, disjoint, inclusive ranges: what one
/// character class of a pattern can consume at one text position. Notes with characters outside the BMP
/// are not prefiltered, so the set never needs them.
struct UnitSet: Hashable {
    /// Sorted, disjoint, non-adjacent ranges.
    private(set) var ranges: [ClosedRange<UInt32>]

    static let all = UnitSet(ranges: [0...0xFFFF])

    init(ranges: [ClosedRange<UInt32>]) { self.ranges = Self.normalised(ranges) }

    /// A set of one code point.
    init(_ scalar: UInt32) { self.init(ranges: [scalar...scalar]) }

    /// The set ICU's UnicodeSet syntax names ("[\p{Alphabetic}]", "[\t\n\f\r\p{Z}]"); nil if ICU rejects it.
    init?(icuPattern: String) {
        let units = Array(icuPattern.utf16)
        var error: Int32 = 0
        guard let set = units.withUnsafeBufferPointer({ dk_set_open_pattern($0.baseAddress, Int32($0.count), &error) })
        else { return nil }
        defer { dk_set_close(set) }
        self.init(ranges: Self.ranges(of: set))
    }

    /// The full case folding of `scalar` as UTF-16 units ("ss" for "ß").
    static func fullFold(_ scalar: UInt32) -> [UInt16] {
        var buffer = [UInt16](repeating: 0, count: 8)
        let length = Int(dk_full_fold(scalar, &buffer, Int32(buffer.count)))
        return Array(buffer.prefix(min(length, buffer.count)))
    }

    private static func ranges(of set: OpaquePointer) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for index in 0..<dk_set_range_count(set) {
            var start: UInt32 = 0, end: UInt32 = 0
            dk_set_range(set, index, &start, &end)
            if start > 0xFFFF || end < start { continue }
            result.append(start...min(end, 0xFFFF))
        }
        return result
    }

    private static func normalised(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// ICU's classes and case foldings as the shape parser asks for them, each computed once: the same
/// properties (`\p{Alphabetic}`) and letters recur in every pattern, and building them is most of the
/// prefilter's start-up.
final class UnitSetSource {
    private var folds: [UInt32: [UInt16]] = [:]
    private var classes: [String: UnitSet?] = [:]

    /// Every BMP unit but the surrogates, in order: ICU's matcher runs over it to tell which units a class
    /// matches.
    private static let allUnits: [UInt16] = (0...0xFFFF).compactMap { $0 & 0xF800 == 0xD800 ? nil : UInt16($0) }

    /// The units the character class `text` (a set "[…]" or an escape such as "\\s" or "\\p{L}") matches,
    /// as ICU's regex engine itself decides, compiled in free-spacing mode and, if asked, without case: ICU's
    /// documented `\s` is narrower than what its engine matches (it takes U+000B too), so nothing here
    /// trusts a definition. Nil if ICU rejects the class or a match of it is not one unit long.
    func units(matchedBy text: String, caseInsensitive: Bool) -> UnitSet? {
        let key = (caseInsensitive ? "i" : "-") + text
        if let known = classes[key] { return known }
        var result: UnitSet?
        if let regex = try? RegexPattern(text, caseInsensitive: caseInsensitive), let matcher = try? regex.makeMatcher() {
            result = Self.allUnits.withUnsafeBufferPointer { (buffer) -> UnitSet? in
                var ranges: [ClosedRange<UInt32>] = []
                do {
                    try matcher.reset(buffer, timeLimit: 0)
                    defer { try? matcher.reset(UnsafeBufferPointer(start: nil, count: 0), timeLimit: 0) }
                    try matcher.setRegion(0..<buffer.count)
                    while let match = try matcher.next() {
                        guard match.count == 1 else { return nil }
                        let unit = UInt32(buffer[match.lowerBound])
                        if let last = ranges.last, last.upperBound + 1 == unit {
                            ranges[ranges.count - 1] = last.lowerBound...unit
                        } else {
                            ranges.append(unit...unit)
                        }
                    }
                } catch {
                    return nil
                }
                return UnitSet(ranges: ranges)
            }
        }
        classes[key] = result
        return result
    }

    /// `UnitSet.fullFold(_:)`, remembered.
    func fullFold(_ scalar: UInt32) -> [UInt16] {
        if let known = folds[scalar] { return known }
        let result = UnitSet.fullFold(scalar)
        folds[scalar] = result
        return result
    }
}
