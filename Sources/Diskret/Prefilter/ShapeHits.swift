/// Per automaton rule, the sorted, disjoint ranges of a note that may hold its matches (see
/// `PrefilterScanner.regions(in:)`), all rules' in one array.
struct ShapeHits {
    /// The ranges of rule `r` are `ranges[starts[r]..<starts[r + 1]]`.
    private let ranges: [Range<Int>]
    private let starts: [Int]

    /// The ranges of `hits` by rule, keeping their order within each rule.
    init(_ hits: [(rule: Int, range: Range<Int>)], ruleCount: Int) {
        var starts = [Int](repeating: 0, count: ruleCount + 1)
        for hit in hits { starts[hit.rule + 1] += 1 }
        for rule in 0..<ruleCount { starts[rule + 1] += starts[rule] }
        var next = starts
        ranges = [Range<Int>](unsafeUninitializedCapacity: hits.count) { buffer, initialized in
            for hit in hits {
                (buffer.baseAddress! + next[hit.rule]).initialize(to: hit.range)
                next[hit.rule] += 1
            }
            initialized = hits.count
        }
        self.starts = starts
    }

    subscript(rule: Int) -> ArraySlice<Range<Int>> { ranges[starts[rule]..<starts[rule + 1]] }
}
